/**
 * The block detector run: hourly blocked scores per (probe_cc, probe_asn, target, layer) from
 * the measurement verdicts -> CUSUM per series -> blocked intervals per network -> country
 * detections corroborated by at least k networks (or one network's own, when asked with --asn).
 */
import { evidenceQuery } from './evidence-query.js';
import type { BlockHourRow, MeasurementSeriesFilter, Store } from '../store/index.js';
import { corroborate, type CorroborationParams, type MemberInterval } from './corroborate.js';
import { cusumColumns, DEFAULT_CUSUM_PARAMS, threshold, type CusumParams, type CusumResult } from './cusum.js';
import { HOUR, detectionFrame, inclusiveUntil, insufficientSeries, iso, type DataSource, type Detection, type SeriesReport } from './detection.js';
import { round } from './stats.js';

export const LAYERS = ['dns', 'tcp', 'tls', 'http'] as const;
export type Layer = (typeof LAYERS)[number];

export type BlockRunParams = CusumParams & CorroborationParams;

export const DEFAULT_BLOCK_RUN_PARAMS: BlockRunParams = { ...DEFAULT_CUSUM_PARAMS, minNetworks: 2, corroborationHours: 48 };

export const BLOCK_METHOD =
  'Two-sided state-aware CUSUM over the hourly blocked score per (probe_cc, probe_asn, target, layer) from our verdicts (blocked 1, likely_blocked 0.7, ok/down 0); ' +
  'mu0 0, mu1 0.7, h = edd x (mu1 - mu0) / 2, sums decay across gaps; a country detection needs k networks blocked at once (docs/design/030-detection.md).';

export const OONI_SOURCE: DataSource = {
  name: 'OONI measurements (web_connectivity and IM tests), verdicts by Splinternet Observatory',
  url: 'https://explorer.ooni.org/',
  licence: 'CC BY-NC-SA 4.0',
  attribution: 'OONI, Open Observatory of Network Interference',
};

interface SeriesRun {
  cc: string;
  asn: string;
  target: string;
  layer: Layer;
  result: CusumResult;
  rows: BlockHourRow[];
}

/** Split rows (ordered by series, then hour) into (cc, asn, target) groups. */
function* groups(rows: BlockHourRow[]): Generator<BlockHourRow[]> {
  let from = 0;
  for (let i = 1; i <= rows.length; i++) {
    const a = rows[from]!;
    const b = rows[i];
    if (!b || b.probe_cc !== a.probe_cc || b.probe_asn !== a.probe_asn || b.target !== a.target) {
      yield rows.slice(from, i);
      from = i;
    }
  }
}

/**
 * The changes of a series that touch the window from `sinceMs`: changes inside it, and an onset
 * whose blocked interval is still open at `sinceMs` (the state the window opens in).
 */
function changesInWindow(changes: CusumResult['changes'], sinceMs: number): CusumResult['changes'] {
  return changes.filter((c, i) => c.t >= sinceMs || (c.to === 'blocked' && (changes[i + 1]?.t ?? Infinity) > sinceMs));
}

function runGroup(g: BlockHourRow[], p: BlockRunParams, sinceMs: number): { runs: SeriesRun[]; reports: SeriesReport[] } {
  const first = g[0]!;
  const key = { probe_cc: first.probe_cc, probe_asn: first.probe_asn, target: first.target };
  if (g.length < p.minHours) {
    const reason = `${g.length} hour(s) with valid measurements, fewer than the ${p.minHours} the detector needs`;
    return {
      runs: [],
      reports: [insufficientSeries({ kind: 'block', ...key, figures: { hours: g.length, measurements: g.reduce((a, r) => a + r.n, 0) } }, reason)],
    };
  }
  const t = Float64Array.from(g, (r) => r.t);
  const n = Float64Array.from(g, (r) => r.n);
  const runs: SeriesRun[] = [];
  const reports: SeriesReport[] = [];
  for (const layer of LAYERS) {
    const y = Float64Array.from(g, (r) => r[layer] / r.n);
    if (!y.some((v) => v > 0)) continue;
    const result = cusumColumns({ t, y, n, from: 0, to: g.length }, p);
    runs.push({ cc: key.probe_cc, asn: key.probe_asn, target: key.target, layer, result, rows: g });
    reports.push({
      kind: 'block',
      ...key,
      layer,
      status: 'ok',
      reason: null,
      state: result.state,
      changes: changesInWindow(result.changes, sinceMs).map((c) => ({
        direction: c.direction,
        at: iso(c.t),
        alarm_at: iso(c.alarmAt),
        s_pos: round(c.sPos, 2),
        s_neg: round(c.sNeg, 2),
        h: c.h,
        hours: c.hours,
        measurements: c.measurements,
        mean_score: round(c.meanScore, 3),
        at_series_start: c.atSeriesStart,
      })),
      figures: { hours: result.observedHours, measurements: result.measurements },
    });
  }
  if (runs.length === 0) {
    reports.push({
      kind: 'block',
      ...key,
      layer: null,
      status: 'ok',
      reason: null,
      state: 'ok',
      changes: [],
      figures: { hours: g.length, measurements: g.reduce((a, r) => a + r.n, 0), note: 'no blocked measurement on any layer' },
    });
  }
  return { runs, reports };
}

/** Blocked intervals of one series from its change points (onset -> next offset, or open). */
function blockedIntervals(r: SeriesRun): (MemberInterval & { run: SeriesRun; censored: boolean })[] {
  const out: (MemberInterval & { run: SeriesRun; censored: boolean })[] = [];
  let open: { start: number; censored: boolean } | null = null;
  for (const c of r.result.changes) {
    if (c.to === 'blocked') open = { start: c.t, censored: c.atSeriesStart };
    else if (open) {
      out.push({ member: r.asn, start: open.start, end: c.t, run: r, censored: open.censored });
      open = null;
    }
  }
  if (open) out.push({ member: r.asn, start: open.start, end: null, run: r, censored: open.censored });
  return out;
}

function detection(
  scope: Detection['scope'],
  cc: string,
  asn: string | null,
  target: string,
  layer: Layer,
  ep: { start: number; end: number | null; members: string[] },
  ivs: ReturnType<typeof blockedIntervals>,
  dataUntil: number,
  censored: boolean,
): Omit<Detection, 'draft'> {
  // A network's row describes that network alone: the hours of its own blocked intervals in the
  // episode (its onset to its offset), never the hours before its onset or after its offset that
  // the country episode spans because another network was blocked then.
  const per = ep.members.map((m) => {
    const own = ivs.filter((x) => x.member === m).sort((a, b) => a.start - b.start);
    const iv = own[0]!;
    const last = own[own.length - 1]!;
    // and only those inside the detection's period, which its evidence query lists
    const inOwn = (t: number) => t >= ep.start && (ep.end === null || t < ep.end) && own.some((x) => t >= x.start && (x.end === null || t < x.end));
    const hours = iv.run.rows.filter((r) => inOwn(r.t));
    const n = hours.reduce((a, r) => a + r.n, 0);
    const score = hours.reduce((a, r) => a + r[layer], 0);
    const onset = iv.run.result.changes.find((c) => c.t === iv.start);
    return {
      asn: m,
      onset: iso(iv.start),
      alarm_at: onset ? iso(onset.alarmAt) : null,
      offset: last.end === null ? null : iso(last.end),
      measurements: n,
      mean_score: n ? round(score / n, 3) : null,
      example: hours.find((r) => r[layer] > 0)?.example ?? null,
    };
  });
  const measurements = per.reduce((a, x) => a + x.measurements, 0);
  const start = iso(ep.start);
  const until = ep.end ?? dataUntil;
  const params: Record<string, string> = { cc, ...(asn ? { asn } : {}), target, since: start, until: inclusiveUntil(until) };
  const base = { kind: 'block' as const, input: 'ooni_verdicts' as const, probe_cc: cc, probe_asn: asn, target, layer, start };
  return {
    ...detectionFrame(base, scope, ep, censored, dataUntil),
    strength: {
      networks: ep.members.length,
      measurements,
      mean_score: measurements ? round(per.reduce((a, x) => a + (x.mean_score ?? 0) * x.measurements, 0) / measurements, 3) : null,
    },
    summary: `${target} blocked at the ${layer} layer on ${ep.members.length} network(s) in ${cc} from ${start.slice(0, 13)}h UTC${ep.end === null ? ' until the data ends' : ` to ${iso(ep.end).slice(0, 13)}h UTC`}, ${measurements} measurements`,
    evidence_query: evidenceQuery('/api/measurements', 'measurements list', params),
    per_network: per,
    method: BLOCK_METHOD,
    sources: [OONI_SOURCE],
  };
}

/**
 * Hours a series needs with a score above mu0 + v/2 before the upward sum can pass h: each such
 * hour adds at most 1 - mu0 - v/2, every other hour adds nothing. Series with fewer cannot alarm,
 * so their hourly rows need not leave the store.
 */
export function minActiveHours(p: CusumParams): { above: number; minHours: number } {
  const above = p.mu0 + (p.mu1 - p.mu0) / 2;
  return { above, minHours: Math.floor(threshold(p) / (1 - above)) + 1 };
}

export async function runBlock(
  store: Store,
  f: MeasurementSeriesFilter,
  p: BlockRunParams = DEFAULT_BLOCK_RUN_PARAMS,
): Promise<{ detections: Omit<Detection, 'draft'>[]; series: SeriesReport[] }> {
  const active = minActiveHours(p);
  // A CUSUM's state at any hour depends on every hour before it: a window (since) is judged on the
  // series from its first hour, and only what touches the window is reported, so a block that
  // began before since keeps its real onset, id and censoring.
  const sinceMs = f.since === undefined ? -Infinity : Date.parse(f.since);
  const read: MeasurementSeriesFilter = { ...f, since: undefined };
  const inWindow = (x: { end: number | null }) => x.end === null || x.end > sinceMs;
  const stored = await store.detect.blockSeries(read, active.above);
  // the series reported: those with data in the window (all of them run, for corroboration)
  const all = stored.filter((s) => s.last_t + HOUR > sinceMs);
  const shown = new Set(all.map((s) => `${s.probe_cc} ${s.probe_asn} ${s.target}`));
  if (all.length === 0) {
    const reason = (await store.detect.hasMeasurements())
      ? 'no valid measurements match the filters'
      : 'no measurement verdicts in the store (run splinternet ingest PATH)';
    return {
      detections: [],
      series: [insufficientSeries({ kind: 'block', probe_cc: f.cc ?? null, probe_asn: f.asn ?? null, target: f.target ?? null }, reason)],
    };
  }
  const series: SeriesReport[] = [];
  for (const s of all.filter((x) => x.active_hours < active.minHours)) {
    const key = { probe_cc: s.probe_cc, probe_asn: s.probe_asn, target: s.target };
    const figures = { hours: s.hours, measurements: s.measurements, hours_above_midpoint: s.active_hours };
    series.push(
      s.hours < p.minHours
        ? {
            kind: 'block',
            ...key,
            layer: null,
            status: 'insufficient',
            reason: `${s.hours} hour(s) with valid measurements, fewer than the ${p.minHours} the detector needs`,
            state: null,
            changes: [],
            figures,
          }
        : {
            kind: 'block',
            ...key,
            layer: null,
            status: 'ok',
            reason: null,
            state: 'ok',
            changes: [],
            figures: { ...figures, note: `fewer than ${active.minHours} hours scored above ${active.above}: no onset possible` },
          },
    );
  }
  const rows = await store.detect.blockHours(read, active);
  // A detection's data ends with its own series (its target on its networks): another target or
  // network running later never lengthens an open block.
  const lastHour = new Map(stored.map((s) => [`${s.probe_cc} ${s.probe_asn} ${s.target}`, s.last_t]));
  const dataUntil = (cc: string, target: string, members: string[]) => Math.max(...members.map((m) => lastHour.get(`${cc} ${m} ${target}`) ?? 0)) + HOUR;
  const runs: SeriesRun[] = [];
  for (const g of groups(rows)) {
    const r = runGroup(g, p, sinceMs);
    runs.push(...r.runs);
    series.push(...r.reports.filter((x) => shown.has(`${x.probe_cc} ${x.probe_asn} ${x.target}`)));
  }
  const detections: Omit<Detection, 'draft'>[] = [];
  const byKey = new Map<string, SeriesRun[]>();
  for (const r of runs) {
    const k = `${r.cc}\u0000${r.target}\u0000${r.layer}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  for (const list of byKey.values()) {
    const { cc, target, layer } = list[0]!;
    const ivs = list.flatMap(blockedIntervals);
    if (f.asn) {
      for (const iv of ivs.filter(inWindow))
        detections.push(
          detection(
            'network',
            cc,
            iv.member,
            target,
            layer,
            { start: iv.start, end: iv.end, members: [iv.member] },
            [iv],
            dataUntil(cc, target, [iv.member]),
            iv.censored,
          ),
        );
      continue;
    }
    for (const ep of corroborate(ivs, p.minNetworks, p.corroborationHours * HOUR).filter(inWindow)) {
      const members = ivs.filter(
        (iv) => ep.members.includes(iv.member) && iv.start <= (ep.end ?? Infinity) && (iv.end ?? Infinity) >= ep.start - p.corroborationHours * HOUR,
      );
      // The period reaches the last offset of the networks it counts, as its onset reaches back to
      // the first onset: a network blocked from the hour another's block ended is inside it.
      const ends = members.map((m) => m.end);
      const end = ep.end === null || ends.includes(null) ? ep.end : Math.max(ep.end, ...(ends as number[]));
      detections.push(
        detection(
          'country',
          cc,
          null,
          target,
          layer,
          { ...ep, end },
          members,
          dataUntil(cc, target, ep.members),
          members.some((m) => m.censored && m.start === ep.start),
        ),
      );
    }
  }
  return { detections, series };
}
