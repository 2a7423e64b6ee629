/**
 * The WHERE clause of a MeasurementSeriesFilter over the measurements table (country, network,
 * target, start time), shared by the detectors' series and the throughput reads so both select
 * the same measurements.
 */
import type { MeasurementSeriesFilter } from '../types.js';
import { join, Sql, sql } from './sql.js';
import { timeCmp } from './time.js';

export function seriesWhere(f: MeasurementSeriesFilter): Sql {
  const c: Sql[] = [new Sql('1')];
  if (f.cc) c.push(sql`probe_cc = ${f.cc}`);
  if (f.asn) c.push(sql`probe_asn = ${f.asn}`);
  if (f.target) c.push(sql`target = ${f.target}`);
  if (f.since) c.push(timeCmp(new Sql('measurement_start_time'), '>=', f.since));
  if (f.until) c.push(timeCmp(new Sql('measurement_start_time'), '<', f.until));
  return join(c, ' AND ');
}
