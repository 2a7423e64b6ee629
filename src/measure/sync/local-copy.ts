/**
 * The local side of `ooni sync`: a download goes to a temporary file of its own,
 * `<file>.<host>.<pid>.<random>.part` (a name ingest never reads and no other run writes), and
 * is renamed into place only once its length and checksum match the listing, so a partial or
 * damaged transfer is never seen as a measurement file, also when several runs share a
 * destination: each rename puts a whole, verified file in place in one step. A file already in
 * place is complete when its size matches and either its MD5 equals a plain ETag or the sync
 * log recorded it with the same ETag, size and mtime (multipart ETags are not an MD5 of the bytes).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { processAlive } from '../../op/index.js';

export interface BucketObject {
  key: string;
  size: number;
  /** As listed, without quotes. */
  etag: string;
}

/** One line of the sync log (`.ooni-sync.jsonl` in the destination): a file verified in place. */
export interface SyncLogEntry {
  key: string;
  size: number;
  etag: string;
  mtime_ms: number;
  /** False when the bytes are the bucket's but do not inflate (a corrupt .gz in the bucket). */
  gzip_ok: boolean;
}

export const SYNC_LOG = '.ooni-sync.jsonl';

const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '_') || 'host';
const TEMP = /^(.+)\.([A-Za-z0-9_-]+)\.(\d+)\.[0-9a-f]{8}\.part$/;

/** The temporary name a transfer of `path` by process `pid` on this host writes to. */
export const tempPath = (path: string, pid = process.pid): string => `${path}.${HOST}.${pid}.${randomBytes(4).toString('hex')}.part`;

/**
 * Remove from `dir` the temporary files of runs on this host that no longer run (killed
 * mid-transfer), and `<file>.part` names an older version wrote. Temporary files of live
 * processes, and of other hosts sharing the folder, are left alone.
 */
export async function removeStaleTemps(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const n of names) {
    const m = TEMP.exec(n);
    const stale = m ? m[2] === HOST && Number(m[3]) !== process.pid && !processAlive(Number(m[3])) : /\.jsonl(\.gz)?\.part$/.test(n);
    if (stale) {
      await rm(join(dir, n), { force: true });
      removed++;
    }
  }
  return removed;
}

/** A plain ETag is the MD5 of the body; multipart ETags ("…-N") are not. */
export const plainMd5 = (etag: string): string | null => (/^[0-9a-f]{32}$/i.test(etag) ? etag.toLowerCase() : null);

export async function readSyncLog(path: string): Promise<Map<string, SyncLogEntry>> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  const out = new Map<string, SyncLogEntry>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const e = JSON.parse(line) as SyncLogEntry;
      if (typeof e.key === 'string') out.set(e.key, e);
    } catch {
      // a run killed mid-append leaves a cut last line: that file is verified again
    }
  }
  return out;
}

export const appendSyncLog = (path: string, e: SyncLogEntry) => appendFile(path, JSON.stringify(e) + '\n');

/** A sink that hashes bytes and, for .gz, inflates them to check they are a whole gzip stream. */
class Checker {
  readonly md5 = createHash('md5');
  bytes = 0;
  private gunzip: ReturnType<typeof createGunzip> | null;
  private gzipDone: Promise<boolean>;

  constructor(gz: boolean) {
    this.gunzip = gz ? createGunzip() : null;
    const g = this.gunzip;
    this.gzipDone = g
      ? new Promise<boolean>((resolve) => {
          g.on('error', () => resolve(false));
          g.on('end', () => resolve(true));
          g.resume();
        })
      : Promise.resolve(true);
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.md5.update(chunk);
    this.bytes += chunk.length;
    const g = this.gunzip;
    if (g && !g.destroyed && !g.write(chunk)) await new Promise<void>((r) => (g.destroyed ? r() : g.once('drain', r).once('error', () => r())));
  }

  /** Whether the bytes inflate to the end (always true when not gzip). */
  async end(): Promise<boolean> {
    this.gunzip?.end();
    return this.gzipDone;
  }
}

/** What is at `path` for this object: complete (and whether it inflates) or missing/stale. */
export async function localState(
  path: string,
  obj: BucketObject,
  log: Map<string, SyncLogEntry>,
): Promise<{ state: 'missing' } | { state: 'complete'; gzip_ok: boolean; entry: SyncLogEntry | null }> {
  const s = await stat(path).catch(() => null);
  if (!s?.isFile() || s.size !== obj.size) return { state: 'missing' };
  const e = log.get(obj.key);
  if (e && e.etag === obj.etag && e.size === obj.size && e.mtime_ms === Math.floor(s.mtimeMs)) return { state: 'complete', gzip_ok: e.gzip_ok, entry: null };
  const md5 = plainMd5(obj.etag);
  if (!md5) return { state: 'missing' };
  const c = new Checker(path.endsWith('.gz'));
  for await (const chunk of createReadStream(path)) await c.write(chunk as Buffer);
  const gzip_ok = await c.end();
  if (c.md5.digest('hex') !== md5) return { state: 'missing' };
  return { state: 'complete', gzip_ok, entry: { key: obj.key, size: obj.size, etag: obj.etag, mtime_ms: Math.floor(s.mtimeMs), gzip_ok } };
}

/**
 * Stream `body` to a temporary file of this transfer only (`tempPath`), checking length and
 * (plain ETag) MD5 on the way, then rename it into place. Throws when the transfer breaks or
 * the bytes do not match; the temporary file is removed. Its name is added to `temps`, so the
 * caller can make sure, once every transfer has settled, that none is left. The returned entry describes the
 * bytes this transfer wrote (their mtime is taken before the rename: a later rename by another
 * run puts its own verified bytes in place, and a mismatching mtime makes the next run check).
 */
export async function saveObject(
  body: AsyncIterable<Uint8Array>,
  path: string,
  obj: BucketObject,
  onBytes: (n: number) => void,
  temps?: Set<string>,
): Promise<SyncLogEntry> {
  await mkdir(dirname(path), { recursive: true });
  const part = tempPath(path);
  temps?.add(part);
  const c = new Checker(path.endsWith('.gz'));
  const out = createWriteStream(part);
  try {
    const check = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        onBytes(chunk.length);
        c.write(chunk).then(() => cb(null, chunk), cb);
      },
    });
    await pipeline(body, check, out);
    const gzip_ok = await c.end();
    if (c.bytes !== obj.size) throw new Error(`transfer ended after ${c.bytes} of ${obj.size} bytes`);
    const md5 = plainMd5(obj.etag);
    const got = c.md5.digest('hex');
    if (md5 && got !== md5) throw new Error(`MD5 ${got} does not match ETag ${obj.etag}`);
    const s = await stat(part);
    await rename(part, path);
    return { key: obj.key, size: obj.size, etag: obj.etag, mtime_ms: Math.floor(s.mtimeMs), gzip_ok };
  } catch (e) {
    // the file is removed once its stream has closed, so no late open or write brings it back
    if (!out.closed) await new Promise<void>((res) => (out.destroy(), out.once('close', () => res())));
    await rm(part, { force: true });
    throw e;
  }
}

/** Remove the temporary files a run created (`saveObject`'s `temps`), once all its transfers have settled. */
export async function removeTemps(temps: Set<string>): Promise<void> {
  for (const t of temps) await rm(t, { force: true });
  temps.clear();
}
