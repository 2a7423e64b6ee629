/**
 * One name per data source, whatever file it came in: names are lower case, and IODA's API names
 * are those of its CSV export (`ucsd-nt` is `darknet`, the UCSD network telescope;
 * `ping-slash24` is `active_probing`), so the same signal imported from both is one series with
 * one attribution and licence, never two signals corroborating each other.
 */
const IODA_API_NAMES: Record<string, string> = { 'ucsd-nt': 'darknet', 'ping-slash24': 'active_probing' };

export function canonicalSource(name: string): string {
  const lower = name.toLowerCase();
  return IODA_API_NAMES[lower] ?? lower;
}
