/**
 * `splinternet speedtests summary` and GET /api/speedtests/summary: the throttling verdict per
 * (country, network, target, day). `items` has exactly the published summary keys (detect/schemas.ts); `method` and `sources` say
 * how the figures were made and from which data (with its licence).
 */
import type { Store } from '../../store/index.js';
import type { DataSource } from '../detection.js';
import { normaliseQuery, wholeDayWindow, type DayWindow } from '../run.js';
import { round } from '../stats.js';
import { asnLabel, verdictFor, DEFAULT_THROTTLE_PARAMS, KBPS_DIGITS, type ThrottleDay, type ThrottleParams } from '../throttle.js';
import { sourceOf, THROTTLE_METHOD } from '../throttle-run.js';
import { datasetsByTarget } from './targets.js';

export interface SpeedTestSummary {
  items: ThrottleDay[];
  method: string;
  params: ThrottleParams;
  sources: DataSource[];
  window: DayWindow;
  data_vintage: { first_day: string | null; last_day: string | null };
}

export async function speedTestSummary(
  store: Store,
  f: { cc?: string; asn?: string; target?: string; since?: string; until?: string },
  p: ThrottleParams = DEFAULT_THROTTLE_PARAMS,
): Promise<SpeedTestSummary> {
  const { q, window } = wholeDayWindow(normaliseQuery(f));
  const all = await store.speedtests.listSources();
  const used = new Set<string>();
  const items: ThrottleDay[] = [];
  // One aggregation per target (tests of two targets never share a cell), in the store: the 40k tests never become JS objects.
  for (const g of datasetsByTarget(all).filter((x) => q.target === undefined || x.target === q.target)) {
    const filter = { cc: q.cc, asn: q.asnNumber, since: q.since, until: q.until, datasets: g.sources.map((s) => s.dataset) };
    const cells = await store.speedtests.days(filter, p);
    for (const d of cells.datasets) used.add(d);
    for (const d of cells.days)
      items.push({
        cc: d.as_country,
        asn: asnLabel(d.asn),
        as_name: d.as_name,
        day: d.day,
        target: g.target,
        tests_read: d.n_read,
        n: d.n,
        share_throttled: d.n ? round(d.k / d.n, 3) : null,
        median_target_kbps: round(d.median_target, KBPS_DIGITS),
        median_control_kbps: round(d.median_control, KBPS_DIGITS),
        verdict: verdictFor(d.n, d.k, p),
      });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  items.sort(
    (a, b) => cmp(a.cc, b.cc) || Number(a.asn.slice(2)) - Number(b.asn.slice(2)) || cmp(a.target ?? '\uffff', b.target ?? '\uffff') || cmp(a.day, b.day),
  );
  const days = items.map((d) => d.day).sort();
  return {
    items,
    window,
    method: THROTTLE_METHOD,
    params: p,
    sources: all.filter((s) => used.has(s.dataset)).map(sourceOf),
    data_vintage: { first_day: days[0] ?? null, last_day: days.at(-1) ?? null },
  };
}
