/**
 * The dashboard's server side: static files and SPA fallback from webRoot without shadowing
 * /api, /docs, /openapi.json or /healthz; and GET /api/stats/events, the counts the maps use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { clock, sampleEvent, tempDir, tempStore } from '../helpers/index.js';
import { createToken } from '../../src/ledger/index.js';

let store: Store;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let token: string;
const web = tempDir('splinternet-web-');

beforeAll(async () => {
  const t = await tempStore();
  store = t.store;
  cleanup = t.cleanup;
  mkdirSync(join(web.dir, 'assets'));
  writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(web.dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  writeFileSync(join(web.dir, 'secret.bin'), 'x');
  app = createApp({ store, clock, dbPath: ':memory:', webRoot: web.dir });
  token = (await createToken({ store, clock }, 'test', { scopes: ['admin'], createdBy: 'test' })).token;
});
afterAll(async () => {
  await cleanup();
  web.cleanup();
});

describe('static dashboard', () => {
  it('serves index.html at / and for any app route (history routing)', async () => {
    for (const path of ['/', '/country/RU', '/events/ru-2018-telegram-block', '/cost?country=RU&hours=24']) {
      const r = await app.request(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(await r.text()).toContain('<title>app</title>');
    }
  });

  it('serves hashed assets with a long cache and their own type', async () => {
    const r = await app.request('/assets/main-abc123.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/javascript/);
    expect(r.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('never shadows the API, docs, OpenAPI or health routes', async () => {
    const api = await app.request('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await app.request('/healthz')).headers.get('content-type')).toMatch(/json/);
    expect((await app.request('/openapi.json')).headers.get('content-type')).toMatch(/json/);
    expect(await (await app.request('/docs')).text()).toContain('swagger-ui');
  });

  it('answers 404 for missing files, unknown types, other methods and path traversal', async () => {
    expect((await app.request('/missing.js')).status).toBe(404);
    expect((await app.request('/secret.bin')).status).toBe(404);
    expect((await app.request('/country/RU', { method: 'POST' })).status).toBe(404);
    expect((await app.request('/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await app.request('/assets/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });
});

describe('GET /api/stats/events', () => {
  it('counts events per country, category and start year, an event once in each country', async () => {
    const post = (body: unknown) =>
      app.request('/api/events', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(sampleEvent({ id: 'ru-2018-a', start: '2018-04-16' }))).status).toBe(201);
    expect((await post(sampleEvent({ id: 'ru-2018-b', start: '2018' }))).status).toBe(201);
    expect(
      (await post(sampleEvent({ id: 'ru-cn-2019-c', category: 'cooperation', subtype: 'research', countries: ['RU', 'CN'], start: '2019-05' }))).status,
    ).toBe(201);
    const r = await app.request('/api/stats/events');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { items: { country: string; category: string; year: number; count: number }[]; technical_categories: string[] };
    expect(body.items).toEqual([
      { country: 'CN', category: 'cooperation', year: 2019, count: 1 },
      { country: 'RU', category: 'block', year: 2018, count: 2 },
      { country: 'RU', category: 'cooperation', year: 2019, count: 1 },
    ]);
    expect(body.technical_categories).toEqual(['shutdown', 'throttling', 'block']);
    const cn = (await (await app.request('/api/stats/events?country=CN&category=cooperation')).json()) as { items: unknown[] };
    expect(cn.items).toHaveLength(1);
  });

  it('rejects a bad filter with a 400 naming the parameter', async () => {
    const r = await app.request('/api/stats/events?category=nonsense');
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('category');
  });
});
