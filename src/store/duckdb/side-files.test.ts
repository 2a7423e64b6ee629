import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken } from '../../ledger/index.js';
import { fixedClock } from '../../shared/index.js';
import { openDuckDbStore } from './index.js';
import { DuckDb } from './db.js';

const dir = mkdtempSync(join(tmpdir(), 'side-files-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const modeOf = (p: string) => lstatSync(p).mode & 0o777;

describe('files DuckDB writes beside the database', () => {
  it('a 0600 database keeps a 0600 WAL through every write and checkpoint, and a 0700 spill folder removed at close', async () => {
    const path = join(dir, 'private.duckdb');
    await (await openDuckDbStore(path)).close();
    chmodSync(path, 0o600);
    const store = await openDuckDbStore(path);
    try {
      expect(modeOf(`${path}.tmp`)).toBe(0o700);
      const clock = fixedClock('2026-01-02T03:04:05Z');
      for (let i = 0; i < 3; i++) {
        await createToken({ store, clock }, `SYNTHETIC-token-${i}`, { scopes: ['read'], createdBy: 'test' });
        expect(existsSync(`${path}.wal`)).toBe(true);
        expect(modeOf(`${path}.wal`)).toBe(0o600);
        expect(readFileSync(`${path}.wal`).includes(`SYNTHETIC-token-${i}`)).toBe(true);
      }
    } finally {
      await store.close();
    }
    expect(modeOf(path)).toBe(0o600);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('after a checkpoint removed the WAL, the next write makes it with the database mode again (SYNTHETIC table)', async () => {
    const path = join(dir, 'checkpoint.duckdb');
    const first = await DuckDb.open(path, { readers: 1 });
    await first.run('CREATE TABLE t (a VARCHAR)');
    await first.close();
    chmodSync(path, 0o640);
    const db = await DuckDb.open(path, { readers: 1 });
    try {
      await db.run(`INSERT INTO t VALUES ('before')`);
      expect(modeOf(`${path}.wal`)).toBe(0o640);
      await db.run('CHECKPOINT');
      await db.run(`INSERT INTO t VALUES ('after')`);
      expect(modeOf(`${path}.wal`)).toBe(0o640);
      expect(modeOf(`${path}.tmp`)).toBe(0o750);
    } finally {
      await db.close();
    }
  });

  it('a WAL left at the umask by an earlier run is given the database mode at open (SYNTHETIC table)', async () => {
    const path = join(dir, 'left.duckdb');
    const first = await DuckDb.open(path, { readers: 1 });
    await first.run('CREATE TABLE t (a INT)');
    await first.close();
    chmodSync(path, 0o600);
    const { closeSync, openSync } = await import('node:fs');
    closeSync(openSync(`${path}.wal`, 'w', 0o644));
    chmodSync(`${path}.wal`, 0o644);
    const db = await DuckDb.open(path, { readers: 1 });
    try {
      if (existsSync(`${path}.wal`)) expect(modeOf(`${path}.wal`)).toBe(0o600);
      await db.run('INSERT INTO t VALUES (1)');
      expect(modeOf(`${path}.wal`)).toBe(0o600);
    } finally {
      await db.close();
    }
  });
});
