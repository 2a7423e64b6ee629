/**
 * A database file has one lock file per name (<name>.server.json), so a server that holds the
 * file under another name (a hard link) is not found by the name a command was given. DuckDB's
 * lock refusal names the holder's pid; the names that process has the file open under (Linux:
 * /proc/PID/fd) lead to its lock file. Only a live server's own lock, naming that pid, for the
 * same file (device and inode) counts. See docs/design/006-store-consistency.md.
 */
import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { AppError } from '../shared/index.js';
import { readLock, type ServerLock } from './lockfile.js';

/** The file's identity, or null when it is not there. */
function fileId(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** The server (its lock and the name it holds the file as) that process `pid` is, holding `dbPath`'s file; null when it is none or cannot be told. */
export function serverHolding(dbPath: string, pid: number): { lock: ServerLock; path: string } | null {
  const id = fileId(dbPath);
  if (id === null) return null;
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
  const seen = new Set<string>();
  for (const fd of fds) {
    let path: string;
    try {
      path = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    if (!path.startsWith('/') || seen.has(path)) continue;
    seen.add(path);
    if (fileId(path) !== id) continue;
    const lock = readLock(path);
    if (lock && lock.pid === pid) return { lock, path };
  }
  return null;
}

/** For DuckDB's lock refusal of `dbPath`: the server holding that file under another name, or null. */
export function heldByServer(e: unknown, dbPath: string): { lock: ServerLock; path: string } | null {
  if (!(e instanceof AppError) || e.code !== 'STORE_LOCKED') return null;
  const pid = e.details.holder_pid;
  return typeof pid === 'number' ? serverHolding(dbPath, pid) : null;
}

/** The refusal that names that server, for a command that cannot go through it. */
export function heldByServerError(e: AppError, dbPath: string, held: { lock: ServerLock; path: string }, advice: string): AppError {
  return new AppError(
    'STORE_LOCKED',
    `the server at ${held.lock.url} (pid ${held.lock.pid}) holds ${dbPath} as ${held.path} (one file under two names): ${advice}`,
    { cause: e, details: { ...e.details, server_url: held.lock.url, server_db: held.path } },
  );
}
