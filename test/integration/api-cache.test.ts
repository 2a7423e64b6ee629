/**
 * The GET response cache (src/server/cache.ts) through app.request(): content-coding
 * negotiated on Accept-Encoding (Vary), ETag / If-None-Match 304, invalidation by a write,
 * the event's own revision ETag kept, one query for a burst of concurrent misses, and the
 * warm-up that `serve` runs after start.
 * Events are synthetic (sampleEvent).
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/ledger/index.js';
import { createApp } from '../../src/server/app.js';
import { cacheKey } from '../../src/server/cache.js';
import { keepWarm, warmCache } from '../../src/server/warm.js';
import type { Store } from '../../src/store/index.js';
import { clock, sampleEvent, tempStore } from '../helpers/index.js';

let store: Store;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let token: string;
let listCalls = 0;

const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());
const json = async (r: Response): Promise<any> => r.json();

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  // Count list queries that reach the store (the cache sits in front of them).
  const ledger = { ...store.ledger, listEvents: (...a: Parameters<Store['ledger']['listEvents']>) => (listCalls++, store.ledger.listEvents(...a)) };
  app = createApp({ store: { ...store, ledger }, clock, dbPath: ':memory:' });
  ({ token } = await createToken({ store, clock }, 'test', { scopes: ['admin'], createdBy: 'test' }));
  for (let i = 0; i < 12; i++)
    expect((await post('/api/events', sampleEvent({ id: `xx-20${10 + i}-cache-${i}`, start: `20${10 + i}-01-01` }))).status).toBe(201);
});
afterAll(() => cleanup());

describe('content-coding', () => {
  it('sends identity without Accept-Encoding, gzip or br when asked, same JSON, Vary on all', async () => {
    const plain = await app.request('/api/events?country=RU');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const raw = await bytes(plain);
    expect(raw.byteLength).toBeGreaterThan(1024);
    expect(Number(plain.headers.get('content-length'))).toBe(raw.byteLength);

    const gz = await app.request('/api/events?country=RU', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept, Accept-Encoding');
    expect(gz.headers.get('content-type')).toContain('application/json');
    const gzBody = await bytes(gz);
    expect(Number(gz.headers.get('content-length'))).toBe(gzBody.byteLength);
    expect(gzBody.byteLength).toBeLessThan(raw.byteLength / 3);
    expect(gunzipSync(gzBody).equals(raw)).toBe(true);

    const br = await app.request('/api/events?country=RU', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bytes(br)).equals(raw)).toBe(true);
  });
  it('leaves small bodies uncompressed', async () => {
    const r = await app.request('/api/events?country=ZW', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect((await json(r)).items).toEqual([]);
  });
  it('the first (uncached) response is negotiated like the cached ones', async () => {
    const r = await app.request('/api/events?category=block&limit=40', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await bytes(r)).toString()).items).toHaveLength(12);
  });
});

describe('validators', () => {
  it('answers a matching If-None-Match with 304 and no body, whatever the coding', async () => {
    const first = await app.request('/api/events?country=RU');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const gz = await app.request('/api/events?country=RU', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('etag')).toBe(etag);
    const again = await app.request('/api/events?country=RU', { headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('vary')).toBe('Accept, Accept-Encoding');
    expect((await bytes(again)).byteLength).toBe(0);
    expect((await app.request('/api/events?country=RU', { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);
  });
  it('a write changes the data: the old ETag gets 200 with the new list', async () => {
    const before = await app.request('/api/events?country=RU');
    const etag = before.headers.get('etag')!;
    const n = (await json(before)).total as number;
    expect((await post('/api/events', sampleEvent({ id: 'xx-2025-cache-new', start: '2025-01-01' }))).status).toBe(201);
    const after = await app.request('/api/events?country=RU', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const body = await json(after);
    expect(body.total).toBe(n + 1);
    expect(body.items[0].id).toBe('xx-2025-cache-new');
  });
  it("keeps an event's revision ETag (for If-Match) and never answers 304 on it", async () => {
    const r = await app.request('/api/events/xx-2010-cache-0');
    expect(r.headers.get('etag')).toBe('"1"');
    const again = await app.request('/api/events/xx-2010-cache-0', { headers: { 'if-none-match': '"1"' } });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe('"1"');
    expect((await json(again)).id).toBe('xx-2010-cache-0');
  });
  it('does not cache errors', async () => {
    const r = await app.request('/api/events?category=hacking', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('content-type')).toContain('problem+json');
  });
});

describe('single flight', () => {
  it('a burst of concurrent misses on one URL runs the query once; all get the body', async () => {
    const before = listCalls;
    const rs = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => app.request('/api/events?country=RU&limit=7', { headers: i % 2 ? { 'accept-encoding': 'gzip' } : {} })),
    );
    expect(listCalls - before).toBe(1);
    for (const [i, r] of rs.entries()) {
      expect(r.status).toBe(200);
      const text = i % 2 ? gunzipSync(await bytes(r)).toString() : await r.text();
      expect(JSON.parse(text).items).toHaveLength(7);
    }
  });
});

describe('warm-up (serve)', () => {
  it('keys ignore the host and the order of query parameters', () => {
    expect(cacheKey('http://localhost/api/events?limit=3&country=RU')).toBe('/api/events?country=RU&limit=3');
    expect(cacheKey('http://127.0.0.1:8787/api/events?country=RU&limit=3')).toBe('/api/events?country=RU&limit=3');
    expect(cacheKey('http://h/api/cost?region=RU-MOW&country=RU&region=RU-AL')).toBe('/api/cost?country=RU&region=RU-MOW&region=RU-AL');
    expect(cacheKey('http://h/api/x')).toBe('/api/x');
  });
  it('fills the cache so that a client request (other host, other order) runs no query', async () => {
    const report = await warmCache(app, store, ['/api/events?country=RU&limit=3', '/api/events?category=hacking']);
    expect(report.stopped).toBe('done');
    expect(report.warmed).toEqual(['/api/events?country=RU&limit=3']);
    const before = listCalls;
    const r = await app.request('http://127.0.0.1:8787/api/events?limit=3&country=RU', { headers: { 'accept-encoding': 'br' } });
    expect(r.status).toBe(200);
    expect(JSON.parse(brotliDecompressSync(await bytes(r)).toString()).items).toHaveLength(3);
    expect(listCalls).toBe(before);
  });
  it('stops when aborted or when the data changes', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await warmCache(app, store, ['/api/events?limit=2'], ac.signal)).stopped).toBe('aborted');
    let v = 0;
    const changing = { dataVersion: () => (v += 2) };
    const r = await warmCache(app, changing, ['/api/events?limit=2']);
    expect(r).toMatchObject({ stopped: 'data changed', warmed: [] });
  });
});

describe('keepWarm', () => {
  it('warms at start, again once a write has settled, and not while nothing changes', async () => {
    let v = 0;
    let requests = 0;
    const fakeApp = { request: () => (requests++, new Response('{}', { status: 200 })) };
    const reports: number[] = [];
    const ac = new AbortController();
    const w = keepWarm(
      fakeApp,
      { dataVersion: () => v },
      { signal: ac.signal, everyMs: 5, paths: ['/api/a', '/api/b'], onWarm: (_r, nth) => reports.push(nth) },
    );
    while (reports.length < 1) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 60)); // a dozen intervals with no write: no new warm-up
    expect(requests).toBe(2);
    v = 2; // a write happened
    while (reports.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(reports).toEqual([0, 1]);
    expect(requests).toBe(4);
    ac.abort();
    await w.idle();
  });
});
