/**
 * The dashboard (web/dist) served at /: files by path, and index.html for any other GET that a
 * browser navigates to (history routing: /country/RU, /events/:id ...). API, docs, OpenAPI and
 * health paths are never answered with the app, so an unknown /api route stays a problem+json 404.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context, Next } from 'hono';
import type { Env } from './deps.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** Paths owned by the server itself; the app never shadows them. */
const RESERVED = /^\/(api|docs)(\/|$)|^\/(openapi\.json|healthz)$/;

async function fileIn(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, '.' + normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  const s = await stat(full).catch(() => null);
  return s?.isFile() ? full : null;
}

/** Middleware serving `webRoot` (absolute path of web/dist); registered after every API route. */
export function staticWeb(webRoot: string) {
  const root = resolve(webRoot);
  return async (c: Context<Env>, next: Next) => {
    const path = c.req.path;
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || RESERVED.test(path)) return next();
    const file = await fileIn(root, path);
    const ext = file ? extname(file) : '';
    if (file && TYPES[ext]) {
      const body = await readFile(file);
      // Vite puts content-hashed names under /assets: cache them for good; the rest revalidates.
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(body, 200, { 'content-type': TYPES[ext], 'cache-control': cache });
    }
    // A path with an extension that is not a file is a real 404, not a page of the app.
    if (extname(path) !== '') return next();
    const index = await readFile(join(root, 'index.html')).catch(() => null);
    if (!index) return next();
    return c.body(index, 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  };
}
