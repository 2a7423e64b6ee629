/**
 * While `splinternet serve` holds a database, it advertises itself in <db>.server.json (mode
 * 0600): its pid, URL and a per-run secret. CLI commands find it there and send their ops to
 * the server instead of failing on DuckDB's file lock. See docs/design/001-store-concurrency.md.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface ServerLock {
  pid: number;
  url: string;
  secret: string;
  started_at: string;
}

export const lockPath = (dbPath: string) => `${dbPath}.server.json`;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function writeLock(dbPath: string, lock: ServerLock): void {
  const tmp = `${lockPath(dbPath)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(lock), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, lockPath(dbPath));
}

export function removeLock(dbPath: string, pid = process.pid): void {
  const cur = readLock(dbPath);
  if (cur && cur.pid === pid) rmSync(lockPath(dbPath), { force: true });
}

/** Whether process `pid` runs on this host (EPERM: it runs, as another user). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The lock of a live server, or null (a stale lock from a killed server is ignored). */
export function readLock(dbPath: string): ServerLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dbPath), 'utf8')) as ServerLock;
    return processAlive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}
