/**
 * DuckDB implementation of ThroughputRepo: per-measurement throughput from OONI network_events
 * (migration 050). A file's rows go in through the appender in one transaction that first
 * deletes that file's previous rows, so a re-extraction replaces and a crash leaves the last
 * complete extraction. Points join the measurements table on the raw pointer (file_id, line).
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import type { MeasurementSeriesFilter, ThroughputPendingFile, ThroughputPoint, ThroughputRejectRecord, ThroughputRepo } from '../types.js';
import type { DuckDb, Param } from './db.js';
import { tsBound } from './time-bound.js';

function appendOpt(a: DuckDBAppender, v: number | null, kind: 'double' | 'bigint'): void {
  if (v === null) a.appendNull();
  else if (kind === 'double') a.appendDouble(v);
  else a.appendBigInt(BigInt(Math.round(v)));
}

function where(f: MeasurementSeriesFilter): { sql: string; params: Param[] } {
  const params: Param[] = [];
  const conds: string[] = [];
  if (f.cc) conds.push(`m.probe_cc = $${params.push(f.cc)}`);
  if (f.asn) conds.push(`m.probe_asn = $${params.push(f.asn)}`);
  if (f.target) conds.push(`m.target = $${params.push(f.target)}`);
  if (f.since) conds.push(`m.measurement_start_time >= ($${params.push(tsBound(f.since))}::TIMESTAMPTZ AT TIME ZONE 'UTC')`);
  if (f.until) conds.push(`m.measurement_start_time < ($${params.push(tsBound(f.until))}::TIMESTAMPTZ AT TIME ZONE 'UTC')`);
  return { sql: conds.length ? conds.join(' AND ') : 'TRUE', params };
}

const FILES = ['measurement_throughput', 'measurement_throughput_rejects', 'measurement_throughput_files'];

export function duckThroughputRepo(db: DuckDb): ThroughputRepo {
  return {
    async pendingFiles(force) {
      return db.all<ThroughputPendingFile & Record<string, unknown>>(
        `SELECT i.file_id, i.path, i.checksum, t.file_id IS NOT NULL AS extracted FROM ingest_files i
         LEFT JOIN measurement_throughput_files t ON t.file_id = i.file_id
         WHERE i.status = 'done' AND ($1 OR t.file_id IS NULL OR t.checksum IS DISTINCT FROM i.checksum)
         ORDER BY i.path`,
        [force],
      );
    },

    replaceFile: (file, rows, rejects) =>
      db.withWriter(async (conn) => {
        await conn.run('BEGIN TRANSACTION');
        try {
          for (const t of FILES) await conn.run(`DELETE FROM ${t} WHERE file_id = $1`, [file.file_id]);
          const a = await conn.createAppender('measurement_throughput');
          for (const r of rows) {
            a.appendVarchar(r.file_id);
            a.appendBigInt(BigInt(r.line));
            a.appendInteger(r.n_events);
            a.appendInteger(r.n_read);
            a.appendBigInt(BigInt(r.bytes_read));
            a.appendInteger(r.connections);
            appendOpt(a, r.throughput_kbps, 'double');
            if (r.throughput_method === null) a.appendNull();
            else a.appendVarchar(r.throughput_method);
            appendOpt(a, r.transfer_bytes, 'bigint');
            appendOpt(a, r.transfer_ms, 'double');
            appendOpt(a, r.tls_handshake_ms, 'double');
            a.appendInteger(r.tls_handshakes);
            a.appendInteger(r.bad_events);
            a.endRow();
          }
          a.flushSync();
          a.closeSync();
          for (const j of rejects) {
            await conn.run('INSERT OR IGNORE INTO measurement_throughput_rejects VALUES ($1, $2, $3, $4, $5, $6)', [
              j.file_id,
              j.line,
              j.event_index,
              j.operation,
              j.reason,
              j.detail,
            ]);
          }
          await conn.run('INSERT INTO measurement_throughput_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMPTZ)', [
            file.file_id,
            file.checksum,
            file.lines_read,
            file.unparsed,
            file.with_events,
            file.with_throughput,
            file.bad_events,
            file.extracted_at,
          ]);
          await db.pauseInTx('throughput.file', `file=${file.file_id} rows=${rows.length}`);
          await conn.run('COMMIT');
        } catch (e) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),

    async points(f) {
      const w = where(f);
      return db.all<ThroughputPoint & Record<string, unknown>>(
        `SELECT m.id, m.report_id, m.probe_cc, m.probe_asn, m.probe_network_name, m.target, m.test_name,
           strftime(m.measurement_start_time, '%Y-%m-%dT%H:%M:%SZ') AS measurement_start_time,
           strftime(m.measurement_start_time, '%Y-%m-%d') AS day,
           t.throughput_kbps, t.transfer_bytes, t.tls_handshake_ms, t.bad_events
         FROM measurement_throughput t JOIN measurements m ON m.file_id = t.file_id AND m.line = t.line
         WHERE ${w.sql}
         ORDER BY m.probe_cc, m.probe_asn, m.measurement_start_time, m.id`,
        w.params,
      );
    },

    async badEventCounts(f) {
      const w = where(f);
      const rows = await db.all<{ reason: string; n: number }>(
        `SELECT j.reason, count(*) AS n FROM measurement_throughput_rejects j
         JOIN measurements m ON m.file_id = j.file_id AND m.line = j.line
         WHERE ${w.sql} GROUP BY j.reason ORDER BY j.reason`,
        w.params,
      );
      return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
    },

    async rejects({ limit }) {
      return db.all<ThroughputRejectRecord & { path: string | null; measurement_id: string | null } & Record<string, unknown>>(
        `SELECT j.*, f.path, m.id AS measurement_id FROM measurement_throughput_rejects j
         LEFT JOIN ingest_files f ON f.file_id = j.file_id
         LEFT JOIN measurements m ON m.file_id = j.file_id AND m.line = j.line
         ORDER BY j.file_id, j.line, j.event_index LIMIT $1`,
        [limit],
      );
    },

    async counts() {
      const rows = await db.all<{ files: number; rows: number; with_throughput: number; bad_events: number; pending_files: number }>(
        `SELECT (SELECT count(*) FROM measurement_throughput_files) AS files,
           (SELECT count(*) FROM measurement_throughput) AS rows,
           (SELECT count(*) FROM measurement_throughput WHERE throughput_kbps IS NOT NULL) AS with_throughput,
           (SELECT coalesce(sum(bad_events), 0) FROM measurement_throughput) AS bad_events,
           (SELECT count(*) FROM ingest_files i LEFT JOIN measurement_throughput_files t ON t.file_id = i.file_id
             WHERE i.status = 'done' AND (t.file_id IS NULL OR t.checksum IS DISTINCT FROM i.checksum)) AS pending_files`,
      );
      return rows[0]!;
    },
  };
}
