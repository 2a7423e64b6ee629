/**
 * The HTTP API through app.request() (no port): auth (401/403), validation (400 naming
 * fields), size limit (413), optimistic concurrency (412), revisions, retraction, pagination,
 * exports. Events here are synthetic (made by sampleEvent).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../../src/ledger/index.js';
import type { Store } from '../../src/store/index.js';
import { appWithToken, clock, sampleEvent, tempStore } from '../helpers/index.js';

const jbody = async (r: Response | Promise<Response>): Promise<any> => (await r).json();

let store: Store;
let cleanup: () => Promise<void>;
let app: Awaited<ReturnType<typeof appWithToken>>['app'];
let token: string;

const auth = (t = token) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });
const post = (path: string, body: unknown, headers: Record<string, string> = auth()) =>
  app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  ({ app, token } = await appWithToken(store));
  for (let i = 0; i < 5; i++) {
    const r = await post('/api/events', sampleEvent({ id: `xx-202${i}-event-${i}`, start: `202${i}-03-01`, countries: i % 2 ? ['CN'] : ['RU'] }));
    expect(r.status).toBe(201);
  }
});
afterAll(() => cleanup());

describe('reads', () => {
  it('GET /healthz', async () => {
    const r = await app.request('/healthz');
    expect(r.status).toBe(200);
    expect(await jbody(r)).toMatchObject({ status: 'ok', schema_version: expect.any(Number) });
  });
  it('lists with filters and a cursor that walks every page once', async () => {
    const ru = await jbody(app.request('/api/events?country=RU'));
    expect(ru.items.map((e: { id: string }) => e.id)).toEqual(['xx-2024-event-4', 'xx-2022-event-2', 'xx-2020-event-0']);
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = await jbody(app.request(`/api/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((e: { id: string }) => e.id));
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
  it('filters by date range and text', async () => {
    const r = await jbody(app.request('/api/events?from=2022-06&to=2023-12-31'));
    // ongoing events (end null) overlap any later window; the 2024 one starts after `to`
    expect(r.items.map((e: { id: string }) => e.id)).toEqual(['xx-2023-event-3', 'xx-2022-event-2', 'xx-2021-event-1', 'xx-2020-event-0']);
    const ended = await jbody(app.request('/api/events?from=2030'));
    expect(ended.items.map((e: { id: string }) => e.id)).toHaveLength(5);
    const q = await jbody(app.request('/api/events?q=EVENT-1'));
    expect(q.items.map((e: { id: string }) => e.id)).toEqual(['xx-2021-event-1']);
  });
  it('400 on a bad filter, naming it', async () => {
    const r = await app.request('/api/events?category=hacking');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect((await jbody(r)).errors[0].path).toBe('category');
  });
  it('404 problem for an unknown event', async () => {
    const r = await app.request('/api/events/nope-0000-missing');
    expect(r.status).toBe(404);
    expect((await jbody(r)).code).toBe('NOT_FOUND');
  });
  it('serves the OpenAPI document and a local docs page', async () => {
    const doc = await jbody(app.request('/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/events', '/api/events/{id}', '/api/events/{id}/revisions', '/api/indicators']));
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('/docs/assets/swagger-ui-bundle.js');
    expect((await app.request('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});

describe('writes need a token', () => {
  it('401 without a token, 403 with a wrong one, 403 once revoked', async () => {
    expect((await post('/api/events', sampleEvent({ id: 'xx-2020-a' }), { 'content-type': 'application/json' })).status).toBe(401);
    expect((await post('/api/events', sampleEvent({ id: 'xx-2020-a' }), auth('spl_000000000000_wrong'))).status).toBe(403);
    const t2 = await createToken({ store, clock }, 'to revoke', { scopes: ['admin'], createdBy: 'test' });
    expect((await post('/api/events', sampleEvent({ id: 'xx-2020-b' }), auth(t2.token))).status).toBe(201);
    await revokeToken({ store, clock }, t2.record.id, 'test');
    const r = await post('/api/events', sampleEvent({ id: 'xx-2020-c' }), auth(t2.token));
    expect(r.status).toBe(403);
    expect((await jbody(r)).detail).toMatch(/revoked/);
  });
  it('stores only a hash of the token', async () => {
    const rows = await store.tokens.list();
    expect(rows.every((t) => /^[0-9a-f]{64}$/.test(t.hash) && !token.includes(t.hash))).toBe(true);
  });
});

describe('validation: 400 naming the field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['unknown country', { countries: ['XQ'] }, 'countries.0'],
    ['unknown region', { regions: ['RU-ZZZ'] }, 'regions.0'],
    ['end before start', { start: '2020-02-01', end: '2020-01-01' }, 'end'],
    ['missing source', { sources: [] }, 'sources'],
    ['bad url', { sources: [{ url: 'ftp//x', title: 't', publisher: 'p' }] }, 'sources.0.url'],
    ['unknown category', { category: 'weather' }, 'category'],
  ];
  for (const [name, over, path] of cases) {
    it(name, async () => {
      const r = await post('/api/events', sampleEvent({ id: 'xx-2020-invalid', ...over }));
      expect(r.status).toBe(400);
      const p = await jbody(r);
      expect(p.errors.map((e: { path: string }) => e.path)).toContain(path);
    });
  }
  it('malformed JSON is a 400', async () => {
    const r = await post('/api/events', '{"title": ');
    expect(r.status).toBe(400);
    expect((await jbody(r)).detail).toMatch(/JSON/);
  });
  it('a body over 1 MB is a 413', async () => {
    const r = await post('/api/events', sampleEvent({ id: 'xx-2020-big', summary: 'x'.repeat(1_100_000) }));
    expect(r.status).toBe(413);
  });
});

describe('updates, revisions, retraction', () => {
  it('updates with If-Match, refuses a stale revision with 412 (none at all 428) and never overwrites', async () => {
    const id = 'xx-2020-event-0';
    const cur = await app.request(`/api/events/${id}`);
    expect(cur.headers.get('etag')).toBe('"1"');
    const body = { ...sampleEvent({ id }), title: 'Edited title', reason: 'fix title' };
    const ok = await app.request(`/api/events/${id}`, { method: 'PUT', headers: { ...auth(), 'if-match': '"1"' }, body: JSON.stringify(body) });
    expect(ok.status).toBe(200);
    const stale = await app.request(`/api/events/${id}`, {
      method: 'PUT',
      headers: { ...auth(), 'if-match': '"1"' },
      body: JSON.stringify({ ...body, title: 'Lost update' }),
    });
    expect(stale.status).toBe(412);
    expect((await jbody(app.request(`/api/events/${id}`))).title).toBe('Edited title');
    // an If-Match that is no ETag (*, a weak tag): the 412 quotes the event's ETag as it is now, which then matches
    for (const bad of ['*', 'W/"2"']) {
      const r = await app.request(`/api/events/${id}`, { method: 'PUT', headers: { ...auth(), 'if-match': bad }, body: JSON.stringify(body) });
      expect(r.status).toBe(412);
      expect(((await r.json()) as { detail: string }).detail).toContain(`now ${(await app.request(`/api/events/${id}`)).headers.get('etag')}`);
    }
    // no revision at all is a missing precondition (428), not a failed one
    const noMatch = await app.request(`/api/events/${id}`, { method: 'PUT', headers: auth(), body: JSON.stringify(body) });
    expect(noMatch.status).toBe(428);
  });
  it('keeps every revision with actor, reason and the full previous state', async () => {
    const h = await jbody(app.request('/api/events/xx-2020-event-0/revisions'));
    expect(h.items.map((r: { action: string }) => r.action)).toEqual(['create', 'update']);
    expect(h.items[1].reason).toBe('fix title');
    expect(h.items[1].actor).toMatch(/^token:/);
    expect(h.items[1].previous.title).toBe('A synthetic test event');
  });
  it('retraction needs a reason, hides the event by default and keeps it', async () => {
    const id = 'xx-2021-event-1';
    expect((await post(`/api/events/${id}/retract`, {})).status).toBe(400);
    expect((await post(`/api/events/${id}/retract`, { reason: 'duplicate of another entry' })).status).toBe(200);
    const list = await jbody(app.request('/api/events?country=CN'));
    expect(list.items.map((e: { id: string }) => e.id)).not.toContain(id);
    const all = await jbody(app.request('/api/events?country=CN&include_retracted=true'));
    expect(all.items.find((e: { id: string }) => e.id === id).status).toBe('retracted');
    expect((await post(`/api/events/${id}/retract`, { reason: 'again' })).status).toBe(409);
  });
});

describe('exports', () => {
  it('CSV quotes cells with commas, quotes and line breaks', async () => {
    await post('/api/events', sampleEvent({ id: 'xx-2019-csv-trap', summary: 'line one\nline "two", three' }));
    const csv = await (await app.request('/api/export/events.csv?q=csv-trap')).text();
    expect(csv.split('\r\n')[0]).toMatch(/^id,title,summary,category/);
    expect(csv).toContain('"line one\nline ""two"", three"');
  });
  it('NDJSON and JSON carry full documents', async () => {
    const nd = (await (await app.request('/api/export/events.ndjson?country=RU')).text()).trim().split('\n');
    expect(nd.length).toBeGreaterThan(0);
    expect(JSON.parse(nd[0]!).sources[0].url).toBe('https://example.org/source');
    const js = await jbody(app.request('/api/export/events.json?country=CN'));
    expect(js.items.every((e: { countries: string[] }) => e.countries.includes('CN'))).toBe(true);
  });
  it('Parquet that DuckDB reads back with the same rows', async () => {
    const r = await app.request('/api/export/events.parquet?country=RU');
    const buf = Buffer.from(await r.arrayBuffer());
    expect(buf.subarray(0, 4).toString()).toBe('PAR1');
    const file = join(mkdtempSync(join(tmpdir(), 'pq-')), 'e.parquet');
    writeFileSync(file, buf);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const rows = (await conn.runAndReadAll(`SELECT id, revision FROM read_parquet('${file}') ORDER BY id`)).getRowObjectsJS();
    const json = await jbody(app.request('/api/export/events.json?country=RU'));
    expect(rows.map((x) => x.id)).toEqual(json.items.map((e: { id: string }) => e.id).sort());
    conn.closeSync();
    db.closeSync();
  });
});

describe('indicator exports', () => {
  it('exports values with their own sources, as CSV and Parquet', async () => {
    const { saveSeries } = await import('../../src/ledger/index.js');
    const src = (url: string) => ({ url, title: 't', publisher: 'p', published: null, archive_url: null, locator: null });
    await saveSeries(
      store,
      [
        {
          id: 'xx-cases',
          title: 'Synthetic cases',
          description: '',
          unit: 'cases',
          country: 'RU',
          values: [
            { period: '2019', value: 53, source: src('https://a.example/'), note: null },
            { period: '2019', value: 57, source: src('https://b.example/'), note: 'restated' },
          ],
        },
      ],
      'test',
    );
    const csv = await (await app.request('/api/export/indicators.csv?id=xx-cases')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',').slice(4, 8).join(','))).toEqual(['2019,53,true,https://a.example/', '2019,57,true,https://b.example/']);
    const pq = Buffer.from(await (await app.request('/api/export/indicators.parquet?country=RU')).arrayBuffer());
    expect(pq.subarray(0, 4).toString()).toBe('PAR1');
  });
});
