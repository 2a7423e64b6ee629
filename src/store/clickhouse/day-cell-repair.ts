/**
 * Day cells that agree with the rows a shard stores. A shard's view writes the cells after the
 * rows of the same insert, so a shard stopped between the two keeps rows its cells do not count,
 * and every later ingest finds those rows stored. Two guarantees close that gap:
 * - recountDayCells: an ingest that meets rows already stored adds their cell states again on
 *   every shard. The states are sets (ids, report ids) and a minimum, so a row already counted
 *   changes nothing and a row stored without its cells is counted from then on.
 * - dayCellCounts: per shard, the measurements stored against those the cells count, and the
 *   files of the days that differ (what `doctor` reports, with the ingest that repairs them).
 */
import type { ChContext } from './context.js';
import { inList, Sql, sql } from './sql.js';

/** Ids per statement: keeps each query well under max_query_size. */
const ID_CHUNK = 4000;

const KEY = 'day, probe_cc, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly';
const STATES = new Sql(`toStartOfDay(measurement_start_time) AS day, probe_cc, probe_asn, test_name, target, status,
    ifNull(mechanism, '') AS mech, isNotNull(mechanism) AS has_mech, failure, confirmed, anomaly,
    uniqExactState(id) AS ids, uniqExactState(report_id) AS reports, minState(id) AS example`);

/** Add the day-cell states of these stored measurements again, on the shard that holds each. */
export async function recountDayCells(ctx: ChContext, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = inList(ids.slice(i, i + ID_CHUNK));
    for (const s of ctx.shards)
      await s.node.run(
        sql`INSERT INTO ${ctx.local('day_cells')} SELECT ${STATES} FROM ${ctx.local('measurements')} WHERE id IN ${chunk} GROUP BY ${new Sql(KEY)}`,
      );
  }
}

type DayCount = { day: string; n: number | string };
const byDay = (rows: DayCount[]) => new Map(rows.map((r) => [r.day, Number(r.n)]));

/** Per shard: measurements stored (each id once), those its day cells count, the files of the days that differ. */
export async function dayCellCounts(ctx: ChContext): Promise<{ part: string; stored: number; counted: number; paths: string[] }[]> {
  const rowsDay = new Sql(`toString(toStartOfDay(measurement_start_time))`);
  return Promise.all(
    ctx.shards.map(async (s) => {
      // count() is cheap; only days where it differs from the cells are counted id by id (a copy
      // stored twice by two ingests at once is one measurement)
      const [rows, cells] = await Promise.all([
        s.node.all<DayCount>(sql`SELECT ${rowsDay} AS day, count() AS n FROM ${ctx.local('measurements')} GROUP BY day`),
        s.node.all<DayCount>(
          sql`SELECT toString(day) AS day, sum(c) AS n FROM (SELECT day, uniqExactMerge(ids) AS c FROM ${ctx.local('day_cells')} GROUP BY ${new Sql(KEY)}) GROUP BY day`,
        ),
      ]);
      const stored = byDay(rows);
      const counted = byDay(cells);
      const differ = [...stored.keys()].filter((d) => stored.get(d) !== (counted.get(d) ?? 0));
      if (differ.length)
        for (const [d, n] of byDay(
          await s.node.all<DayCount>(
            sql`SELECT ${rowsDay} AS day, uniqExact(id) AS n FROM ${ctx.local('measurements')} WHERE ${rowsDay} IN ${inList(differ)} GROUP BY day`,
          ),
        ))
          stored.set(d, n);
      const gaps = [...stored.keys()].filter((d) => stored.get(d) !== (counted.get(d) ?? 0));
      const files = gaps.length
        ? await s.node.all<{ file_id: string }>(
            sql`SELECT DISTINCT file_id FROM ${ctx.local('measurements')} WHERE ${rowsDay} IN ${inList(gaps)} ORDER BY file_id`,
          )
        : [];
      const paths = files.length
        ? await ctx.node.all<{ path: string }>(
            sql`SELECT DISTINCT path FROM ${ctx.table('ingest_files')} FINAL WHERE file_id IN ${inList(files.map((f) => f.file_id))} ORDER BY path`,
          )
        : [];
      const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      return { part: `shard ${s.shard} (${s.host}:${s.port})`, stored: sum(stored), counted: sum(counted), paths: paths.map((p) => p.path) };
    }),
  );
}
