/**
 * The accepted names a mistyped one was probably meant as ("did you mean country?"): one rule
 * for the API's refusal of an unknown query parameter (src/server/unknown-params.ts) and the
 * dashboard's refusal of an unknown page parameter (web/src/page-params.ts), so the same typo
 * gets the same hint on both. No imports: the dashboard bundles it.
 */
/** Names other routes give the same filter (the measurement routes say cc, the ledger says country); read with Object.hasOwn only. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  country: ['cc'],
  cc: ['country'],
  probe_cc: ['cc', 'country'],
  probe_asn: ['asn'],
  network: ['asn'],
  from: ['since', 'start'],
  since: ['from', 'start'],
  start: ['from', 'since'],
  to: ['until', 'end'],
  until: ['to', 'end'],
  end: ['to', 'until'],
  page: ['cursor'],
  offset: ['cursor'],
  size: ['limit'],
  per_page: ['limit'],
  page_size: ['limit'],
  search: ['q'],
  query: ['q'],
};

/** Optimal string alignment distance (insert, delete, substitute, swap neighbours), or limit + 1 once over `limit`. */
export function osaDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    if (Math.min(...cur) > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The accepted names `name` was probably meant as, best first (empty when none is close): the
 * same name in another case or with '-' for '_', then the closest by edit distance (at most 1
 * for names up to 4 letters, 2 from 5, and fewer than the shorter name's letters), an accepted
 * name it begins (3 letters or more), then
 * another route's name for the same filter.
 */
export function nearestNames(name: string, accepted: readonly string[]): string[] {
  const n = name.toLowerCase().replace(/-/g, '_');
  const same = accepted.filter((a) => a.toLowerCase() === n);
  if (same.length) return same;
  const limit = n.length <= 4 ? 1 : 2;
  let best = limit + 1;
  let near: string[] = [];
  for (const a of accepted) {
    const d = osaDistance(n, a.toLowerCase(), limit);
    if (d >= Math.min(n.length, a.length)) continue; // every letter changed: "_" is not a typo of "q"
    if (d < best) [best, near] = [d, [a]];
    else if (d === best && d <= limit) near.push(a);
  }
  if (near.length) return near;
  if (n.length >= 3) {
    const prefix = accepted.filter((a) => a.toLowerCase().startsWith(n));
    if (prefix.length) return prefix;
  }
  return (Object.hasOwn(ALIASES, n) ? ALIASES[n]! : []).filter((a) => accepted.includes(a));
}
