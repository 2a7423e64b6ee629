/**
 * Two opens of one database file in one process share one DuckDB instance: a write through one
 * handle is seen through the other and survives both closes; the file stays open until the last
 * handle closes (another process cannot take it before); a mismatched mode is refused.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packagePath } from '../../shared/index.js';
import { openStore } from '../open.js';
import type { TokenRecord } from '../types.js';
import { sharedHandles } from './shared.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shared-store-'));
  dirs.push(dir);
  return dir;
}

const token = (id: string): TokenRecord => ({
  id,
  name: id,
  hash: `hash-${id}`,
  scopes: ['read'],
  createdAt: '2026-01-02T03:04:05.000Z',
  createdBy: 'test',
  revokedAt: null,
  revokedBy: null,
  lastUsedAt: null,
  expiresAt: null,
});

/** Whether another process can open the file for writing now (DuckDB's lock is per process). */
function otherProcessOpens(path: string): Promise<boolean> {
  const code = `import { DuckDBInstance } from '@duckdb/node-api';
    try { (await DuckDBInstance.create(${JSON.stringify(path)})).closeSync(); console.log('opened'); }
    catch (e) { console.log(String(e.message).split('\\n')[0]); }`;
  return promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: packagePath() }).then((r) => r.stdout.trim() === 'opened');
}

describe('openStore on one file, twice in one process', () => {
  it('shares one instance: writes are seen through both handles, and kept after both close', async () => {
    const path = join(fresh(), 'shared.duckdb');
    const [a, b] = await Promise.all([openStore(path), openStore(path)]);
    await a.tokens.insert(token('through-a'));
    await b.tokens.insert(token('through-b'));
    expect((await b.tokens.list()).map((t) => t.id).sort()).toEqual(['through-a', 'through-b']);
    expect(a.dataVersion()).toBe(b.dataVersion());
    expect(sharedHandles(path)).toBe(2);
    await a.close();
    await a.close(); // a second close of one handle gives up no other handle's share
    expect(sharedHandles(path)).toBe(1);
    await b.tokens.insert(token('after-a-closed'));
    await b.close();
    expect(sharedHandles(path)).toBe(0);
    const c = await openStore(path);
    try {
      expect((await c.tokens.list()).map((t) => t.id).sort()).toEqual(['after-a-closed', 'through-a', 'through-b']);
    } finally {
      await c.close();
    }
  });

  it('keeps the file open until the last handle closes; the same file through a symlinked folder is the same store', async () => {
    const dir = fresh();
    const path = join(dir, 'held.duckdb');
    symlinkSync(dir, join(dir, 'link'));
    const a = await openStore(path);
    const b = await openStore(join(dir, 'link', 'held.duckdb'));
    expect(sharedHandles(path)).toBe(2);
    await a.close();
    expect(await otherProcessOpens(path)).toBe(false);
    await b.close();
    expect(await otherProcessOpens(path)).toBe(true);
  });

  it('refuses to open a file read-only while it is open for writing (and the reverse), naming the mode', async () => {
    const path = join(fresh(), 'modes.duckdb');
    const w = await openStore(path);
    await expect(openStore(path, { readOnly: true })).rejects.toMatchObject({
      code: 'STORE_LOCKED',
      message: expect.stringMatching(/already open for writing/),
    });
    await w.close();
    const r = await openStore(path, { readOnly: true });
    await expect(openStore(path)).rejects.toMatchObject({ code: 'STORE_LOCKED', message: expect.stringMatching(/already open read-only/) });
    const r2 = await openStore(path, { readOnly: true });
    expect(sharedHandles(path)).toBe(2);
    await Promise.all([r.close(), r2.close()]);
    expect(sharedHandles(path)).toBe(0);
  });

  it('an open that arrives while the last handle closes waits for the close and opens the file again', async () => {
    const path = join(fresh(), 'reopen.duckdb');
    const a = await openStore(path);
    await a.tokens.insert(token('before'));
    const closing = a.close();
    const b = await openStore(path);
    await closing;
    try {
      expect((await b.tokens.list()).map((t) => t.id)).toEqual(['before']);
      await b.tokens.insert(token('after'));
      expect(await b.tokens.list()).toHaveLength(2);
    } finally {
      await b.close();
    }
  });

  it(':memory: opens stay separate databases', async () => {
    const [a, b] = await Promise.all([openStore(':memory:'), openStore(':memory:')]);
    await a.tokens.insert(token('only-a'));
    expect(await b.tokens.list()).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });
});
