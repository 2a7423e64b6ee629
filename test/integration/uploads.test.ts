/**
 * Imports by upload (POST /api/_uploads/{op}): the file is the request body, so a token holder
 * imports without any server path. Real files (a Moscow 2021 protocol archive, an OONI hour of
 * measurements) are stored with their counts reconciled; the token needs the op's scope; the
 * upload limit, the importer's caps and the file-name rule answer with the status that says
 * why, with nothing stored; and the server's upload folder is empty afterwards.
 */
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/ledger/index.js';
import { createApp } from '../../src/server/app.js';
import { packagePath } from '../../src/shared/index.js';
import type { Store } from '../../src/store/index.js';
import { clock, tempDir, tempStore } from '../helpers/index.js';

const ZIP = packagePath('test', 'fixtures', 'elections', 'kobak-2021-moscow.csv.zip');
const BAD = packagePath('test', 'fixtures', 'elections', 'synthetic-bad-2021.csv');
const IRAN = packagePath('test', 'fixtures', 'outages', 'ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv');
const OONI = packagePath(
  'test',
  'fixtures',
  'ooni',
  'bucket-sample',
  'raw',
  '20231130',
  '17',
  'IT',
  'webconnectivity',
  '2023113017_IT_webconnectivity.n0.0.jsonl.gz',
);

let s: { store: Store; path: string; cleanup: () => Promise<void> };
let app: ReturnType<typeof createApp>;
let small: ReturnType<typeof createApp>;
const uploads = tempDir('splinternet-uploads-test-');
const tok: Record<string, string> = {};

beforeAll(async () => {
  s = await tempStore();
  app = createApp({ store: s.store, clock, dbPath: s.path, uploadDir: uploads.dir });
  small = createApp({ store: s.store, clock, dbPath: s.path, uploadDir: uploads.dir, limits: { maxUploadBytes: 100_000 } });
  for (const scope of ['read', 'write', 'import', 'admin'])
    tok[scope] = (await createToken({ store: s.store, clock }, scope, { scopes: [scope], createdBy: 'test' })).token;
});
afterAll(async () => {
  await s.cleanup();
  uploads.cleanup();
});

const send = (a: typeof app, op: string, query: string, body: Buffer | string, token?: string, type = 'application/octet-stream') =>
  a.request(`/api/_uploads/${op}?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });

const stations = async () => ((await (await app.request('/api/elections')).json()) as { items: { id: string; stations: number }[] }).items;

describe('imports by upload', () => {
  it('a real protocol archive: stored, read = stored + rejected, the upload named and hashed, no server path shown', async () => {
    const bytes = readFileSync(ZIP);
    const r = await send(app, 'elections.import', 'filename=kobak-2021-moscow.csv.zip', bytes, tok.import);
    const text = await r.text();
    expect(r.status, text).toBe(200);
    const body = JSON.parse(text) as {
      upload: { filename: string; bytes: number; sha256: string };
      result: { reconciled: boolean; files: { file: string; lines_read: number; stored: number; rejected: number }[] };
    };
    expect(body.upload).toEqual({ filename: 'kobak-2021-moscow.csv.zip', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(body.result.reconciled).toBe(true);
    expect(body.result.files[0]).toMatchObject({ file: 'kobak-2021-moscow.csv.zip', lines_read: 3660, stored: 3660, rejected: 0 });
    expect(text).not.toContain(uploads.dir);
    expect(await stations()).toEqual([expect.objectContaining({ id: 'duma-2021', stations: 3660 })]);
    expect(readdirSync(uploads.dir)).toEqual([]);
    // The same file again: recognised by name and checksum, nothing stored twice.
    const again = (await (await send(app, 'elections.import', 'filename=kobak-2021-moscow.csv.zip', bytes, tok.import)).json()) as {
      result: { files: { status: string }[] };
    };
    expect(again.result.files[0]!.status).toBe('unchanged');
  });

  it("the op's other fields come from the query string; bad rows are rejects with their line", async () => {
    const r = await send(app, 'elections.import', 'filename=bad.csv&election=duma-2021', readFileSync(BAD), tok.admin);
    expect(r.status).toBe(200);
    const f = (
      (await r.json()) as { result: { files: { election: string; lines_read: number; stored: number; rejected: number; rejects: { line: number }[] }[] } }
    ).result.files[0]!;
    expect(f.election).toBe('duma-2021');
    expect(f.rejected).toBeGreaterThan(0);
    expect(f.stored + f.rejected).toBe(f.lines_read);
    expect(f.rejects[0]!.line).toBeGreaterThan(1);
  });

  it('an import that rejected rows (the CLI exits 3) answers 200 with its report, as every partial result over HTTP, and says so in OpenAPI (SYNTHETIC rows: synthetic-bad.csv)', async () => {
    const STOP_BAD = packagePath('test', 'fixtures', 'stop', 'synthetic-bad.csv');
    // full=true may retract, a ledger edit: the token holds write as well as import
    const both = (await createToken({ store: s.store, clock }, 'import+write', { scopes: ['import', 'write'], createdBy: 'test' })).token;
    const r = await send(app, 'events.import', 'filename=bad_snapshot-2025-12-01.csv&full=true', readFileSync(STOP_BAD), both);
    const text = await r.text();
    expect(r.status, text).toBe(200);
    const result = (
      JSON.parse(text) as {
        result: { rows_read: number; rows_stored: number; rows_rejected: number; rejects: { record: number; line: number }[]; absent_check: string };
      }
    ).result;
    expect(result.rows_rejected).toBeGreaterThan(0);
    expect(result.rows_stored + result.rows_rejected).toBe(result.rows_read);
    expect(result.rejects.length).toBe(result.rows_rejected);
    expect(result.absent_check).toBe('done');
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, { post: { responses: Record<string, { description: string }> } }>;
    };
    expect(doc.paths['/api/_uploads/events.import']!.post.responses['200']!.description).toMatch(/rejected some rows is answered 200 .*the CLI exits 3/);
  });

  it('full=true retracts STOP events, a ledger edit: an import token alone gets 403 naming the write scope, by upload and through /api/_ops, before anything is stored; import+write imports', async () => {
    const sudan = readFileSync(packagePath('test', 'fixtures', 'stop', 'sudan.csv'));
    const name = 'filename=stop_snapshot-2026-01-01.csv'; // dated by the test clock's day: a snapshot after today is refused
    const stopEvents = async () => (await s.store.ledger.listEvents({ statuses: ['active', 'retracted'], origin: 'stop', limit: 1000 })).length;
    const before = await stopEvents();
    for (const t of [tok.import, tok.write]) {
      const r = await send(app, 'events.import', `${name}&full=true`, sudan, t);
      expect(r.status).toBe(403);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const p = (await r.json()) as { detail: string; required_scope: string };
      expect(p.detail).toMatch(
        t === tok.import ? /events\.import with full=true .*needs the "write" scope; this token has import/ : /needs the "import" scope/,
      );
      if (t === tok.import) expect(p.required_scope).toBe('write');
    }
    const viaOps = await app.request('/api/_ops/events.import', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tok.import}` },
      body: JSON.stringify({ file: '/nowhere/stop_snapshot-2026-05-20.csv', full: true }),
    });
    expect(viaOps.status).toBe(403);
    expect(((await viaOps.json()) as { detail: string }).detail).toMatch(/full=true .*needs the "write" scope/);
    expect(await stopEvents()).toBe(before);
    expect(readdirSync(uploads.dir)).toEqual([]);
    // without full, import alone suffices; with full, import and write together
    expect((await send(app, 'events.import', name, sudan, tok.import)).status).toBe(200);
    const both = (await createToken({ store: s.store, clock }, 'nightly', { scopes: ['import', 'write'], createdBy: 'test' })).token;
    expect((await send(app, 'events.import', `${name}&full=true`, sudan, both)).status).toBe(200);
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { post: { description: string } }> };
    expect(doc.paths['/api/_uploads/events.import']!.post.description).toMatch(/full=true.*also needs the "write" scope/);
  });

  it("an OONI hour: ingested with its counts reconciled; the importer's line cap, set from the query, applies", async () => {
    type Ingest = { lines_read: number; stored: number; duplicates: number; rejected: number; filtered: number; reconciled: boolean };
    const ingest = async (query: string): Promise<{ text: string; res: Ingest }> => {
      const r = await send(app, 'measurements.ingest', `filename=2023113017_IT_webconnectivity.n0.0.jsonl.gz${query}`, readFileSync(OONI), tok.import);
      const text = await r.text();
      expect(r.status, text).toBe(200);
      return { text, res: (JSON.parse(text) as { result: Ingest }).result };
    };
    // Real web_connectivity lines are tens of KB: a 4 KB cap refuses each as oversize_line.
    const capped = await ingest('&max_line_bytes=4096');
    expect(capped.res).toMatchObject({ lines_read: 4, stored: 0, rejected: 4, reconciled: true });
    expect(capped.text).toMatch(/oversize_line/);
    const whole = await ingest('&force=true');
    expect(whole.res).toMatchObject({ lines_read: 4, stored: 4, rejected: 0, reconciled: true });
    expect(whole.res.stored + whole.res.duplicates + whole.res.rejected + whole.res.filtered).toBe(whole.res.lines_read);
    expect(whole.text).not.toContain(uploads.dir);
  });

  it('later answers name uploaded files by file name: the ingest manifest and signal rejects show no upload folder', async () => {
    const csv = readFileSync(IRAN, 'utf8') + 'not-a-count,"2019-11-11 00:00:00",12880\n';
    const up = await send(app, 'signals.import', 'filename=ooni_iran.csv&cc=IR', csv, tok.import);
    expect(up.status, await up.clone().text()).toBe(200);
    for (const [name, body] of [
      ['measurements.files', { rejects: true }],
      ['signals.rejects', {}],
    ] as const) {
      const r = await app.request(`/api/_ops/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tok.read}` },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      expect(r.status, text).toBe(200);
      expect(text, name).not.toContain(uploads.dir);
      expect(text, name).toMatch(name === 'signals.rejects' ? /"source_file":"ooni_iran\.csv"/ : /"path":"2023113017_IT_webconnectivity\.n0\.0\.jsonl\.gz"/);
    }
  });

  it('scopes: anonymous 401, read and write tokens 403; an unknown import 404 naming the ones there are', async () => {
    const bytes = readFileSync(BAD);
    expect((await send(app, 'elections.import', 'filename=bad.csv', bytes)).status).toBe(401);
    for (const t of [tok.read, tok.write]) {
      const r = await send(app, 'elections.import', 'filename=bad.csv', bytes, t);
      expect(r.status).toBe(403);
      expect(((await r.json()) as { detail: string }).detail).toMatch(/needs the "import" scope/);
    }
    const r = await send(app, 'db.seed', 'filename=x.csv', bytes, tok.admin);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/uploads go to one of: .*elections\.import/);
  });

  it('the upload limit (413), a form or JSON body (415), a path as file name or no body (400): nothing stored', async () => {
    const before = await stations();
    const big = await send(small, 'elections.import', 'filename=kobak-2021-moscow.csv.zip', readFileSync(ZIP), tok.import);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { detail: string }).detail).toMatch(/over 100000 bytes/);
    // Sent without a length up front: stopped while streaming.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 30; i++) c.enqueue(new Uint8Array(10_000));
        c.close();
      },
    });
    const chunked = await small.request('/api/_uploads/elections.import?filename=x-2021.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${tok.import}` },
      body: stream,
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    expect((await send(app, 'elections.import', 'filename=x.csv', 'a,b', tok.import, 'text/plain')).status).toBe(415);
    expect((await send(app, 'elections.import', 'filename=x.csv', '{}', tok.import, 'application/json')).status).toBe(415);
    for (const name of ['..%2F..%2Fetc%2Fpasswd', '.hidden', ''])
      expect((await send(app, 'elections.import', `filename=${name}`, 'x', tok.import)).status).toBe(400);
    expect((await send(app, 'elections.import', 'filename=x-2021.csv', '', tok.import)).status).toBe(400);
    expect(await stations()).toEqual(before);
    expect(readdirSync(uploads.dir)).toEqual([]);
  });

  it('is in the OpenAPI document, one path per upload op, with its body, errors and exactly the query parameters it takes', async () => {
    type Post = {
      operationId: string;
      requestBody: { content: Record<string, unknown> };
      responses: Record<string, unknown>;
      parameters: { name: string; in: string }[];
    };
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { post?: Post }> };
    const uploadPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/_uploads/'));
    expect(uploadPaths).toEqual(
      expect.arrayContaining(['/api/_uploads/elections.import', '/api/_uploads/signals.import', '/api/_uploads/measurements.ingest']),
    );
    expect(uploadPaths).not.toContain('/api/_uploads/{op}');
    const query = (p: string) => doc.paths[p]!.post!.parameters.filter((x) => x.in === 'query').map((x) => x.name);
    expect(query('/api/_uploads/signals.import').sort()).toEqual(['cc', 'filename', 'ooni_counts', 'source']);
    expect(query('/api/_uploads/elections.import').sort()).toEqual(['election', 'filename', 'force']);
    const post = doc.paths['/api/_uploads/elections.import']!.post!;
    expect(post.operationId).toBe('uploads.elections.import');
    expect(Object.keys(post.requestBody.content)).toEqual(['application/octet-stream']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '413', '415']));
  });

  it('a repeated filename is refused naming it, as every other single-value parameter', async () => {
    const r = await send(app, 'signals.import', 'filename=a.csv&filename=..%2F..%2Fetc', readFileSync(IRAN), tok.import);
    expect(r.status).toBe(400);
    const p = (await r.json()) as { detail: string; errors: { path: string; message: string }[] };
    expect(p.errors).toEqual([{ path: 'filename', pointer: '/filename', message: 'one value only (given 2)' }]);
    expect(readdirSync(uploads.dir)).toEqual([]);
  });
});

describe('the upload folder is one only the server can write', () => {
  let t: { store: Store; path: string; cleanup: () => Promise<void> };
  let token: string;
  const planted = tempDir('splinternet-planted-');
  beforeAll(async () => {
    t = await tempStore();
    token = (await createToken({ store: t.store, clock }, 'uploader', { scopes: ['import'], createdBy: 'test' })).token;
  });
  afterAll(async () => {
    await t.cleanup();
    planted.cleanup();
  });
  const series = async (a: typeof app) => ((await (await a.request('/api/signals/series?cc=IR')).json()) as { items: unknown[] }).items.length;
  const upload = (a: typeof app) => send(a, 'signals.import', 'filename=ooni_iran.csv&cc=IR&source=ooni_measurements', readFileSync(IRAN), token);

  it('by default the folder is <db>.uploads beside the database, created mode 0700 and this user\u2019s, and empty after the import', async () => {
    const a = createApp({ store: t.store, clock, dbPath: t.path });
    const r = await upload(a);
    expect(r.status, await r.clone().text()).toBe(200);
    const st = lstatSync(`${t.path}.uploads`);
    expect(st.isDirectory()).toBe(true);
    expect(st.mode & 0o777).toBe(0o700);
    expect(st.uid).toBe(process.getuid!());
    expect(readdirSync(`${t.path}.uploads`)).toEqual([]);
    expect(await series(a)).toBeGreaterThan(0);
  });

  it('SYNTHETIC planted folders (mode 0777, 0755, a symbolic link to a 0700 folder, another owner) are refused, 503 naming the folder by name only: nothing stored, nothing written there', async () => {
    const before = await series(createApp({ store: t.store, clock, dbPath: t.path }));
    const loose = join(planted.dir, 'loose');
    mkdirSync(loose);
    chmodSync(loose, 0o777);
    const readable = join(planted.dir, 'readable');
    mkdirSync(readable, { mode: 0o755 });
    chmodSync(readable, 0o755);
    const target = join(planted.dir, 'target');
    mkdirSync(target, { mode: 0o700 });
    const link = join(planted.dir, 'link');
    symlinkSync(target, link);
    const cases = [loose, readable, link];
    if (process.getuid?.() === 0) {
      const theirs = join(planted.dir, 'theirs');
      mkdirSync(theirs, { mode: 0o700 });
      chownSync(theirs, 65534, 65534);
      cases.push(theirs);
    }
    for (const dir of cases) {
      const r = await upload(createApp({ store: t.store, clock, dbPath: t.path, uploadDir: dir }));
      const p = (await r.json()) as { detail: string };
      expect(r.status, `${dir}: ${p.detail}`).toBe(503);
      expect(p.detail).toMatch(new RegExp(`upload folder ${basename(dir)} is not private .*nothing was stored`));
      expect(p.detail).not.toContain(planted.dir);
      expect(readdirSync(dir)).toEqual([]);
    }
    expect(await series(createApp({ store: t.store, clock, dbPath: t.path }))).toBe(before);
  });

  it('SYNTHETIC: a world-writable <db>.uploads planted before the server made its own is refused, not used', async () => {
    const u = await tempStore();
    try {
      mkdirSync(`${u.path}.uploads`);
      chmodSync(`${u.path}.uploads`, 0o777);
      const tk = (await createToken({ store: u.store, clock }, 'u', { scopes: ['import'], createdBy: 'test' })).token;
      const a = createApp({ store: u.store, clock, dbPath: u.path });
      const r2 = await send(a, 'signals.import', 'filename=ooni_iran.csv&cc=IR&source=ooni_measurements', readFileSync(IRAN), tk);
      expect(r2.status, await r2.clone().text()).toBe(503);
      expect(await series(a)).toBe(0);
    } finally {
      await u.cleanup();
    }
  });
});
