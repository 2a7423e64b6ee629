/**
 * A `<db>.server.json` left by a server that is gone: when its pid now belongs to another
 * process (started after the lock was written) the lock is ignored and commands open the
 * database themselves; when it names a live process that does not answer at its URL, the error
 * names the lock file and when it may be removed.
 */
import { spawn } from 'node:child_process';
import { lstatSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath, newSecret, writeLock } from '../../src/op/index.js';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'db.duckdb');
afterAll(() => t.cleanup());
beforeAll(async () => {
  expect((await cli(['db', 'migrate', '--db', db])).code).toBe(0);
});

/** A port on 127.0.0.1 nothing listens on. */
function closedPort(): Promise<number> {
  const s = createServer();
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => ((p) => s.close(() => resolve(p)))((s.address() as { port: number }).port)));
}

describe('a lock file left by a server that stopped', () => {
  it('SYNTHETIC lock: its pid now another process, started after the lock was written: ignored, the command runs', async () => {
    const writtenAt = new Date(Date.now() - 60_000).toISOString();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeLock(db, { pid: other.pid!, url: `http://127.0.0.1:${await closedPort()}`, secret: newSecret(), started_at: writtenAt });
      const r = await cli(['events', 'list', '--limit', '1', '--json', '--db', db]);
      expect(r.code, r.err).toBe(0);
      const restore = await cli(['db', 'restore', db, '--db', join(t.dir, 'other.duckdb')]);
      expect(restore.err).not.toContain('stop it, then restore');
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('SYNTHETIC lock: a live holder that does not answer at its URL is named with the lock file and when to remove it', async () => {
    writeLock(db, { pid: process.pid, url: `http://127.0.0.1:${await closedPort()}`, secret: newSecret(), started_at: new Date().toISOString() });
    const r = await cli(['events', 'list', '--limit', '1', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`did not answer`);
    expect(r.err).toContain(
      `${lockPath(db)} names it (pid ${process.pid}); if no \`splinternet serve\` runs for this database, that file was left by one that stopped: remove it`,
    );
  });
});

describe('a symlink as --db', () => {
  it('SYNTHETIC link and lock: names the file it points to: a server holding that file refuses the restore; without one the restore replaces that file and the link stays', async () => {
    const real = join(t.dir, 'real.duckdb');
    const link = join(t.dir, 'link.duckdb');
    expect((await cli(['db', 'migrate', '--db', real])).code).toBe(0);
    symlinkSync(real, link);
    const backup = join(t.dir, 'events.duckdb');
    const added = await cli(['events', 'add', '--file', packagePath('data', 'ledger', 'events', 'cn-2021-signal-block.json'), '--db', backup]);
    expect(added.code, added.err).toBe(0);
    writeLock(real, { pid: process.pid, url: `http://127.0.0.1:${await closedPort()}`, secret: newSecret(), started_at: new Date().toISOString() });
    const held = await cli(['db', 'restore', backup, '--db', link]);
    expect(held.code).toBe(1);
    expect(held.err).toContain(`holds ${real}; stop it, then restore`);
    rmSync(lockPath(real));
    const r = await cli(['db', 'restore', backup, '--json', '--db', link]);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { to: string }).to).toBe(real);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const listed = JSON.parse((await cli(['events', 'list', '--json', '--db', link])).out) as { items: unknown[] };
    expect(listed.items).toHaveLength(1);
  });
});
