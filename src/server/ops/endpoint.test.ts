/**
 * POST /api/_ops/:name answers with the problem's own status (problem+json, the field named as
 * in the body) when the op fails before it reported anything; once a progress line is out, the
 * answer is a 200 NDJSON stream ending in the result or the problem.
 */
import { describe, expect, it } from 'vitest';
import { appOnTempStore } from '../../../test/helpers/index.js';
import { eventsShow } from '../../ledger/ops.js';
import { executeOp, remoteOp } from '../../op/index.js';
import { AppError, eventProgress, localGrant, silentProgress, type ProgressEvent } from '../../shared/index.js';
import { deferUntilProgress } from './endpoint.js';

const env = appOnTempStore();

const post = (name: string, body: unknown) =>
  env.app.request(`/api/_ops/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/_ops/:name', () => {
  it('refuses an unknown scope with 400 naming the body field scopes', async () => {
    const r = await post('tokens.create', { name: 'x', scopes: ['superuser'] });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    const p = (await r.json()) as { errors: { path: string }[] };
    expect(p.errors.map((e) => e.path)).toEqual(['scopes']);
  });
  it('refuses an empty list of scopes and a blank name with 400 naming the field', async () => {
    const none = await post('tokens.create', { name: 'x', scopes: [] });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('scopes');
    const blank = await post('tokens.create', { name: '  ' });
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('name');
  });
  it('answers 404 problem+json for an unknown env.token id, found only inside the run', async () => {
    const r = await post('tokens.revoke', { id: '000000000000' });
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  });
  it('a success is still a 200 NDJSON stream ending in the result', async () => {
    const r = await post('tokens.create', { name: 'ok', scopes: 'read,write' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/ndjson/);
    const last = JSON.parse((await r.text()).trim().split('\n').at(-1)!) as { type: string; result: { record: { scopes: string[] } } };
    expect(last.type).toBe('result');
    expect(last.result.record.scopes).toEqual(['read', 'write']);
  });
});

describe('deferUntilProgress', () => {
  it('settles with the outcome when the work ends before any progress', async () => {
    const bad = await deferUntilProgress(() => Promise.reject(new Error('no')), 1000);
    expect(bad).toMatchObject({ settled: { ok: false } });
    const good = await deferUntilProgress(() => Promise.resolve(7), 1000);
    expect(good).toEqual({ settled: { ok: true, value: 7 } });
  });
  it('streams from the first progress event: events before attach are replayed, the outcome follows', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const d = await deferUntilProgress(async (sink) => {
      const p = eventProgress(sink);
      p.start('work', 2);
      await gate;
      p.update(1);
      throw new Error('late');
    }, 1000);
    expect('streaming' in d).toBe(true);
    if (!('streaming' in d)) return;
    const seen: ProgressEvent[] = [];
    d.streaming.attach((e) => seen.push(e));
    release();
    const outcome = await d.streaming.outcome;
    expect(outcome.ok).toBe(false);
    expect(seen.map((e) => e.phase)).toEqual(['start', 'update']);
  });
  it('starts streaming after the wait when the work reports nothing', async () => {
    const d = await deferUntilProgress(() => new Promise((r) => setTimeout(() => r(1), 200)), 20);
    expect('streaming' in d).toBe(true);
    if ('streaming' in d) expect(await d.streaming.outcome).toEqual({ ok: true, value: 1 });
  });
});

describe('an op forwarded by the CLI (remoteOp)', () => {
  it('fails with the same error as run in-process: code, message, issues and every extra member (NOT_FOUND keeps id)', async () => {
    const caught = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as AppError,
      );
    const direct = await caught(
      executeOp(
        { store: env.t.store, clock: { now: () => new Date() }, progress: silentProgress, actor: 'cli:t', grant: localGrant('cli:t'), dbPath: env.t.path },
        eventsShow,
        { id: 'nonexistent-id' },
      ),
    );
    const fetchApp = (url: string, init?: RequestInit) => env.app.request(url.replace('http://server', ''), init);
    const real = globalThis.fetch;
    globalThis.fetch = fetchApp as typeof fetch;
    try {
      const forwarded = await caught(remoteOp('http://server', env.token, 'events.show', { id: 'nonexistent-id' }, silentProgress));
      expect(direct).toBeInstanceOf(AppError);
      expect(forwarded).toBeInstanceOf(AppError);
      expect({ code: forwarded!.code, message: forwarded!.message, issues: forwarded!.issues, details: forwarded!.details }).toEqual({
        code: direct!.code,
        message: direct!.message,
        issues: direct!.issues,
        details: direct!.details,
      });
      expect(forwarded!.details).toEqual({ id: 'nonexistent-id' });
    } finally {
      globalThis.fetch = real;
    }
  });
});

describe('the OpenAPI entry of POST /api/_ops/{name} lists the statuses it answers', () => {
  const app = appOnTempStore();
  it('409, 413, 415 and 503 besides 200/400/401/403/404; 415, 413 and 409 as answered', async () => {
    const doc = (await (await app.app.request('/openapi.json')).json()) as { paths: Record<string, { post: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths['/api/_ops/{name}']!.post.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '503']);
    const post = (name: string, body: string, type = 'application/json') =>
      app.app.request(`/api/_ops/${name}`, { method: 'POST', headers: { authorization: `Bearer ${app.token}`, 'content-type': type }, body });
    expect((await post('db.info', '{}', 'text/plain')).status).toBe(415);
    expect((await post('db.info', JSON.stringify({ pad: 'x'.repeat(1_100_000) }))).status).toBe(413);
    // SYNTHETIC token, revoked twice
    const created = await (await post('tokens.create', '{"name":"twice"}')).text();
    const { id } = (JSON.parse(created.trim().split('\n').at(-1)!) as { result: { record: { id: string } } }).result.record;
    expect((await post('tokens.revoke', JSON.stringify({ id }))).status).toBe(200);
    expect((await post('tokens.revoke', JSON.stringify({ id }))).status).toBe(409);
  });
});
