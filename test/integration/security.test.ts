/**
 * Access rules under the API, as an outside caller meets them: scopes per token, default deny
 * for every non-GET, server file reads only inside --import-dir folders, no internals to
 * anonymous readers, and the browser-facing hardening (headers, Host, Origin, JSON only).
 */
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/ledger/index.js';
import { createApp } from '../../src/server/app.js';
import { OPS } from '../../src/server/ops/index.js';
import { fixedClock, packagePath, realDirs } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { clock, listenLocal, sampleEvent, tempDir, tempStore } from '../helpers/index.js';

let store: Store;
let cleanup: () => Promise<void>;
let dirs: { dir: string; cleanup: () => void };
let importDir: string;
let app: ReturnType<typeof createApp>;
const tok: Record<string, string> = {};

const IODA = packagePath('test', 'fixtures', 'outages', 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const OONI = packagePath('test', 'fixtures', 'ooni', 'bucket-sample', 'raw', '20230530', '18', 'US', 'signal', '2023053018_US_signal.n0.0.jsonl.gz');

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  dirs = tempDir('splinternet-imports-');
  importDir = join(dirs.dir, 'imports');
  mkdirSync(importDir);
  copyFileSync(OONI, join(importDir, 'signal.jsonl.gz'));
  // A symlink inside the import folder that points outside it must not open a way out.
  symlinkSync('/etc', join(importDir, 'etc-link'));
  symlinkSync(join(dirs.dir, 'backup-outside.duckdb'), join(importDir, 'to-tmp'));
  symlinkSync('/etc/passwd', join(importDir, 'passwd.csv'));
  app = createApp({ store, clock, dbPath: '/secret/location/obs.duckdb', importDirs: realDirs([importDir]) });
  for (const s of ['read', 'write', 'import', 'admin']) tok[s] = (await createToken({ store, clock }, `${s} token`, { scopes: [s], createdBy: 'test' })).token;
});
afterAll(async () => {
  await cleanup();
  dirs.cleanup();
});

const headers = (token?: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...extra,
});
const op = (name: string, body: unknown, token?: string, extra: Record<string, string> = {}) =>
  app.request(`/api/_ops/${name}`, { method: 'POST', headers: headers(token, extra), body: JSON.stringify(body) });
/** An op's NDJSON answer: HTTP status, and the final result or problem line. */
async function opResult(res: Response): Promise<{ status: number; type?: string; result?: any; problem?: any }> {
  if (res.status !== 200) return { status: res.status, problem: await res.json() };
  const lines = (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; result?: unknown; problem?: unknown });
  const last = lines.at(-1)!;
  return { status: 200, type: last.type, result: last.result, problem: last.problem };
}

describe('scopes (read, write, import, admin)', () => {
  it('a read token gets 403 on writes; a write token writes the ledger', async () => {
    const r = await app.request('/api/events', { method: 'POST', headers: headers(tok.read), body: JSON.stringify(sampleEvent({ id: 'xx-2020-read' })) });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/"write" scope/);
    expect((await op('events.add', { event: sampleEvent({ id: 'xx-2020-read2' }) }, tok.read)).status).toBe(403);
    const w = await app.request('/api/events', { method: 'POST', headers: headers(tok.write), body: JSON.stringify(sampleEvent({ id: 'xx-2020-write' })) });
    expect(w.status).toBe(201);
  });

  it('a write token gets 403 on tokens.create, imports and seed; admin may', async () => {
    for (const [name, body] of [
      ['tokens.create', { name: 'x', scopes: ['admin'] }],
      ['tokens.revoke', { id: '000000000000' }],
      ['tokens.list', {}],
      ['db.seed', {}],
      ['db.migrate', {}],
      ['measurements.ingest', { paths: [join(importDir, 'signal.jsonl.gz')] }],
      ['registry.import', { files: [join(importDir, 'signal.jsonl.gz')] }],
      ['events.import', { file: join(importDir, 'signal.jsonl.gz') }],
      ['data.import', { kind: 'worldbank', file: join(importDir, 'signal.jsonl.gz') }],
      ['speedtests.import', { path: importDir }],
      ['fingerprints.import', { file: join(importDir, 'signal.jsonl.gz') }],
    ] as const) {
      const r = await opResult(await op(name, body, tok.write));
      expect([name, r.status]).toEqual([name, 403]);
    }
    const made = await opResult(await op('tokens.create', { name: 'made by admin', scopes: 'write,import' }, tok.admin));
    expect(made.type).toBe('result');
    expect(made.result.record).toMatchObject({ scopes: ['write', 'import'], created_by: expect.stringMatching(/^token:[0-9a-f]{12}:admin token$/) });
    const revoked = await opResult(await op('tokens.revoke', { id: made.result.record.id }, tok.admin));
    expect(revoked.type).toBe('result');
    const list = await opResult(await op('tokens.list', {}, tok.admin));
    const row = (list.result.items as { id: string; revoked_by: string; revoked_at: string; hash?: string }[]).find((t) => t.id === made.result.record.id)!;
    expect(row.revoked_by).toMatch(/^token:.*:admin token$/);
    expect(row.revoked_at).toBeTruthy();
    expect(row.hash).toBeUndefined();
  });

  it('a token with an end is refused after it (403 naming when), and an end that is past or no date is refused', async () => {
    const made = await opResult(await op('tokens.create', { name: 'reviewer', scopes: 'write', expires: '2026-01-31' }, tok.admin));
    expect(made.result.record.expires_at).toBe('2026-01-31T23:59:59.999Z');
    const write = (at: string) =>
      createApp({ store, clock: fixedClock(at), dbPath: ':memory:' }).request('/api/events', {
        method: 'POST',
        headers: headers(made.result.token as string),
        body: JSON.stringify(sampleEvent({ id: `xx-2020-exp${at.slice(5, 7)}` })),
      });
    expect((await write('2026-01-31T23:59:59.000Z')).status).toBe(201);
    const late = await write('2026-02-01T00:00:00.000Z');
    expect([late.status, ((await late.json()) as { detail: string }).detail]).toEqual([403, 'the token "reviewer" expired at 2026-01-31T23:59:59.999Z']);
    for (const expires of ['2025-12-31', 'next week']) {
      const r = await opResult(await op('tokens.create', { name: 'x', expires }, tok.admin));
      expect([expires, r.problem?.code, r.problem?.errors?.[0]?.path]).toEqual([expires, 'VALIDATION', 'expires']);
    }
    const list = await opResult(await op('tokens.list', {}, tok.admin));
    expect((list.result.items as { id: string; expires_at: string | null }[]).find((t) => t.id === made.result.record.id)?.expires_at).toBe(
      '2026-01-31T23:59:59.999Z',
    );
  });

  it('an unknown scope is a 400 naming the valid ones', async () => {
    const r = await opResult(await op('tokens.create', { name: 'x', scopes: ['root'] }, tok.admin));
    expect(r.problem.detail).toMatch(/unknown scope "root".*read, write, import, admin/);
  });

  it('anonymous: 401 on every non-GET route and every op, except the allow-list (POST /api/cost)', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== 'get')
        .map((m) => [m.toUpperCase(), p.replace(/\{[^}]+\}/g, 'x')] as const),
    );
    expect(writes.length).toBeGreaterThan(4);
    for (const [method, path] of writes) {
      const r = await app.request(path, { method, headers: headers(), body: '{}' });
      if (method === 'POST' && path === '/api/cost') expect(r.status).toBe(400);
      else expect([method, path, r.status]).toEqual([method, path, 401]);
    }
    // A route nobody declared yet is closed too (default deny), and so is every op.
    expect((await app.request('/api/anything/new', { method: 'DELETE', headers: headers() })).status).toBe(401);
    for (const name of OPS.keys()) expect([name, (await op(name, {})).status]).toEqual([name, 401]);
    // An op or upload name nobody declared, or one with a malformed escape: 401 without a token, 404 with one (never 500).
    for (const name of ['no.such', '%ZZ', '%E0%A4%A']) {
      expect([name, (await op(name, {})).status]).toEqual([name, 401]);
      expect([name, (await op(name, {}, tok.read)).status]).toEqual([name, 404]);
      const up = (token?: string) =>
        app.request(`/api/_uploads/${name}`, { method: 'POST', headers: { ...headers(token), 'content-type': 'application/octet-stream' }, body: 'x' });
      expect([name, (await up()).status, (await up(tok.import)).status]).toEqual([name, 401, 404]);
    }
  });
});

/** The scope each op needs beyond read, as docs/design/080-security.md's table says; an op needing more than read that is missing here fails the walk below. */
const NEEDS: Record<string, 'read' | 'write' | 'import' | 'admin'> = Object.fromEntries([
  ...['tokens.create', 'tokens.list', 'tokens.revoke', 'db.migrate', 'db.seed', 'db.verify', 'db.backup', 'db.derived'].map((n) => [n, 'admin']),
  ...['hooks.add', 'hooks.list', 'hooks.rotate-key', 'hooks.remove', 'hooks.deliveries', 'hooks.replay', 'hooks.deliver'].map((n) => [n, 'admin']),
  ...['events.import', 'speedtests.import', 'throughput.extract', 'measurements.ingest', 'measurements.rescore', 'measurements.agreement_files'].map((n) => [
    n,
    'import',
  ]),
  ...['fingerprints.import', 'data.import', 'registry.import', 'elections.import', 'signals.import'].map((n) => [n, 'import']),
  ...['events.add', 'events.edit', 'events.status', 'events.confirm', 'events.dismiss', 'events.geocode', 'detect.run', 'measurements.link'].map((n) => [
    n,
    'write',
  ]),
]);

describe('every op against every scope', () => {
  it('each token gets 403 exactly where the scope table says, through /api/_ops (nothing runs: the body is not an object)', async () => {
    const order = ['read', 'write', 'import', 'admin'] as const;
    for (const name of OPS.keys()) {
      const need = NEEDS[name] ?? 'read';
      for (const scope of order) {
        const allowed = scope === 'admin' || scope === need || need === 'read';
        const r = await app.request(`/api/_ops/${name}`, { method: 'POST', headers: headers(tok[scope]), body: '[]' });
        expect([name, scope, r.status]).toEqual([name, scope, allowed ? 400 : 403]);
      }
    }
  });

  it('each non-GET route of /openapi.json: write for the ledger, import for uploads, none for POST /api/cost', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    // POST /api/_ops/{name}: each operation's scope is walked by name in the test above
    for (const [path, methods] of Object.entries(doc.paths).filter(([p]) => p !== '/api/_ops/{name}')) {
      for (const method of Object.keys(methods).filter((m) => m !== 'get')) {
        const need = path === '/api/cost' ? null : path.startsWith('/api/_uploads/') ? 'import' : 'write';
        for (const scope of ['read', 'write', 'import', 'admin'] as const) {
          const upload = path.startsWith('/api/_uploads/');
          const url = upload ? '/api/_uploads/registry.import' : path.replace(/\{[^}]+\}/g, 'xx-2020-nope');
          const h = headers(tok[scope], upload ? { 'content-type': 'application/octet-stream' } : {});
          const r = await app.request(url, { method: method.toUpperCase(), headers: h, body: upload ? '' : '[]' });
          const refused = need !== null && scope !== 'admin' && scope !== need;
          expect([method, path, scope, r.status === 403]).toEqual([method, path, scope, refused]);
        }
      }
    }
  });
});

describe('server files over HTTP: only inside --import-dir', () => {
  it('403 naming the allowed folders for /etc/passwd with an import token; nothing stored', async () => {
    const r = await op('measurements.ingest', { paths: ['/etc/passwd'] }, tok.import);
    expect(r.status).toBe(403);
    const p = (await r.json()) as { detail: string; allowed_dirs: string[] };
    expect(p.detail).toContain(realDirs([importDir])[0]);
    expect(p.allowed_dirs).toEqual(realDirs([importDir]));
    const files = await opResult(await op('measurements.files', { rejects: true }, tok.read));
    expect(files.result.files).toEqual([]);
    expect(files.result.rejects).toEqual([]);
  });

  it('a symlink inside the folder that leads out, or ../ in the path, is refused', async () => {
    // Written lexically `etc-link/../etc/passwd` stays in the folder; opened, `..` leaves /etc, the link's target.
    const viaLink = `${importDir}/etc-link/../etc/passwd`;
    for (const p of [join(importDir, 'etc-link', 'passwd'), join(importDir, '..', '..', 'etc', 'passwd'), viaLink]) {
      expect((await op('measurements.ingest', { paths: [p] }, tok.import)).status).toBe(403);
    }
    for (const [name, body] of [
      ['events.import', { file: viaLink, snapshot: '2024-01-01' }],
      ['registry.import', { files: [viaLink] }],
      ['fingerprints.import', { file: viaLink }],
      ['elections.import', { files: [viaLink] }],
      ['data.import', { kind: 'worldbank', file: viaLink }],
      // a link to a file not there yet: the backup would be written through it, outside the folder
      ['db.backup', { file: join(importDir, 'to-tmp') }],
    ] as const) {
      expect([name, (await op(name, body, tok.admin)).status]).toEqual([name, 403]);
    }
    for (const [name, body] of [
      ['events.import', { file: '/etc/passwd' }],
      ['registry.import', { files: ['/etc/passwd'] }],
      ['speedtests.import', { path: '/etc' }],
      ['data.import', { kind: 'worldbank', file: '/etc/passwd' }],
      ['fingerprints.import', { file: '/etc/passwd' }],
      ['db.seed', { data_dir: '/etc' }],
    ] as const) {
      expect([name, (await op(name, body, tok.admin)).status]).toEqual([name, 403]);
    }
  });

  it('a folder walk takes regular files only: a symlinked file in the folder is not read (signals, speed tests), nor a symlinked folder db seed reads', async () => {
    // the folder's one regular file of a kind signals read is the OONI signal.jsonl.gz: the walk takes it (it is no signal export, so it fails), never the link passwd.csv
    const signals = await opResult(await op('signals.import', { paths: [importDir] }, tok.import));
    expect(JSON.stringify(signals)).not.toContain('passwd.csv');
    expect((signals.result as { files: { path: string }[] }).files.map((f) => basename(f.path))).toEqual(['signal.jsonl.gz']);
    // db seed reads the data folder's events/ and indicators/: a symlinked one is outside the folder
    const seedDir = join(importDir, 'seed-data');
    mkdirSync(seedDir);
    symlinkSync('/etc', join(seedDir, 'events'));
    const seed = await op('db.seed', { data_dir: seedDir }, tok.admin);
    expect([seed.status, ((await seed.json()) as { detail: string }).detail]).toEqual([403, expect.stringContaining('seed-data/events')]);
    const rejects = await opResult(await op('signals.rejects', {}, tok.read));
    expect(JSON.stringify(rejects.result)).not.toMatch(/root:/);
    expect(JSON.stringify(await opResult(await op('speedtests.import', { path: importDir }, tok.import)))).not.toContain('passwd.csv');
  });

  it('a file inside the folder imports; its rejects are listed only with a token', async () => {
    const r = await opResult(await op('measurements.ingest', { paths: [join(importDir, 'signal.jsonl.gz')] }, tok.import));
    expect(r.type).toBe('result');
    expect(r.result.stored).toBeGreaterThan(0);
    expect((await op('measurements.files', { rejects: true })).status).toBe(401);
  });

  it('a server without import folders refuses every server-side path over HTTP', async () => {
    const closed = createApp({ store, clock, dbPath: ':memory:' });
    const r = await closed.request('/api/_ops/measurements.ingest', { method: 'POST', headers: headers(tok.import), body: JSON.stringify({ paths: [OONI] }) });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/--import-dir/);
  });
});

describe('anonymous reads do not leak internals', () => {
  it('tokens.list and db.info need a token; GET /api/measurements/:id names the file, not its path', async () => {
    expect((await op('tokens.list', {})).status).toBe(401);
    expect((await op('db.info', {})).status).toBe(401);
    const info = await opResult(await op('db.info', {}, tok.read));
    expect(info.type).toBe('result');
    const list = (await (await app.request('/api/measurements?limit=1')).json()) as { items: { id: string }[] };
    const m = (await (await app.request(`/api/measurements/${list.items[0]!.id}`)).json()) as Record<string, unknown>;
    expect(m.path).toBeUndefined();
    expect(m.file).toBe('signal.jsonl.gz');
    expect(JSON.stringify(m)).not.toContain(dirs.dir);
  });
  it('GET /api/signals/series and /api/signals/points name a signal file, not its path on the server', async () => {
    copyFileSync(IODA, join(importDir, 'ioda.csv'));
    const imported = await opResult(await op('signals.import', { paths: [join(importDir, 'ioda.csv')], cc: 'IR' }, tok.import));
    expect(imported.type).toBe('result');
    const series = (await (await app.request('/api/signals/series')).json()) as { files: { path: string }[] };
    // the earlier folder walk's signal.jsonl.gz keeps its record too: every file is named by its name alone
    expect(series.files.map((f) => f.path).sort()).toEqual(['ioda.csv', 'signal.jsonl.gz']);
    const points = (await (await app.request('/api/signals/points?limit=3')).json()) as { items: { source_file: string }[] };
    expect(points.items.map((p) => p.source_file)).toEqual(['ioda.csv', 'ioda.csv', 'ioda.csv']);
    expect(JSON.stringify([series, points])).not.toContain(dirs.dir);
  });
});

describe('browser-facing hardening', () => {
  it('security headers with a CSP on pages and API answers', async () => {
    for (const path of ['/docs', '/api/events?limit=1', '/healthz']) {
      const r = await app.request(path);
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
  it('an unknown Host is refused (DNS rebinding)', async () => {
    const r = await app.request('http://evil.example/api/events');
    expect(r.status).toBe(403);
    expect((await app.request('http://127.0.0.1/healthz')).status).toBe(200);
  });
  it('/api/_ops takes JSON only and no cross-origin caller', async () => {
    const plain = await app.request('/api/_ops/events.list', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${tok.read}` },
      body: '{}',
    });
    expect(plain.status).toBe(415);
    const cross = await op('events.list', {}, tok.read, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const same = await op('events.list', {}, tok.read, { origin: 'http://localhost' });
    expect(same.status).toBe(200);
  });
  it('using a token does not invalidate cached responses', async () => {
    const before = store.dataVersion();
    const fresh = (await createToken({ store, clock }, 'fresh', { scopes: ['read'], createdBy: 'test' })).token;
    const mid = store.dataVersion();
    expect(mid).toBeGreaterThan(before);
    await op('events.list', {}, fresh);
    await new Promise((r) => setTimeout(r, 50));
    expect(store.dataVersion()).toBe(mid);
    const used = (await store.tokens.list()).find((t) => t.name === 'fresh')!;
    expect(used.lastUsedAt).toBeTruthy();
  });
});

describe('rejects keep a digest, and text only of JSON-looking lines', () => {
  it('a text file inside the import folder stores no excerpt of its lines', async () => {
    writeFileSync(join(importDir, 'notes.jsonl'), 'root:x:0:0:root:/root:/bin/bash\n{"broken json\n');
    const r = await opResult(await op('measurements.ingest', { paths: [join(importDir, 'notes.jsonl')] }, tok.import));
    expect(r.result.rejected).toBe(2);
    const files = await opResult(await op('measurements.files', { rejects: true }, tok.read));
    const rejects = (files.result.rejects as { path: string; raw_prefix: string | null; detail: string }[]).filter((x) => x.path.endsWith('notes.jsonl'));
    expect(rejects.map((x) => x.raw_prefix)).toEqual([null, '{"broken json']);
    expect(rejects[0]!.detail).toMatch(/not a JSON object \(line: 31 bytes, sha256 [0-9a-f]{64}/);
    expect(JSON.stringify(rejects)).not.toContain('/bin/bash');
  });
});

describe('bounded work for anonymous callers', () => {
  it('POST /api/cost with 10 scenarios of 100,000 draws: 400 naming the budget without a token', async () => {
    const scn = { country: 'RU', type: 'full', hours: 24, draws: 100_000 };
    const body = JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ ...scn, seed: i + 1 })));
    const anon = await app.request('/api/cost', { method: 'POST', headers: headers(), body });
    expect(anon.status).toBe(400);
    expect(((await anon.json()) as { detail: string }).detail).toMatch(/at most 10000 per scenario without a token/);
    const small = await app.request('/api/cost', {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify(Array.from({ length: 101 }, () => ({ ...scn, draws: 2000 }))),
    });
    expect(small.status).toBe(400);
  });
  it('a token meets the same cost-work budget through /api/_ops as on POST /api/cost', async () => {
    const small = createApp({ store, clock, dbPath: ':memory:', limits: { costWorkToken: 1000 } });
    const scenario = { country: 'RU', type: 'full', start: '2024-01-01', hours: 6, draws: 2000 };
    const viaRoute = await small.request('/api/cost', { method: 'POST', headers: headers(tok.read), body: JSON.stringify([scenario]) });
    expect(viaRoute.status).toBe(400);
    const viaOps = await opResult(
      await small.request('/api/_ops/cost.batch', { method: 'POST', headers: headers(tok.read), body: JSON.stringify({ scenarios: [scenario] }) }),
    );
    expect([viaOps.status, viaOps.problem?.detail]).toEqual([400, expect.stringMatching(/2000 units of cost work.*the limit is 1000/)]);
  });

  it('GET cost routes cap draws without a token; a token lifts the cap; a bad token is refused', async () => {
    expect((await app.request('/api/cost/events?draws=100000')).status).toBe(400);
    expect((await app.request('/api/cost?country=RU&type=full&hours=24&draws=100000')).status).toBe(400);
    expect((await app.request('/api/cost/events?draws=100000', { headers: { authorization: 'Bearer spl_000000000000_nope' } })).status).toBe(403);
    expect((await app.request('/api/cost/events?draws=100000&country=AQ', { headers: { authorization: `Bearer ${tok.read}` } })).status).not.toBe(400);
  });
  it('summaries computed per request are heavy too: a query string the cache has not seen counts (it took 5-9 s on the seeded database)', async () => {
    const { base, close } = await listenLocal(createApp({ store, clock, dbPath: ':memory:', limits: { heavyPerWindow: 3, heavyWindowMs: 60_000 } }));
    try {
      const statuses: number[] = [];
      // a query string the cache has not seen (another day) is computed again: it used to be answered every time, unlimited
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${base}/api/detections?since=2020-01-0${i + 1}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      for (const path of [
        '/api/speedtests/summary?since=2020-01-09',
        '/api/registry/summary?top=9',
        '/api/indicators?country=RU',
        '/api/stats/events?from=2009',
      ]) {
        const res = await fetch(`${base}${path}`);
        expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 429, 'application/problem+json']);
      }
      expect((await fetch(`${base}/api/events?from=2009`)).status).toBe(200); // a plain list is not heavy
      expect((await fetch(`${base}/api/detections?since=2020-01-09`, { headers: { authorization: `Bearer ${tok.read}` } })).status).toBe(200);
    } finally {
      close();
    }
  });
  it('a heavy request refused as invalid (a typo, a bad value, a budget over the limit) does not use up the per-client limit', async () => {
    const { base, close } = await listenLocal(createApp({ store, clock, dbPath: ':memory:', limits: { heavyPerWindow: 3, heavyWindowMs: 60_000 } }));
    try {
      const refused: [string, number, string][] = [];
      for (const path of [
        '/api/detections?contry=RU', // an unknown parameter
        '/api/stats/events?from=2009&catgeory=block',
        '/api/export/events.csv?country=UK', // a bad value
        '/api/speedtests/summary?since=2022&until=2020', // a range that ends before it begins
        '/api/cost/events?draws=100000', // over the anonymous draws cap, refused before any pricing
      ]) {
        for (let i = 0; i < 2; i++) {
          const res = await fetch(`${base}${path}`);
          refused.push([path, res.status, ((await res.json()) as { code: string }).code]);
        }
      }
      expect(refused.filter(([, status, code]) => status !== 400 || code !== 'VALIDATION')).toEqual([]);
      // ten refusals later, the whole budget is still there: three heavy answers, then 429
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${base}/api/stats/events?from=201${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      // over the limit, a request is refused by the limit (429) before its parameters are read
      expect((await fetch(`${base}/api/detections?contry=RU`)).status).toBe(429);
    } finally {
      close();
    }
  });
  it('a request refused by the limit (429) uses none of the budget: RateLimit-Remaining counts the requests served', async () => {
    const small = createApp({ store, clock, dbPath: ':memory:', limits: { heavyPerWindow: 3, heavyWindowMs: 60_000 } });
    // One client, as the node server describes its socket (getConnInfo reads env.incoming).
    const env = { incoming: { socket: { remoteAddress: '192.0.2.7', remotePort: 40000, remoteFamily: 'IPv4' } } };
    const get = (q: string) => small.request(`/api/stats/events?${q}`, {}, env);
    /** A POST /api/cost whose body arrives when `send` is called; `counted` resolves once the server reads it, past the limit. */
    function slowPost() {
      let send!: (body: string) => void;
      let read!: () => void;
      const counted = new Promise<void>((r) => (read = r));
      const ready = new Promise<string>((r) => (send = r));
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            read();
            controller.enqueue(new TextEncoder().encode(await ready));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const res = small.request('/api/cost', { method: 'POST', headers: headers(), body, duplex: 'half' }, env);
      return { send, counted, res };
    }
    // Two requests that will be refused as invalid are counted while they run...
    const invalid = [slowPost(), slowPost()];
    await Promise.all(invalid.map((p) => p.counted));
    const a = await get('from=2010');
    expect([a.status, a.headers.get('ratelimit-remaining')]).toEqual([200, '0']);
    // ...so this one is over the limit and refused
    expect((await get('from=2011')).status).toBe(429);
    // ...and given back when answered (400 VALIDATION: UK is not an assigned code)
    for (const p of invalid) p.send(JSON.stringify([{ country: 'UK', type: 'full', start: '2024-01-01', hours: 6 }]));
    for (const p of invalid) {
      const res = await p.res;
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([400, 'VALIDATION']);
    }
    // One request served so far (the 429 is not): two left of three.
    const remaining: [number, string | null][] = [];
    for (const q of ['from=2012', 'from=2013', 'from=2014']) {
      const res = await get(q);
      remaining.push([res.status, res.headers.get('ratelimit-remaining')]);
    }
    expect(remaining).toEqual([
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
  });
  it('a refused request (400, given back) says in RateLimit-Remaining what is left after it, as the next answer does', async () => {
    const { base, close } = await listenLocal(createApp({ store, clock, dbPath: ':memory:', limits: { heavyPerWindow: 5, heavyWindowMs: 60_000 } }));
    try {
      const seen: [number, string | null][] = [];
      // XX is not an assigned country code: a 400 VALIDATION
      for (const c of ['DE', 'XX', 'ES', 'XX', 'XX', 'FR']) {
        const res = await fetch(`${base}/api/stats/events?country=${c}`);
        await res.arrayBuffer();
        seen.push([res.status, res.headers.get('ratelimit-remaining')]);
      }
      expect(seen).toEqual([
        [200, '4'],
        [400, '4'],
        [200, '3'],
        [400, '3'],
        [400, '3'],
        [200, '2'],
      ]);
    } finally {
      close();
    }
  });
  it('anonymous heavy requests over a socket are rate-limited per client (429), token holders are not', async () => {
    const { base, close } = await listenLocal(createApp({ store, clock, dbPath: ':memory:', limits: { heavyPerWindow: 3, heavyWindowMs: 60_000 } }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${base}/api/stats/events?from=200${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      // Only a valid token lifts the limit: another Authorization header is still anonymous, a wrong token a 403.
      const url = `${base}/api/export/events.csv?from=2007`;
      expect((await fetch(url, { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status).toBe(429);
      expect((await fetch(url, { headers: { authorization: 'Bearer not-a-token at all' } })).status).toBe(429);
      expect((await fetch(url, { headers: { authorization: 'Bearer spl_000000000000_nope' } })).status).toBe(403);
      // The election fingerprints (a Monte Carlo per request) count as heavy too.
      expect((await fetch(`${base}/api/elections/duma-2021/fingerprints?seed=5`)).status).toBe(429);
      const withToken = await fetch(`${base}/api/stats/events?from=2019`, { headers: { authorization: `Bearer ${tok.read}` } });
      expect(withToken.status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      close();
    }
  });
});

describe('dates and Unicode validated at the edge (400, not 500)', () => {
  it('notadate, infinity, 2024-13-45 and a lone surrogate', async () => {
    for (const q of ['from=notadate', 'from=infinity', 'to=-infinity', 'from=2024-13-45', 'to=2023-02-30']) {
      const r = await app.request(`/api/events?${q}`);
      expect([q, r.status]).toEqual([q, 400]);
    }
    const r = await app.request('/api/events', {
      method: 'POST',
      headers: headers(tok.write),
      body: JSON.stringify(sampleEvent({ id: 'xx-2020-sur', title: 'bad \ud800 title' })),
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/^title: not valid Unicode/);
  });
});

describe('request bodies nested without end (400, not 500)', () => {
  it('100,000 nested arrays to POST /api/cost (anonymous) and 20,000 nested objects to /api/_ops and /api/events', async () => {
    const arrays = '['.repeat(100_000) + ']'.repeat(100_000);
    const objects = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    for (const [path, token, body] of [
      ['/api/cost', undefined, arrays],
      ['/api/_ops/events.list', tok.admin, objects],
      ['/api/events', tok.write, objects],
    ] as const) {
      const r = await app.request(path, { method: 'POST', headers: headers(token), body });
      const p = (await r.json()) as { detail: string };
      // POST /api/events checks the document once (its keys and fields together), which already refuses the body.
      const why = path === '/api/events' ? /^invalid event: a: not an event field.*; title: / : /nests deeper than 64 levels/;
      expect([path, r.status, p.detail]).toEqual([path, 400, expect.stringMatching(why)]);
    }
    // A body as deep as real ones still goes through.
    expect((await app.request('/api/cost', { method: 'POST', headers: headers(), body: JSON.stringify([{ country: 'RU' }]) })).status).not.toBe(500);
  });
});

describe('a JSON body field no schema declares is refused, never dropped', () => {
  it('tokens.create with "scope" for "scopes": 400 with "did you mean", and no token made', async () => {
    const before = (await store.tokens.list()).length;
    const r = await op('tokens.create', { name: 'typo', scope: 'root' }, tok.admin);
    expect(r.status).toBe(400);
    const p = (await r.json()) as { detail: string; unknown: string[]; errors: { path: string }[] };
    expect(p.detail).toMatch(/unknown field "scope" \(did you mean scopes\?\) in the body of tokens\.create; it takes name, scopes, expires/);
    expect([p.unknown, p.errors.map((e) => e.path)]).toEqual([['scope'], ['scope']]);
    expect((await store.tokens.list()).length).toBe(before);
  });

  it('POST /api/cost names a misspelt field of one scenario or of one in a list; events.list through /api/_ops its filter', async () => {
    const one = { country: 'RU', type: 'full', hours: 24, sevrity: 0.5 };
    const single = await app.request('/api/cost', { method: 'POST', headers: headers(), body: JSON.stringify(one) });
    expect([single.status, ((await single.json()) as { detail: string }).detail]).toEqual([
      400,
      expect.stringMatching(/"sevrity" \(did you mean severity\?\)/),
    ]);
    const list = await app.request('/api/cost', {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify([{ country: 'RU', type: 'full', hours: 24 }, one]),
    });
    expect([list.status, ((await list.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)]).toEqual([400, ['1.sevrity']]);
    const events = await op('events.list', { contry: 'RU' }, tok.read);
    expect([events.status, ((await events.json()) as { detail: string }).detail]).toEqual([400, expect.stringMatching(/"contry" \(did you mean country\?\)/)]);
  });

  it('every operation through /api/_ops, and every JSON-body route, refuses a field it does not take before anything runs', async () => {
    for (const name of OPS.keys()) {
      const r = await op(name, { zz_not_a_field: 1 }, tok.admin);
      const p = (await r.json()) as { detail: string };
      expect([name, r.status, p.detail]).toEqual([name, 400, expect.stringContaining('"zz_not_a_field"')]);
    }
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    // POST /api/_ops/{name}: every operation was sent the unknown field by name above
    for (const [path, methods] of Object.entries(doc.paths).filter(([p]) => p !== '/api/_ops/{name}')) {
      for (const [method, o] of Object.entries(methods)) {
        if (!o.requestBody?.content['application/json']) continue;
        const url = path.replace(/\{[^}]+\}/g, 'xx-2020-no-such-event');
        const r = await app.request(url, {
          method: method.toUpperCase(),
          headers: headers(tok.admin, { 'if-match': '"1"' }),
          // a hand-written route checks its required fields first: a body that has them carries the extra field
          body: JSON.stringify({ ...(/^\/api\/events(\/\{id\})?$/.test(path) ? sampleEvent() : { reason: 'SYNTHETIC check' }), zz_not_a_field: 1 }),
        });
        expect([method, path, r.status, await r.text()]).toEqual([method, path, 400, expect.stringContaining('zz_not_a_field')]);
      }
    }
  });

  it('PUT /api/events/{id} documents and takes reason and revision in the body', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, { put: { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } } } }>;
    };
    const put = doc.paths['/api/events/{id}']!.put.requestBody.content['application/json'].schema;
    expect(Object.keys(put.properties)).toEqual(expect.arrayContaining(['reason', 'revision', 'title']));
    const id = 'xx-2020-put-body';
    expect((await app.request('/api/events', { method: 'POST', headers: headers(tok.write), body: JSON.stringify(sampleEvent({ id })) })).status).toBe(201);
    const body = { ...sampleEvent({ id }), title: 'A synthetic edited title', reason: 'SYNTHETIC edit', revision: 1 };
    const r = await app.request(`/api/events/${id}`, { method: 'PUT', headers: headers(tok.write), body: JSON.stringify(body) });
    expect(r.status).toBe(200);
    const h = (await (await app.request(`/api/events/${id}/revisions`)).json()) as { items: { revision: number; reason: string | null }[] };
    expect(h.items.find((x) => x.revision === 2)?.reason).toBe('SYNTHETIC edit');
    const bad = await app.request(`/api/events/${id}`, {
      method: 'PUT',
      headers: headers(tok.write),
      body: JSON.stringify({ ...body, revision: 2, reason: 7 }),
    });
    expect([bad.status, ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)]).toEqual([400, ['reason']]);
  });
});

describe('a token presented that is not valid is refused on every route, reads included', () => {
  it('unknown, revoked and expired tokens: 403 problem+json on every GET route; no token: as before', async () => {
    const revoked = await createToken({ store, clock }, 'revoked', { scopes: ['read'], createdBy: 'test' });
    await store.tokens.revoke(revoked.record.id, clock.now().toISOString(), 'test');
    const day = 86_400_000;
    const expired = await createToken({ store, clock }, 'expired', {
      scopes: ['read'],
      createdBy: 'test',
      expiresAt: new Date(clock.now().getTime() + day).toISOString(),
    });
    // the same store two days later: the token's end has passed
    const later = createApp({ store, clock: fixedClock(new Date(clock.now().getTime() + 2 * day).toISOString()), dbPath: ':memory:' });
    const bad = ['spl_000000000000_nope', 'garbage', revoked.token, expired.token];
    for (const path of [
      '/api/events?limit=1',
      '/api/elections',
      '/api/measurements',
      '/api/indicators',
      '/api/stats/events',
      '/api/cost?country=RU&type=full&hours=24',
    ]) {
      // without a token: answered as before (the empty store has no data to price: 404 naming what to load, not 403)
      expect([path, (await later.request(path)).status]).toEqual([path, path.startsWith('/api/cost') ? 404 : 200]);
      for (const t of bad) {
        const r = await later.request(path, { headers: { authorization: `Bearer ${t}` } });
        expect([path, t, r.status, r.headers.get('content-type')]).toEqual([path, t, 403, 'application/problem+json']);
      }
    }
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const undocumented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/'))
      .flatMap(([p, ms]) =>
        Object.entries(ms)
          .filter(([, o]) => !('403' in o.responses))
          .map(([m]) => `${m} ${p}`),
      );
    expect(undocumented).toEqual([]);
  });
});

describe('a single-valued query parameter sent twice', () => {
  it('is a 400 naming it, whichever order the values come in', async () => {
    for (const q of ['country=XX&country=RU', 'country=RU&country=XX', 'limit=10&limit=20']) {
      const r = await app.request(`/api/events?${q}`);
      const p = (await r.json()) as { detail: string; errors: { path: string }[] };
      expect([q, r.status, p.errors.map((e) => e.path)]).toEqual([q, 400, [q.split('=')[0]]]);
      expect(p.detail).toMatch(/takes one value; it was given 2/);
    }
    expect((await app.request('/api/events?format=csv&format=ndjson')).status).toBe(400);
  });
});

describe('db.backup over HTTP names the file it writes', () => {
  it('a path through a folder that does not exist and back (nonexist/..) is one file: written and named, then a conflict, never an internal error', async () => {
    const asked = `${importDir}/nonexist/../b8.duckdb`;
    const made = await opResult(await op('db.backup', { file: asked }, tok.admin));
    expect([made.type, made.result?.path]).toEqual(['result', join(importDir, 'b8.duckdb')]);
    const again = await opResult(await op('db.backup', { file: asked }, tok.admin));
    expect([again.status, again.problem?.code]).toEqual([409, 'CONFLICT']);
  });
});
