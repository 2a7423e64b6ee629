/**
 * The folder uploads wait in before their import. The import opens the uploaded file by path,
 * so whoever can rename, replace or empty that folder decides which bytes are imported: it must
 * be a folder only this server's user can write. By default it is `<db>.uploads`, beside the
 * database: one server holds a database at a time, so no two servers share the folder, and an
 * upload keeps the same path from run to run (sending a file again is a rerun). An in-memory
 * store gets a fresh folder of its own (mkdtemp) under the OS temp folder.
 */
import { lstat, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../shared/index.js';

/** Where uploads go for the database at `dbPath` when no folder is given: `<db>.uploads`, or null for an in-memory store. */
export const defaultUploadDir = (dbPath: string): string | null => (dbPath === ':memory:' ? null : `${resolve(dbPath)}.uploads`);

/** Why `dir` (which exists) is not private to this user, or null when it is: a real folder, this user's, no group or other access. */
async function notPrivate(dir: string): Promise<string | null> {
  const st = await lstat(dir);
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  if (!st.isDirectory()) return 'it is not a folder';
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return `it belongs to another user (uid ${st.uid})`;
  if ((st.mode & 0o077) !== 0) return `other users have access to it (mode ${(st.mode & 0o777).toString(8)})`;
  return null;
}

/**
 * `dir` made ready for uploads: created with mode 0700 when missing (its parents as needed), and
 * accepted only when it is then a real folder (not a symbolic link) owned by this user with no
 * group or other access. Otherwise UNAVAILABLE naming the folder by its name (the caller of an
 * upload never sees server paths) and the way out; nothing is written into a folder refused.
 */
export async function privateUploadDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const why = await notPrivate(dir);
  if (why)
    throw new AppError(
      'UNAVAILABLE',
      `the server's upload folder ${basename(dir)} is not private to the server's user (${why}), so another user could change an upload: nothing was stored. ` +
        "The server's operator should remove it (the server then creates it, mode 0700) or make it the server user's own with chmod 700",
    );
}

/** The upload folder for `dbPath` (or `given`), checked before each upload; an in-memory store's is created once, on first use. */
export function uploadDirFor(dbPath: string, given?: string): () => Promise<string> {
  const fixed = given ?? defaultUploadDir(dbPath);
  let fresh: Promise<string> | undefined;
  return async () => {
    const dir = fixed ?? (await (fresh ??= mkdtemp(join(tmpdir(), 'splinternet-uploads-'))));
    await privateUploadDir(dir);
    return dir;
  };
}
