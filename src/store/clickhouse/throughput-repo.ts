/**
 * ClickHouse implementation of ThroughputRepo (migrations 003 and 005). An extraction writes the
 * file's rows and bad events under a new generation, then the file's record (its `ver` is the
 * generation), and only then deletes the replaced generation: a crash before the record leaves
 * the previous version visible and the file pending, and the rerun replaces it. Readers read
 * only the generation the file's record names; rows and records are both sharded by file_id, so
 * each shard checks its own rows against its own records. Joins with the measurements run on the
 * initiating node over de-duplicated (FINAL) subqueries of the Distributed tables.
 */
import type { ThroughputPendingFile, ThroughputPoint, ThroughputRejectRecord, ThroughputRepo } from '../types.js';
import type { ChContext } from './context.js';
import { inList, sql } from './sql.js';
import { seriesWhere } from './series-filter.js';
import { laterWins } from './time.js';

const where = seriesWhere;

type Raw = Record<string, unknown>;

export function chThroughputRepo(ctx: ChContext): ThroughputRepo {
  const m = ctx.table('measurements');
  const tp = ctx.table('throughput_rows');
  const rj = ctx.table('throughput_rejects');
  const tf = ctx.table('measurement_throughput_files');
  /** Committed generations, checked on each shard against that shard's file records. */
  const visible = sql`(file_id, gen) IN (SELECT file_id, ver FROM ${ctx.local('measurement_throughput_files')} FINAL)`;

  const state = async () => {
    const [files, done] = await Promise.all([
      ctx.node.all<{ file_id: string; path: string; checksum: string | null }>(
        sql`SELECT file_id, path, checksum FROM ${ctx.table('ingest_files')} FINAL WHERE status = 'done' ORDER BY path`,
      ),
      ctx.node.all<{ file_id: string; checksum: string | null }>(sql`SELECT file_id, checksum FROM ${tf} FINAL`),
    ]);
    return { files, done: new Map(done.map((d) => [d.file_id, d.checksum])) };
  };

  return {
    async pendingFiles(force) {
      const { files, done } = await state();
      return files
        .filter((f) => force || !done.has(f.file_id) || done.get(f.file_id) !== f.checksum)
        .map((f): ThroughputPendingFile => ({ file_id: f.file_id, path: f.path, checksum: f.checksum, extracted: done.has(f.file_id) }));
    },

    async replaceFile(file, rows, rejects) {
      const gen = laterWins();
      await ctx.insert(
        'throughput_rows',
        rows.map((r) => ({ ...r, gen })),
      );
      await ctx.insert(
        'throughput_rejects',
        rejects.map((j) => ({ ...j, gen })),
      );
      await ctx.insert('measurement_throughput_files', [{ ...file, ver: gen }]);
      // Only older generations (never visible again); a newer one may be another extraction still writing.
      const stale = await ctx.node.all<{ n: number }>(
        sql`SELECT (SELECT count() FROM ${tp} WHERE file_id = ${file.file_id} AND gen < ${gen}) + (SELECT count() FROM ${rj} WHERE file_id = ${file.file_id} AND gen < ${gen}) AS n`,
      );
      if (Number(stale[0]?.n))
        for (const name of ['throughput_rows', 'throughput_rejects'])
          await ctx.mutateEverywhere(sql`ALTER TABLE ${ctx.local(name)} DELETE WHERE file_id = ${file.file_id} AND gen < ${gen}`);
    },

    async points(f) {
      const rows = await ctx.node.all<Raw>(sql`SELECT id, report_id, probe_cc, probe_asn, probe_network_name, target, test_name,
          concat(replaceOne(toString(mst), ' ', 'T'), 'Z') AS measurement_start_time, formatDateTime(mst, '%Y-%m-%d') AS day,
          throughput_kbps, transfer_bytes, tls_handshake_ms, bad_events
        FROM (SELECT file_id, line, throughput_kbps, transfer_bytes, tls_handshake_ms, bad_events FROM ${tp} WHERE ${visible})
        ALL INNER JOIN (SELECT id, report_id, probe_cc, probe_asn, probe_network_name, target, test_name, measurement_start_time AS mst, file_id, line FROM ${m} FINAL WHERE ${where(f)}) USING (file_id, line)
        ORDER BY probe_cc, probe_asn, mst, id`);
      return rows.map((r) => ({ ...r, bad_events: Number(r.bad_events) }) as unknown as ThroughputPoint);
    },

    async badEventCounts(f) {
      const rows = await ctx.node.all<{ reason: string; n: number }>(sql`SELECT reason, count() AS n
        FROM (SELECT file_id, line, reason FROM ${rj} WHERE ${visible})
        ALL INNER JOIN (SELECT file_id, line FROM ${m} FINAL WHERE ${where(f)}) USING (file_id, line)
        GROUP BY reason ORDER BY reason`);
      return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
    },

    async rejects({ limit }) {
      const rows = await ctx.node.all<ThroughputRejectRecord>(
        sql`SELECT file_id, line, event_index, operation, reason, detail FROM ${rj} WHERE ${visible} ORDER BY file_id, line, event_index LIMIT ${limit}`,
      );
      if (!rows.length) return [];
      const fileIds = [...new Set(rows.map((r) => r.file_id))];
      const [paths, ids] = await Promise.all([
        ctx.node.all<{ file_id: string; path: string }>(sql`SELECT file_id, path FROM ${ctx.table('ingest_files')} FINAL WHERE file_id IN ${inList(fileIds)}`),
        ctx.node.all<{ file_id: string; line: number; id: string }>(sql`SELECT file_id, line, id FROM ${m} FINAL WHERE file_id IN ${inList(fileIds)}`),
      ]);
      const path = new Map(paths.map((p) => [p.file_id, p.path]));
      const mid = new Map(ids.map((r) => [`${r.file_id}|${Number(r.line)}`, r.id]));
      return rows.map((r) => ({
        ...r,
        line: Number(r.line),
        event_index: Number(r.event_index),
        path: path.get(r.file_id) ?? null,
        measurement_id: mid.get(`${r.file_id}|${Number(r.line)}`) ?? null,
      }));
    },

    async counts() {
      const [c, { files, done }] = await Promise.all([
        ctx.node.all<{ rows: number; with_throughput: number; bad_events: number }>(
          sql`SELECT count() AS rows, countIf(throughput_kbps IS NOT NULL) AS with_throughput, sum(bad_events) AS bad_events FROM ${tp} WHERE ${visible}`,
        ),
        state(),
      ]);
      const pending = files.filter((f) => !done.has(f.file_id) || done.get(f.file_id) !== f.checksum).length;
      return {
        files: done.size,
        rows: Number(c[0]?.rows ?? 0),
        with_throughput: Number(c[0]?.with_throughput ?? 0),
        bad_events: Number(c[0]?.bad_events ?? 0),
        pending_files: pending,
      };
    },
  };
}
