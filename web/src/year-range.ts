/**
 * The years a page offers in its From/To lists: every year from the earliest to the latest of
 * the event counts' start years and of the cost series' periods, so a cost year after the last
 * start year (an ongoing event's 2026) can be chosen and the default range sums it.
 */
export function yearRange(startYears: number[], costPeriods: string[][]): { min: number; max: number; years: number[] } {
  const costYears = costPeriods.flat().flatMap((p) => (/^\d{4}/.test(p) ? [Number(p.slice(0, 4))] : []));
  const all = [...startYears, ...costYears];
  const min = all.length ? Math.min(...all) : new Date().getFullYear();
  const max = all.length ? Math.max(...all) : new Date().getFullYear();
  return { min, max, years: Array.from({ length: max - min + 1 }, (_, i) => min + i) };
}
