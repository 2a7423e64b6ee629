/**
 * Speed tests per (country, network, UTC day), aggregated in DuckDB: the speed-test summary
 * needs counts and medians per cell, not the 40k tests as JS objects (which made its first call
 * take a second; docs/design/004-api-performance.md). The arithmetic is the JS detector's
 * (src/detect/throttle.ts), kept exact: a test counts when control >= minControlKbps, is
 * throttled when it counts and target <= maxRatio x control, medians of the counted tests as
 * (a + b) / 2 of the sorted middle pair, and the network's name is the first non-empty one in
 * (time, dataset, file, line) order. test/integration/detect.test.ts compares the two.
 */
import type { SpeedTestDays, SpeedTestFilter } from '../types.js';
import type { DuckDb, Param } from './db.js';
import { tsBound } from './time-bound.js';

export function speedWhere(f: SpeedTestFilter, params: Param[]): string {
  const conds = ['as_country IS NOT NULL', 'asn IS NOT NULL'];
  if (f.dataset) conds.push(`dataset = $${params.push(f.dataset)}`);
  if (f.datasets) conds.push(`dataset IN (SELECT unnest(json_transform($${params.push(JSON.stringify(f.datasets))}, '["VARCHAR"]')))`);
  if (f.cc) conds.push(`as_country = $${params.push(f.cc)}`);
  if (f.asn !== undefined) conds.push(`asn = $${params.push(f.asn)}`);
  if (f.since) conds.push(`datetime_rounded >= $${params.push(tsBound(f.since))}::TIMESTAMPTZ`);
  if (f.until) conds.push(`datetime_rounded < $${params.push(tsBound(f.until))}::TIMESTAMPTZ`);
  return conds.join(' AND ');
}

const median = (list: string) => `CASE WHEN n = 0 THEN NULL WHEN n % 2 = 1 THEN ${list}[n // 2 + 1] ELSE (${list}[n // 2] + ${list}[n // 2 + 1]) / 2 END`;

export async function speedTestDays(db: DuckDb, f: SpeedTestFilter, p: { minControlKbps: number; maxRatio: number }): Promise<SpeedTestDays> {
  const params: Param[] = [];
  const where = speedWhere(f, params);
  const min = `$${params.push(p.minControlKbps)}::DOUBLE`;
  const ratio = `$${params.push(p.maxRatio)}::DOUBLE`;
  const days = await db.all<SpeedTestDays['days'][number]>(
    `WITH t AS (
       SELECT as_country, asn, as_organization, datetime_rounded, dataset, source_file, line, test_result, control_result,
         strftime(datetime_rounded AT TIME ZONE 'UTC', '%Y-%m-%d') AS day,
         control_result >= ${min} AS counted
       FROM speedtests WHERE ${where}
     ), c AS (
       SELECT as_country, asn, day,
         list(as_organization ORDER BY datetime_rounded, dataset, source_file, line) FILTER (WHERE as_organization <> '') AS names,
         count(*) AS n_read,
         count(*) FILTER (WHERE counted) AS n,
         count(*) FILTER (WHERE counted AND test_result <= ${ratio} * control_result) AS k,
         list_sort(list(test_result) FILTER (WHERE counted)) AS tr,
         list_sort(list(control_result) FILTER (WHERE counted)) AS cr
       FROM t GROUP BY as_country, asn, day
     )
     SELECT as_country, asn, day, names[1] AS as_name, n_read, n, k, ${median('tr')} AS median_target, ${median('cr')} AS median_control
     FROM c ORDER BY as_country, asn, day`,
    params,
  );
  const used: Param[] = [];
  const datasets = await db.all<{ dataset: string }>(`SELECT DISTINCT dataset FROM speedtests WHERE ${speedWhere(f, used)} ORDER BY dataset`, used);
  return { days, datasets: datasets.map((d) => d.dataset) };
}
