/** How DuckDB's failures reach the user: a damaged or cut-short file and a full disk are named with the file and the way out. */
import { copyFileSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/index.js';
import { DuckDb, storeError } from './db.js';
import { verifyTables } from './maintenance.js';
import { migrate } from './migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'duckdb-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storeError', () => {
  it("SYNTHETIC errors carrying DuckDB's own words for a full disk: named with the file it could not write, not an internal error", () => {
    const commit = storeError(
      '/m/f.duckdb',
      new Error('TransactionContext Error: Failed to commit: Could not write file "/m/f.duckdb.wal": No space left on device'),
    );
    expect(commit).toBeInstanceOf(AppError);
    expect((commit as AppError).message).toBe(
      'cannot write /m/f.duckdb.wal: no space left on device; nothing of the write that failed was stored (each write is whole or absent): free space, then run the command again',
    );
    expect((commit as AppError).details).toMatchObject({ no_space: true });
    const other = new Error('Binder Error: column x not found');
    expect(storeError('/m/f.duckdb', other)).toBe(other);
  });

  it('a database file cut short (an interrupted copy) is corrupt with the way out, at open or at the first read of a lost block', async () => {
    const whole = join(dir, 'whole.duckdb');
    const db = await DuckDb.open(whole);
    await migrate(db);
    await db.run('CREATE TABLE filler AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(400000)');
    await db.close();
    const cut = join(dir, 'cut.duckdb');
    copyFileSync(whole, cut);
    truncateSync(cut, Math.floor(statSync(whole).size / 2));
    let failure: unknown;
    try {
      const damaged = await DuckDb.open(cut, { readOnly: true });
      try {
        const bad = (await verifyTables(damaged)).filter((t) => !t.ok);
        expect(bad.length).toBeGreaterThan(0);
        for (const t of bad) expect(t, t.table).toMatchObject({ corrupt: true });
        failure = bad[0]!.error;
      } finally {
        await damaged.close().catch(() => undefined);
      }
    } catch (e) {
      failure = (e as Error).message;
    }
    expect(String(failure)).toMatch(/the database .*cut\.duckdb is corrupt \(.*Could not read enough bytes.*\)\. Recover: /);
  });
});

describe('SPLINTERNET_DUCKDB_THREADS', () => {
  it('sets the threads an open file runs queries on (the test projects set 1 in vitest.config.ts)', async () => {
    expect(process.env.SPLINTERNET_DUCKDB_THREADS).toBe('1');
    const db = await DuckDb.open(':memory:');
    try {
      expect(await db.all("SELECT current_setting('threads')::INTEGER AS t")).toEqual([{ t: 1 }]);
    } finally {
      await db.close();
    }
  });
});
