/**
 * ClickHouse implementation of DetectRepo: the hourly series the measurement-based detectors
 * read, computed over the shards from the de-duplicated measurements (FINAL). Same weights as
 * the embedded store (blocked 1, likely_blocked 0.7; invalid and insufficient left out).
 */
import type { BlockHourRow, BlockSeriesRow, DetectRepo, MeasurementSeriesFilter, VolumeHourRow } from '../types.js';
import type { ChContext } from './context.js';
import { Sql, sql } from './sql.js';
import { seriesWhere } from './series-filter.js';

const where = seriesWhere;

const score = new Sql("multiIf(status = 'blocked', 1.0, status = 'likely_blocked', 0.7, 0.0)");
const layer = (l: string) => new Sql(`sum(if(has(layers, '${l}'), ${score.text}, 0.0))`);
const top = new Sql('greatest(greatest(dns, tcp), greatest(tls, http))');
const num = (r: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) r[k] = Number(r[k]);
  return r;
};

export function chDetectRepo(ctx: ChContext): DetectRepo {
  const m = ctx.table('measurements');
  const hourly = (
    f: MeasurementSeriesFilter,
  ) => sql`SELECT probe_cc, probe_asn, target, toUInt64(toUnixTimestamp(toStartOfHour(measurement_start_time))) * 1000 AS t, count() AS n,
      ${layer('dns')} AS dns, ${layer('tcp')} AS tcp, ${layer('tls')} AS tls, ${layer('http')} AS http,
      argMax(id, multiIf(status = 'blocked', 2, status = 'likely_blocked', 1, 0)) AS example
    FROM ${m} FINAL WHERE status NOT IN ('invalid', 'insufficient') AND ${where(f)}
    GROUP BY probe_cc, probe_asn, target, t`;
  return {
    async hasMeasurements() {
      return (await ctx.node.all(sql`SELECT 1 FROM ${m} LIMIT 1`)).length > 0;
    },
    async blockHours(f, active) {
      const keep = active
        ? sql`WHERE (probe_cc, probe_asn, target) IN (SELECT probe_cc, probe_asn, target FROM (${hourly(f)}) GROUP BY probe_cc, probe_asn, target
            HAVING countIf(${top} / n > ${active.above}) >= ${active.minHours})`
        : new Sql('');
      const rows = await ctx.node.all<Record<string, unknown>>(sql`SELECT * FROM (${hourly(f)}) ${keep} ORDER BY probe_cc, probe_asn, target, t`);
      return rows.map((r) => num(r, ['t', 'n', 'dns', 'tcp', 'tls', 'http']) as unknown as BlockHourRow);
    },
    async blockSeries(f, activeAbove) {
      const rows = await ctx.node.all<Record<string, unknown>>(sql`SELECT probe_cc, probe_asn, target, count() AS hours, sum(n) AS measurements,
          countIf(${top} / n > ${activeAbove}) AS active_hours, max(t) AS last_t
        FROM (${hourly(f)}) GROUP BY probe_cc, probe_asn, target ORDER BY probe_cc, probe_asn, target`);
      return rows.map((r) => num(r, ['hours', 'measurements', 'active_hours', 'last_t']) as unknown as BlockSeriesRow);
    },
    async volumeHours(f) {
      const rows = await ctx.node.all<
        Record<string, unknown>
      >(sql`SELECT probe_cc, probe_asn, toUInt64(toUnixTimestamp(toStartOfHour(measurement_start_time))) * 1000 AS t, count() AS n
        FROM ${m} FINAL WHERE ${where({ ...f, target: undefined })} GROUP BY probe_cc, probe_asn, t ORDER BY probe_cc, probe_asn, t`);
      return rows.map((r) => num(r, ['t', 'n']) as unknown as VolumeHourRow);
    },
  };
}
