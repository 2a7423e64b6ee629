/**
 * Whole-file checks and copies of a DuckDB database. verify() reads every column of every row
 * of every table (a checksum failure in any data block surfaces there, not at open); backup()
 * copies the live database into a new file with COPY FROM DATABASE on the writer connection,
 * serialised with the writes, so the copy is one consistent state even while `serve` runs; it
 * appears under its name only once complete.
 */
import { chmodSync, existsSync, linkSync, lstatSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/index.js';
import type { TableCheck } from '../types.js';
import { pauseAt } from '../pause.js';
import { isCorruptionError, type DuckDb } from './db.js';
import { ensureMode } from './side-files.js';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export async function verifyTables(db: DuckDb): Promise<TableCheck[]> {
  const tables = await db.all<{ name: string }>(
    'SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY 1',
  );
  const out: TableCheck[] = [];
  for (const { name } of tables) {
    try {
      // hash() of the whole row reads every column; count(*) alone could answer from metadata
      const r = await db.all<{ n: number }>(`SELECT count(*) AS n, bit_xor(hash(t)) AS h FROM ${ident(name)} AS t`);
      out.push({ table: name, rows: Number(r[0]?.n ?? 0), ok: true, error: null });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      out.push({ table: name, rows: null, ok: false, error: msg, corrupt: isCorruptionError(e) || (e instanceof AppError && e.details.corrupt === true) });
    }
  }
  return out;
}

/** The name a backup is written under until it is complete: beside `target`, so the rename stays on one file system. */
export const partialBackupPath = (target: string, pid = process.pid) => join(dirname(target), `.${basename(target)}.partial-${pid}`);

/** Whether a process with this id runs (one this user may not signal runs too). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The partial copies of `target` (and their WAL files) that a backup killed before it finished
 * left behind: named for a process that no longer runs. A backup of that name still running
 * (its pid alive) is left alone.
 */
export function stalePartials(target: string): string[] {
  const prefix = `.${basename(target)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  return names
    .filter((n) => {
      const m = n.startsWith(prefix) ? /^(\d+)(\.wal)?$/.exec(n.slice(prefix.length)) : null;
      return m !== null && Number(m[1]) !== process.pid && !alive(Number(m[1]));
    })
    .map((n) => join(dirname(target), n))
    .sort();
}

/**
 * Copy the database into `target` (an absolute, normalised path the caller has checked), which
 * must not exist. The copy is written under a temporary name beside it and linked to `target`
 * only once it is complete and checkpointed: a backup stopped at any point (a failure, kill -9)
 * leaves no file at `target`, and a file at `target` is never replaced.
 */
export async function backupTo(db: DuckDb, target: string): Promise<{ path: string; bytes: number; tables: number; removed: string[] }> {
  if (existsSync(target)) throw new AppError('CONFLICT', `${target} exists; a backup never overwrites a file (pick a new name)`);
  const tables = await db.all<{ n: number }>('SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary');
  const partial = partialBackupPath(target);
  const mode = db.path === ':memory:' ? null : statSync(db.path).mode & 0o777;
  const clear = () => {
    for (const f of [partial, `${partial}.wal`]) rmSync(f, { force: true });
  };
  clear();
  try {
    await db.withWriter(async (conn) => {
      const main = (await conn.runAndReadAll('SELECT current_database() AS d')).getRowObjectsJS()[0]!.d as string;
      // READ_WRITE: the copy is written also from a database opened read-only
      await conn.run(`ATTACH ${literal(partial)} AS splinternet_backup (READ_WRITE)`);
      try {
        // never more readable than the database: its mode, set before any row is written, on the
        // copy and on the WAL DuckDB writes the copy's rows through (made after ATTACH, which drops an empty one)
        if (mode !== null) {
          chmodSync(partial, mode);
          ensureMode(`${partial}.wal`, mode);
        }
        await conn.run(`COPY FROM DATABASE ${ident(main)} TO splinternet_backup`);
        await conn.run('CHECKPOINT splinternet_backup');
      } finally {
        await conn.run('DETACH splinternet_backup');
      }
    });
    dropEmptyWal(`${partial}.wal`);
    await pauseAt('backup', `partial=${partial}`);
    publish(partial, target);
    // what an earlier backup of this name left when it was killed goes once this one is whole
    const removed = stalePartials(target);
    for (const f of removed) rmSync(f, { force: true });
    return { path: target, bytes: statSync(target).size, tables: Number(tables[0]?.n ?? 0), removed };
  } catch (e) {
    clear();
    if (e instanceof AppError && e.details.no_space === true)
      throw new AppError('STORE', `cannot write ${target}: no space left on device; no backup was left there`, {
        cause: e,
        details: { no_space: true, path: target },
      });
    throw e;
  }
}

/**
 * After the copy is checkpointed and detached, its WAL holds nothing: DuckDB removes a WAL it wrote
 * through at the checkpoint, but leaves the empty one made for its mode when the copy went straight
 * into the file (a large copy). Removed here, so a completed backup leaves FILE alone beside it; a
 * WAL that still holds bytes is a copy not folded into its file, refused rather than published.
 */
function dropEmptyWal(wal: string): void {
  let size: number;
  try {
    size = lstatSync(wal).size;
  } catch {
    return;
  }
  if (size > 0) throw new AppError('STORE', `the backup copy's WAL ${wal} still holds ${size} bytes after its checkpoint; no backup was published`);
  rmSync(wal, { force: true });
}

/** Give the complete copy its name without replacing a file that appeared there meanwhile. */
function publish(partial: string, target: string): void {
  try {
    linkSync(partial, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new AppError('CONFLICT', `${target} exists; a backup never overwrites a file (pick a new name)`);
    // a file system without hard links: a rename, after the same check
    if (existsSync(target)) throw new AppError('CONFLICT', `${target} exists; a backup never overwrites a file (pick a new name)`);
    renameSync(partial, target);
    return;
  }
  rmSync(partial, { force: true });
}
