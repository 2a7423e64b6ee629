/**
 * DuckDB writes files beside the database: its write-ahead log `<db>.wal` (the latest writes, in
 * clear, until a checkpoint folds them into the file) and its spill folder `<db>.tmp`. It creates
 * them under the process umask, so a 0600 database had a 0644 WAL any local user could read.
 * DuckDB deletes the WAL at each checkpoint and makes a new one at the next write, but writes into
 * a WAL that is already there, keeping its mode: so before every write the WAL is made (exclusively)
 * with the database's mode, or given that mode, and the spill folder is made with it at open.
 */
import { chmodSync, closeSync, constants, lstatSync, mkdirSync, openSync, rmdirSync, statSync } from 'node:fs';

/** The mode of the database file, or null when there is none (in memory, not created yet). */
export function fileMode(path: string): number | null {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return null;
  }
}

/** `mode` for a folder: whoever may read the file may also enter the folder. */
const folderMode = (mode: number): number => mode | ((mode & 0o444) >> 2);

/**
 * `file` exists as a regular file with `mode` (made empty and exclusively when missing, never through
 * a symbolic link); an empty WAL is read as one with no writes.
 */
export function ensureMode(file: string, mode: number): void {
  try {
    closeSync(openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  // the umask may have taken bits from `mode`, and a file already there may have had any mode
  if (lstatSync(file).isFile() && (lstatSync(file).mode & 0o777) !== mode) chmodSync(file, mode);
}

/** Before a write to the database at `path`: its WAL exists with the database's mode. */
export function prepareWal(path: string): void {
  const mode = fileMode(path);
  if (mode !== null) ensureMode(`${path}.wal`, mode);
}

/**
 * Before DuckDB opens `path` for writing: the WAL left by an earlier run gets the database's mode,
 * and the spill folder `<db>.tmp` is there with it (as a folder). Returns what to do at close:
 * remove the spill folder if this open made it and it is empty.
 */
export function prepareSideFiles(path: string): () => void {
  const mode = fileMode(path);
  if (mode === null) return () => undefined;
  if (fileMode(`${path}.wal`) !== null) ensureMode(`${path}.wal`, mode);
  const spill = `${path}.tmp`;
  let made = false;
  try {
    mkdirSync(spill, { mode: folderMode(mode) });
    made = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const st = lstatSync(spill);
  if (st.isDirectory() && (st.mode & 0o777 & ~folderMode(mode)) !== 0) chmodSync(spill, st.mode & 0o777 & folderMode(mode));
  if (made) chmodSync(spill, folderMode(mode));
  return () => {
    if (!made) return;
    try {
      rmdirSync(spill);
    } catch {
      // not empty, or gone: left as DuckDB left it
    }
  };
}
