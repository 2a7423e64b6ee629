/** SPLINTERNET_DUCKDB_THREADS: a value that is not a whole number of threads is a usage error naming the variable, before any file is opened or made. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/index.js';

const t = tempDir();
afterAll(() => t.cleanup());

describe('SPLINTERNET_DUCKDB_THREADS', () => {
  for (const bad of ['abc', '0', '-1', '2.5', '10000'])
    it(`"${bad}" is exit 2 naming the variable; no database is made`, async () => {
      const db = join(t.dir, `threads-${bad}.duckdb`);
      const r = await runBin(['db', 'migrate', '--db', db], { SPLINTERNET_DUCKDB_THREADS: bad });
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`SPLINTERNET_DUCKDB_THREADS must be a whole number of threads from 1 to 9999, not "${bad}"`);
      expect(existsSync(db)).toBe(false);
    });

  for (const ok of ['3', ''])
    it(`"${ok}" opens the file (empty: DuckDB's default)`, async () => {
      const r = await runBin(['db', 'migrate', '--db', join(t.dir, `ok-${ok || 'empty'}.duckdb`), '--json'], { SPLINTERNET_DUCKDB_THREADS: ok });
      expect(r.code, r.err).toBe(0);
    });
});
