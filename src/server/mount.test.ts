/**
 * The generic HTTP mount: query strings coerced once by the schema's field types, path and
 * body merged into one validated input, writes refused without a token; and the invariants
 * every declared operation keeps (unique names, a real output schema when bound to HTTP).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { check, defineOp, isReport, schemaColumns, type AnyOp } from '../op/index.js';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { apiGuard } from './auth.js';
import type { AppDeps } from './deps.js';
import { coercerFor, mountOps, nextPageUrl } from './mount.js';
import { newRouter } from './openapi.js';
import { ALL_OPS } from './ops/index.js';
import { problemResponse } from './problem.js';

const echo = defineOp({
  name: 'test.echo',
  summary: 'echo the coerced input',
  write: false,
  input: z.object({
    id: z.string(),
    cc: check.countryCode.optional(),
    n: z.number().int().optional(),
    on: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
    nums: z.array(z.number()).optional(),
  }),
  output: z.object({ input: z.record(z.string(), z.unknown()) }),
  http: { method: 'get', path: '/api/test/{id}' },
  run: async (_ctx, input) => ({ input }),
});
const decimal = defineOp({
  name: 'test.decimal',
  summary: 'echo a number read by check.number',
  write: false,
  input: z.object({ x: check.number().optional() }),
  output: z.object({ input: z.record(z.string(), z.unknown()) }),
  http: { method: 'get', path: '/api/test-decimal' },
  run: async (_ctx, input) => ({ input }),
});
const write = defineOp({
  name: 'test.write',
  summary: 'a write',
  write: true,
  input: z.object({ id: z.string(), reason: z.string().min(3) }),
  output: z.object({ id: z.string(), reason: z.string(), actor: z.string() }),
  http: { method: 'post', path: '/api/test/{id}/note' },
  run: async (ctx, { id, reason }) => ({ id, reason, actor: ctx.actor }),
});

function app() {
  const deps: AppDeps = {
    store: { ledger: { getTokenByHash: async () => null } } as unknown as Store,
    clock: fixedClock('2026-01-01T00:00:00Z'),
    dbPath: ':memory:',
  };
  const a = newRouter();
  a.onError((e, c) => problemResponse(c, e));
  a.use('/api/*', apiGuard(deps));
  mountOps(a, deps, [echo, decimal, write] as AnyOp[]);
  return a;
}

describe('query-string coercion', () => {
  it('booleans, numbers and lists by the field type; strings as given', () => {
    expect(coercerFor(z.boolean().optional())(['yes'])).toBe(true);
    expect(coercerFor(z.boolean().default(false))(['0'])).toBe(false);
    expect(coercerFor(z.boolean())(['maybe'])).toBe('maybe');
    expect(coercerFor(z.number().int().min(1).optional())(['25'])).toBe(25);
    expect(coercerFor(z.number())([''])).toBe('');
    // numbers are plain decimals: hex, Infinity and NaN stay text, for the schema to refuse by name
    for (const v of ['0x10', ' ', 'Infinity', 'NaN', '0b1']) expect(coercerFor(z.number().optional())([v])).toBe(v);
    expect(coercerFor(z.number())(['1e3'])).toBe(1000);
    // a whole-number field takes digits only: an exponent, a point or a blank stays text, for the schema to refuse
    for (const v of ['1e2', ' 5', '5 ', '2.0']) expect(coercerFor(z.number().int().min(1).optional())([v]), v).toBe(v);
    expect(coercerFor(z.number().int())(['-7'])).toBe(-7);
    expect(coercerFor(z.number())(['-.5'])).toBe(-0.5);
    expect(coercerFor(z.array(z.string()).optional())(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(coercerFor(z.array(z.number()))(['1,2'])).toEqual([1, 2]);
    // an empty value stays, so the schema refuses it as it does on the CLI and /api/_ops
    expect(coercerFor(z.array(z.string()).optional())([''])).toEqual(['']);
    expect(coercerFor(z.array(z.string()).optional())(['a,,b'])).toEqual(['a', '', 'b']);
    expect(coercerFor(z.string().optional())(['007'])).toBe('007');
  });
  it('over HTTP: one validated input from path and query, bad values named', async () => {
    const ok = await app().request('/api/test/x1?cc=ru&n=3&on=true&tags=a,b&tags=c&nums=1,2');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ input: { id: 'x1', cc: 'RU', n: 3, on: true, tags: ['a', 'b', 'c'], nums: [1, 2] } });
    for (const [url, path, message] of [
      ['/api/test/x1?n=0x10', 'n', 'expected number'],
      ['/api/test-decimal?x=', 'x', '"" is not a number'],
      ['/api/test-decimal?x=0x10', 'x', '"0x10" is not a number'],
      ['/api/test-decimal?x=Infinity', 'x', '"Infinity" is not a number'],
    ] as const) {
      const r = await app().request(url);
      expect(r.status, url).toBe(400);
      expect(((await r.json()) as { errors: { path: string; message: string }[] }).errors, url).toEqual([
        expect.objectContaining({ path, message: expect.stringContaining(message) }),
      ]);
    }
    expect(await (await app().request('/api/test-decimal?x=1e1')).json()).toEqual({ input: { x: 10 } });
    const bad = await app().request('/api/test/x1?n=three&cc=RUS');
    expect(bad.status).toBe(400);
    const p = (await bad.json()) as { errors: { path: string }[] };
    expect(p.errors.map((e) => e.path).sort()).toEqual(['cc', 'n']);
  });
  it('a parameter the op does not take is refused, not ignored: named, with the nearest name and every accepted one', async () => {
    const res = await app().request('/api/test/x1?cc=RU&tgas=a&zzz=1&id=x2');
    expect(res.status).toBe(400);
    const p = (await res.json()) as { detail: string; errors: { path: string; message: string }[]; unknown: string[]; accepted: string[] };
    expect(p.detail).toBe('unknown query parameters "tgas" (did you mean tags?), "zzz", "id" for test.echo; it takes cc, n, on, tags, nums');
    expect(p.errors).toEqual([
      { path: 'tgas', pointer: '/tgas', message: 'unknown query parameter; did you mean tags?' },
      { path: 'zzz', pointer: '/zzz', message: 'unknown query parameter' },
      { path: 'id', pointer: '/id', message: 'unknown query parameter' },
    ]);
    expect([p.unknown, p.accepted]).toEqual([
      ['tgas', 'zzz', 'id'],
      ['cc', 'n', 'on', 'tags', 'nums'],
    ]);
  });
  it('writes need a token before the body is read', async () => {
    const res = await app().request('/api/test/x1/note', { method: 'POST', body: 'not json' });
    expect(res.status).toBe(401);
  });
});

describe('declared operations', () => {
  it('have unique names', () => {
    const names = ALL_OPS.map((o) => o.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
  it('bound to HTTP, publish a real output schema (an object, never a bare record)', () => {
    const bound = ALL_OPS.filter((o) => o.http);
    expect(bound.filter((o) => isReport(o.output)).map((o) => o.name)).toEqual([]);
    const bareRecord = bound.filter((o) => (o.output as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'record');
    expect(bareRecord.map((o) => o.name)).toEqual([]);
  });
  it('with rows, name a field of their answer (a report names its columns), carry fields of it, and an export that is an op', () => {
    const wrong: string[] = [];
    for (const op of ALL_OPS.filter((o) => o.rows)) {
      const rows = op.rows!;
      const shape = (op.output as unknown as { shape?: Record<string, unknown> }).shape;
      // A dotted key (a list inside the answer) starts at one of its fields.
      const top = rows.key.split('.')[0]!;
      if (shape ? !(top in shape) : schemaColumns(op.output, rows).length === 0) wrong.push(`${op.name}: ${rows.key} is not in its answer`);
      for (const k of rows.carry ?? []) if (shape && !(k in shape)) wrong.push(`${op.name}: carries ${k}, not in its answer`);
      if (rows.export && !ALL_OPS.some((o) => o.name === rows.export)) wrong.push(`${op.name}: export ${rows.export} is no op`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the published parameters of GET /api/cost and /api/cost/regions', () => {
  it('mark country and type required, as the routes refuse a request without them', () => {
    const a = newRouter();
    mountOps(
      a,
      { store: {} as Store, clock: fixedClock('2026-01-01T00:00:00Z'), dbPath: ':memory:' },
      ALL_OPS.filter((o) => o.name.startsWith('cost.')),
    );
    const doc = a.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'test', version: '0' } });
    for (const path of ['/api/cost', '/api/cost/regions']) {
      const params = (doc.paths?.[path]?.get?.parameters ?? []) as { name: string; required?: boolean }[];
      expect([path, params.filter((p) => p.required).map((p) => p.name)]).toEqual([path, ['country', 'type']]);
    }
  });
});

describe('the next page of a file answer (Link rel="next")', () => {
  it('is the same path and query as sent, with cursor set to the next one (a cursor given is replaced, not repeated)', () => {
    expect(nextPageUrl('http://localhost/api/events?country=RU&q=a%20b&format=csv', 'c/1+=')).toBe(
      '/api/events?country=RU&q=a%20b&format=csv&cursor=c%2F1%2B%3D',
    );
    expect(nextPageUrl('http://localhost/api/measurements?cursor=old&limit=3', 'new')).toBe('/api/measurements?limit=3&cursor=new');
    expect(nextPageUrl('http://localhost/api/measurements', 'x')).toBe('/api/measurements?cursor=x');
  });
});
