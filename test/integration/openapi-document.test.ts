/**
 * /openapi.json as a client generator or an API consumer reads it: valid OpenAPI 3.1 by a
 * maintained validator (Redocly's, with the rules that matter to generated clients: unique
 * operation ids on every operation, path parameters declared, every operation answering 2xx and
 * 4xx, security said on every operation), operation ids that are the operations' names, and
 * the limits a caller meets (429 per-client, 503 pricing busy, 413 and 415 on a body, 304 on a
 * cached read) documented exactly where the server answers them.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ALL_OPS } from '../../src/server/ops/index.js';
import type { Store } from '../../src/store/index.js';
import { createToken } from '../../src/ledger/index.js';
import { clock, listenLocal, tempStore } from '../helpers/index.js';

type Operation = { operationId?: string; responses: Record<string, unknown>; security?: unknown[] };
type Doc = { paths: Record<string, Record<string, Operation>> };

let store: Store;
let cleanup: () => Promise<void>;
let doc: Doc;

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  doc = (await (await createApp({ store, clock, dbPath: ':memory:' }).request('/openapi.json')).json()) as Doc;
});
afterAll(async () => cleanup());

const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

const RULES = [
  'operation-operationId',
  'operation-operationId-unique',
  'operation-operationId-url-safe',
  'path-parameters-defined',
  'no-unresolved-refs',
  'operation-2xx-response',
  'operation-4xx-response',
  'no-identical-paths',
  'no-ambiguous-paths',
  'operation-parameters-unique',
  'no-path-trailing-slash',
  'security-defined',
];

describe('/openapi.json', () => {
  it('is valid OpenAPI 3.1 with the rules generated clients rely on (Redocly)', async () => {
    const config = await createConfig({ extends: ['spec'], rules: Object.fromEntries(RULES.map((r) => [r, 'error'])) });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
    expect(problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)).toEqual([]);
  });

  it('names each operation bound to HTTP by its operation name (the CLI and /api/_ops use the same)', () => {
    const ids = new Map(operations().map(({ path, method, op }) => [`${method.toUpperCase()} ${path}`, op.operationId]));
    for (const o of ALL_OPS.filter((x) => x.http)) expect(ids.get(`${o.http!.method.toUpperCase()} ${o.http!.path}`), o.name).toBe(o.name);
  });

  it('lists the routes plain handlers answer: /healthz, the feeds, and POST /api/_ops/{name} with every operation and its scope', () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/feeds/{name}', '/feeds/{cc}/{name}', '/api/_ops/{name}']));
    const run = doc.paths['/api/_ops/{name}']!.post! as Operation & { parameters: { name: string; schema: { enum: string[] } }[]; description: string };
    expect(run.security).toEqual([{ bearerAuth: [] }]);
    expect(run.parameters.find((p) => p.name === 'name')!.schema.enum.sort()).toEqual([...ALL_OPS.map((o) => o.name)].sort());
    expect(run.description).toContain('`tokens.create`: admin scope');
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
  });

  it('says 429 exactly where an anonymous client is rate-limited, and what needs a token', async () => {
    // No heavy request allowed: every limited route answers 429 at once.
    const { base, close } = await listenLocal(createApp({ store, clock, dbPath: ':memory:', limits: { heavyPerWindow: 0, heavyWindowMs: 60_000 } }));
    try {
      for (const { path, method, op } of operations().filter((o) => o.method === 'get' || o.path === '/api/cost')) {
        const url = `${base}${path.replace(/\{[^}]+\}/g, 'x')}`;
        const res = await fetch(url, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          body: method === 'get' ? undefined : '[]',
        });
        await res.arrayBuffer();
        const documented = '429' in op.responses;
        expect([method, path, res.status === 429], 'answers 429 without documenting it, or documents it and never answers it').toEqual([
          method,
          path,
          documented,
        ]);
        // A limited route takes an optional token (it lifts the limit); a route that refuses an anonymous
        // caller (401: the reject listings) says it needs one; other public routes need none.
        const security = res.status === 401 ? [{ bearerAuth: [] }] : documented ? [{}, { bearerAuth: [] }] : [];
        expect([method, path, op.security]).toEqual([method, path, security]);
      }
    } finally {
      close();
    }
  });

  it('says 413 and 415 exactly where a body is refused for its size or its type, on every route that takes one', async () => {
    const { token } = await createToken({ store, clock }, 'SYNTHETIC-admin', { scopes: ['admin'], createdBy: 'test' });
    // uploads take their file as the body: a small upload limit, so a 2 MB body is over it there too
    const app = createApp({ store, clock, dbPath: ':memory:', limits: { maxUploadBytes: 1000 } });
    const writes = operations().filter(({ method }) => method !== 'get');
    expect(writes.length).toBeGreaterThan(8);
    for (const { path, method, op } of writes) {
      const upload = path.startsWith('/api/_uploads/');
      const url = `${path.replace('{name}', 'db.info').replace(/\{[^}]+\}/g, 'x')}${upload ? '?filename=x.csv' : ''}`;
      const send = async (type: string, body: string) => {
        const r = await app.request(url, { method: method.toUpperCase(), headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
        await r.arrayBuffer();
        return r.status;
      };
      // a body a browser form or page may send without asking: text/plain (JSON in it or not)
      const plain = await send('text/plain', '{}');
      const big = await send(upload ? 'application/octet-stream' : 'application/json', 'x'.repeat(2 * 1024 * 1024));
      expect([method, path, plain === 415, big === 413]).toEqual([method, path, '415' in op.responses, '413' in op.responses]);
      expect([method, path, '415' in op.responses, '413' in op.responses]).toEqual([method, path, true, true]);
    }
  });

  it('says 304 exactly where an anonymous read is answered Not Modified for the ETag it was given', async () => {
    const app = createApp({ store, clock, dbPath: ':memory:' });
    let answered = 0;
    for (const { path, op } of operations().filter(({ method }) => method === 'get')) {
      const url = path.replace(/\{[^}]+\}/g, 'x');
      const first = await app.request(url);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      const documented = '304' in op.responses;
      // a route that answers nothing to revalidate here (an unknown id: 404) is checked by what it documents only
      if (first.status !== 200 || !etag) continue;
      answered++;
      const again = await app.request(url, { headers: { 'if-none-match': etag } });
      await again.arrayBuffer();
      expect(['GET', path, again.status === 304], 'answers 304 without documenting it, or documents it and never answers it').toEqual([
        'GET',
        path,
        documented,
      ]);
    }
    // 19 routes answer 200 on an empty store (2026-12-07)
    expect(answered).toBeGreaterThanOrEqual(19);
    expect(Object.keys(doc.paths['/api/events']!.get!.responses)).toContain('304');
    // its own ETag (the revision, for If-Match) is never answered 304: the body carries links that change without a revision
    expect(Object.keys(doc.paths['/api/events/{id}']!.get!.responses)).not.toContain('304');
  });

  it('says 503 on every route that prices scenarios and on /healthz (no shard answers), on every upload (its folder refused), and the Problem document names its extra fields', () => {
    const all = operations().filter(({ op }) => '503' in op.responses);
    const uploads = all.filter(({ path }) => path.startsWith('/api/_uploads/'));
    expect(uploads.map(({ path }) => path.slice('/api/_uploads/'.length)).sort()).toEqual(
      operations()
        .filter(({ path }) => path.startsWith('/api/_uploads/'))
        .map(({ path }) => path.slice('/api/_uploads/'.length))
        .sort(),
    );
    expect(uploads.length).toBeGreaterThan(0);
    const priced = all.filter(({ path }) => !path.startsWith('/api/_uploads/')).map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(priced.sort()).toEqual([
      'GET /api/cost',
      'GET /api/cost/compare',
      'GET /api/cost/events',
      'GET /api/cost/regions',
      'GET /api/events/{id}/cost',
      'GET /healthz',
      'POST /api/_ops/{name}', // the cost.* operations by name
      'POST /api/cost',
    ]);
    const problem = (doc as unknown as { components: { schemas: { Problem: { properties: object; additionalProperties?: unknown } } } }).components.schemas
      .Problem;
    expect(Object.keys(problem.properties)).toContain('instance');
    expect(problem.additionalProperties).toBeDefined();
  });
});
