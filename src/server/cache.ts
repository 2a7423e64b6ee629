/**
 * Response cache for GET /api/*: a response is reused while the store's dataVersion is
 * unchanged (every write in this process bumps it; this process is the database's only writer,
 * see docs/design/001). Cost estimates are deterministic for a given seed, so they cache too.
 * Also answers If-None-Match with 304 using a version-based ETag.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, Env } from './deps.js';

interface Entry {
  version: number;
  status: number;
  body: Uint8Array;
  headers: Record<string, string>;
}

const MAX_ENTRIES = 1000;
const MAX_BODY = 2 * 1024 * 1024;
const SKIP = /^\/api\/(_ops|export)\b/;

export function responseCache(deps: AppDeps): MiddlewareHandler<Env> {
  const cache = new Map<string, Entry>();
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (c.req.method !== 'GET' || SKIP.test(path)) return next();
    const version = deps.store.dataVersion();
    if (version % 2 === 1) return next(); // a write is in flight
    const key = c.req.url;
    const hit = cache.get(key);
    if (hit && hit.version === version) {
      cache.delete(key);
      cache.set(key, hit); // LRU: most recent last
      // A Uint8Array body takes @hono/node-server's fast path (written directly, no stream).
      return new Response(hit.body, { status: hit.status, headers: hit.headers });
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || deps.store.dataVersion() !== version) return;
    if (!(res.headers.get('content-type') ?? '').includes('json')) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (body.byteLength > MAX_BODY) return;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { version, status: res.status, body, headers: Object.fromEntries(res.headers.entries()) });
  };
}
