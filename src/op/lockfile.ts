/**
 * While `splinternet serve` holds a database, it advertises itself in <db>.server.json (mode
 * 0600): its pid, URL and a per-run secret. CLI commands find it there and send their ops to
 * the server instead of failing on DuckDB's file lock. See docs/design/001-store-concurrency.md.
 * The file is trusted only as this user wrote it: a regular file owned by this user and private
 * to it. In a folder others can write to, a planted lock (or a symlink in its place) would
 * otherwise send this user's commands to another user's server, and a symlink planted at the
 * temporary name would receive the secret.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

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
  // Whatever sits at the temporary name (a stale file, a planted symlink) is removed, not written through;
  // 'wx' refuses to open anything that appears there meanwhile.
  rmSync(tmp, { force: true });
  writeFileSync(tmp, JSON.stringify(lock), { mode: 0o600, flag: 'wx' });
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
    if (!ownPrivateFile(lockPath(dbPath))) return null;
    const lock = JSON.parse(readFileSync(lockPath(dbPath), 'utf8')) as ServerLock;
    return processAlive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

/** A regular file (not a symlink) owned by this user, with no access for group or others. */
function ownPrivateFile(path: string): boolean {
  const st = lstatSync(path);
  const uid = process.getuid?.();
  return st.isFile() && (uid === undefined || (st.uid === uid && (st.mode & 0o077) === 0));
}
