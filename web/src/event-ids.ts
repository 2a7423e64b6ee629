/**
 * Links to a list of named events (/events?id=a,b,c): a count whose rule the event filters
 * cannot express (the cost table's events priced in a year, whatever year they started in)
 * opens exactly the events it counts, by their ids.
 */

/** The list page's address for these event ids (order kept, duplicates and blanks dropped), with `country` to head it. */
export function idsHref(ids: readonly string[], country?: string): string {
  const p = new URLSearchParams();
  if (country) p.set('country', country);
  p.set('id', [...new Set(ids.filter(Boolean))].join(','));
  return `/events?${p.toString()}`;
}

/** The ids an `id` parameter names (comma-separated, repeatable), each once. */
export function parseIds(values: readonly string[]): string[] {
  return [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}
