/**
 * The throttling detector run, one judge for every input: paired tests (crowdsourced speed
 * tests, or OONI measurements paired with their session's other targets) -> per (country,
 * network[, target], day) verdicts -> per-network runs of throttled days -> country episodes
 * corroborated by at least k networks (or, when one network is asked for, that network's own
 * episodes). Each detection and series names its input.
 */
import { evidenceQuery } from './evidence-query.js';
import type { Store, SpeedTestSourceRecord } from '../store/index.js';
import { corroborate, type MemberInterval } from './corroborate.js';
import { DAY, detectionFrame, insufficientSeries, iso, type DataSource, type Detection, type DetectionInput, type SeriesReport } from './detection.js';
import { DEFAULT_OONI_PAIR_PARAMS, type OoniPairParams } from './ooni-throughput.js';
import { median, round } from './stats.js';
import {
  DEFAULT_THROTTLE_PARAMS,
  isThrottled,
  throttleDays,
  verdictChanges,
  type SpeedTestInput,
  type ThrottleDayDetail,
  type ThrottleParams,
} from './throttle.js';

export interface ThrottleRunParams extends ThrottleParams, OoniPairParams {
  /** Networks throttled at once for a country detection. */
  minNetworks: number;
  /** Days between two networks' throttled runs that still corroborate each other. */
  corroborationDays: number;
}

export const DEFAULT_THROTTLE_RUN_PARAMS: ThrottleRunParams = { ...DEFAULT_THROTTLE_PARAMS, ...DEFAULT_OONI_PAIR_PARAMS, minNetworks: 2, corroborationDays: 1 };

export interface ThrottleFilter {
  cc?: string;
  asn?: number;
  since?: string;
  until?: string;
  /** OONI input only (a speed-test dataset has one target). */
  target?: string;
}

/** What the judge needs to know about one input. */
export interface ThrottleInputContext {
  input: DetectionInput;
  /** The sources of the tests of one target (a speed-test dataset measures one target). */
  sources: (target: string | null) => DataSource[];
  /** The target when the input has no tests to carry it on (an insufficient series). */
  target: string | null;
  method: string;
  /** The API path and CLI command that list the per-day cells behind a detection. */
  /** Where the evidence query points: the API route and the CLI command (evidence-query.ts). */
  evidence: { path: string; command: string };
}

export const THROTTLE_METHOD =
  'Paired speed tests: a test is throttled when the target download is at most 1/4 of the control download in the same test and the control reached 1 Mbps; ' +
  'a (country, network, target, day) is throttled when at least 5 tests count and the 95% Wilson lower bound of the throttled share exceeds 10% (docs/design/030-detection.md).';

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

const counted = (tests: SpeedTestInput[], p: ThrottleParams) => tests.filter((t) => t.control_result >= p.minControlKbps);
const nums = (v: (number | null | undefined)[]) => v.filter((x): x is number => typeof x === 'number');

/** Median TLS handshake of throttled tests and of their session controls (OONI input only). */
function tlsFigures(hit: SpeedTestInput[]): Record<string, number | null> {
  if (!hit.some((t) => t.tls_ms !== undefined)) return {};
  return {
    median_throttled_tls_handshake_ms: round(median(nums(hit.map((t) => t.tls_ms)))),
    median_control_tls_handshake_ms: round(median(nums(hit.map((t) => t.control_tls_ms)))),
  };
}

function networkResult(days: ThrottleDayDetail[], tests: SpeedTestInput[], lastDay: string, p: ThrottleRunParams, ctx: ThrottleInputContext): NetworkResult {
  const first = days[0]!;
  const throttledDays = days.filter((d) => d.verdict === 'throttled');
  const decided = days.filter((d) => d.verdict !== 'insufficient');
  const hit = tests.filter((t) => isThrottled(t, p));
  const runs = throttledRuns(days, lastDay, p.corroborationDays);
  const cap = median(hit.map((t) => t.test_result));
  const line = median(hit.map((t) => t.control_result));
  const unit = ctx.input === 'speedtests' ? 'speed tests' : 'OONI measurements paired with their session';
  return {
    runs,
    days,
    tests,
    report: {
      kind: 'throttling',
      input: ctx.input,
      probe_cc: first.cc,
      probe_asn: first.asn,
      as_name: first.as_name,
      target: first.target ?? ctx.target,
      layer: null,
      status: decided.length ? 'ok' : 'insufficient',
      reason: decided.length ? null : `no day with at least ${p.minTests} ${unit} whose control reached ${p.minControlKbps} kbps`,
      state: decided.length ? decided.at(-1)!.verdict : null,
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
        median_target_kbps: round(median(counted(tests, p).map((t) => t.test_result))),
        median_control_kbps: round(median(counted(tests, p).map((t) => t.control_result))),
        ...tlsFigures(hit),
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
  span: { firstDay: string; lastDay: string },
  target: string | null,
  p: ThrottleParams,
  ctx: ThrottleInputContext,
): Omit<Detection, 'draft'> {
  const startDay = iso(ep.start).slice(0, 10);
  const endDay = ep.end === null ? null : iso(ep.end - DAY).slice(0, 10);
  const inEp = (day: string) => day >= startDay && (endDay === null || day <= endDay);
  const per = ep.members.map((m) => {
    const n = nets.get(m)!;
    const ds = n.days.filter((d) => inEp(d.day));
    const hit = n.tests.filter((t) => inEp(t.day) && isThrottled(t, p));
    const nCounted = ds.reduce((a, d) => a + d.n, 0);
    return {
      asn: m,
      as_name: n.report.as_name ?? null,
      days_throttled: ds.filter((d) => d.verdict === 'throttled').length,
      days_observed: ds.length,
      share_throttled: nCounted ? round(hit.length / nCounted, 3) : null,
      median_throttled_target_kbps: round(median(hit.map((t) => t.test_result))),
      median_throttled_control_kbps: round(median(hit.map((t) => t.control_result))),
    };
  });
  const allHit = per.flatMap((x) => nets.get(x.asn)!.tests.filter((t) => inEp(t.day) && isThrottled(t, p)));
  const allCounted = per.reduce(
    (a, x) =>
      a +
      nets
        .get(x.asn)!
        .days.filter((d) => inEp(d.day))
        .reduce((b, d) => b + d.n, 0),
    0,
  );
  const start = iso(ep.start);
  // the evidence's until is inclusive: the detection's last day, or the last day of data while it is still open
  const params: Record<string, string> = {
    cc,
    ...(asn ? { asn } : {}),
    ...(target ? { target } : {}),
    since: startDay,
    until: endDay ?? span.lastDay,
  };
  const cap = median(allHit.map((t) => t.test_result));
  const line = median(allHit.map((t) => t.control_result));
  const base = { kind: 'throttling' as const, input: ctx.input, probe_cc: cc, probe_asn: asn, target, layer: null, start };
  return {
    ...detectionFrame(base, scope, ep, startDay === span.firstDay, dayMs(span.lastDay) + DAY),
    strength: {
      networks: ep.members.length,
      share_throttled: allCounted ? round(allHit.length / allCounted, 3) : null,
      tests_throttled: allHit.length,
      tests: allCounted,
      median_throttled_target_kbps: round(cap),
      median_throttled_control_kbps: round(line),
      slowdown_factor: cap && line ? round(line / cap) : null,
      ...tlsFigures(allHit),
    },
    summary:
      `${target ?? 'the target'} throttled on ${ep.members.length} network(s) in ${cc} from ${startDay}${endDay ? ` to ${endDay}` : ` until the data ends (${span.lastDay})`} (${ctx.input}): ` +
      `${allHit.length.toLocaleString('en-US')} of ${allCounted.toLocaleString('en-US')} counted ${ctx.input === 'speedtests' ? 'tests' : 'measurements'} throttled, median ${round(cap)?.toLocaleString('en-US') ?? '?'} kbps against ${round(line)?.toLocaleString('en-US') ?? '?'} kbps to the control`,
    evidence_query: evidenceQuery(ctx.evidence.path, ctx.evidence.command, params),
    per_network: per,
    method: ctx.method,
    sources: ctx.sources(target),
  };
}

/** Judge paired tests of one input: per-network series, then country (or network) detections. */
export function judgeThrottling(
  points: SpeedTestInput[],
  ctx: ThrottleInputContext,
  f: ThrottleFilter,
  p: ThrottleRunParams,
): { detections: Omit<Detection, 'draft'>[]; series: SeriesReport[] } {
  const days = throttleDays(points, p);
  const firstDay = days.reduce((a, d) => (d.day < a ? d.day : a), days[0]!.day);
  const lastDay = days.reduce((a, d) => (d.day > a ? d.day : a), days[0]!.day);
  const netKey = (cc: string, target: string | null | undefined, asn: string) => `${cc}\u0000${target ?? ''}\u0000${asn}`;
  const byNet = new Map<string, { days: ThrottleDayDetail[]; tests: SpeedTestInput[] }>();
  for (const d of days) {
    const k = netKey(d.cc, d.target, d.asn);
    if (!byNet.has(k)) byNet.set(k, { days: [], tests: [] });
    byNet.get(k)!.days.push(d);
  }
  for (const t of points) byNet.get(netKey(t.as_country, t.target, `AS${t.asn}`))!.tests.push(t);
  const results = [...byNet.values()].map((n) => networkResult(n.days, n.tests, lastDay, p, ctx));
  const detections: Omit<Detection, 'draft'>[] = [];
  const groups = new Map<string, NetworkResult[]>();
  for (const r of results) {
    const k = `${r.report.probe_cc}\u0000${r.report.target ?? ''}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  for (const group of groups.values()) {
    const cc = group[0]!.report.probe_cc!;
    const target = group[0]!.report.target;
    const nets = new Map(group.map((r) => [r.report.probe_asn!, r]));
    const intervals: MemberInterval[] = [...nets].flatMap(([asn, r]) =>
      r.runs.map((run) => ({ member: asn, start: dayMs(run.from), end: run.open ? null : dayMs(run.to) + DAY })),
    );
    const span = { firstDay, lastDay };
    if (f.asn !== undefined) {
      for (const iv of intervals)
        detections.push(detectionFor('network', cc, iv.member, { start: iv.start, end: iv.end, members: [iv.member] }, nets, span, target, p, ctx));
    } else {
      for (const ep of corroborate(intervals, p.minNetworks, p.corroborationDays * DAY))
        detections.push(detectionFor('country', cc, null, ep, nets, span, target, p, ctx));
    }
  }
  if (f.since === undefined) return { detections, series: results.map((r) => r.report) };
  // The days before the window were read as history (see historyFilter): report only the episodes
  // that reach into it and the networks with a day in it. A window's time of day widens to its day.
  const sinceDay = f.since.slice(0, 10);
  const from = dayMs(sinceDay);
  return {
    detections: detections.filter((d) => Date.parse(d.end ?? d.data_until) > from),
    series: results.filter((r) => r.days.some((d) => d.day >= sinceDay)).map((r) => r.report),
  };
}

/**
 * What a run reads: every stored day up to `until`, whatever `since`. A verdict's change points
 * and a country episode depend on the days before the window, so an episode open at `since` keeps
 * its real first day, id and `start_censored` (the data starting then), as blocks, shutdowns and
 * outages do; `judgeThrottling` then reports only what reaches into the window.
 */
export const historyFilter = <F extends ThrottleFilter>(f: F): F => ({ ...f, since: undefined });

const speedTestEvidence = { path: '/api/speedtests/summary', command: 'speedtests summary' };

/** Input (a): crowdsourced speed tests from the store, each test carrying its dataset's target. */
export async function runSpeedTests(
  store: Store,
  f: ThrottleFilter,
  p: ThrottleRunParams = DEFAULT_THROTTLE_RUN_PARAMS,
): Promise<{ detections: Omit<Detection, 'draft'>[]; series: SeriesReport[] }> {
  const stored = await store.speedtests.points(historyFilter(f));
  const sourceRecords = await store.speedtests.listSources();
  const targetOf = new Map(sourceRecords.map((s) => [s.dataset, s.targetHost]));
  const points = stored.map((x) => ({ ...x, target: targetOf.get(x.dataset) ?? null }));
  const used = new Set(points.map((x) => x.dataset));
  const srcs = sourceRecords.filter((s) => used.has(s.dataset));
  if (points.length === 0) {
    const reason = sourceRecords.length ? 'no speed tests match the filters' : 'no speed tests in the store (run splinternet speedtests import PATH)';
    return {
      detections: [],
      series: [
        insufficientSeries({ kind: 'throttling', input: 'speedtests', probe_cc: f.cc ?? null, probe_asn: f.asn ? `AS${f.asn}` : null, target: null }, reason),
      ],
    };
  }
  const sources = (target: string | null) => srcs.filter((s) => s.targetHost === target).map(sourceOf);
  return judgeThrottling(points, { input: 'speedtests', sources, target: null, method: THROTTLE_METHOD, evidence: speedTestEvidence }, f, p);
}
