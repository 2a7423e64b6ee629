/**
 * DuckDB implementation of SignalsRepo (migration 120). A file's points go in through one
 * transaction that first deletes the file's earlier points, so a re-import replaces them and a
 * crash leaves the last complete import (its record and rejects list included). Points are bulk-inserted from a VALUES list in slices.
 * A file whose points another file's import takes over keeps a record of what it still holds,
 * without a checksum, so it is never skipped as unchanged while points of it are gone.
 */
import type { SignalFileRecord, SignalFilter, SignalPointRecord, SignalSeriesInfo, SignalsRepo } from '../types.js';
import type { DuckDb, Param } from './db.js';
import { tsBound } from './time-bound.js';
import { writeRejectList } from './rejects.js';

const SLICE = 500;

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

const iso = (v: unknown): string => (typeof v === 'string' ? new Date(v).toISOString() : String(v));

export function duckSignalsRepo(db: DuckDb): SignalsRepo {
  return {
    replaceFile: (file, points, rejects) =>
      db.tx(async (sql) => {
        const previous = await sql.run('DELETE FROM signal_points WHERE source_file = $1', [file.path]);
        let overwritten = 0;
        const taken = new Set<string>();
        for (let i = 0; i < points.length; i += SLICE) {
          const slice = points.slice(i, i + SLICE);
          const params: Param[] = [];
          const rows = slice.map((p) => {
            const b = params.length;
            params.push(p.source, p.entity_type, p.entity_code, p.t, p.value, p.cc, p.entity_name, p.source_file, p.line);
            return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::TIMESTAMPTZ, $${b + 5}::DOUBLE, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9})`;
          });
          const keys = slice.map((p) => [p.source, p.entity_type, p.entity_code, p.t] as const);
          const kp: Param[] = keys.flat();
          const before = await sql.all<{ source_file: string; n: number }>(
            `SELECT source_file, count(*)::INTEGER AS n FROM signal_points WHERE (source, entity_type, entity_code, t) IN (${keys.map((_, j) => `($${j * 4 + 1}, $${j * 4 + 2}, $${j * 4 + 3}, $${j * 4 + 4}::TIMESTAMPTZ)`).join(', ')}) GROUP BY source_file`,
            kp,
          );
          for (const b of before) {
            overwritten += b.n;
            taken.add(b.source_file);
          }
          await sql.run(`INSERT OR REPLACE INTO signal_points VALUES ${rows.join(', ')}`, params);
        }
        await sql.run('INSERT OR REPLACE INTO signal_files VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMPTZ)', [
          file.path,
          file.checksum,
          file.records_read,
          file.stored,
          file.rejected,
          file.imported_at,
        ]);
        // a file whose points were taken over: its record counts what it still holds, and no checksum, so its next import re-reads it
        for (const other of taken)
          await sql.run(
            `UPDATE signal_files SET checksum = '', stored = (SELECT count(*) FROM signal_points WHERE source_file = $1)::INTEGER WHERE path = $1`,
            [other],
          );
        if (rejects) await writeRejectList(sql, rejects);
        await db.pauseInTx('signals.file', `file=${file.path} points=${points.length}${rejects ? ` rejects=${rejects.records.length}` : ''}`);
        return { previous, overwritten };
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
      const rows = await db.all(`SELECT * FROM signal_points WHERE ${w.sql} ORDER BY source, entity_type, entity_code, t`, w.params);
      return rows.map((r) => ({ ...r, t: iso(r.t) }) as unknown as SignalPointRecord);
    },
  };
}
