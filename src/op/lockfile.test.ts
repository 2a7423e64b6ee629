/**
 * The server lock is trusted only as this user wrote it: a planted lock (another owner, readable
 * by others, or a symlink) is ignored, and a symlink planted at the temporary name never receives
 * the secret.
 */
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockHolderAlive, lockPath, newSecret, processStartMs, readLock, writeLock, type ServerLock } from './lockfile.js';

let dir: string;
let db: string;
// a lock as serve writes it: after its process started
const lock = (): ServerLock => ({ pid: process.pid, url: 'http://127.0.0.1:9', secret: newSecret(), started_at: new Date().toISOString() });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'splinternet-lock-'));
  db = join(dir, 'x.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('server lock', () => {
  it('reads back what this process wrote (0600)', () => {
    const l = lock();
    writeLock(db, l);
    expect(readLock(db)).toEqual(l);
  });

  it('ignores a lock others can read or write, and a symlink in its place', () => {
    const planted = JSON.stringify({ ...lock(), url: 'http://127.0.0.1:6666' });
    writeFileSync(lockPath(db), planted, { mode: 0o644 });
    chmodSync(lockPath(db), 0o644);
    expect(readLock(db)).toBeNull();
    rmSync(lockPath(db));
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, planted, { mode: 0o600 });
    symlinkSync(elsewhere, lockPath(db));
    expect(readLock(db)).toBeNull();
  });

  it.skipIf(process.getuid?.() !== 0)('ignores a private lock owned by another user (run as root to plant one)', () => {
    writeFileSync(lockPath(db), JSON.stringify(lock()), { mode: 0o600 });
    chownSync(lockPath(db), 65534, 65534);
    expect(readLock(db)).toBeNull();
  });

  it('a symlink planted at the temporary name is replaced, not written through', () => {
    const trap = join(dir, 'trap.txt');
    writeFileSync(trap, 'untouched', { mode: 0o666 });
    symlinkSync(trap, `${lockPath(db)}.${process.pid}.tmp`);
    const l = lock();
    writeLock(db, l);
    expect(readFileSync(trap, 'utf8')).toBe('untouched');
    expect(readLock(db)).toEqual(l);
  });

  it('SYNTHETIC lock: a live pid that started after the lock was written (the pid given to another process) is a stale lock', () => {
    const started = processStartMs(process.pid);
    if (started === null) return; // no /proc: the pid alone decides, as before
    expect(Math.abs(started - Date.now())).toBeLessThan(24 * 3600 * 1000);
    const reused = { ...lock(), started_at: new Date(started - 60_000).toISOString() };
    writeLock(db, reused);
    expect(readLock(db)).toBeNull();
    writeLock(db, { ...reused, started_at: new Date(started + 1000).toISOString() });
    expect(readLock(db)).not.toBeNull();
    expect(
      lockHolderAlive(reused, () => null),
      'start time unknown: the live pid is trusted',
    ).toBe(true);
    expect(lockHolderAlive({ ...reused, pid: 2 ** 22 + 12345 }), 'a dead pid').toBe(false);
  });
});
