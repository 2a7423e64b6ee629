/**
 * /openapi.json and /docs: the OpenAPI document and a Swagger UI page served from the local
 * swagger-ui-dist package (never a CDN). The page names an empty icon, as the dashboard does, so a
 * browser does not ask for /favicon.ico (a 404 and a console error on every load).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { Hono } from 'hono';
import type { Env } from '../deps.js';

const require = createRequire(import.meta.url);
const uiDir = dirname(require.resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Splinternet Observatory API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui' });`;

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png' };

export function docsRoutes() {
  const r = new Hono<Env>();
  r.get('/docs', (c) => c.html(PAGE));
  r.get('/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript' }));
  r.get('/docs/assets/:file', async (c) => {
    const file = normalize(c.req.param('file'));
    if (file.includes('/') || file.startsWith('.')) return c.notFound();
    const ext = file.slice(file.lastIndexOf('.'));
    const body = await readFile(join(uiDir, file)).catch(() => null);
    if (!body || !TYPES[ext]) return c.notFound();
    return c.body(body, 200, { 'content-type': TYPES[ext], 'cache-control': 'public, max-age=86400' });
  });
  return r;
}
