/**
 * DuckDB implementation of SignalsRepo (migration 120). A file's points go in through one
 * transaction that first deletes the file's earlier points, so a re-import replaces them and a
 * crash leaves the last complete import (its record and rejects list included). Points are staged
 * through DuckDB's appender into a temporary table, then compared with the stored points and
 * upserted with one statement each (VALUES lists and a lookup per 500 points made a large file
 * take minutes).
 * A file whose points another file's import takes over keeps a record of what it still holds,
 * without a checksum, so it is never skipped as unchanged while points of it are gone.
 */
import type { SignalEntityType, SignalFileRecord, SignalFilter, SignalPointRecord, SignalSeriesInfo, SignalsRepo } from '../types.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import { connSql, type DuckDb, type Param, type Sql } from './db.js';
import { tsBound } from './time-bound.js';
import { writeRejectList } from './rejects.js';

/** The staging table of one import (per connection, emptied before and after each use). */
const STAGE_DDL = `CREATE TEMP TABLE IF NOT EXISTS signal_points_stage (
  source VARCHAR, entity_type VARCHAR, entity_code VARCHAR, t VARCHAR, value DOUBLE, cc VARCHAR,
  entity_name VARCHAR, source_file VARCHAR, line BIGINT)`;

function where(f: SignalFilter): { sql: string; params: Param[] } {
  const params: Param[] = [];
  const conds: string[] = [];
  if (f.source) conds.push(`source = $${params.push(f.source)}`);
  if (f.entity_type) conds.push(`entity_type = $${params.push(f.entity_type)}`);
  if (f.entity_code) conds.push(`entity_code = $${params.push(f.entity_code)}`);
  if (f.cc) {
    const i = params.push(f.cc);
    conds.push(`(cc = $${i} OR (entity_type = 'country' AND entity_code = $${i}) OR (entity_type = 'region' AND entity_code LIKE $${i} || '-%'))`);
  }
  if (f.since) conds.push(`t >= $${params.push(tsBound(f.since))}::TIMESTAMPTZ`);
  if (f.until) conds.push(`t < $${params.push(tsBound(f.until))}::TIMESTAMPTZ`);
  return { sql: conds.length ? conds.join(' AND ') : 'TRUE', params };
}

type PointTexts = Pick<SignalPointRecord, 'source' | 'entity_type' | 'entity_code' | 'cc' | 'entity_name' | 'source_file'>;

/**
 * Points in series order as numbers: a key per distinct set of texts (dense_rank), the time in
 * epoch milliseconds, and the texts themselves only on the first point of each key (one snapshot:
 * key and texts come from one statement).
 */
const TEXTS = 'source, entity_type, entity_code, cc, entity_name, source_file';
const pointsSql = (cond: string) =>
  `SELECT dense_rank() OVER (ORDER BY ${TEXTS})::DOUBLE AS k, epoch_ms(t)::DOUBLE AS t, value, line::DOUBLE AS line,
          CASE WHEN row_number() OVER (PARTITION BY ${TEXTS} ORDER BY t) = 1 THEN [${TEXTS}] END AS texts
   FROM signal_points WHERE ${cond} ORDER BY source, entity_type, entity_code, t`;

const iso = (v: unknown): string => (typeof v === 'string' ? new Date(v).toISOString() : String(v));

/**
 * The file's points replace its earlier ones: staged through the appender, compared with the
 * stored points (those of other files at the same series and time are overwritten, and those
 * files' records count what they still hold) and upserted, one statement each. Inside the caller's transaction.
 */
async function replaceIn(
  conn: DuckDBConnection,
  sql: Sql,
  file: SignalFileRecord,
  points: SignalPointRecord[],
): Promise<{ previous: number; overwritten: number }> {
  const previous = await sql.run('DELETE FROM signal_points WHERE source_file = $1', [file.path]);
  await sql.run(STAGE_DDL);
  await sql.run('DELETE FROM signal_points_stage');
  // a key given twice keeps its last point, as an upsert in file order does
  const last = [...new Map(points.map((p) => [`${p.source}\u0000${p.entity_type}\u0000${p.entity_code}\u0000${p.t}`, p])).values()];
  const a = await conn.createAppender('signal_points_stage');
  try {
    for (const p of last) {
      for (const v of [p.source, p.entity_type, p.entity_code, p.t]) a.appendVarchar(v);
      if (p.value === null) a.appendNull();
      else a.appendDouble(p.value);
      for (const v of [p.cc, p.entity_name]) {
        if (v === null || v === undefined) a.appendNull();
        else a.appendVarchar(v);
      }
      a.appendVarchar(p.source_file);
      a.appendBigInt(BigInt(p.line));
      a.endRow();
    }
    a.flushSync();
  } finally {
    a.closeSync();
  }
  const staged = `SELECT source, entity_type, entity_code, t::TIMESTAMPTZ AS t, value, cc, entity_name, source_file, line FROM signal_points_stage`;
  const before = await sql.all<{ source_file: string; n: number }>(
    `SELECT p.source_file, count(*)::INTEGER AS n FROM signal_points p JOIN (${staged}) s USING (source, entity_type, entity_code, t) GROUP BY p.source_file`,
  );
  const overwritten = before.reduce((n, b) => n + b.n, 0);
  await sql.run(`INSERT OR REPLACE INTO signal_points ${staged}`);
  await sql.run('DELETE FROM signal_points_stage');
  await sql.run('INSERT OR REPLACE INTO signal_files VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMPTZ)', [
    file.path,
    file.checksum,
    file.records_read,
    file.stored,
    file.rejected,
    file.imported_at,
  ]);
  // a file whose points were taken over: its record counts what it still holds, and no checksum, so its next import re-reads it
  for (const other of new Set(before.map((b) => b.source_file)))
    await sql.run(`UPDATE signal_files SET checksum = '', stored = (SELECT count(*) FROM signal_points WHERE source_file = $1)::INTEGER WHERE path = $1`, [
      other,
    ]);
  return { previous, overwritten };
}

export function duckSignalsRepo(db: DuckDb): SignalsRepo {
  return {
    replaceFile: (file, points, rejects) =>
      db.withWriter(async (conn) => {
        const sql = connSql(conn);
        await conn.run('BEGIN TRANSACTION');
        try {
          const out = await replaceIn(conn, sql, file, points);
          if (rejects) await writeRejectList(sql, rejects);
          await db.pauseInTx('signals.file', `file=${file.path} points=${points.length}${rejects ? ` rejects=${rejects.records.length}` : ''}`);
          await conn.run('COMMIT');
          return out;
        } catch (e) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),

    async getFile(path) {
      const rows = await db.all('SELECT * FROM signal_files WHERE path = $1', [path]);
      return rows[0] ? ({ ...rows[0], imported_at: iso(rows[0].imported_at) } as unknown as SignalFileRecord) : null;
    },

    async listFiles() {
      const rows = await db.all('SELECT * FROM signal_files ORDER BY path');
      return rows.map((r) => ({ ...r, imported_at: iso(r.imported_at) }) as unknown as SignalFileRecord);
    },

    async series(f) {
      const w = where(f);
      const rows = await db.all(
        `SELECT source, entity_type, entity_code, max(cc) AS cc, max(entity_name) AS entity_name, count(*)::INTEGER AS points,
                count(*) FILTER (WHERE value IS NULL)::INTEGER AS missing, min(t) AS first, max(t) AS last
         FROM signal_points WHERE ${w.sql} GROUP BY ALL ORDER BY entity_type, entity_code, source`,
        w.params,
      );
      return rows.map((r) => ({ ...r, first: iso(r.first), last: iso(r.last) }) as unknown as SignalSeriesInfo);
    },

    async points(f) {
      const w = where(f);
      const out: SignalPointRecord[] = [];
      // per point only numbers cross from DuckDB (its text values cost a microsecond each); each
      // distinct set of texts comes once, on its first point, and the result arrives chunk by
      // chunk, so a read of hundreds of thousands of points never holds the event loop in one piece
      const texts = new Map<number, PointTexts>();
      for await (const ch of db.stream(pointsSql(w.sql), w.params)) {
        const [k, t, value, line] = [0, 1, 2, 3].map((j) => ch.getColumnVector(j));
        for (let i = 0; i < ch.rowCount; i++) {
          const key = k!.getItem(i) as number;
          let x = texts.get(key);
          if (!x) {
            const items = (ch.getColumnVector(4).getItem(i) as { items: (string | null)[] } | null)?.items;
            if (!items) throw new Error(`signal point ${i} of a chunk came before the texts of its series (key ${key})`);
            const [source, entity_type, entity_code, cc, entity_name, source_file] = items;
            const made: PointTexts = {
              source: source!,
              entity_type: entity_type as SignalEntityType,
              entity_code: entity_code!,
              cc: cc ?? null,
              entity_name: entity_name ?? null,
              source_file: source_file!,
            };
            texts.set(key, made);
            x = made;
          }
          out.push({
            source: x.source,
            entity_type: x.entity_type,
            entity_code: x.entity_code,
            t: new Date(t!.getItem(i) as number).toISOString(),
            value: value!.getItem(i) as number | null,
            cc: x.cc,
            entity_name: x.entity_name,
            source_file: x.source_file,
            line: line!.getItem(i) as number,
          });
        }
      }
      return out;
    },
  };
}
