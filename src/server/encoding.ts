/**
 * Content negotiation for cached API responses: which content-coding a client accepts
 * (Accept-Encoding, RFC 9110 §12.5.3) and weak ETag matching for If-None-Match (§13.1.2).
 * Why here and not hono/compress: the cache compresses a body once per data version and
 * serves the stored bytes, instead of compressing every response again.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';

/** Bodies smaller than this go out as they are: compression would save too little. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * The coding to send for an Accept-Encoding header: br or gzip when accepted with q > 0
 * (br when its q is at least gzip's), else identity. No header means identity.
 */
export function pickCoding(header: string | null | undefined): Coding {
  if (!header) return 'identity';
  let br = -1;
  let gz = -1;
  let star = -1;
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName!.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q)) q = 0;
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gz = q;
    else if (name === '*') star = q;
  }
  if (br < 0) br = star;
  if (gz < 0) gz = star;
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return 'identity';
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Compress on libuv's thread pool (the event loop keeps serving). Brotli quality 6: a good ratio at a fraction of quality 11's time. */
export async function compress(body: Uint8Array, coding: Exclude<Coding, 'identity'>): Promise<Uint8Array> {
  const out =
    coding === 'gzip'
      ? await gzipAsync(body, { level: 6 })
      : await brotliAsync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 6,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Does If-None-Match name this ETag? Weak comparison (W/ ignored), `*` matches anything. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}
