/**
 * OONI measurement counts as an outage signal (source `ooni_measurements`): the number of
 * measurements per network (probe_asn, with its probe_cc) and time bin (an hour or a UTC day),
 * the same series OONI's own count export gives. OONI omits bins without measurements; here a
 * bin is 0 when the network was measured in the `lookbackDays` before it (a network that goes
 * dark is the very signal) and has no point at all, a gap, when it was not (a network nobody
 * measures is not an outage). AS0 (the probe did not know its network) is no network. Pure:
 * counts in, signal points out; the counts cover the bins and their lookback.
 */
import type { SignalPointRecord } from '../store/index.js';
import type { ParsedSignals } from './parse.js';

export const OONI_COUNT_SOURCE = 'ooni_measurements';
export type CountBin = 'hour' | 'day';
export const BIN_MS: Record<CountBin, number> = { hour: 3_600_000, day: 86_400_000 };
const DAY = 86_400_000;

/** Measurements of one network in one bin (or hour: hours are summed into days). */
export interface CountRow {
  probe_cc: string;
  /** "AS44244" or "44244". */
  probe_asn: string;
  /** Epoch ms inside the bin. */
  t: number;
  n: number;
}

export interface CountPointOptions {
  bin: CountBin;
  /** Bins starting at or after `since` and ending at or before `until` (epoch ms; rounded to whole bins). */
  since: number;
  until: number;
  lookbackDays: number;
  /** Recorded as the points' source file, with the point's position as its line. */
  file: string;
}

const asnOf = (v: string): string | null => {
  const m = /^(?:AS)?(\d{1,10})$/i.exec(v.trim());
  return m && Number(m[1]) > 0 ? `AS${Number(m[1])}` : null;
};

/** Signal points for every network measured in the bins or their lookback, zeros included. */
export function ooniCountPoints(rows: readonly CountRow[], o: CountPointOptions): SignalPointRecord[] {
  const step = BIN_MS[o.bin];
  const first = Math.ceil(o.since / step) * step;
  const end = Math.floor(o.until / step) * step;
  const series = new Map<string, { cc: string; asn: string; bins: Map<number, number> }>();
  for (const r of rows) {
    const asn = asnOf(r.probe_asn);
    if (!asn || !/^[A-Z]{2}$/.test(r.probe_cc) || !(r.n > 0)) continue;
    const key = `${r.probe_cc} ${asn}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { cc: r.probe_cc, asn, bins: new Map() }));
    const b = Math.floor(r.t / step) * step;
    s.bins.set(b, (s.bins.get(b) ?? 0) + r.n);
  }
  const points: SignalPointRecord[] = [];
  const lookback = o.lookbackDays * DAY;
  for (const s of [...series.values()].sort((a, b) => (a.cc + a.asn < b.cc + b.asn ? -1 : 1))) {
    const seen = [...s.bins.keys()].sort((a, b) => a - b);
    let i = 0;
    let last: number | null = null; // the latest measured bin before the current one
    for (let t = first; t + step <= end; t += step) {
      while (i < seen.length && seen[i]! < t) last = seen[i++]!;
      const n = s.bins.get(t);
      if (n === undefined && (last === null || t - last > lookback)) continue;
      points.push({
        source: OONI_COUNT_SOURCE,
        entity_type: 'asn',
        entity_code: s.asn,
        t: new Date(t).toISOString(),
        value: n ?? 0,
        cc: s.cc,
        entity_name: null,
        source_file: o.file,
        line: points.length + 1,
      });
    }
  }
  return points;
}

/**
 * The zeros a count file leaves out: for each network series (with a country) among `points`, a 0
 * at every bin of the file's span (its first to its last bin) that has no point while the network
 * was measured in the `lookbackDays` before it, by the same rule as ooniCountPoints. Points the
 * file has (counts, zeros, missing samples) are never replaced. The zeros carry `line` 0: no line
 * of the file holds them.
 */
export function absentZeros(points: readonly SignalPointRecord[], bin: CountBin, lookbackDays = 7): SignalPointRecord[] {
  const step = BIN_MS[bin];
  const bySeries = new Map<string, SignalPointRecord[]>();
  for (const p of points) {
    if (p.entity_type !== 'asn' || !p.cc) continue;
    const k = `${p.source}\u0000${p.entity_code}`;
    (bySeries.get(k) ?? bySeries.set(k, []).get(k)!).push(p);
  }
  if (bySeries.size === 0) return [];
  const times = points.map((p) => Date.parse(p.t));
  const since = Math.floor(Math.min(...times) / step) * step;
  const until = (Math.floor(Math.max(...times) / step) + 1) * step;
  const out: SignalPointRecord[] = [];
  for (const pts of bySeries.values()) {
    const have = new Set(pts.map((p) => Math.floor(Date.parse(p.t) / step) * step));
    const rows = pts.filter((p) => p.value !== null).map((p) => ({ probe_cc: p.cc!, probe_asn: p.entity_code, t: Date.parse(p.t), n: p.value! }));
    const first = pts[0]!;
    for (const z of ooniCountPoints(rows, { bin, since, until, lookbackDays, file: first.source_file }))
      if (!have.has(Date.parse(z.t))) out.push({ ...z, source: first.source, entity_name: first.entity_name, line: 0 });
  }
  return out;
}

/**
 * The zeros of a parsed count file (absentZeros), never at a bin the file had a record for: a bin
 * whose record was rejected (off the grain, a bad value) is left without a point, and counted in
 * `unfilled`, so a rejected count never reads as a silent bin.
 */
export function countFileZeros(
  parsed: Pick<ParsedSignals, 'points' | 'rejects'>,
  bin: CountBin,
  lookbackDays = 7,
): { zeros: SignalPointRecord[]; unfilled: number } {
  const step = BIN_MS[bin];
  const key = (source: string, code: string, t: string) => `${source}\u0000${code}\u0000${Math.floor(Date.parse(t) / step) * step}`;
  const held = new Set(parsed.rejects.flatMap((r) => (r.at && r.at.entity_type === 'asn' ? [key(r.at.source, r.at.entity_code, r.at.t)] : [])));
  const zeros: SignalPointRecord[] = [];
  let unfilled = 0;
  for (const z of absentZeros(parsed.points, bin, lookbackDays))
    if (held.has(key(z.source, z.entity_code, z.t))) unfilled++;
    else zeros.push(z);
  return { zeros, unfilled };
}
