/**
 * `splinternet speedtests summary` and GET /api/speedtests/summary: the throttling verdict per
 * (country, network, day). `items` has exactly the published summary keys (detect/schemas.ts); `method` and `sources` say
 * how the figures were made and from which data (with its licence).
 */
import type { Store } from '../../store/index.js';
import type { DataSource } from '../detection.js';
import { normaliseQuery } from '../run.js';
import { round } from '../stats.js';
import { asnLabel, verdictFor, DEFAULT_THROTTLE_PARAMS, type ThrottleDay, type ThrottleParams } from '../throttle.js';
import { sourceOf, THROTTLE_METHOD } from '../throttle-run.js';

export interface SpeedTestSummary {
  items: ThrottleDay[];
  method: string;
  params: ThrottleParams;
  sources: DataSource[];
  data_vintage: { first_day: string | null; last_day: string | null };
}

export async function speedTestSummary(
  store: Store,
  f: { cc?: string; asn?: string; since?: string; until?: string },
  p: ThrottleParams = DEFAULT_THROTTLE_PARAMS,
): Promise<SpeedTestSummary> {
  const q = normaliseQuery(f);
  // Aggregated in the store (same arithmetic as throttleDays; the 40k tests never become JS objects).
  const cells = await store.speedtests.days({ cc: q.cc, asn: q.asnNumber, since: q.since, until: q.until }, p);
  const used = new Set(cells.datasets);
  const items: ThrottleDay[] = cells.days.map((d) => ({
    cc: d.as_country,
    asn: asnLabel(d.asn),
    as_name: d.as_name,
    day: d.day,
    n: d.n,
    share_throttled: d.n ? round(d.k / d.n, 3) : null,
    median_target_kbps: round(d.median_target),
    median_control_kbps: round(d.median_control),
    verdict: verdictFor(d.n, d.k, p),
  }));
  const days = items.map((d) => d.day).sort();
  return {
    items,
    method: THROTTLE_METHOD,
    params: p,
    sources: (await store.speedtests.listSources()).filter((s) => used.has(s.dataset)).map(sourceOf),
    data_vintage: { first_day: days[0] ?? null, last_day: days.at(-1) ?? null },
  };
}
