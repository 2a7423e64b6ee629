// A bearer token that is not valid is refused on every route the server answers, not only under
// /api: the feeds, /healthz, /openapi.json, /docs and the dashboard's pages (SYNTHETIC tokens on an
// empty store; the dashboard is a one-page folder made here).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../ledger/index.js';
import { appOnTempStore, clock, tempDir, tempStore } from '../../test/helpers/index.js';
import { createApp } from './app.js';

const PATHS = ['/api/events?limit=1', '/feeds/events.atom', '/feeds/RU.json', '/healthz', '/openapi.json', '/docs', '/watch'];

let t: Awaited<ReturnType<typeof tempStore>>;
let web: ReturnType<typeof tempDir>;
let app: ReturnType<typeof createApp>;
let good: string;
let revoked: string;

beforeAll(async () => {
  t = await tempStore();
  web = tempDir();
  mkdirSync(web.dir, { recursive: true });
  writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>dashboard</title>');
  app = createApp({ store: t.store, clock, dbPath: t.path, webRoot: web.dir });
  good = (await createToken({ store: t.store, clock }, 'reader', { scopes: ['read'], createdBy: 'test' })).token;
  const r = await createToken({ store: t.store, clock }, 'torevoke', { scopes: ['admin'], createdBy: 'test' });
  revoked = r.token;
  await revokeToken({ store: t.store, clock }, r.record.id, 'test');
});
afterAll(async () => {
  await t.cleanup();
  web.cleanup();
});

const get = (path: string, token?: string) => app.request(`http://localhost${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('a presented token on routes outside /api', () => {
  it.each(PATHS)('%s: 403 with a revoked or unknown token', async (path) => {
    for (const tok of [revoked, 'spl_nope_nope']) {
      const r = await get(path, tok);
      expect(r.status, `${path} with ${tok === revoked ? 'a revoked' : 'an unknown'} token`).toBe(403);
      expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it.each(PATHS)('%s: answered with no token and with a valid one', async (path) => {
    expect((await get(path)).status).toBe(200);
    expect((await get(path, good)).status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('says 403 on every route, outside /api too', async () => {
    const doc = (await (await get('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const undocumented = Object.entries(doc.paths).flatMap(([p, ms]) =>
      Object.entries(ms)
        .filter(([, o]) => !('403' in o.responses))
        .map(([m]) => `${m} ${p}`),
    );
    expect(undocumented).toEqual([]);
  });
});

describe('a 401 carries the Bearer challenge (RFC 9110 §11.6.1, RFC 6750 §3)', () => {
  const app401 = appOnTempStore();
  it('every way to be refused for want of a token: WWW-Authenticate: Bearer with the realm', async () => {
    for (const [method, path, body] of [
      ['POST', '/api/events', '{}'],
      ['POST', '/api/_ops/tokens.list', '{}'],
      ['PUT', '/api/events/x', '{}'],
      ['GET', '/api/elections/duma-2021/rejects', undefined],
    ] as const) {
      const res = await app401.app.request(path, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body } : {}) });
      expect([method, path, res.status, res.headers.get('www-authenticate')]).toEqual([method, path, 401, 'Bearer realm="splinternet"']);
    }
    // an answer that is not a 401 carries no challenge
    expect((await app401.app.request('/api/events')).headers.get('www-authenticate')).toBeNull();
  });
});
