/**
 * The world map's cost figures, from the rows the API gives: our figure for a country-year of
 * GET /api/cost/compare is every event we priced there (a Top10VPN row for part of a country
 * narrows only the like-for-like comparison on the country page, never the country's own
 * total), and a published figure for part of a country names that part. Pure, so the rules are
 * tested without a browser.
 */

interface PricedEvent {
  id: string;
  usd: number | null;
}

/** The fields of a cost-compare row the world map reads. */
export interface CompareRowLike {
  ours: Record<string, number>;
  events: PricedEvent[];
  events_outside_area: PricedEvent[];
}

/**
 * Our figure for one country-year under `method`: the row's own total plus the events priced
 * outside Top10VPN's area (their usd is the compare method's median), and the ids of every
 * event behind it, each once. Null when nothing was priced.
 */
export function ourCountryYear(row: CompareRowLike, method: string): { usd: number; ids: string[] } | null {
  const outside = row.events_outside_area.filter((e) => e.usd !== null && e.usd > 0);
  const own = row.ours[method];
  if (own === undefined && !outside.length) return null;
  const usd = (own ?? 0) + outside.reduce((a, e) => a + (e.usd ?? 0), 0);
  return { usd, ids: uniqueIds([...(own === undefined ? [] : row.events.map((e) => e.id)), ...outside.map((e) => e.id)]) };
}

/** Ids in first-seen order, each once (an event priced in several years is one event). */
export const uniqueIds = (ids: Iterable<string>): string[] => [...new Set(ids)];

/** The part of a country a published value is for, from its note ("…; area: Azad Kashmir"); null for the whole country. */
export function publishedArea(note: string | null | undefined): string | null {
  const m = /(?:^|; )area: ([^;]+)/.exec(note ?? '');
  return m ? m[1]!.trim() : null;
}
