/**
 * Response cache for GET /api/*: a response is reused while the store's dataVersion is
 * unchanged (every write in this process bumps it; this process is the embedded database's only
 * writer, see docs/design/001). On a ClickHouse cluster other nodes write too: before each lookup
 * the store checks the cluster's generation (at most once a second, docs/design/005), so an
 * answer is never older than the cluster's data of a second before the request. Cost estimates
 * are deterministic for a given seed, so they cache too.
 *
 * Under load what costs is bytes and stampedes, not queries (bench/RESULTS.md, bench:api):
 * - single flight: concurrent misses on one URL wait for the first one's result instead of each
 *   running the query (200 connections arriving on a cold cache used to queue for seconds);
 * - content-coding: br or gzip by Accept-Encoding, compressed once per data version and kept
 *   beside the identity body (Vary: Accept-Encoding);
 * - validators: a weak ETag from the body's hash answers If-None-Match with 304. A route that
 *   sets its own ETag (GET /api/events/:id: the revision, for If-Match) keeps it and gets no 304,
 *   because its body also carries links that change without a new revision.
 * Bodies are Uint8Arrays with a content-length, so @hono/node-server writes them directly.
 * See docs/design/004-api-performance.md.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { acceptedRowFormat } from './accept.js';
import type { AppDeps, Env } from './deps.js';
import { compress, etagMatches, MIN_COMPRESS_BYTES, pickCoding, type Coding } from './encoding.js';

interface Entry {
  version: number;
  status: number;
  /** The route's headers without content-length / content-encoding. */
  headers: Record<string, string>;
  etag: string;
  /** The route set its own ETag: keep it, never 304 on it. */
  ownEtag: boolean;
  bodies: Partial<Record<Coding, Uint8Array>>;
  pending: Partial<Record<Coding, Promise<Uint8Array>>>;
  /** Per-coding header records, content-length included (node-server then leaves them alone). */
  sent: Partial<Record<Coding, Record<string, string>>>;
  bytes: number;
}

const MAX_ENTRIES = 1000;
/** Largest body kept (identity); /api/indicators is ~5 MB. */
const MAX_BODY = 8 * 1024 * 1024;
/** All bodies of all entries (identity and compressed). */
const MAX_TOTAL_BYTES = 96 * 1024 * 1024;
const SKIP = /^\/api\/(_ops|export)\b/;

/**
 * The GET paths whose JSON answers to anonymous callers are cached, and so revalidated: an
 * If-None-Match holding the answer's ETag is a 304 (unless the route sets its own ETag). The
 * OpenAPI document says 304 on exactly these (openapi.ts documentAccess).
 */
export const isCachedPath = (path: string): boolean => path.startsWith('/api/') && !SKIP.test(path);

/**
 * The cache key: path and query without scheme and host (so an in-process warm-up and a
 * client share entries), query parameters sorted by name (stable: repeated names keep order).
 */
export function cacheKey(url: string): string {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const rest = slash < 0 ? '/' : url.slice(slash);
  const q = rest.indexOf('?');
  if (q < 0) return rest;
  const name = (p: string) => p.split('=', 1)[0]!;
  const params = rest
    .slice(q + 1)
    .split('&')
    .filter(Boolean);
  params.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  return `${rest.slice(0, q)}?${params.join('&')}`;
}

export function responseCache(deps: AppDeps): MiddlewareHandler<Env> {
  const cache = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry | null>>();
  let total = 0;

  const drop = (key: string) => {
    const e = cache.get(key);
    if (!e) return;
    cache.delete(key);
    total -= e.bytes;
  };
  const store = (key: string, e: Entry) => {
    drop(key);
    cache.set(key, e);
    total += e.bytes;
    for (const k of cache.keys()) {
      if (cache.size <= MAX_ENTRIES && total <= MAX_TOTAL_BYTES) break;
      if (k !== key) drop(k);
    }
  };

  /** Fill the cache from the route's response (null: not cacheable). */
  const fill = async (c: Context<Env>, key: string, version: number, next: () => Promise<void>): Promise<Entry | null> => {
    await next();
    const res = c.res;
    if (res.status !== 200 || deps.store.dataVersion() !== version) return null;
    if (!(res.headers.get('content-type') ?? '').includes('json') || res.headers.has('content-encoding')) return null;
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength > MAX_BODY) {
      const again = new Response(body, { status: res.status, headers: res.headers });
      c.res = undefined;
      c.res = again;
      return null;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of res.headers.entries()) if (k !== 'content-length') headers[k] = v;
    const own = headers.etag;
    const etag = own ?? `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    headers.etag = etag;
    // the route's own Vary (Accept, on a negotiated route) is kept beside the coding's
    headers.vary = [headers.vary, 'Accept-Encoding'].filter(Boolean).join(', ');
    if (!own) headers['cache-control'] = 'no-cache';
    const e: Entry = { version, status: res.status, headers, etag, ownEtag: !!own, bodies: { identity: body }, pending: {}, sent: {}, bytes: body.byteLength };
    if (deps.store.dataVersion() === version) store(key, e);
    return e;
  };

  const bodyFor = async (key: string, e: Entry, coding: Coding): Promise<Uint8Array> => {
    const have = e.bodies[coding];
    if (have) return have;
    const p = (e.pending[coding] ??= compress(e.bodies.identity!, coding as Exclude<Coding, 'identity'>).then((b) => {
      e.bodies[coding] = b;
      e.bytes += b.byteLength;
      if (cache.get(key) === e) total += b.byteLength;
      return b;
    }));
    return p;
  };

  const respond = async (c: Context<Env>, key: string, e: Entry): Promise<Response> => {
    if (!e.ownEtag && etagMatches(c.req.header('if-none-match'), e.etag)) {
      return new Response(null, { status: 304, headers: { etag: e.etag, vary: e.headers.vary!, 'cache-control': 'no-cache' } });
    }
    let coding = e.bodies.identity!.byteLength < MIN_COMPRESS_BYTES ? 'identity' : pickCoding(c.req.header('accept-encoding'));
    let body = await bodyFor(key, e, coding).catch(() => null);
    if (!body) [coding, body] = ['identity', e.bodies.identity!];
    const headers = (e.sent[coding] ??= {
      ...e.headers,
      ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
      'content-length': String(body.byteLength),
    });
    // A Uint8Array body takes @hono/node-server's fast path (written directly, no stream).
    return new Response(body, { status: e.status, headers });
  };

  return async (c, next) => {
    // Only anonymous reads are shared: a request with a token may see what others may not.
    // A request for a row file by Accept (accept.ts) is not JSON: entries are keyed by URL and hold JSON only.
    if (c.req.method !== 'GET' || !isCachedPath(c.req.path) || c.req.header('authorization') || acceptedRowFormat(c.req.header('accept'))) return next();
    // a store other nodes write to (a cluster) is asked whether its data moved (at most once a second)
    await deps.store.syncDataVersion?.();
    const version = deps.store.dataVersion();
    if (version % 2 === 1) return next(); // a write is in flight
    const key = cacheKey(c.req.url);
    const hit = cache.get(key);
    if (hit && hit.version === version) {
      cache.delete(key);
      cache.set(key, hit); // LRU: most recent last
      return respond(c, key, hit);
    }
    const running = inflight.get(key);
    if (running) {
      const e = await running;
      if (e && e.version === deps.store.dataVersion()) return respond(c, key, e);
      return next();
    }
    const job = fill(c, key, version, next);
    const settled = job.catch(() => null);
    inflight.set(key, settled);
    try {
      const e = await job;
      if (e) {
        // The route already set c.res; a returned Response would be ignored, and assigning over
        // it would merge the old headers in. Clear it first, then set ours.
        const res = await respond(c, key, e);
        c.res = undefined;
        c.res = res;
      }
    } finally {
      if (inflight.get(key) === settled) inflight.delete(key);
    }
  };
}
