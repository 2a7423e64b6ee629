/**
 * DuckDB implementation of SpeedTestRepo: the speed-test tables of the throttling detector. Rows
 * arrive through DuckDB's appender (tens of thousands per dataset; one INSERT per row would be
 * two orders of magnitude slower), one file per transaction, so a re-import of a file replaces
 * exactly that file's rows and a crash mid-file leaves the previous import intact.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import type { SpeedTestPoint, SpeedTestRecord, SpeedTestRepo, SpeedTestSourceRecord } from '../types.js';
import { connSql, type DuckDb, type Param, type Row } from './db.js';
import { writeRejectList } from './rejects.js';
import { speedTestDays, speedWhere } from './speedtest-days.js';

function appendText(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}

function appendNumber(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendDouble(v);
}

function appendRow(a: DuckDBAppender, dataset: string, file: string, r: SpeedTestRecord): void {
  a.appendVarchar(dataset);
  a.appendVarchar(file);
  a.appendInteger(r.line);
  a.appendVarchar(r.datetime_rounded);
  appendText(a, r.anonymized_ip);
  appendText(a, r.subnet);
  if (r.asn === null) a.appendNull();
  else a.appendBigInt(BigInt(r.asn));
  appendText(a, r.as_country);
  appendText(a, r.as_organization);
  appendText(a, r.as_organization_iden);
  appendText(a, r.version);
  a.appendDouble(r.test_result);
  a.appendDouble(r.control_result);
  appendNumber(a, r.control_taco_result);
  a.endRow();
}

const toSource = (r: Row): SpeedTestSourceRecord => ({
  dataset: r.dataset as string,
  name: r.name as string,
  url: (r.url as string | null) ?? null,
  licence: r.licence as string,
  attribution: (r.attribution as string | null) ?? null,
  targetHost: (r.target_host as string | null) ?? null,
  controlNote: (r.control_note as string | null) ?? null,
  path: r.path as string,
  importedAt: r.imported_at as string,
});

export function duckSpeedTestRepo(db: DuckDb): SpeedTestRepo {
  return {
    async upsertSource(s) {
      await db.tx(async (tx) => {
        await tx.run('DELETE FROM speedtest_sources WHERE dataset = $1', [s.dataset]);
        await tx.run('INSERT INTO speedtest_sources VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::TIMESTAMPTZ)', [
          s.dataset,
          s.name,
          s.url,
          s.licence,
          s.attribution,
          s.targetHost,
          s.controlNote,
          s.path,
          s.importedAt,
        ]);
      });
    },

    replaceFile: (dataset, file, rows, rejects, sha256) =>
      db.withWriter(async (conn) => {
        await conn.run('BEGIN TRANSACTION');
        try {
          const before = await conn.runAndReadAll('SELECT count(*) AS n FROM speedtests WHERE dataset = $1 AND source_file = $2', [dataset, file]);
          const previous = Number(before.getRowObjectsJS()[0]?.n ?? 0);
          await conn.run('DELETE FROM speedtests WHERE dataset = $1 AND source_file = $2', [dataset, file]);
          const appender = await conn.createAppender('speedtests');
          for (const r of rows) appendRow(appender, dataset, file, r);
          appender.flushSync();
          appender.closeSync();
          if (rejects) await writeRejectList(connSql(conn), rejects);
          await conn.run('DELETE FROM speedtest_file_hashes WHERE dataset = $1 AND source_file = $2', [dataset, file]);
          if (sha256) await conn.run('INSERT INTO speedtest_file_hashes VALUES ($1, $2, $3)', [dataset, file, sha256]);
          await db.pauseInTx('speedtests.file', `file=${file} rows=${rows.length}`);
          await conn.run('COMMIT');
          return { previous };
        } catch (e) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),

    async fileWithHash(sha256) {
      const rows = await db.all('SELECT dataset, source_file FROM speedtest_file_hashes WHERE sha256 = $1 ORDER BY dataset, source_file LIMIT 1', [sha256]);
      return rows[0] ? { dataset: rows[0].dataset as string, sourceFile: rows[0].source_file as string } : null;
    },

    async filesWithoutHash() {
      const rows = await db.all(
        `SELECT f.dataset, f.source_file, src.path, strftime(src.imported_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS imported_at
         FROM (SELECT DISTINCT dataset, source_file FROM speedtests) f
         JOIN speedtest_sources src ON src.dataset = f.dataset
         LEFT JOIN speedtest_file_hashes h ON h.dataset = f.dataset AND h.source_file = f.source_file
         WHERE h.sha256 IS NULL ORDER BY f.dataset, f.source_file`,
      );
      return rows.map((r) => ({
        dataset: r.dataset as string,
        sourceFile: r.source_file as string,
        path: r.path as string,
        importedAt: r.imported_at as string,
      }));
    },

    async recordHash(dataset, file, sha256) {
      await db.run('INSERT OR REPLACE INTO speedtest_file_hashes VALUES ($1, $2, $3)', [dataset, file, sha256]);
    },

    async listSources() {
      return (await db.all('SELECT * FROM speedtest_sources ORDER BY dataset')).map(toSource);
    },

    async points(f) {
      const params: Param[] = [];
      const rows = await db.all(
        `SELECT dataset, as_country, asn, as_organization,
           strftime(datetime_rounded AT TIME ZONE 'UTC', '%Y-%m-%d') AS day,
           test_result, control_result, control_taco_result
         FROM speedtests WHERE ${speedWhere(f, params)}
         ORDER BY as_country, asn, datetime_rounded, dataset, source_file, line`,
        params,
      );
      return rows as unknown as SpeedTestPoint[];
    },

    days: (f, p) => speedTestDays(db, f, p),

    async count(dataset) {
      const rows = await db.all<{ total: number; unattributed: number }>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE as_country IS NULL OR asn IS NULL) AS unattributed
         FROM speedtests ${dataset ? 'WHERE dataset = $1' : ''}`,
        dataset ? [dataset] : [],
      );
      return { total: rows[0]?.total ?? 0, unattributed: rows[0]?.unattributed ?? 0 };
    },
  };
}
