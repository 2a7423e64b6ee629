/**
 * DuckDB implementation of MeasureRepo. Bulk path: each batch of verdicts goes through an
 * appender into a TEMP staging table and one INSERT OR IGNORE ... SELECT (the primary key on
 * `id` makes re-ingest and kill -9 reruns idempotent), inside one transaction that also stores
 * the batch's rejects and marks the aggregation cells it touched. Cells are recomputed from the
 * measurements for those keys only (refreshCells), so an ingest never rescans other cells.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type {
  CellRecord,
  FingerprintRecord,
  FingerprintSourceRecord,
  IngestFileRecord,
  MeasureRepo,
  MeasurementRecord,
  MeasurementRejectRecord,
  NetworkRecord,
} from '../types.js';
import type { DuckDb, Param, Row } from './db.js';
import { duckDayCellCounts } from './measure-cell-check.js';
import { readProjected } from './measure-projection.js';
import { duckRescoreRepo } from './measure-rescore.js';
import { inTx, MEASUREMENT_COLUMNS, MEASUREMENT_SELECT, refreshDirtyCells, STAGING_COLUMNS, STAGING_DDL, where } from './measure-sql.js';

const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

function appendRow(a: DuckDBAppender, r: MeasurementRecord, now: string): void {
  for (const [name, type] of STAGING_COLUMNS) {
    const v: unknown =
      name === 'ingested_at'
        ? now
        : name === 'evidence'
          ? JSON.stringify(r.evidence)
          : name === 'layers' || name === 'rules'
            ? r[name].join(',')
            : r[name as keyof MeasurementRecord];
    if (v === null || v === undefined) a.appendNull();
    else if (type === 'BOOLEAN') a.appendBoolean(Boolean(v));
    else if (type === 'DOUBLE') a.appendDouble(Number(v));
    else if (type === 'BIGINT') a.appendBigInt(BigInt(v as number));
    else a.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v));
  }
  a.endRow();
}

const toMeasurement = (r: Row): MeasurementRecord & { path: string | null; ingested_at: string } => ({
  ...(r as unknown as MeasurementRecord & { path: string | null; ingested_at: string }),
  evidence: json(r.evidence) as unknown[],
});

const toCell = (r: Row): CellRecord => ({
  ...(r as unknown as CellRecord),
  mechanisms: json(r.mechanisms) as Record<string, number>,
  examples: json(r.examples) as Record<string, string>,
});

const INPUTS_STAGING_DDL =
  'CREATE TEMP TABLE IF NOT EXISTS rule_inputs_staging (id VARCHAR, rules_version VARCHAR, fingerprints_version VARCHAR, inputs VARCHAR)';
/** Column types of the manifest, reject and finish rows, in their VALUES order. */
const FILE_TYPES = 'VARCHAR VARCHAR BIGINT BIGINT VARCHAR VARCHAR BIGINT BIGINT BIGINT BIGINT BIGINT TIMESTAMPTZ TIMESTAMPTZ VARCHAR VARCHAR'.split(' ');
const REJECT_TYPES = 'VARCHAR VARCHAR BIGINT BIGINT VARCHAR VARCHAR VARCHAR'.split(' ');
const FINISH_TYPES = 'VARCHAR VARCHAR VARCHAR BIGINT BIGINT BIGINT BIGINT BIGINT TIMESTAMPTZ'.split(' ');
/** Rows per multi-row INSERT (rejects can be thousands in a group of bad files). */
const VALUES_PER_STATEMENT = 500;

const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

/** Push one row's values as parameters and return its placeholders, each cast to its column type. */
function typed(params: Param[], types: string[], values: Param[]): string {
  return values
    .map((v, i) => {
      params.push(v);
      return `$${params.length}::${types[i]}`;
    })
    .join(', ');
}

async function insertValues(conn: DuckDBConnection, head: string, types: string[], rows: Param[][]): Promise<void> {
  const params: Param[] = [];
  const values = rows.map((r) => `(${typed(params, types, r)})`);
  await conn.run(`${head} ${values.join(', ')}`, params);
}

/** One entry per key, the last one given: the result of applying the entries one by one. */
function lastPerKey<T>(items: T[], key: (x: T) => string): T[] {
  if (items.length < 2) return items;
  return [...new Map(items.map((x) => [key(x), x])).values()];
}

export function duckMeasureRepo(db: DuckDb): MeasureRepo {
  let staged = false;
  const repo: MeasureRepo = {
    readProjected: (path, spec, opts) => readProjected(db, path, spec, opts),
    async readParallelism(n) {
      const prev = Number((await db.all<{ t: number }>("SELECT current_setting('threads')::INTEGER AS t"))[0]?.t ?? n);
      await db.run(`SET threads = ${Math.max(1, Math.floor(n))}`);
      return prev;
    },
    storedUids: (ids) =>
      ids.length
        ? db.all<{ id: string; measurement_uid: string | null }>(
            `SELECT id, measurement_uid FROM measurements WHERE id IN (SELECT unnest(json_transform($1, '["VARCHAR"]')))`,
            [JSON.stringify(ids)],
          )
        : Promise.resolve([]),
    writeBatch: async (rows, rejects, now) => (await repo.writeGroup({ rows, rejects, start: [], finish: [] }, now)).length,
    async getFile(fileId) {
      const rows = await db.all<IngestFileRecord & Row>('SELECT * FROM ingest_files WHERE file_id = $1', [fileId]);
      return rows[0] ?? null;
    },
    filesOf: (ids, paths) =>
      db.all<IngestFileRecord & Row>(
        `SELECT * FROM ingest_files WHERE file_id IN (SELECT unnest(json_transform($1, '["VARCHAR"]'))) OR path IN (SELECT unnest(json_transform($2, '["VARCHAR"]'))) ORDER BY started_at`,
        [JSON.stringify(ids), JSON.stringify(paths)],
      ),
    listFiles: (limit) => db.all<IngestFileRecord & Row>('SELECT * FROM ingest_files ORDER BY started_at DESC, path LIMIT $1', [limit]),
    writeGroup: (b, now) =>
      db.withWriter(async (conn) => {
        // the staging tables live for the connection, created outside any transaction so a
        // rolled-back group cannot take them away
        if (!staged) {
          await conn.run(STAGING_DDL);
          await conn.run(INPUTS_STAGING_DDL);
          staged = true;
        }
        return inTx(conn, async () => {
          // set-based statements, a fixed number per group whatever the number of files: a
          // DuckDB statement costs milliseconds of CPU, more than the rows of a small file
          const start = lastPerKey(b.start, (f) => f.file_id);
          if (start.length) {
            const ids = start.map((f) => f.file_id);
            await conn.run(`DELETE FROM ingest_files WHERE file_id IN (${placeholders(ids.length)})`, ids);
            await conn.run(`DELETE FROM measurement_rejects WHERE file_id IN (${placeholders(ids.length)})`, ids);
            await insertValues(
              conn,
              'INSERT INTO ingest_files VALUES',
              FILE_TYPES,
              start.map((f) => [
                f.file_id,
                f.path,
                f.size,
                f.mtime_ms,
                f.checksum,
                f.status,
                f.lines_read,
                f.stored,
                f.duplicates,
                f.rejected,
                f.bytes_read,
                f.started_at,
                f.finished_at,
                f.rules_version,
                f.filters,
              ]),
            );
          }
          let ids: string[] = [];
          if (b.rows.length) {
            const a = await conn.createAppender('measurement_staging', 'main', 'temp');
            for (const r of b.rows) appendRow(a, r, now);
            a.closeSync();
            const res = await conn.runAndReadAll(`INSERT OR IGNORE INTO measurements SELECT ${MEASUREMENT_SELECT} FROM measurement_staging RETURNING id`);
            ids = res.getRows().map((r) => String(r[0]));
            await conn.run(
              `INSERT OR IGNORE INTO measurement_cells_dirty SELECT DISTINCT date_trunc('day', measurement_start_time::TIMESTAMP), probe_cc, probe_asn, test_name, target FROM measurement_staging`,
            );
            await conn.run('DELETE FROM measurement_staging');
          }
          if (b.inputs?.length) {
            const a = await conn.createAppender('rule_inputs_staging', 'main', 'temp');
            for (const x of b.inputs) {
              a.appendVarchar(x.id);
              a.appendVarchar(x.rules_version);
              a.appendVarchar(x.fingerprints_version);
              a.appendVarchar(x.inputs);
              a.endRow();
            }
            a.closeSync();
            // a re-read refreshes the inputs; the versions stay those of the stored verdict
            await conn.run(`INSERT INTO measurement_rule_inputs (id, rules_version, inputs, fingerprints_version)
              SELECT DISTINCT ON (id) id, rules_version, inputs, fingerprints_version FROM rule_inputs_staging
              ON CONFLICT (id) DO UPDATE SET inputs = excluded.inputs`);
            await conn.run('DELETE FROM rule_inputs_staging');
          }
          const rejects = lastPerKey(b.rejects, (j) => `${j.file_id}\0${j.line}`);
          for (let i = 0; i < rejects.length; i += VALUES_PER_STATEMENT) {
            await insertValues(
              conn,
              'INSERT OR REPLACE INTO measurement_rejects VALUES',
              REJECT_TYPES,
              rejects.slice(i, i + VALUES_PER_STATEMENT).map((j) => [j.file_id, j.path, j.line, j.byte_offset, j.reason, j.detail, j.raw_prefix]),
            );
          }
          const finish = lastPerKey(b.finish, (f) => f.file_id);
          if (finish.length) {
            const params: Param[] = [];
            const rows = finish.map(
              (f) =>
                `(${typed(params, FINISH_TYPES, [f.file_id, f.checksum, f.status, f.lines_read, f.stored, f.duplicates, f.rejected, f.bytes_read, f.finished_at])})`,
            );
            await conn.run(
              `UPDATE ingest_files SET checksum = v.checksum, status = v.status, lines_read = v.lines_read, stored = v.stored, duplicates = v.duplicates, rejected = v.rejected,
                 bytes_read = v.bytes_read, finished_at = v.finished_at
               FROM (VALUES ${rows.join(', ')}) AS v(file_id, checksum, status, lines_read, stored, duplicates, rejected, bytes_read, finished_at)
               WHERE ingest_files.file_id = v.file_id`,
              params,
            );
          }
          if (b.rows.length) await db.pauseInTx('measure.batch', `rows=${b.rows.length} new=${ids.length}`);
          if (b.finish.length) await db.pauseInTx('measure.manifest', `finished=${b.finish.length}`);
          return ids;
        });
      }),
    refreshCells: (now) => db.tx((tx) => refreshDirtyCells(tx, now)),
    dayCellCounts: () => duckDayCellCounts(db),
    async cells(f) {
      const params: Param[] = [f.grain];
      const rows = await db.all(
        `SELECT grain, strftime(bucket, '%Y-%m-%dT%H:%M:%SZ') AS bucket, probe_cc, probe_asn, test_name, target, n, ok, blocked, likely_blocked, down, invalid, insufficient,
           ok_count, anomaly_count, confirmed_count, failure_count, reports, mechanisms::VARCHAR AS mechanisms, examples::VARCHAR AS examples
         FROM measurement_cells WHERE grain = $1 AND ${where({ ...f, status: undefined }, 'bucket', params)}
         ORDER BY bucket, probe_cc, probe_asn, test_name, target LIMIT 100000`,
        params,
      );
      return rows.map(toCell);
    },
    async list(f) {
      const params: Param[] = [];
      let w = where(f, 'measurement_start_time', params);
      if (f.after) {
        params.push(f.after.start, f.after.id);
        w += ` AND (measurement_start_time < $${params.length - 1}::TIMESTAMP OR (measurement_start_time = $${params.length - 1}::TIMESTAMP AND id > $${params.length}))`;
      }
      params.push(f.limit);
      const rows = await db.all(
        `SELECT ${MEASUREMENT_COLUMNS} FROM (SELECT * FROM measurements WHERE ${w} ORDER BY measurement_start_time DESC, id LIMIT $${params.length}) ORDER BY measurement_start_time DESC, id`,
        params,
      );
      return rows.map(toMeasurement);
    },
    async get(id) {
      const rows = await db.all(
        `SELECT m.*, f.path FROM (SELECT ${MEASUREMENT_COLUMNS} FROM measurements WHERE id = $1) m LEFT JOIN ingest_files f USING (file_id)`,
        [id],
      );
      return rows[0] ? toMeasurement(rows[0]) : null;
    },
    async networks(f) {
      const params: Param[] = [];
      const w = where({ probe_cc: f.probe_cc }, 'measurement_start_time', params);
      return db.all<NetworkRecord & Row>(
        `SELECT probe_cc, probe_asn, list_sort(list_distinct(list(probe_network_name) FILTER (WHERE probe_network_name IS NOT NULL))) AS names,
           count(*) AS measurements, count(*) FILTER (WHERE anomaly AND NOT confirmed AND NOT failure) AS anomaly_count,
           count(*) FILTER (WHERE confirmed AND NOT failure) AS confirmed_count,
           strftime(min(measurement_start_time), '%Y-%m-%dT%H:%M:%SZ') AS first, strftime(max(measurement_start_time), '%Y-%m-%dT%H:%M:%SZ') AS last
         FROM measurements WHERE ${w} GROUP BY probe_cc, probe_asn ORDER BY measurements DESC, probe_asn`,
        params,
      );
    },
    rejects: (f) =>
      f.file_id
        ? db.all<MeasurementRejectRecord & Row>('SELECT * FROM measurement_rejects WHERE file_id = $1 ORDER BY line LIMIT $2', [f.file_id, f.limit])
        : db.all<MeasurementRejectRecord & Row>('SELECT * FROM measurement_rejects ORDER BY path, line LIMIT $1', [f.limit]),
    async counts() {
      const r = await db.all<{ measurements: number; files: number; rejects: number; cells: number }>(
        `SELECT (SELECT count(*) FROM measurements) AS measurements, (SELECT count(*) FROM ingest_files) AS files,
           (SELECT count(*) FROM measurement_rejects) AS rejects, (SELECT count(*) FROM measurement_cells) AS cells`,
      );
      return r[0]!;
    },
    replaceFingerprints: (sets) =>
      db.withWriter((conn) =>
        inTx(conn, async () => {
          for (const { source, items } of sets) {
            await conn.run('DELETE FROM fingerprints WHERE source = $1', [source.source]);
            await conn.run('DELETE FROM fingerprint_sources WHERE source = $1', [source.source]);
            await conn.run('INSERT INTO fingerprint_sources VALUES ($1, $2, $3, $4, $5::TIMESTAMPTZ)', [
              source.source,
              source.file,
              source.checksum,
              source.count,
              source.imported_at,
            ]);
            await conn.run(
              `INSERT INTO fingerprints SELECT r.source, r.name, r.kind, r.scope, r.location_found, r.pattern_type, r.pattern, r.expected_countries, NULL
               FROM (SELECT unnest(from_json($1::JSON, '[{"source":"VARCHAR","name":"VARCHAR","kind":"VARCHAR","scope":"VARCHAR","location_found":"VARCHAR","pattern_type":"VARCHAR","pattern":"VARCHAR","expected_countries":["VARCHAR"]}]')) AS r)`,
              [JSON.stringify(items)],
            );
          }
        }),
      ),
    listFingerprints: () =>
      db.all<FingerprintRecord & Row>(
        'SELECT source, name, kind, scope, location_found, pattern_type, pattern, expected_countries FROM fingerprints ORDER BY source, name',
      ),
    fingerprintSources: () => db.all<FingerprintSourceRecord & Row>('SELECT * FROM fingerprint_sources ORDER BY source'),
    rescore: duckRescoreRepo(db),
  };
  return repo;
}
