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
