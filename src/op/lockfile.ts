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
  /**
   * The store the server opened (storeIdentity: "duckdb" or clickhouse://HOST:PORT/DB?cluster=NAME,
   * no credentials); a command that names another store is refused rather than sent to it.
   * Absent in a lock written by an earlier build.
   */
  store?: string;
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

/**
 * When process `pid` started, in ms since the epoch, where the system says (Linux /proc: its
 * start in clock ticks after boot, 100 a second, and the boot time in whole seconds); null where
 * it cannot be read.
 */
export function processStartMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name, which is in parentheses and may hold spaces
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(boot) && boot > 0 ? boot * 1000 + ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Slack for the boot time's whole seconds and the tick size. */
const START_SLACK_MS = 2000;

/**
 * Whether the lock's pid is still the process that wrote it: alive, and (where its start time
 * can be read) started before the lock's `started_at`. A pid the system gave to another process
 * after the server died (a reboot, a long uptime) started later, so its lock is stale.
 */
export function lockHolderAlive(lock: ServerLock, startOf: (pid: number) => number | null = processStartMs): boolean {
  if (!processAlive(lock.pid)) return false;
  const started = startOf(lock.pid);
  const written = Date.parse(lock.started_at);
  return started === null || !Number.isFinite(written) || started <= written + START_SLACK_MS;
}

/** The lock of a live server, or null (a stale lock, from a killed server or naming a pid now another process's, is ignored). */
export function readLock(dbPath: string): ServerLock | null {
  try {
    if (!ownPrivateFile(lockPath(dbPath))) return null;
    const lock = JSON.parse(readFileSync(lockPath(dbPath), 'utf8')) as ServerLock;
    return lockHolderAlive(lock) ? lock : null;
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
