/**
 * DuckDB side of `measurements rescore`: pages of stored measurements with their rule inputs
 * (keyset by id, so a page costs the same wherever it starts), and one transaction per page
 * that writes the new verdicts, records the rule-set and fingerprint-set versions of every measurement read, and
 * recomputes the aggregation cells those verdicts touch, so cells never disagree with rows.
 */
import type { MeasurementFilter, RescoreRecord, RescoreRepo, VerdictColumns } from '../types.js';
import { connSql, type DuckDb, type Param, type Row } from './db.js';
import { inTx, refreshDirtyCells, where } from './measure-sql.js';

const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

/** Updated columns in appender order; lists comma-joined, evidence as JSON text. */
const COLUMNS: [keyof VerdictColumns | 'id', 'VARCHAR' | 'BOOLEAN' | 'DOUBLE'][] = [
  ['id', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['layers', 'VARCHAR'],
  ['mechanism', 'VARCHAR'],
  ['rules', 'VARCHAR'],
  ['evidence', 'VARCHAR'],
  ['anomaly', 'BOOLEAN'],
  ['confirmed', 'BOOLEAN'],
  ['failure', 'BOOLEAN'],
  ['blocking_general', 'DOUBLE'],
  ['blocking_type', 'VARCHAR'],
];
const split = (c: string) => `CASE WHEN s.${c} IS NULL OR s.${c} = '' THEN []::VARCHAR[] ELSE string_split(s.${c}, ',') END`;
const SET = COLUMNS.filter(([n]) => n !== 'id')
  .map(([n]) => `${n} = ${n === 'layers' || n === 'rules' ? split(n) : n === 'evidence' ? 's.evidence::JSON' : `s.${n}`}`)
  .join(', ');

export function duckRescoreRepo(db: DuckDb): RescoreRepo {
  return {
    async counts(f: MeasurementFilter) {
      const params: Param[] = [];
      const r = await db.all<{ measurements: number; with_inputs: number }>(
        `SELECT count(*) AS measurements, count(i.id) AS with_inputs FROM measurements m LEFT JOIN measurement_rule_inputs i USING (id) WHERE ${where(f, 'm.measurement_start_time', params)}`,
        params,
      );
      return { measurements: Number(r[0]?.measurements ?? 0), with_inputs: Number(r[0]?.with_inputs ?? 0) };
    },
    async versions() {
      const rows = await db.all<{ rules_version: string | null; fingerprints_version: string | null; path: string | null; n: number }>(
        `SELECT i.rules_version, i.fingerprints_version, f.path, count(*) AS n FROM measurements m LEFT JOIN measurement_rule_inputs i USING (id) LEFT JOIN ingest_files f USING (file_id)
         GROUP BY ALL ORDER BY n DESC, f.path`,
      );
      return rows.map((r) => ({ rules_version: r.rules_version, fingerprints_version: r.fingerprints_version, path: r.path, n: Number(r.n) }));
    },
    async page(f) {
      const params: Param[] = [];
      let w = where(f, 'm.measurement_start_time', params);
      if (f.after !== null) {
        params.push(f.after);
        w += ` AND m.id > $${params.length}`;
      }
      params.push(f.limit);
      const rows = await db.all(
        `SELECT m.id, i.rules_version, i.inputs, m.status, m.layers, m.mechanism, m.rules, m.evidence::VARCHAR AS evidence, m.anomaly, m.confirmed, m.failure, m.blocking_general, m.blocking_type
         FROM measurements m JOIN measurement_rule_inputs i USING (id) WHERE ${w} ORDER BY m.id LIMIT $${params.length}`,
        params,
      );
      return rows.map((r: Row) => ({ ...(r as unknown as RescoreRecord), evidence: json(r.evidence) as unknown[] }));
    },
    apply: (changed, ids, versions, now) =>
      db.withWriter((conn) =>
        inTx(conn, async () => {
          await conn.run(`CREATE TEMP TABLE IF NOT EXISTS verdict_staging (${COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`);
          await conn.run('CREATE TEMP TABLE IF NOT EXISTS rescored_ids (id VARCHAR)');
          await conn.run('DELETE FROM verdict_staging');
          await conn.run('DELETE FROM rescored_ids');
          const a = await conn.createAppender('verdict_staging', 'main', 'temp');
          for (const r of changed) {
            for (const [name, type] of COLUMNS) {
              const v = r[name];
              if (v === null || v === undefined) a.appendNull();
              else if (type === 'BOOLEAN') a.appendBoolean(Boolean(v));
              else if (type === 'DOUBLE') a.appendDouble(Number(v));
              else a.appendVarchar(name === 'evidence' ? JSON.stringify(v) : Array.isArray(v) ? v.join(',') : String(v));
            }
            a.endRow();
          }
          a.closeSync();
          const b = await conn.createAppender('rescored_ids', 'main', 'temp');
          for (const id of ids) {
            b.appendVarchar(id);
            b.endRow();
          }
          b.closeSync();
          await conn.run(`UPDATE measurements m SET ${SET} FROM verdict_staging s WHERE m.id = s.id`);
          await conn.run(`INSERT OR IGNORE INTO measurement_cells_dirty SELECT DISTINCT date_trunc('day', m.measurement_start_time), m.probe_cc, m.probe_asn, m.test_name, m.target
            FROM measurements m JOIN verdict_staging s ON s.id = m.id`);
          await conn.run(
            `UPDATE measurement_rule_inputs i SET rules_version = $1, fingerprints_version = $2 FROM rescored_ids r
             WHERE i.id = r.id AND (i.rules_version <> $1 OR i.fingerprints_version IS DISTINCT FROM $2)`,
            [versions.rules, versions.fingerprints],
          );
          return refreshDirtyCells(connSql(conn), now);
        }),
      ),
  };
}
