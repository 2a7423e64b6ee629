/**
 * Read-only queries of the detectors over the measurement pipeline's tables (owned by the
 * measure domain, see 040_measure.sql): hourly blocked scores per layer and hourly volume.
 * Kept apart from measure-repo.ts so the two domains never edit the same file. The weights of
 * the verdict statuses are the block detector's (docs/design/030-detection.md): blocked 1,
 * likely_blocked 0.7 (= the CUSUM's blocked mean); ok and down 0; invalid and insufficient
 * measurements carry no signal and are left out.
 */
import type { BlockHourRow, BlockSeriesRow, MeasurementSeriesFilter, VolumeHourRow } from '../types.js';
import type { DuckDb, Param } from './db.js';
import { tsBound } from './time-bound.js';

function where(f: MeasurementSeriesFilter): { sql: string; params: Param[] } {
  const params: Param[] = [];
  const conds: string[] = [];
  if (f.cc) conds.push(`probe_cc = $${params.push(f.cc)}`);
  if (f.asn) conds.push(`probe_asn = $${params.push(f.asn)}`);
  if (f.target) conds.push(`target = $${params.push(f.target)}`);
  if (f.since) conds.push(`measurement_start_time >= ($${params.push(tsBound(f.since))}::TIMESTAMPTZ AT TIME ZONE 'UTC')`);
  if (f.until) conds.push(`measurement_start_time < ($${params.push(tsBound(f.until))}::TIMESTAMPTZ AT TIME ZONE 'UTC')`);
  return { sql: conds.length ? conds.join(' AND ') : 'TRUE', params };
}

const layerScore = (layer: string) =>
  `sum(CASE WHEN list_contains(layers, '${layer}') THEN (CASE status WHEN 'blocked' THEN 1.0 WHEN 'likely_blocked' THEN 0.7 ELSE 0.0 END) ELSE 0.0 END)`;

/** Valid measurements per (probe_cc, probe_asn, target, hour) with per-layer score sums. */
const hourly = (cond: string) =>
  `SELECT probe_cc, probe_asn, target, epoch_ms(date_trunc('hour', measurement_start_time)) AS t, count(*) AS n,
     ${layerScore('dns')} AS dns, ${layerScore('tcp')} AS tcp, ${layerScore('tls')} AS tls, ${layerScore('http')} AS http,
     arg_max(id, CASE status WHEN 'blocked' THEN 2 WHEN 'likely_blocked' THEN 1 ELSE 0 END) AS example
   FROM measurements
   WHERE status NOT IN ('invalid', 'insufficient') AND ${cond}
   GROUP BY ALL`;

export function detectMeasureQueries(db: DuckDb) {
  const tableExists = async () =>
    (await db.all(`SELECT 1 FROM information_schema.tables WHERE table_name = 'measurements' AND table_schema = 'main'`)).length > 0;
  return {
    async hasMeasurements(): Promise<boolean> {
      if (!(await tableExists())) return false;
      return (await db.all('SELECT 1 FROM measurements LIMIT 1')).length > 0;
    },
    async blockHours(f: MeasurementSeriesFilter, active?: { above: number; minHours: number }): Promise<BlockHourRow[]> {
      if (!(await tableExists())) return [];
      const w = where(f);
      const keep = active
        ? `JOIN (SELECT probe_cc, probe_asn, target FROM hours GROUP BY ALL
             HAVING count(*) FILTER (WHERE greatest(dns, tcp, tls, http) / n > $${w.params.push(active.above)}) >= $${w.params.push(active.minHours)}) USING (probe_cc, probe_asn, target)`
        : '';
      return db.all<BlockHourRow & Record<string, unknown>>(
        `WITH hours AS (${hourly(w.sql)}) SELECT hours.* FROM hours ${keep} ORDER BY probe_cc, probe_asn, target, t`,
        w.params,
      );
    },
    async blockSeries(f: MeasurementSeriesFilter, activeAbove: number): Promise<BlockSeriesRow[]> {
      if (!(await tableExists())) return [];
      const w = where(f);
      return db.all<BlockSeriesRow & Record<string, unknown>>(
        `WITH hours AS (${hourly(w.sql)})
         SELECT probe_cc, probe_asn, target, count(*) AS hours, sum(n) AS measurements,
           count(*) FILTER (WHERE greatest(dns, tcp, tls, http) / n > $${w.params.push(activeAbove)}) AS active_hours, max(t) AS last_t
         FROM hours GROUP BY ALL ORDER BY probe_cc, probe_asn, target`,
        w.params,
      );
    },
    async volumeHours(f: MeasurementSeriesFilter): Promise<VolumeHourRow[]> {
      if (!(await tableExists())) return [];
      const w = where({ ...f, target: undefined });
      return db.all<VolumeHourRow & Record<string, unknown>>(
        `SELECT probe_cc, probe_asn, epoch_ms(date_trunc('hour', measurement_start_time)) AS t, count(*) AS n
         FROM measurements WHERE ${w.sql}
         GROUP BY ALL ORDER BY probe_cc, probe_asn, t`,
        w.params,
      );
    },
  };
}
