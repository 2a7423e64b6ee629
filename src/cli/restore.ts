/**
 * `splinternet db restore FILE`: put a backup in place of the database. The backup is read end
 * to end and must be a backup of this observatory at a schema version this code knows
 * (src/db/backup-check.ts) before anything is touched; it is copied beside the database and
 * renamed over it, so a crash leaves the old file or the new one, never a mix, and the database
 * keeps its file mode.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupRefusal } from '../db/backup-check.js';
import { readLock } from '../op/index.js';
import { AppError, fileError, missingFolderError } from '../shared/index.js';
import { codeSchemaVersion, openStore, type Store, type TableCheck } from '../store/index.js';

export interface Restored {
  restored: string;
  to: string;
  tables: number;
  rows: number;
  /** Active webhook subscriptions whose secret the key file beside the database cannot open, with why. */
  unreadable_secrets: { id: string; problem: string }[];
}

/** Replace the database at `dbPath` with the backup `file`; refused (nothing replaced) unless the backup is whole and this observatory's. */
export async function restoreDatabase(dbPath: string, file: string): Promise<Restored> {
  const source = resolve(file);
  if (!existsSync(source)) throw fileError(source, Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
  refuseNonDuckDb(source);
  // the database's folder must be there: said naming it, before the backup is read
  const noFolder = missingFolderError(dbPath, 'db');
  if (noFolder) throw noFolder;
  const lock = readLock(dbPath);
  if (lock) throw new AppError('STORE_LOCKED', `the server (pid ${lock.pid}) at ${lock.url} holds ${dbPath}; stop it, then restore`);
  const tables = await readBackup(source);
  const bad = tables.filter((t) => !t.ok);
  if (bad.length)
    throw new AppError(
      'VALIDATION',
      `the backup ${source} is damaged, not a sound backup: ${bad.map((t) => `${t.table}: ${withoutAdvice(t.error ?? '')}`).join('; ')}; restore another backup; nothing was replaced`,
      { issues: [{ path: ['file'], message: 'damaged: not a sound backup' }] },
    );
  const held = await holdDatabase(dbPath);
  // copy beside the target, then rename over it: a crash leaves the old file or the new one
  const tmp = `${dbPath}.restore-${process.pid}`;
  // the database keeps its mode (a 0600 file stays 0600); a new one takes the backup's
  const mode = statSync(existsSync(dbPath) ? dbPath : source).mode & 0o777;
  try {
    copyPrivately(source, tmp);
    chmodSync(tmp, mode);
    rmSync(`${dbPath}.wal`, { force: true });
    renameSync(tmp, dbPath);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fileError(dbPath, e, 'db', 'write');
  } finally {
    await held?.close();
  }
  return {
    restored: source,
    to: dbPath,
    tables: tables.length,
    rows: tables.reduce((n, t) => n + (t.rows ?? 0), 0),
    unreadable_secrets: await unreadableSecrets(dbPath),
  };
}

/**
 * Copy `source` to the new file `dest`, which is created owner-only (0600) and exclusively: while
 * it is written, no other user can open it, whatever the umask or the backup's own mode (a copy
 * made by copyFile takes the source's mode, often 0644, until it is changed). The caller sets
 * the final mode once the copy is whole. Written to disk (fsync) before it returns.
 */
export function copyPrivately(source: string, dest: string): void {
  const out = openSync(dest, 'wx', 0o600);
  try {
    const from = openSync(source, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      for (let n = readSync(from, buf); n > 0; n = readSync(from, buf)) {
        for (let off = 0; off < n;) off += writeSync(out, buf, off, n - off);
      }
    } finally {
      closeSync(from);
    }
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

/**
 * The restored database's active subscriptions whose secrets the key file beside it does not
 * open (a backup older than a key rotation, or no key file copied with it): their deliveries
 * could never be signed. Read-only; a database too old to hold subscriptions has none.
 */
async function unreadableSecrets(dbPath: string): Promise<{ id: string; problem: string }[]> {
  const store = await openStore(dbPath, { readOnly: true });
  try {
    if (!(await store.schemaCheck!()).tables.includes('hook_subscriptions')) return [];
    const subs = await store.watch.listSubscriptions(false);
    return subs.flatMap((s) => (s.secret_problem ? [{ id: s.id, problem: s.secret_problem }] : []));
  } finally {
    await store.close();
  }
}

/**
 * Take the database's file lock, as every process that opens it does, and keep it until the
 * file is replaced: a process that has the database open (a CLI import, a reader) makes the
 * restore stop at once naming it, and none can open it meanwhile. The lock is a read-only open,
 * which writes nothing on close. A file DuckDB cannot open for another reason (damaged: what a
 * restore repairs) is replaced without it.
 */
async function holdDatabase(dbPath: string): Promise<Store | null> {
  if (!existsSync(dbPath)) return null;
  try {
    return await openStore(dbPath, { readOnly: true });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'STORE_LOCKED') return null;
    const pid = typeof e.details.holder_pid === 'number' ? ` (pid ${e.details.holder_pid})` : '';
    throw new AppError(
      'STORE_LOCKED',
      `the database ${dbPath} is held by another process${pid}; a restore replaces it only when no process has it open: ` +
        'wait for that one to finish (or stop it), then restore; nothing was replaced',
      { cause: e, details: e.details },
    );
  }
}

/**
 * Every table of the backup read end to end; refused first when the file is not a whole backup of
 * this observatory (its tables and columns against those its recorded schema version implies).
 */
async function readBackup(source: string): Promise<TableCheck[]> {
  const backup = await openStore(source, { readOnly: true }).catch((e: unknown) => {
    throw unreadableBackup(source, e);
  });
  try {
    const shape = await backup.schemaCheck!();
    const why = backupRefusal(source, shape, codeSchemaVersion());
    if (why) throw new AppError('VALIDATION', why, { issues: [{ path: ['file'], message: why.slice(source.length + 2) }] });
    return (await backup.verify?.()) ?? [];
  } catch (e) {
    throw unreadableBackup(source, e);
  } finally {
    await backup.close();
  }
}

/** A store error's words about a damaged file, without the advice to restore a backup (this is one). */
function withoutAdvice(message: string): string {
  return message.split('. Recover:')[0]!.replace(/^the database /, '');
}

/**
 * Why the backup file cannot be opened, said of the backup (exit 2): held by a running process
 * (a live database, not a copy: back it up first), or damaged (restore another backup).
 */
function unreadableBackup(source: string, e: unknown): unknown {
  if (!(e instanceof AppError)) return e;
  const refuse = (why: string) =>
    new AppError('VALIDATION', `the backup ${source} ${why}; nothing was replaced`, { cause: e, issues: [{ path: ['file'], message: why }] });
  if (e.code === 'STORE_LOCKED') {
    const pid = typeof e.details.holder_pid === 'number' ? ` (pid ${e.details.holder_pid})` : '';
    return refuse(
      `is held by another process${pid}: a live database, not a backup; copy it with \`splinternet db backup FILE --db ${source}\` and restore that copy`,
    );
  }
  if (e.details.corrupt === true)
    return refuse(`is damaged, not a sound backup (${(e.cause as Error | undefined)?.message ?? withoutAdvice(e.message)}); restore another backup`);
  if (e.code === 'STORE') return refuse(`cannot be opened as a DuckDB database (${e.message}); restore another backup`);
  return e;
}

/**
 * A file that does not start as a DuckDB database does (the magic "DUCK" at byte 8) is named as
 * such (exit 2), before DuckDB is asked to open it and answers in its own terms; a folder or an
 * unreadable file is named as every reader names it (exit 1).
 */
function refuseNonDuckDb(source: string): void {
  const head = Buffer.alloc(12);
  let got: number;
  try {
    const fd = openSync(source, 'r');
    try {
      got = readSync(fd, head, 0, 12, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw fileError(source, e);
  }
  if (got < 12 || head.toString('latin1', 8, 12) !== 'DUCK')
    throw new AppError('VALIDATION', `${source}: not a DuckDB database file (a backup made by \`splinternet db backup\` is one); nothing was replaced`, {
      issues: [{ path: ['file'], message: 'not a DuckDB database file' }],
    });
}
