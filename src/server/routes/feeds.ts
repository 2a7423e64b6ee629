/**
 * GET /feeds/...: Atom and JSON Feed of confirmed events and (separately) of draft detections,
 * for all countries or one. Public like the other reads; rendered from the store on each call.
 */
import type { Context } from 'hono';
import { renderFeed } from '../../watch/index.js';
import type { AppDeps } from '../deps.js';
import { newRouter } from '../openapi.js';

export function feedRoutes(deps: AppDeps) {
  const r = newRouter();
  const handler = async (c: Context) => {
    const url = new URL(c.req.url);
    const f = await renderFeed(deps.store, url.pathname.replace(/^\/feeds\//, ''), url.origin, deps.clock.now().toISOString());
    return c.body(f.body, 200, { 'content-type': f.contentType, 'cache-control': 'no-cache' });
  };
  r.get('/feeds/:name', handler);
  r.get('/feeds/:cc/:name', handler);
  return r;
}
