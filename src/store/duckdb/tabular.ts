/**
 * Parquet through DuckDB: rows go to a temporary NDJSON file (batch by batch, so a caller that
 * pages through a table never holds all of it), DuckDB reads it with explicit
 * column types and COPYs it to Parquet. The paths are our own temp files (never user input),
 * which is why they may appear in the SQL text; COPY does not take a bound target path.
 */
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TabularWriter } from '../types.js';
import type { DuckDb } from './db.js';

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteLit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function duckTabular(db: DuckDb): TabularWriter {
  return {
    async toParquet(columns, rows) {
      const dir = await mkdtemp(join(tmpdir(), 'splinternet-export-'));
      try {
        const src = join(dir, 'rows.ndjson');
        const out = join(dir, 'rows.parquet');
        let written = 0;
        const fh = await open(src, 'w');
        try {
          for await (const batch of Array.isArray(rows) ? [rows] : rows) {
            if (batch.length) await fh.write(batch.map((r) => JSON.stringify(r)).join('\n') + '\n');
            written += batch.length;
          }
        } finally {
          await fh.close();
        }
        // A JSON column arrives as text holding JSON: read as text, then parsed by the cast.
        const cols = `{${columns.map((c) => `${quoteLit(c.name)}: ${quoteLit(c.type === 'JSON' ? 'VARCHAR' : c.type)}`).join(', ')}}`;
        const select = columns.map((c) => (c.type === 'JSON' ? `CAST(${quoteIdent(c.name)} AS JSON) AS ${quoteIdent(c.name)}` : quoteIdent(c.name))).join(', ');
        const from = written
          ? `read_json(${quoteLit(src)}, format = 'newline_delimited', columns = ${cols})`
          : `(SELECT ${columns.map((c) => `NULL::${c.type} AS ${quoteIdent(c.name)}`).join(', ')} LIMIT 0)`;
        await db.all(`COPY (SELECT ${select} FROM ${from}) TO ${quoteLit(out)} (FORMAT parquet)`);
        return await readFile(out);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
