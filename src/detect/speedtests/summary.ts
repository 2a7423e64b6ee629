/**
 * `splinternet speedtests summary` and GET /api/speedtests/summary: the throttling verdict per
 * (country, network, day). `items` has exactly the keys of issue 6; `method` and `sources` say
 * how the figures were made and from which data (with its licence).
 */
import type { Store } from '../../store/index.js';
import type { DataSource } from '../detection.js';
import { normaliseQuery } from '../run.js';
import { summaryItem, throttleDays, DEFAULT_THROTTLE_PARAMS, type ThrottleDay, type ThrottleParams } from '../throttle.js';
import { sourceOf, THROTTLE_METHOD } from '../throttle-run.js';

export interface SpeedTestSummary {
  items: ThrottleDay[];
  method: string;
  params: ThrottleParams;
  sources: DataSource[];
  data_vintage: { first_day: string | null; last_day: string | null };
}

export async function speedTestSummary(store: Store, f: { cc?: string; asn?: string; since?: string; until?: string }, p: ThrottleParams = DEFAULT_THROTTLE_PARAMS): Promise<SpeedTestSummary> {
  const q = normaliseQuery(f);
  const points = await store.detect.speedTestPoints({ cc: q.cc, asn: q.asnNumber, since: q.since, until: q.until });
  const used = new Set(points.map((x) => x.dataset));
  const items = throttleDays(points, p).map(summaryItem);
  const days = items.map((d) => d.day).sort();
  return {
    items,
    method: THROTTLE_METHOD,
    params: p,
    sources: (await store.detect.listSpeedTestSources()).filter((s) => used.has(s.dataset)).map(sourceOf),
    data_vintage: { first_day: days[0] ?? null, last_day: days.at(-1) ?? null },
  };
}
