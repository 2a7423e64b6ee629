import type { DuckDBConnection } from '@duckdb/node-api';
import type { MeasurementFilter } from '../types.js';
import type { DuckDb, Param, Sql } from './db.js';
import { tsBound } from './time-bound.js';

/**
 * SQL text of the measure repository that is long enough to deserve its own file: the staging
 * table the appender fills, the projection back to API shape, and the cell aggregation.
 */

/** Staging columns in appender order: everything is VARCHAR/BIGINT/DOUBLE/BOOLEAN; lists are comma-joined. */
export const STAGING_COLUMNS: [string, 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN'][] = [
  ['id', 'VARCHAR'],
  ['measurement_uid', 'VARCHAR'],
  ['report_id', 'VARCHAR'],
  ['input', 'VARCHAR'],
  ['probe_cc', 'VARCHAR'],
  ['probe_asn', 'VARCHAR'],
  ['probe_network_name', 'VARCHAR'],
  ['resolver_asn', 'VARCHAR'],
  ['test_name', 'VARCHAR'],
  ['test_version', 'VARCHAR'],
  ['software_name', 'VARCHAR'],
  ['software_version', 'VARCHAR'],
  ['platform', 'VARCHAR'],
  ['measurement_start_time', 'VARCHAR'],
  ['target', 'VARCHAR'],
  ['anomaly', 'BOOLEAN'],
  ['confirmed', 'BOOLEAN'],
  ['failure', 'BOOLEAN'],
  ['blocking_general', 'DOUBLE'],
  ['blocking_type', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['layers', 'VARCHAR'],
  ['mechanism', 'VARCHAR'],
  ['rules', 'VARCHAR'],
  ['evidence', 'VARCHAR'],
  ['file_id', 'VARCHAR'],
  ['line', 'BIGINT'],
  ['byte_offset', 'BIGINT'],
  ['byte_length', 'BIGINT'],
  ['ingested_at', 'VARCHAR'],
];

export const STAGING_DDL = `CREATE TEMP TABLE IF NOT EXISTS measurement_staging (${STAGING_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`;

const split = (c: string) => `CASE WHEN ${c} IS NULL OR ${c} = '' THEN []::VARCHAR[] ELSE string_split(${c}, ',') END`;

/** Staging -> measurements, and measurements -> API rows (same column names either way). */
export const MEASUREMENT_SELECT = STAGING_COLUMNS.map(([n]) => {
  if (n === 'layers' || n === 'rules') return `${split(n)} AS ${n}`;
  if (n === 'evidence') return 'evidence::JSON AS evidence';
  if (n === 'measurement_start_time') return 'measurement_start_time::TIMESTAMP AS measurement_start_time';
  if (n === 'ingested_at') return 'ingested_at::TIMESTAMPTZ AS ingested_at';
  return n;
}).join(', ');

/** measurements -> API rows: lists stay lists, evidence as text, times as ISO strings. */
export const MEASUREMENT_COLUMNS = STAGING_COLUMNS.map(([n]) => {
  if (n === 'evidence') return 'evidence::VARCHAR AS evidence';
  if (n === 'measurement_start_time') return `strftime(measurement_start_time, '%Y-%m-%dT%H:%M:%SZ') AS measurement_start_time`;
  if (n === 'ingested_at') return `strftime(ingested_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS ingested_at`;
  return n;
}).join(', ');

const KEY = 'grain, bucket, probe_cc, probe_asn, test_name, target';

/** Recompute every day and hour cell of the dirty keys; $1 = now. */
export const cellsSql = `INSERT INTO measurement_cells
WITH m AS (
  SELECT m.id, m.report_id, m.probe_cc, m.probe_asn, m.test_name, m.target, m.measurement_start_time, m.status, m.mechanism, m.anomaly, m.confirmed, m.failure
  FROM measurements m JOIN measurement_cells_dirty d
    ON d.probe_cc = m.probe_cc AND d.probe_asn = m.probe_asn AND d.test_name = m.test_name AND d.target = m.target
   AND m.measurement_start_time >= d.day AND m.measurement_start_time < d.day + INTERVAL 1 DAY
), g AS (
  SELECT 'day' AS grain, date_trunc('day', measurement_start_time) AS bucket, * FROM m
  UNION ALL SELECT 'hour' AS grain, date_trunc('hour', measurement_start_time) AS bucket, * FROM m
), mech AS (
  SELECT ${KEY}, json_group_object(mechanism, c) AS mechanisms
  FROM (SELECT ${KEY}, mechanism, count(*) AS c FROM g WHERE mechanism IS NOT NULL GROUP BY ALL) GROUP BY ALL
), ex AS (
  SELECT ${KEY}, json_group_object(status, id) AS examples
  FROM (SELECT ${KEY}, status, min(id) AS id FROM g GROUP BY ALL) GROUP BY ALL
)
SELECT g.grain, g.bucket, g.probe_cc, g.probe_asn, g.test_name, g.target,
  count(*),
  count(*) FILTER (WHERE g.status = 'ok'), count(*) FILTER (WHERE g.status = 'blocked'), count(*) FILTER (WHERE g.status = 'likely_blocked'),
  count(*) FILTER (WHERE g.status = 'down'), count(*) FILTER (WHERE g.status = 'invalid'), count(*) FILTER (WHERE g.status = 'insufficient'),
  count(*) FILTER (WHERE NOT g.failure AND NOT g.confirmed AND NOT g.anomaly),
  count(*) FILTER (WHERE NOT g.failure AND NOT g.confirmed AND g.anomaly),
  count(*) FILTER (WHERE NOT g.failure AND g.confirmed),
  count(*) FILTER (WHERE g.failure),
  count(DISTINCT g.report_id),
  coalesce(any_value(mech.mechanisms), '{}'::JSON), any_value(ex.examples), $1::TIMESTAMPTZ
FROM g LEFT JOIN mech USING (${KEY}) LEFT JOIN ex USING (${KEY})
GROUP BY g.grain, g.bucket, g.probe_cc, g.probe_asn, g.test_name, g.target`;

/** Recompute every cell of the keys marked dirty, and clear the marks (inside the caller's transaction). */
export async function refreshDirtyCells(tx: Sql, now: string): Promise<{ keys: number; cells: number }> {
  const keys = Number((await tx.all<{ n: number | bigint }>('SELECT count(*) AS n FROM measurement_cells_dirty'))[0]?.n ?? 0);
  if (!keys) return { keys: 0, cells: 0 };
  await tx.run(`DELETE FROM measurement_cells c WHERE EXISTS (SELECT 1 FROM measurement_cells_dirty d WHERE d.probe_cc = c.probe_cc AND d.probe_asn = c.probe_asn
    AND d.test_name = c.test_name AND d.target = c.target AND d.day = date_trunc('day', c.bucket))`);
  const cells = await tx.run(cellsSql, [now]);
  await tx.run('DELETE FROM measurement_cells_dirty');
  return { keys, cells };
}

/**
 * Recompute the cells whose keys are still marked at open: an ingest marks them in each batch's
 * transaction and recomputes them every few seconds and at its end, so a kill -9 between leaves
 * marks. One read when nothing is marked (the usual case); the recompute is one transaction.
 */
export async function refreshLeftCells(db: DuckDb): Promise<void> {
  const left = await db.all<{ n: boolean }>('SELECT EXISTS (SELECT 1 FROM measurement_cells_dirty) AS n');
  if (!left[0]?.n) return;
  await db.tx((tx) => refreshDirtyCells(tx, new Date().toISOString()));
}

export async function inTx<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const out = await fn();
    await conn.run('COMMIT');
    return out;
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** WHERE clause for MeasurementFilter over a table with the measurement columns. */
export function where(f: MeasurementFilter, timeCol: string, params: Param[]): string {
  const p = (v: Param) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = ['TRUE'];
  if (f.probe_cc) parts.push(`probe_cc = ${p(f.probe_cc)}`);
  if (f.probe_asn) parts.push(`probe_asn = ${p(f.probe_asn)}`);
  if (f.test_name) parts.push(`test_name = ${p(f.test_name)}`);
  if (f.target) parts.push(`target = ${p(f.target)}`);
  if (f.since) parts.push(`${timeCol} >= ${p(tsBound(f.since))}::TIMESTAMP`);
  if (f.until) parts.push(`${timeCol} <= ${p(tsBound(f.until))}::TIMESTAMP`);
  if (f.status) parts.push(`status = ${p(f.status)}`);
  return parts.join(' AND ');
}
