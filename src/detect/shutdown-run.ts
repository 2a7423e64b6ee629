/**
 * The shutdown detector run: hourly measurement volume per (probe_cc, probe_asn) -> outages
 * against the trailing baseline -> country detections when at least k networks collapse at
 * once (or one network's own, when asked with --asn). Hours without any measurement count as
 * zero up to the last hour any network in the query reported, so a silence at the end of the
 * data is still seen.
 */
import { evidenceQuery } from './evidence-query.js';
import type { MeasurementSeriesFilter, Store, VolumeHourRow } from '../store/index.js';
import { OONI_SOURCE } from './block-run.js';
import { corroborate, type CorroborationParams } from './corroborate.js';
import { HOUR, detectionFrame, inclusiveUntil, insufficientSeries, iso, type Detection, type SeriesReport } from './detection.js';
import { round } from './stats.js';
import { DEFAULT_VOLUME_PARAMS, detectOutages, type Outage, type VolumeParams } from './volume.js';

export type ShutdownRunParams = VolumeParams & CorroborationParams;

export const DEFAULT_SHUTDOWN_RUN_PARAMS: ShutdownRunParams = { ...DEFAULT_VOLUME_PARAMS, minNetworks: 2, corroborationHours: 6 };

export const SHUTDOWN_METHOD =
  'Measurement volume per (probe_cc, probe_asn) per hour against the median of the same hour over a trailing 14-day window (IODA-style): warning below 80%, critical below 50%, ' +
  'a run must also be unlikely as Poisson noise (p < 1e-8); severity = depth % x minutes (IODA alert area); a country detection needs k networks at once (docs/design/030-detection.md).';

interface NetOutages {
  asn: string;
  outages: Outage[];
}

function denseSeries(rows: VolumeHourRow[], lastHour: number): { t0: number; counts: Uint32Array } {
  const t0 = rows[0]!.t;
  const counts = new Uint32Array(Math.round((lastHour - t0) / HOUR) + 1);
  for (const r of rows) counts[Math.round((r.t - t0) / HOUR)] = r.n;
  return { t0, counts };
}

function detection(
  scope: Detection['scope'],
  cc: string,
  asn: string | null,
  ep: { start: number; end: number | null; members: string[] },
  nets: NetOutages[],
  dataUntil: number,
): Omit<Detection, 'draft'> {
  const overlaps = (o: Outage) => o.start < (ep.end ?? Infinity) && (o.end ?? Infinity) > ep.start;
  const per = ep.members.map((m) => {
    const os = nets.find((n) => n.asn === m)!.outages.filter(overlaps);
    return {
      asn: m,
      start: iso(Math.min(...os.map((o) => o.start))),
      end: os.some((o) => o.end === null) ? null : iso(Math.max(...os.map((o) => o.end!))),
      level: os.some((o) => o.level === 'critical') ? 'critical' : 'warning',
      hours: os.reduce((a, o) => a + o.hours, 0),
      severity: round(
        os.reduce((a, o) => a + o.severity, 0),
        0,
      ),
      max_depth_pct: round(Math.max(...os.map((o) => o.maxDepthPct)), 1),
      expected: round(
        os.reduce((a, o) => a + o.expected, 0),
        0,
      ),
      observed: os.reduce((a, o) => a + o.observed, 0),
    };
  });
  const start = iso(ep.start);
  // hour grain: a day cell would widen the window to the whole day, past the shutdown's end
  const params: Record<string, string> = { cc, ...(asn ? { asn } : {}), since: start, until: inclusiveUntil(ep.end ?? dataUntil), grain: 'hour' };
  const base = { kind: 'shutdown' as const, input: 'ooni_volume' as const, probe_cc: cc, probe_asn: asn, target: null, layer: null, start };
  const severity = per.reduce((a, x) => a + (x.severity ?? 0), 0);
  const level = per.some((x) => x.level === 'critical') ? 'critical' : 'warning';
  return {
    ...detectionFrame(base, scope, ep, false, dataUntil),
    strength: {
      level,
      severity,
      networks: ep.members.length,
      max_depth_pct: round(Math.max(...per.map((x) => x.max_depth_pct ?? 0)), 1),
      hours: Math.max(...per.map((x) => x.hours)),
    },
    summary: `measurement volume collapsed (${level}) on ${ep.members.length} network(s) in ${cc} from ${start.slice(0, 13)}h UTC${ep.end === null ? ' until the data ends' : ` to ${iso(ep.end).slice(0, 13)}h UTC`}, severity ${severity}`,
    evidence_query: evidenceQuery('/api/measurements/summary', 'measurements summary', params),
    per_network: per,
    method: SHUTDOWN_METHOD,
    sources: [OONI_SOURCE],
  };
}

/**
 * Where the hours of a windowed run start: the baseline window (`windowHours`) and one day more
 * before `since`, so the window's first hours are judged against the days before them (not left
 * unjudged for want of history) and an outage that began before `since` keeps its real onset.
 */
export function volumeHistoryFrom(since: string | undefined, p: Pick<VolumeParams, 'windowHours'>): string | undefined {
  return since === undefined ? undefined : new Date(Date.parse(since) - (p.windowHours + 24) * HOUR).toISOString();
}

export async function runShutdown(
  store: Store,
  f: MeasurementSeriesFilter,
  p: ShutdownRunParams = DEFAULT_SHUTDOWN_RUN_PARAMS,
): Promise<{ detections: Omit<Detection, 'draft'>[]; series: SeriesReport[] }> {
  const from = volumeHistoryFrom(f.since, p);
  const rows = await store.detect.volumeHours({ ...f, since: from });
  // Outages that ended before the window are history, not findings.
  const sinceMs = f.since === undefined ? -Infinity : Date.parse(f.since);
  const inWindow = (o: { end: number | null }) => o.end === null || o.end > sinceMs;
  if (rows.length === 0) {
    const reason = (await store.detect.hasMeasurements()) ? 'no measurements match the filters' : 'no measurements in the store (run splinternet ingest PATH)';
    return {
      detections: [],
      series: [insufficientSeries({ kind: 'shutdown', probe_cc: f.cc ?? null, probe_asn: f.asn ?? null, target: null }, reason)],
    };
  }
  const lastHour = f.until
    ? Math.min(
        Date.parse(f.until) - HOUR,
        rows.reduce((a, r) => Math.max(a, r.t), 0),
      )
    : rows.reduce((a, r) => Math.max(a, r.t), 0);
  const dataUntil = lastHour + HOUR;
  const byNet = new Map<string, VolumeHourRow[]>();
  for (const r of rows) {
    const k = `${r.probe_cc} ${r.probe_asn}`;
    if (!byNet.has(k)) byNet.set(k, []);
    byNet.get(k)!.push(r);
  }
  const series: SeriesReport[] = [];
  const byCc = new Map<string, NetOutages[]>();
  for (const g of byNet.values()) {
    const { probe_cc: cc, probe_asn: asn } = g[0]!;
    const r = detectOutages(denseSeries(g, lastHour), p);
    const judged = r.judgedHours > 0;
    series.push({
      kind: 'shutdown',
      probe_cc: cc,
      probe_asn: asn,
      target: null,
      layer: null,
      status: judged ? 'ok' : 'insufficient',
      reason: judged ? null : `no hour had ${p.minHistoryHours} h of history with a median of at least ${p.minBaseline} measurements per hour`,
      state: judged ? (r.outages.at(-1)?.end === null ? r.outages.at(-1)!.level : 'normal') : null,
      changes: r.outages.filter(inWindow).map((o) => ({
        start: iso(o.start),
        end: o.end === null ? null : iso(o.end),
        level: o.level,
        hours: o.hours,
        severity: round(o.severity, 0),
        max_depth_pct: round(o.maxDepthPct, 1),
        expected: round(o.expected, 0),
        observed: o.observed,
      })),
      figures: {
        judged_hours: r.judgedHours,
        unjudged_hours: r.unjudgedHours,
        median_baseline: r.medianBaseline,
        ...(from === undefined ? {} : { history_from: from }),
      },
    });
    if (r.outages.length) byCc.set(cc, [...(byCc.get(cc) ?? []), { asn, outages: r.outages }]);
  }
  const detections: Omit<Detection, 'draft'>[] = [];
  for (const [cc, nets] of byCc) {
    const ivs = nets.flatMap((n) => n.outages.map((o) => ({ member: n.asn, start: o.start, end: o.end })));
    if (f.asn) {
      for (const iv of ivs) if (inWindow(iv)) detections.push(detection('network', cc, iv.member, { ...iv, members: [iv.member] }, nets, dataUntil));
    } else {
      for (const ep of corroborate(ivs, p.minNetworks, p.corroborationHours * HOUR))
        if (inWindow(ep)) detections.push(detection('country', cc, null, ep, nets, dataUntil));
    }
  }
  return { detections, series };
}
