/**
 * DuckDB implementation of CostRepo. Imports are bulk: rows go through DuckDB's appender into
 * a staging table and are upserted with one INSERT OR REPLACE ... SELECT, inside one
 * transaction on the writer connection, so a file is loaded whole or not at all.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { CostRepo, EconImportRecord, EconValueRecord, FxRateRecord } from '../types.js';
import { connSql, type DuckDb, type Param, type Row } from './db.js';
import { writeRejectList } from './rejects.js';

/** Last write wins for duplicate keys inside one file (DuckDB rejects duplicates in one statement). */
function dedupe<T>(rows: T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(key(r), r);
  return [...m.values()];
}

async function append<T>(conn: DuckDBConnection, table: string, rows: T[], put: (a: DuckDBAppender, r: T) => void): Promise<void> {
  if (rows.length === 0) return;
  const a = await conn.createAppender(table);
  try {
    for (const r of rows) {
      put(a, r);
      a.endRow();
    }
    a.flushSync();
  } finally {
    a.closeSync();
  }
}

const toImport = (r: Row): EconImportRecord => ({
  kind: r.kind as string,
  file: r.file as string,
  sha256: r.sha256 as string,
  valuesStored: r.values_stored as number,
  ratesStored: r.rates_stored as number,
  rejected: r.rejected as number,
  source: r.source as string,
  vintage: r.vintage as string,
  loadedAt: r.loaded_at as string,
  options: (r.options as string | null) ?? '',
  valuesHeld: (r.values_held as number | null) ?? null,
  ratesHeld: (r.rates_held as number | null) ?? null,
});

export function duckCostRepo(db: DuckDb): CostRepo {
  return {
    saveImports: (batch) =>
      db.withWriter(async (conn) => {
        const v = dedupe(
          batch.flatMap((b) => b.values),
          (x) => `${x.indicator}|${x.geo}|${x.year}`,
        );
        const f = dedupe(
          batch.flatMap((b) => b.rates),
          (x) => `${x.country}|${x.kind}|${x.period}`,
        );
        await conn.run('BEGIN TRANSACTION');
        try {
          await conn.run('DELETE FROM econ_values_stage');
          await conn.run('DELETE FROM fx_rates_stage');
          await append(conn, 'econ_values_stage', v, (a, x) => {
            for (const s of [x.indicator, x.country, x.geo]) a.appendVarchar(s);
            a.appendInteger(x.year);
            a.appendDouble(x.value);
            for (const s of [x.unit, x.source, x.vintage, x.file]) a.appendVarchar(s);
          });
          await append(conn, 'fx_rates_stage', f, (a, x) => {
            for (const s of [x.country, x.currency, x.kind, x.period]) a.appendVarchar(s);
            a.appendDouble(x.rate);
            for (const s of [x.source, x.vintage, x.file]) a.appendVarchar(s);
          });
          // A file imported again supersedes what it gave before (it may have been stored as another indicator).
          for (const { record: r } of batch) {
            await conn.run('DELETE FROM econ_values WHERE file = $1', [r.file]);
            await conn.run('DELETE FROM fx_rates WHERE file = $1', [r.file]);
          }
          // Delete-then-insert is faster than INSERT OR REPLACE when most keys are new (the seed).
          await conn.run(`DELETE FROM econ_values e USING econ_values_stage s
            WHERE e.indicator = s.indicator AND e.geo = s.geo AND e.year = s.year`);
          await conn.run('INSERT INTO econ_values SELECT * FROM econ_values_stage');
          await conn.run(`DELETE FROM fx_rates e USING fx_rates_stage s
            WHERE e.country = s.country AND e.kind = s.kind AND e.period = s.period`);
          await conn.run('INSERT INTO fx_rates SELECT * FROM fx_rates_stage');
          await conn.run('DELETE FROM econ_values_stage');
          await conn.run('DELETE FROM fx_rates_stage');
          for (const { record: r } of batch) {
            const p: Param[] = [r.kind, r.file, r.sha256, r.valuesStored, r.ratesStored, r.rejected, r.source, r.vintage, r.loadedAt, r.options ?? ''];
            await conn.run(
              'INSERT OR REPLACE INTO econ_imports (kind, file, sha256, values_stored, rates_stored, rejected, source, vintage, loaded_at, options) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::TIMESTAMPTZ, $10)',
              p,
            );
          }
          for (const { record: r } of batch) {
            await conn.run(
              `UPDATE econ_imports SET values_held = (SELECT count(*) FROM econ_values WHERE file = $2),
                 rates_held = (SELECT count(*) FROM fx_rates WHERE file = $2) WHERE kind = $1 AND file = $2`,
              [r.kind, r.file],
            );
          }
          for (const { rejects } of batch) if (rejects) await writeRejectList(connSql(conn), rejects);
          await db.pauseInTx('cost.imports', `files=${batch.length}`);
          await conn.run('COMMIT');
        } catch (e) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    async findImport(kind, file) {
      const rows = await db.all('SELECT * FROM econ_imports WHERE kind = $1 AND file = $2', [kind, file]);
      return rows[0] ? toImport(rows[0]) : null;
    },
    async heldCounts(file) {
      const [v] = await db.all('SELECT count(*)::INTEGER AS n FROM econ_values WHERE file = $1', [file]);
      const [f] = await db.all('SELECT count(*)::INTEGER AS n FROM fx_rates WHERE file = $1', [file]);
      return { values: Number(v?.n ?? 0), rates: Number(f?.n ?? 0) };
    },
    async holdings(file) {
      const values = await db.all('SELECT indicator, geo, year FROM econ_values WHERE file = $1', [file]);
      const rates = await db.all('SELECT country, kind, period FROM fx_rates WHERE file = $1', [file]);
      return {
        values: values.map((r) => ({ indicator: r.indicator as string, geo: r.geo as string, year: Number(r.year) })),
        rates: rates.map((r) => ({ country: r.country as string, kind: r.kind as string, period: r.period as string })),
      };
    },
    async listImports() {
      return (await db.all('SELECT * FROM econ_imports ORDER BY kind, file')).map(toImport);
    },
    async values({ country, indicators }) {
      const params: Param[] = [country];
      let filter = '';
      if (indicators?.length) {
        params.push(JSON.stringify(indicators));
        filter = `AND indicator IN (SELECT unnest(json_transform($2, '["VARCHAR"]')))`;
      }
      const rows = await db.all(`SELECT * FROM econ_values WHERE country = $1 ${filter} ORDER BY indicator, geo, year`, params);
      return rows.map((r) => ({ ...(r as unknown as EconValueRecord) }));
    },
    async rates(country) {
      const rows = await db.all('SELECT * FROM fx_rates WHERE country = $1 ORDER BY kind, period', [country]);
      return rows.map((r) => ({ ...(r as unknown as FxRateRecord) }));
    },
  };
}
