/**
 * Writing one registry file inside one transaction on the writer connection, its rejects list
 * included, so a failed or killed import leaves nothing. A staged dump is loaded by the engine (registry-dump.ts);
 * small derived files stream rows through two appenders. Measured (bench:registry, 1M lines):
 * per-value appenders cost ~1 µs per value across N-API, more than all the SQL parsing.
 */
import type { RegistryEntryRow, RegistryRangeRow, RegistryRepo } from '../types.js';
import { connSql, type DuckDb } from './db.js';
import { writeRejectList } from './rejects.js';
import { loadDumpRows } from './registry-dump.js';
import { UPSERT_SNAPSHOT, snapshotParams } from './registry-sql.js';

export const writeFile: (db: DuckDb) => RegistryRepo['writeFile'] = (db) => (snapshot, sourceFile, importedAt, fill) =>
  db.withWriter(async (conn) => {
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run(UPSERT_SNAPSHOT, snapshotParams(snapshot));
      const old = (
        await conn.runAndReadAll('SELECT id FROM registry_files WHERE snapshot_id = $1 AND source_file = $2', [snapshot.id, sourceFile])
      ).getRowsJS();
      for (const [oldId] of old) {
        const fileId = Number(oldId);
        await conn.run('DELETE FROM registry_entries WHERE file_id = $1', [fileId]);
        await conn.run('DELETE FROM registry_ranges WHERE file_id = $1', [fileId]);
        await conn.run('DELETE FROM registry_files WHERE id = $1', [fileId]);
      }
      const id = Number((await conn.runAndReadAll('SELECT coalesce(max(id), 0) + 1 FROM registry_files')).getRowsJS()[0]![0]);
      await conn.run(`INSERT INTO registry_files VALUES ($1, $2, $3, '{}', $4::TIMESTAMPTZ)`, [id, snapshot.id, sourceFile, importedAt]);
      // Row-by-row files (the small derived CIDR file) are collected and appended after `fill`;
      // dumps go through loadDumpRows. An appender held open during the bulk INSERTs made them
      // cost 30-60 % more CPU (bench:registry), so none is opened unless rows came this way.
      const entries: RegistryEntryRow[] = [];
      const ranges: RegistryRangeRow[] = [];
      const out = await fill({ entry: (e) => void entries.push(e), range: (r) => void ranges.push(r), loadDumpRows: (d) => loadDumpRows(conn, id, d) });
      if (entries.length) {
        const ea = await conn.createAppender('registry_entries');
        try {
          for (const e of entries) {
            ea.appendInteger(id);
            ea.appendInteger(e.line);
            ea.appendVarchar(e.ips);
            ea.appendVarchar(e.domain);
            ea.appendVarchar(e.urls);
            ea.appendVarchar(e.decisionBody);
            ea.appendVarchar(e.decisionNumber);
            if (e.decisionDate === null) ea.appendNull();
            else ea.appendVarchar(e.decisionDate);
            ea.endRow();
          }
        } finally {
          ea.closeSync();
        }
      }
      if (ranges.length) {
        const ra = await conn.createAppender('registry_ranges');
        try {
          for (const r of ranges) {
            ra.appendInteger(id);
            ra.appendInteger(r.line);
            ra.appendUTinyInt(r.family);
            ra.appendUHugeInt(r.first);
            ra.appendUHugeInt(r.last);
            ra.appendUTinyInt(r.prefix);
            ra.endRow();
          }
        } finally {
          ra.closeSync();
        }
      }
      await conn.run('UPDATE registry_files SET doc = $1::JSON WHERE id = $2', [JSON.stringify(out.doc), id]);
      if (out.rejects) await writeRejectList(connSql(conn), out.rejects);
      await db.pauseInTx('registry.file', `file=${sourceFile}`);
      await conn.run('COMMIT');
      return out.result;
    } catch (e) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
