/**
 * Parquet through DuckDB: rows go to a temporary NDJSON file, DuckDB reads it with explicit
 * column types and COPYs it to Parquet. The paths are our own temp files (never user input),
 * which is why they may appear in the SQL text; COPY does not take a bound target path.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
        await writeFile(src, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
        const cols = `{${columns.map((c) => `${quoteLit(c.name)}: ${quoteLit(c.type)}`).join(', ')}}`;
        const select = columns.map((c) => quoteIdent(c.name)).join(', ');
        const from = rows.length
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
