/**
 * Unknown query parameters: which accepted name a mistyped one was meant as, the refusal's
 * wording and fields, a walk of the OpenAPI document so that every route, a new one
 * included, is held to it, and every URL with a query string in README.md and docs/ sent to
 * the app, so that no example shows a parameter the route refuses.
 */
import { describe, expect, it } from 'vitest';
import { docExamples, exampleUrls } from '../../test/helpers/doc-examples.js';
import { appOnTempStore } from '../../test/helpers/index.js';
import { isAppError } from '../shared/index.js';
import { ALL_OPS } from './ops/index.js';
import { nearestNames, osaDistance, queryNames, refuseUnknownParams } from './unknown-params.js';

const EVENTS = ['country', 'region', 'category', 'subtype', 'from', 'to', 'q', 'include_retracted', 'status', 'origin', 'cursor', 'limit'];
const MEASUREMENTS = ['cc', 'asn', 'test_name', 'target', 'since', 'until', 'status', 'limit', 'cursor'];

// One app on an empty store for the routes below (an admin token: every route is open to it).
const env = appOnTempStore();

describe('nearestNames', () => {
  it('typos, another case, a dash, a prefix', () => {
    expect(osaDistance('contry', 'country', 2)).toBe(1);
    expect(osaDistance('catgeory', 'category', 2)).toBe(1); // a swap of neighbours is one edit
    expect(osaDistance('abcdefgh', 'zz', 2)).toBe(3);
    expect(nearestNames('contry', EVENTS)).toEqual(['country']);
    expect(nearestNames('catgeory', EVENTS)).toEqual(['category']);
    expect(nearestNames('Country', EVENTS)).toEqual(['country']);
    expect(nearestNames('include-retracted', EVENTS)).toEqual(['include_retracted']);
    expect(nearestNames('include', EVENTS)).toEqual(['include_retracted']);
    expect(nearestNames('limt', EVENTS)).toEqual(['limit']);
    expect(nearestNames('test', MEASUREMENTS)).toEqual(['test_name']);
  });
  it("another route's name for the same filter", () => {
    expect(nearestNames('country', MEASUREMENTS)).toEqual(['cc']);
    expect(nearestNames('cc', EVENTS)).toEqual(['country']);
    expect(nearestNames('probe_cc', MEASUREMENTS)).toEqual(['cc']);
    expect(nearestNames('since', EVENTS)).toEqual(['from']);
    expect(nearestNames('until', EVENTS)).toEqual(['to']);
    expect(nearestNames('from', MEASUREMENTS)).toEqual(['since']);
  });
  it('nothing for a name close to none', () => {
    expect(nearestNames('bust', EVENTS)).toEqual([]);
    expect(nearestNames('_', EVENTS)).toEqual([]);
    expect(nearestNames('format', [])).toEqual([]);
  });
});

describe('refuseUnknownParams', () => {
  const refusal = (url: string, accepted: string[]) => {
    try {
      refuseUnknownParams(url, accepted, 'events.list');
    } catch (e) {
      if (isAppError(e)) return e;
      throw e;
    }
    return null;
  };
  it('accepted names, repeated or empty, pass', () => {
    expect(refusal('/api/events?country=RU&country=CN&q=', EVENTS)).toBeNull();
    expect(refusal('/api/events', EVENTS)).toBeNull();
    expect(refusal('/api/events?', [])).toBeNull();
  });
  it('each unknown name once, in the order sent; percent-escaped names read decoded', () => {
    expect(queryNames('/x?b=1&a=2&b=3&%63ontry=RU')).toEqual(['b', 'a', 'contry']);
    const e = refusal('/api/events?contry=RU&limit=5&contry=CN&bust=1', EVENTS)!;
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe(`unknown query parameters "contry" (did you mean country?), "bust" for events.list; it takes ${EVENTS.join(', ')}`);
    expect(e.issues).toEqual([
      { path: ['contry'], message: 'unknown query parameter; did you mean country?' },
      { path: ['bust'], message: 'unknown query parameter' },
    ]);
    expect(e.details).toEqual({ unknown: ['contry', 'bust'], accepted: EVENTS });
  });
  it('a route that takes none says so', () => {
    expect(refusal('/api/events?format=csv', [])!.message).toBe('unknown query parameter "format" for events.list; it takes no query parameters');
  });
});

describe('every documented API operation refuses a parameter it does not take', () => {
  type Param = { name: string; in: string; schema?: { enum?: string[] } };
  type Doc = { paths: Record<string, Record<string, { operationId: string; parameters?: Param[] }>> };
  interface Refusal {
    code: string;
    detail: string;
    errors: { path: string }[];
    unknown: string[];
    accepted: string[];
  }

  it('walks /openapi.json: each method and path under /api answers 400 naming the parameter, and takes what the document lists', async () => {
    const doc = (await (await env.app.request('/openapi.json')).json()) as Doc;
    const seen: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        const params = op.parameters ?? [];
        // a path parameter that names something (the op of an upload) takes a real name; the rest any text
        const url = path.replace(/\{(\w+)\}/g, (_, k: string) => params.find((p) => p.name === k)?.schema?.enum?.[0] ?? (k === 'name' ? 'events.list' : 'x'));
        const res = await env.app.request(`${url}?zz_unknown=1`, {
          method: method.toUpperCase(),
          headers: {
            authorization: `Bearer ${env.token}`,
            'content-type': path.startsWith('/api/_uploads/') ? 'application/octet-stream' : 'application/json',
          },
          ...(method === 'get' ? {} : { body: '{}' }),
        });
        const p = (await res.json()) as Refusal;
        seen.push(op.operationId);
        expect([op.operationId, res.status, p.code, p.unknown, p.errors.map((e) => e.path)]).toEqual([
          op.operationId,
          400,
          'VALIDATION',
          ['zz_unknown'],
          ['zz_unknown'],
        ]);
        const documented = params.filter((x) => x.in === 'query').map((x) => x.name);
        expect([op.operationId, [...p.accepted].sort()]).toEqual([op.operationId, documented.sort()]);
      }
    }
    // every op bound to HTTP was walked, the hand-written routes (exports, events.add/edit/retract) too
    for (const op of ALL_OPS) if (op.http) expect(seen).toContain(op.name);
    expect(seen).toEqual(
      expect.arrayContaining(['events.add', 'events.edit', 'events.retract', 'events.export.csv', 'measurements.export.parquet', 'uploads.elections.import']),
    );
  });

  it('a mistyped filter is refused with the name meant, where it used to answer for every country', async () => {
    const res = await env.app.request('/api/events?contry=RU');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const p = (await res.json()) as Refusal;
    expect(p.detail).toMatch(/^unknown query parameter "contry" \(did you mean country\?\) for events\.list; it takes country, region, category, /);
    const cc = (await (await env.app.request('/api/measurements?country=RU')).json()) as Refusal;
    expect(cc.detail).toMatch(/"country" \(did you mean cc\?\) for measurements\.list/);
  });
});

describe('the feeds (outside /api) refuse query parameters the same way', () => {
  it('each feed form: 400 problem+json naming the parameter; without one, the feed', async () => {
    for (const path of ['/feeds/events.atom', '/feeds/drafts.json', '/feeds/RU.atom', '/feeds/RU/drafts.json']) {
      const res = await env.app.request(`${path}?utm_source=reader&since=2024`);
      const p = (await res.json()) as { code: string; detail: string; unknown: string[]; accepted: string[] };
      expect([path, res.status, res.headers.get('content-type'), p.code, p.unknown, p.accepted]).toEqual([
        path,
        400,
        'application/problem+json',
        'VALIDATION',
        ['utm_source', 'since'],
        [],
      ]);
      expect(p.detail).toBe(`unknown query parameters "utm_source", "since" for feed ${path.slice('/feeds/'.length)}; it takes no query parameters`);
      expect((await env.app.request(path)).status).toBe(200);
    }
    // the path is still judged after the query: a feed that does not exist is a 404 without one
    expect((await env.app.request('/feeds/XX.atom')).status).toBe(404);
  });
});

describe('the HTTP examples in README.md and docs/', () => {
  /** Examples the docs show being refused, with the names refused. */
  const REFUSED: Record<string, string[]> = { '/api/events?contry=RU': ['contry'], '/api/detections?bust=N': ['bust'] };

  it('extracts URLs as written in Markdown', () => {
    const text = '`GET /api/cost/regions?...` · `GET /api/export/events.{csv,json}?country=RU` | `/api/x?a=&format=csv\\|ndjson` (`/feeds/a.atom?b=1`).';
    expect(exampleUrls(text)).toEqual([
      '/api/cost/regions?',
      '/api/export/events.csv?country=RU',
      '/api/export/events.json?country=RU',
      '/api/x?a=&format=csv|ndjson',
      '/feeds/a.atom?b=1',
    ]);
  });

  it('every URL with a query string matches a route that takes each name it sends', async () => {
    const seen = docExamples();
    // Not a vacuous pass: there were 37 when this was written.
    expect(seen.size).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const [raw, where] of seen) {
      // A path parameter (`:id`, `{id}`, `ID`) is any value: the names are checked before the id is looked up.
      // an upload's op placeholder (`{op}`) is a real upload op: the names are checked after the op is found
      const url = raw.replace(/^\/api\/_uploads\/\{\w+\}/, '/api/_uploads/events.import').replace(/\/(:\w+|\{\w+\}|ID)(?=[/?])/g, '/x');
      // Uploads are POSTs; their query names are checked before the body is read (an empty one is refused after).
      const upload = url.startsWith('/api/_uploads/');
      const res = await env.app.request(
        url,
        upload ? { method: 'POST', headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/octet-stream' } } : {},
      );
      const p = (await res.json().catch(() => ({}))) as { detail?: string; unknown?: string[] };
      const unknown = p.unknown ?? [];
      if (/^no route /.test(p.detail ?? '')) wrong.push(`${where} ${raw}: ${p.detail}`);
      else if (JSON.stringify(unknown) !== JSON.stringify(REFUSED[raw] ?? [])) wrong.push(`${where} ${raw}: ${res.status} ${p.detail ?? ''}`);
    }
    expect(wrong).toEqual([]);
    // the examples of a refusal are still in the docs
    for (const url of Object.keys(REFUSED)) expect([url, seen.has(url)]).toEqual([url, true]);
  });
});

describe('names that are members of every JavaScript object are unknown names like any other', () => {
  // SYNTHETIC names: each is an Object.prototype member a plain-object lookup would find
  const MEMBERS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
  type Doc = { paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>> };
  interface Refusal {
    code: string;
    unknown: string[];
  }

  it('nearestNames and refuseUnknownParams: no hint from Object.prototype, the name is refused', () => {
    for (const m of MEMBERS) {
      expect(nearestNames(m, ['country', 'limit'])).toEqual([]);
      expect(() => refuseUnknownParams(`/x?${m}=1`, ['country'], 'events.list')).toThrow(`unknown query parameter "${m}"`);
    }
  });

  it('every route under /api and the feeds: 400 naming the query parameter, and the JSON body key of non-GET routes', async () => {
    const doc = (await (await env.app.request('/openapi.json')).json()) as Doc;
    const paths = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/') || p.startsWith('/feeds/'));
    for (const [path, methods] of paths) {
      for (const [method, op] of Object.entries(methods)) {
        const url = path.replace(/\{(\w+)\}/g, (_, k: string) =>
          k === 'name' ? (path.startsWith('/api/_uploads/') ? 'signals.import' : 'events.list') : k === 'cc' ? 'RU' : 'x',
        );
        const headers = {
          authorization: `Bearer ${env.token}`,
          'content-type': path.startsWith('/api/_uploads/') ? 'application/octet-stream' : 'application/json',
        };
        for (const m of MEMBERS) {
          const res = await env.app.request(`${url}?${m}=1`, { method: method.toUpperCase(), headers, ...(method === 'get' ? {} : { body: '{}' }) });
          const p = (await res.json()) as Refusal;
          expect([op.operationId, m, res.status, p.code, p.unknown]).toEqual([op.operationId, m, 400, 'VALIDATION', [m]]);
        }
        if (method === 'get' || path.startsWith('/api/_uploads/') || !op.requestBody) continue;
        for (const m of MEMBERS) {
          const res = await env.app.request(url, { method: method.toUpperCase(), headers, body: `{"${m}":1}` });
          const p = (await res.json()) as Refusal;
          expect([op.operationId, m, res.status, p.code]).toEqual([op.operationId, m, 400, 'VALIDATION']);
        }
      }
    }
    for (const feed of ['/feeds/events.atom', '/feeds/events.json', '/feeds/RU/drafts.json'])
      for (const m of MEMBERS) {
        const res = await env.app.request(`${feed}?${m}=1`);
        expect([feed, m, res.status, ((await res.json()) as Refusal).unknown]).toEqual([feed, m, 400, [m]]);
      }
  });

  it('the ops endpoint: a body key named like an Object member, at the top or nested, is an unknown field', async () => {
    const post = (name: string, body: string) =>
      env.app.request(`/api/_ops/${name}`, { method: 'POST', headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' }, body });
    for (const m of MEMBERS) {
      const top = await post('db.info', `{"${m}":1}`);
      expect([m, top.status, ((await top.json()) as Refusal).unknown]).toEqual([m, 400, [m]]);
      const nested = await post('tokens.create', `{"name":"x","${m}":{"scopes":["admin"]}}`);
      expect([m, nested.status, ((await nested.json()) as Refusal).unknown]).toEqual([m, 400, [m]]);
    }
  });
});
