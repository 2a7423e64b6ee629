/**
 * Writing an export to `--out FILE`. A reader of FILE sees either nothing, the file that was
 * there before, or the whole new export: the bytes go to a temporary file beside FILE, are
 * flushed to disk, and only then take FILE's name. An existing FILE is kept unless the caller
 * says `--force`: the new file takes the name with link(2), which fails when the name is taken,
 * so a file that appears meanwhile is not replaced either. Every failure names FILE (exit 1) and
 * leaves no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, fileError, missingFolderError } from '../shared/index.js';

export interface OutFileOptions {
  /** Replace FILE when it exists (still atomically). */
  force?: boolean;
  /** The option the path came from, named in errors. */
  field?: string;
}

const exists = (path: string, field: string) =>
  new AppError('INGEST_IO', `cannot write ${path}: it exists already; --force replaces it`, {
    issues: [{ path: [field], message: 'it exists already; --force replaces it' }],
  });

/** Errors link(2) gives on file systems without hard links: there FILE is renamed into place. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

export async function writeOutFile(path: string, data: Buffer | string, opts: OutFileOptions = {}): Promise<void> {
  const field = opts.field ?? 'out';
  const before = await stat(path).catch((e: unknown) => {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw fileError(path, e, field, 'write');
  });
  if (before?.isDirectory()) throw fileError(path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), field, 'write');
  if (before && !opts.force) throw exists(path, field);
  // A folder that is not there is named, as db backup names it, before any temporary file.
  const noFolder = before ? null : missingFolderError(path, field);
  if (noFolder) throw noFolder;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.force) await rename(tmp, path);
    else
      await link(tmp, path).catch(async (e: unknown) => {
        const code = (e as { code?: string }).code ?? '';
        if (code === 'EEXIST') throw exists(path, field);
        if (!NO_LINKS.has(code)) throw e;
        if (
          await stat(path).then(
            () => true,
            () => false,
          )
        )
          throw exists(path, field);
        await rename(tmp, path);
      });
  } catch (e) {
    throw fileError(path, e, field, 'write');
  } finally {
    await rm(tmp, { force: true });
  }
}
