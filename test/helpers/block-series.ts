/**
 * What a store's `detect.blockSeries` answers, computed from hourly block rows in memory, for
 * detector tests that serve rows from a stub store: per series its hours, measurements, active
 * hours (some stage's share above `above`) and last hour.
 */
import type { BlockHourRow, BlockSeriesRow } from '../../src/store/index.js';

export function blockSeriesTotals(rows: readonly BlockHourRow[], above: number): BlockSeriesRow[] {
  const key = (r: BlockHourRow) => `${r.probe_cc} ${r.probe_asn} ${r.target}`;
  const m = new Map<string, BlockSeriesRow>();
  for (const r of rows) {
    const s = m.get(key(r)) ?? { probe_cc: r.probe_cc, probe_asn: r.probe_asn, target: r.target, hours: 0, measurements: 0, active_hours: 0, last_t: 0 };
    s.hours++;
    s.measurements += r.n;
    if (Math.max(r.dns, r.tcp, r.tls, r.http) / r.n > above) s.active_hours++;
    s.last_t = Math.max(s.last_t, r.t);
    m.set(key(r), s);
  }
  return [...m.values()];
}

/** What `detect.blockHours` answers: the rows of the series with at least `minHours` active hours (all rows without `a`). */
export function activeBlockHours(rows: readonly BlockHourRow[], a?: { above: number; minHours: number }): BlockHourRow[] {
  const key = (r: { probe_cc: string; probe_asn: string; target: string }) => `${r.probe_cc} ${r.probe_asn} ${r.target}`;
  const keep = new Set(
    blockSeriesTotals(rows, a?.above ?? 0)
      .filter((s) => !a || s.active_hours >= a.minHours)
      .map(key),
  );
  return rows.filter((r) => keep.has(key(r)));
}
