/**
 * DuckDB implementation of RegistryRepo. Files are staged and bulk-loaded by the engine
 * (registry-write.ts; a 1M-line dump is ~1M entry rows plus ~2M range rows, per-row INSERTs
 * would take minutes). Large reads come back column-wise. Addresses are
 * UHUGEINT so IPv4 and IPv6 share one column; IPv4 reads cast to UINTEGER (exact in JS).
 */
import type { RegistryDailyStatRecord, RegistryFileRecord, RegistryMatchRecord, RegistryRepo, RegistrySnapshotRecord } from '../types.js';
import { toMatchRecord } from '../contracts/registry.js';
import type { DuckDb, Param, Row } from './db.js';
import { asnMethods } from './registry-asn.js';
import { UPSERT_SNAPSHOT, snapshotParams } from './registry-sql.js';
import { writeFile } from './registry-write.js';

const parseJson = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? JSON.parse(v) : (v as Record<string, unknown>));

const SNAPSHOT_COLS = 'id, dump_at, time_basis, kind, complete, lower_bound, doc::VARCHAR AS doc, updated_at';

const toSnapshot = (r: Row): RegistrySnapshotRecord => ({
  id: r.id as string,
  dumpAt: r.dump_at as string,
  timeBasis: r.time_basis as string,
  kind: r.kind as string,
  complete: r.complete as boolean,
  lowerBound: r.lower_bound as boolean,
  doc: parseJson(r.doc),
  updatedAt: r.updated_at as string,
});

const MATCH_COLS = `f.snapshot_id, s.dump_at, f.source_file, e.line, e.ips, e.domain, e.urls, e.decision_body, e.decision_number,
  e.decision_date::VARCHAR AS decision_date`;
const MATCH_FROM = `registry_entries e JOIN registry_files f ON f.id = e.file_id JOIN registry_snapshots s ON s.id = f.snapshot_id`;

/** The decision numbers passed as a JSON list of strings in $2. */
const NUMBERS_PARAM = `(SELECT unnest(json_transform($2, '["VARCHAR"]')))`;
const numbersParams = (snapshotId: string, decision: readonly string[] | undefined): Param[] =>
  decision === undefined ? [snapshotId] : [snapshotId, JSON.stringify(decision)];

const toMatch = (r: Row): RegistryMatchRecord =>
  toMatchRecord(
    r,
    { snapshotId: r.snapshot_id as string, dumpAt: r.dump_at as string, sourceFile: r.source_file as string },
    r.family === undefined ? null : { family: r.family as 4 | 6, first: BigInt(r.first as string), prefix: r.prefix as number },
  );

/** ` LIMIT n` (at least 1), or nothing for every row. */
const limitClause = (limit?: number) => (limit === undefined ? '' : ` LIMIT ${Math.max(1, Math.floor(limit))}`);

/** Entries of one snapshot (optionally those of some decision numbers, a JSON list in $2), as a CTE named `e`. */
function entriesCte(decision: readonly string[] | undefined): string {
  return `e AS (SELECT e.file_id, e.line, e.decision_number, e.decision_body, coalesce(e.decision_date::VARCHAR, '') AS decision_date
    FROM registry_entries e JOIN registry_files f ON f.id = e.file_id
    WHERE f.snapshot_id = $1 ${decision === undefined ? '' : `AND e.decision_number IN ${NUMBERS_PARAM}`})`;
}

export function duckRegistryRepo(db: DuckDb): RegistryRepo {
  return {
    ...asnMethods(db),
    writeFile: writeFile(db),
    upsertSnapshot: async (s) => {
      await db.run(UPSERT_SNAPSHOT, snapshotParams(s));
    },
    async listSnapshots() {
      return (await db.all(`SELECT ${SNAPSHOT_COLS} FROM registry_snapshots ORDER BY dump_at, id`)).map(toSnapshot);
    },
    async listFiles(snapshotId) {
      const rows = await db.all(
        `SELECT id, snapshot_id, source_file, doc::VARCHAR AS doc, imported_at FROM registry_files ${snapshotId === undefined ? '' : 'WHERE snapshot_id = $1'} ORDER BY snapshot_id, source_file`,
        snapshotId === undefined ? [] : [snapshotId],
      );
      return rows.map((r): RegistryFileRecord => ({
        id: r.id as number,
        snapshotId: r.snapshot_id as string,
        sourceFile: r.source_file as string,
        doc: parseJson(r.doc),
        importedAt: r.imported_at as string,
      }));
    },
    async ipv4Ranges(snapshotId, decision) {
      const params = numbersParams(snapshotId, decision);
      const keysCte = `${entriesCte(decision)},
        k AS (SELECT decision_number, decision_body, decision_date, (row_number() OVER (ORDER BY decision_number, decision_body, decision_date) - 1)::INTEGER AS k
              FROM (SELECT DISTINCT decision_number, decision_body, decision_date FROM e))`;
      const keys = await db.all(`WITH ${keysCte} SELECT decision_number, decision_body, decision_date FROM k ORDER BY k`, params);
      const cols = await db.numberColumns(
        `WITH ${keysCte}
         SELECT r.first::UINTEGER AS first, r.last::UINTEGER AS last, k.k AS key
         FROM registry_ranges r JOIN e ON e.file_id = r.file_id AND e.line = r.line
         JOIN k ON k.decision_number = e.decision_number AND k.decision_body = e.decision_body AND k.decision_date = e.decision_date
         WHERE r.family = 4 ORDER BY first, last`,
        params,
      );
      return {
        first: cols.first!,
        last: cols.last!,
        key: Int32Array.from(cols.key!),
        keys: keys.map((k) => ({
          decisionNumber: k.decision_number as string,
          decisionBody: k.decision_body as string,
          decisionDate: (k.decision_date as string) || null,
        })),
      };
    },
    async ipv6Ranges(snapshotId, decision) {
      const rows = await db.all(
        `WITH ${entriesCte(decision)} SELECT r.first::VARCHAR AS first, r.last::VARCHAR AS last, e.decision_number
         FROM registry_ranges r JOIN e ON e.file_id = r.file_id AND e.line = r.line WHERE r.family = 6 ORDER BY r.first, r.last`,
        numbersParams(snapshotId, decision),
      );
      return rows.map((r) => ({ first: BigInt(r.first as string), last: BigInt(r.last as string), decisionNumber: r.decision_number as string }));
    },
    async decisionCounts(snapshotId) {
      const rows = await db.all(
        `SELECT e.decision_number, e.decision_body, e.decision_date::VARCHAR AS decision_date, count(*) AS entries,
           count(*) FILTER (WHERE e.domain <> '') AS with_domain, count(*) FILTER (WHERE e.urls <> '') AS with_urls,
           count(*) FILTER (WHERE e.ips <> '') AS with_ips
         FROM registry_entries e JOIN registry_files f ON f.id = e.file_id WHERE f.snapshot_id = $1
         GROUP BY ALL ORDER BY entries DESC, e.decision_number`,
        [snapshotId],
      );
      return rows.map((r) => ({
        decisionNumber: r.decision_number as string,
        decisionBody: r.decision_body as string,
        decisionDate: (r.decision_date as string | null) ?? null,
        entries: r.entries as number,
        withDomain: r.with_domain as number,
        withUrls: r.with_urls as number,
        withIps: r.with_ips as number,
      }));
    },
    async ipLiteralDomains(snapshotId) {
      const rows = await db.all(
        `SELECT DISTINCT e.domain, e.decision_number FROM registry_entries e JOIN registry_files f ON f.id = e.file_id
         WHERE f.snapshot_id = $1 AND regexp_full_match(e.domain, '[0-9]{1,3}([.][0-9]{1,3}){3}') ORDER BY 1, 2`,
        [snapshotId],
      );
      return rows.map((r) => ({ domain: r.domain as string, decisionNumber: r.decision_number as string }));
    },
    async findAddress(family, value, limit) {
      const rows = await db.all(
        `SELECT ${MATCH_COLS}, r.family, r.first::VARCHAR AS first, r.prefix FROM registry_ranges r JOIN ${MATCH_FROM} ON e.file_id = r.file_id AND e.line = r.line
         WHERE r.family = $1 AND r.first <= $2::UHUGEINT AND r.last >= $2::UHUGEINT
         ORDER BY s.dump_at, f.source_file, e.line, r.prefix, r.first${limitClause(limit)}`,
        [family, value.toString()],
      );
      return rows.map(toMatch);
    },
    // A stored domain is compared without its trailing root dot ("konsul77.ru." is konsul77.ru).
    async findDomain(domain, limit) {
      const parents = domain
        .split('.')
        .map((_, i, parts) => `*.${parts.slice(i + 1).join('.')}`)
        .filter((d) => d !== '*.');
      const rows = await db.all(
        `SELECT ${MATCH_COLS} FROM ${MATCH_FROM}
         WHERE rtrim(lower(e.domain), '.') = $1 OR rtrim(lower(e.domain), '.') IN (SELECT unnest(json_transform($2, '["VARCHAR"]')))
         ORDER BY s.dump_at, f.source_file, e.line${limitClause(limit)}`,
        [domain.toLowerCase(), JSON.stringify(parents)],
      );
      return rows.map(toMatch);
    },
    async decisionEntries(decisionNumbers, limit) {
      const rows = await db.all(
        `SELECT ${MATCH_COLS} FROM ${MATCH_FROM} WHERE e.decision_number IN (SELECT unnest(json_transform($1, '["VARCHAR"]')))
         ORDER BY s.dump_at, f.source_file, e.line LIMIT ${Math.max(1, Math.floor(limit))}`,
        [JSON.stringify(decisionNumbers)],
      );
      return rows.map(toMatch);
    },
    replaceDailyStats: (sourceFile, rows) =>
      db.tx(async (tx) => {
        await tx.run('DELETE FROM registry_daily_stats WHERE source_file = $1', [sourceFile]);
        if (rows.length === 0) return;
        await tx.run(
          `INSERT INTO registry_daily_stats SELECT $1, day::DATE, complete, records, doc::JSON
           FROM (SELECT unnest(json_transform($2, '[{"day":"VARCHAR","complete":"BOOLEAN","records":"INTEGER","doc":"VARCHAR"}]'), recursive := true))`,
          [sourceFile, JSON.stringify(rows.map((r) => ({ ...r, doc: JSON.stringify(r.doc) })))],
        );
      }),
    async listDailyStats() {
      const rows = await db.all(
        `SELECT source_file, day::VARCHAR AS day, complete, records, doc::VARCHAR AS doc FROM registry_daily_stats ORDER BY day, source_file`,
      );
      return rows.map((r): RegistryDailyStatRecord => ({
        sourceFile: r.source_file as string,
        day: r.day as string,
        complete: r.complete as boolean,
        records: r.records as number,
        doc: parseJson(r.doc),
      }));
    },
  };
}
