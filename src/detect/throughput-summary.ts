/**
 * `splinternet throughput summary` and GET /api/throughput/summary: the throttling verdict per
 * (country, network, target, day) from OONI network_events throughput, in the shape of the
 * speed-test summary plus the target and TLS handshake medians, with what was left out and why
 * (measurements that could not be paired, bad network events by reason).
 */
import type { Store } from '../store/index.js';
import type { DataSource } from './detection.js';
import { pairOoniTests, type OoniExclusions } from './ooni-throughput.js';
import { normaliseQuery, wholeDayWindow, type DayWindow } from './run.js';
import { median, round } from './stats.js';
import { summaryItem, throttleDays, type ThrottleDay } from './throttle.js';
import { OONI_THROTTLE_METHOD, OONI_THROUGHPUT_SOURCE } from './throttle-inputs.js';
import { DEFAULT_THROTTLE_RUN_PARAMS, type ThrottleRunParams } from './throttle-run.js';

/** The speed-test summary's keys, plus the target and TLS handshake medians. */
export interface ThroughputDay extends ThrottleDay {
  target: string;
  median_tls_handshake_ms: number | null;
  median_control_tls_handshake_ms: number | null;
}

export interface ThroughputSummary {
  items: ThroughputDay[];
  input: 'ooni_network_events';
  measurements_with_network_events: number;
  paired: number;
  excluded: OoniExclusions;
  with_bad_events: number;
  bad_events: Record<string, number>;
  files_not_extracted: number;
  method: string;
  params: ThrottleRunParams;
  sources: DataSource[];
  window: DayWindow;
  data_vintage: { first_day: string | null; last_day: string | null };
}

const nums = (v: (number | null | undefined)[]) => v.filter((x): x is number => typeof x === 'number');

export async function throughputSummary(
  store: Store,
  f: { cc?: string; asn?: string; target?: string; since?: string; until?: string },
  p: ThrottleRunParams = DEFAULT_THROTTLE_RUN_PARAMS,
): Promise<ThroughputSummary> {
  const { q, window } = wholeDayWindow(normaliseQuery(f));
  const points = await store.throughput.points({ cc: q.cc, asn: q.asn, since: q.since, until: q.until });
  const { tests, excluded, with_bad_events } = pairOoniTests(points, p, q.target);
  const days = throttleDays(tests, p);
  const cells = new Map<string, typeof tests>();
  for (const t of tests) {
    if (t.control_result < p.minControlKbps) continue;
    const k = `${t.as_country} AS${t.asn} ${t.target} ${t.day}`;
    const list = cells.get(k);
    if (list) list.push(t);
    else cells.set(k, [t]);
  }
  const items = days.map((d): ThroughputDay => {
    const cell = cells.get(`${d.cc} ${d.asn} ${d.target} ${d.day}`) ?? [];
    return {
      ...summaryItem(d),
      target: d.target ?? '',
      median_tls_handshake_ms: round(median(nums(cell.map((t) => t.tls_ms)))),
      median_control_tls_handshake_ms: round(median(nums(cell.map((t) => t.control_tls_ms)))),
    };
  });
  const sorted = items.map((d) => d.day).sort();
  return {
    items,
    window,
    input: 'ooni_network_events',
    measurements_with_network_events: q.target === undefined ? points.length : points.filter((x) => x.target === q.target).length,
    paired: tests.length,
    excluded,
    with_bad_events,
    bad_events: await store.throughput.badEventCounts({ cc: q.cc, asn: q.asn, target: q.target, since: q.since, until: q.until }),
    files_not_extracted: (await store.throughput.counts()).pending_files,
    method: OONI_THROTTLE_METHOD,
    params: p,
    sources: points.length ? [OONI_THROUGHPUT_SOURCE] : [],
    data_vintage: { first_day: sorted[0] ?? null, last_day: sorted.at(-1) ?? null },
  };
}
