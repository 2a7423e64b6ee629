/**
 * The throttling detector run: speed tests from the store -> per (country, network, day)
 * verdicts -> per-network runs of throttled days -> country episodes corroborated by at least
 * k networks (or, when one network is asked for, that network's own episodes).
 */
import type { Store, SpeedTestSourceRecord } from '../store/index.js';
import { corroborate, type MemberInterval } from './corroborate.js';
import { DAY, detectionId, iso, type DataSource, type Detection, type SeriesReport } from './detection.js';
import { median, round } from './stats.js';
import { DEFAULT_THROTTLE_PARAMS, isThrottled, throttleDays, verdictChanges, type SpeedTestInput, type ThrottleDayDetail, type ThrottleParams } from './throttle.js';

export interface ThrottleRunParams extends ThrottleParams {
  /** Networks throttled at once for a country detection. */
  minNetworks: number;
  /** Days between two networks' throttled runs that still corroborate each other. */
  corroborationDays: number;
}

export const DEFAULT_THROTTLE_RUN_PARAMS: ThrottleRunParams = { ...DEFAULT_THROTTLE_PARAMS, minNetworks: 2, corroborationDays: 1 };

export interface ThrottleFilter {
  cc?: string;
  asn?: number;
  since?: string;
  until?: string;
}

export const THROTTLE_METHOD =
  'Paired speed tests: a test is throttled when the target download is at most 1/4 of the control download in the same test and the control reached 1 Mbps; ' +
  'a (country, network, day) is throttled when at least 5 tests count and the 95% Wilson lower bound of the throttled share exceeds 10% (docs/design/030-detection.md).';

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

export const sourceOf = (s: SpeedTestSourceRecord): DataSource => ({ name: s.name, url: s.url, licence: s.licence, attribution: s.attribution });

/**
 * Runs of throttled days of one network; a not_throttled day ends a run, insufficient days do
 * not. A run is open (still throttled when the data ends) when no decided day follows it and it
 * reaches to within `graceDays` of the last day of data.
 */
function throttledRuns(days: ThrottleDayDetail[], lastDay: string, graceDays: number): { from: string; to: string; open: boolean }[] {
  const runs: { from: string; to: string; open: boolean }[] = [];
  let cur: { from: string; to: string; open: boolean } | null = null;
  for (const d of days) {
    if (d.verdict === 'throttled') {
      if (cur) cur.to = d.day;
      else cur = { from: d.day, to: d.day, open: false };
    } else if (d.verdict === 'not_throttled' && cur) {
      runs.push(cur);
      cur = null;
    }
  }
  if (cur) runs.push({ ...cur, open: dayMs(lastDay) - dayMs(cur.to) <= graceDays * DAY });
  return runs;
}

interface NetworkResult {
  report: SeriesReport;
  runs: { from: string; to: string; open: boolean }[];
  days: ThrottleDayDetail[];
  tests: SpeedTestInput[];
}

function networkResult(days: ThrottleDayDetail[], tests: SpeedTestInput[], lastDay: string, p: ThrottleRunParams): NetworkResult {
  const first = days[0]!;
  const throttledDays = days.filter((d) => d.verdict === 'throttled');
  const decided = days.filter((d) => d.verdict !== 'insufficient');
  const hit = tests.filter((t) => isThrottled(t, p));
  const runs = throttledRuns(days, lastDay, p.corroborationDays);
  const cap = median(hit.map((t) => t.test_result));
  const line = median(hit.map((t) => t.control_result));
  return {
    runs,
    days,
    tests,
    report: {
      kind: 'throttling',
      probe_cc: first.cc,
      probe_asn: first.asn,
      as_name: first.as_name,
      target: null,
      layer: null,
      status: decided.length ? 'ok' : 'insufficient',
      reason: decided.length ? null : `no day with at least ${p.minTests} speed tests whose control reached ${p.minControlKbps} kbps`,
      state: decided.length ? (decided.at(-1)!.verdict) : null,
      changes: verdictChanges(days) as unknown as Record<string, unknown>[],
      figures: {
        verdict: throttledDays.length ? 'throttled' : decided.length ? 'not_throttled' : 'insufficient',
        days_throttled: throttledDays.length,
        days_not_throttled: decided.length - throttledDays.length,
        days_insufficient: days.length - decided.length,
        first_throttled: throttledDays[0]?.day ?? null,
        last_throttled: throttledDays.at(-1)?.day ?? null,
        throttled_days: runs.map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`)).join(', ') || null,
        tests: days.reduce((a, d) => a + d.n, 0),
        tests_throttled: hit.length,
        median_share_on_throttled_days: round(median(throttledDays.map((d) => d.share_throttled ?? 0)), 3),
        median_throttled_target_kbps: round(cap),
        median_throttled_control_kbps: round(line),
        slowdown_factor: cap && line ? round(line / cap) : null,
        median_target_kbps: round(median(tests.filter((t) => t.control_result >= p.minControlKbps).map((t) => t.test_result))),
        median_control_kbps: round(median(tests.filter((t) => t.control_result >= p.minControlKbps).map((t) => t.control_result))),
      },
    },
  };
}

function detectionFor(
  scope: Detection['scope'],
  cc: string,
  asn: string | null,
  ep: { start: number; end: number | null; members: string[] },
  nets: Map<string, NetworkResult>,
  firstDay: string,
  lastDay: string,
  sources: DataSource[],
  target: string | null,
  p: ThrottleParams,
): Omit<Detection, 'draft'> {
  const startDay = iso(ep.start).slice(0, 10);
  const endDay = ep.end === null ? null : iso(ep.end - DAY).slice(0, 10);
  const inEp = (day: string) => day >= startDay && (endDay === null || day <= endDay);
  const per = ep.members.map((m) => {
    const n = nets.get(m)!;
    const ds = n.days.filter((d) => inEp(d.day));
    const hit = n.tests.filter((t) => inEp(t.day) && isThrottled(t, p));
    const counted = ds.reduce((a, d) => a + d.n, 0);
    return {
      asn: m,
      as_name: n.report.as_name ?? null,
      days_throttled: ds.filter((d) => d.verdict === 'throttled').length,
      days_observed: ds.length,
      share_throttled: counted ? round(hit.length / counted, 3) : null,
      median_throttled_target_kbps: round(median(hit.map((t) => t.test_result))),
      median_throttled_control_kbps: round(median(hit.map((t) => t.control_result))),
    };
  });
  const allHit = per.flatMap((x) => nets.get(x.asn)!.tests.filter((t) => inEp(t.day) && isThrottled(t, p)));
  const allCounted = per.reduce((a, x) => a + nets.get(x.asn)!.days.filter((d) => inEp(d.day)).reduce((b, d) => b + d.n, 0), 0);
  const start = iso(ep.start);
  const params: Record<string, string> = { cc, since: startDay, until: iso((ep.end ?? dayMs(lastDay) + DAY)).slice(0, 10) };
  if (asn) params.asn = asn;
  const cap = median(allHit.map((t) => t.test_result));
  const line = median(allHit.map((t) => t.control_result));
  const base = { kind: 'throttling' as const, probe_cc: cc, probe_asn: asn, target, layer: null, start };
  return {
    id: detectionId(base),
    ...base,
    scope,
    networks: ep.members,
    end: ep.end === null ? null : iso(ep.end),
    start_censored: startDay === firstDay,
    data_until: iso(dayMs(lastDay) + DAY),
    strength: {
      networks: ep.members.length,
      share_throttled: allCounted ? round(allHit.length / allCounted, 3) : null,
      tests_throttled: allHit.length,
      tests: allCounted,
      median_throttled_target_kbps: round(cap),
      median_throttled_control_kbps: round(line),
      slowdown_factor: cap && line ? round(line / cap) : null,
    },
    summary:
      `${target ?? 'the target'} throttled on ${ep.members.length} network(s) in ${cc} from ${startDay}${endDay ? ` to ${endDay}` : ` until the data ends (${lastDay})`}: ` +
      `${allHit.length} of ${allCounted} counted tests throttled, median ${round(cap) ?? '?'} kbps against ${round(line) ?? '?'} kbps to the control`,
    evidence_query: {
      api: `/api/speedtests/summary?${new URLSearchParams(params).toString()}`,
      cli: `splinternet speedtests summary --cc ${cc}${asn ? ` --asn ${asn}` : ''} --since ${params.since} --until ${params.until}`,
      params,
    },
    per_network: per,
    method: THROTTLE_METHOD,
    sources,
  };
}

export async function runThrottling(store: Store, f: ThrottleFilter, p: ThrottleRunParams = DEFAULT_THROTTLE_RUN_PARAMS): Promise<{ detections: Omit<Detection, 'draft'>[]; series: SeriesReport[] }> {
  const points = await store.detect.speedTestPoints(f);
  const sourceRecords = await store.detect.listSpeedTestSources();
  const used = new Set(points.map((x) => x.dataset));
  const srcs = sourceRecords.filter((s) => used.has(s.dataset));
  const sources = srcs.map(sourceOf);
  const target = srcs.find((s) => s.targetHost)?.targetHost ?? null;
  if (points.length === 0) {
    const reason = sourceRecords.length ? 'no speed tests match the filters' : 'no speed tests in the store (run splinternet speedtests import PATH)';
    return { detections: [], series: [{ kind: 'throttling', probe_cc: f.cc ?? null, probe_asn: f.asn ? `AS${f.asn}` : null, target, layer: null, status: 'insufficient', reason, state: null, changes: [], figures: {} }] };
  }
  const days = throttleDays(points, p);
  const firstDay = days.reduce((a, d) => (d.day < a ? d.day : a), days[0]!.day);
  const lastDay = days.reduce((a, d) => (d.day > a ? d.day : a), days[0]!.day);
  const byNet = new Map<string, { days: ThrottleDayDetail[]; tests: SpeedTestInput[] }>();
  for (const d of days) {
    const k = `${d.cc} ${d.asn}`;
    if (!byNet.has(k)) byNet.set(k, { days: [], tests: [] });
    byNet.get(k)!.days.push(d);
  }
  for (const t of points) byNet.get(`${t.as_country} AS${t.asn}`)!.tests.push(t);
  const results = [...byNet.values()].map((n) => networkResult(n.days, n.tests, lastDay, p));
  const detections: Omit<Detection, 'draft'>[] = [];
  for (const cc of [...new Set(results.map((r) => r.report.probe_cc!))]) {
    const nets = new Map(results.filter((r) => r.report.probe_cc === cc).map((r) => [r.report.probe_asn!, r]));
    const intervals: MemberInterval[] = [...nets].flatMap(([asn, r]) => r.runs.map((run) => ({ member: asn, start: dayMs(run.from), end: run.open ? null : dayMs(run.to) + DAY })));
    if (f.asn !== undefined) {
      for (const iv of intervals) detections.push(detectionFor('network', cc, iv.member, { start: iv.start, end: iv.end, members: [iv.member] }, nets, firstDay, lastDay, sources, target, p));
    } else {
      for (const ep of corroborate(intervals, p.minNetworks, p.corroborationDays * DAY)) detections.push(detectionFor('country', cc, null, ep, nets, firstDay, lastDay, sources, target, p));
    }
  }
  return { detections, series: results.map((r) => r.report) };
}
