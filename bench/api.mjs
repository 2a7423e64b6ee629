#!/usr/bin/env node
// npm run bench:api — the API under load, on loopback only.
// Seeds a temp database from the shipped data, starts `splinternet serve` as a child process,
// and measures from this process:
// 1. cold first calls: on a freshly started server (`serve --no-warm`), each heavy GET once (as
//    curl would, no compression), then again (cached); baseline: the server's first GET
//    /healthz; then the same calls on a server started with its warm-up (the default), once
//    the warm-up has reported done;
// 2. load: autocannon, 200 connections for 10 s per endpoint, each list/by-id endpoint both
//    without and with `Accept-Encoding: gzip` (what browsers and curl --compressed send).
//    Baseline in the same run: GET /healthz (no store query).
// 3. per-request work in-process: a cached and an uncached request and their parts (validation,
//    the op, serialisation, ETag hash, gzip), each timed alone.
// Goal: p99 < 50 ms, no errors. Env: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_COLD_ONLY=1.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../dist/bundle/bin.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
const db = join(dir, 'bench.duckdb');
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 200);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

spawnSync(process.execPath, [bin, 'db', 'seed', '--db', db], { stdio: 'ignore' });
const start = async (extra = []) => {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', '--db', db, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  // serve --json prints {"url": ...} once listening, then {"warm": {...}} once its warm-up is done.
  const lines = [];
  const seen = (key) =>
    new Promise((resolve) => {
      const look = () => {
        const hit = lines.find((l) => key in l);
        if (hit) resolve(hit[key]);
        else
          child.stdout.once(
            'data',
            (d) => (
              lines.push(
                ...String(d)
                  .split('\n')
                  .filter(Boolean)
                  .map((l) => JSON.parse(l)),
              ),
              look()
            ),
          );
      };
      look();
    });
  const url = await seen('url');
  return { child, url, warm: () => seen('warm') };
};
const stop = async (s) => {
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.on('exit', r));
};
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}; load average before: ${load()}`);

// 1. Cold first calls, one at a time (node:http: no client-side warm-up in the figures).
const timed = (url) =>
  new Promise((resolve, reject) => {
    const t = performance.now();
    get(url, { headers: { 'accept-encoding': 'identity' } }, (res) => {
      let bytes = 0;
      res.on('data', (d) => (bytes += d.length));
      res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode, bytes }));
    }).on('error', reject);
  });
const COLD = [
  '/api/detections',
  '/api/registry/summary',
  '/api/speedtests/summary?cc=RU',
  '/api/cost/regions?country=RU&type=full&hours=24',
  '/api/indicators',
];
const coldRun = async (s) => {
  const base = await timed(s.url + '/healthz');
  const rows = [];
  for (const path of COLD) {
    const first = await timed(s.url + path);
    const again = await timed(s.url + path);
    rows.push({ path, ...first, again: again.ms });
  }
  return { base, rows };
};
const noWarm = await start(['--no-warm']);
const a = await coldRun(noWarm);
await stop(noWarm);
const server = await start();
const t0 = performance.now();
const warm = await server.warm();
const warmWall = performance.now() - t0;
const b = await coldRun(server);
const url = server.url;
console.log(
  `\ncold first calls, sequential, no compression; baseline: the server's first GET /healthz (${a.base.ms.toFixed(1)} ms without warm-up, ${b.base.ms.toFixed(1)} ms with)\n`,
);
console.log(
  `with warm-up (default): ${warm.warmed.length} responses warmed ${(warmWall / 1000).toFixed(1)} s after the URL was printed (${warm.ms} ms in the server)\n`,
);
console.log('| endpoint | status | bytes | first call ms (--no-warm) | ratio to /healthz | second call ms | first call ms after the warm-up |');
console.log('|---|---|---|---|---|---|---|');
for (const [i, c] of a.rows.entries()) {
  console.log(
    `| GET ${c.path} | ${c.status} | ${c.bytes} | ${c.ms.toFixed(0)} | ${(c.ms / a.base.ms).toFixed(1)} | ${c.again.toFixed(1)} | ${b.rows[i].ms.toFixed(0)} |`,
  );
}

// 2. Load.
const run = (path, headers) =>
  new Promise((resolve, reject) => autocannon({ url: url + path, connections, duration, headers }, (err, r) => (err ? reject(err) : resolve(r))));
const rows = [];
const gzip = { 'accept-encoding': 'gzip' };
const plan = process.env.BENCH_COLD_ONLY
  ? []
  : [
      ['baseline GET /healthz', '/healthz', {}],
      ['GET /api/events?country=RU (identity)', '/api/events?country=RU', {}],
      ['GET /api/events?country=RU (gzip)', '/api/events?country=RU', gzip],
      ['GET /api/events/:id (identity)', '/api/events/ru-2018-telegram-block', {}],
      ['GET /api/events/:id (gzip)', '/api/events/ru-2018-telegram-block', gzip],
    ];
for (const [name, path, headers] of plan) {
  const r = await run(path, headers);
  rows.push({
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    total: r.requests.total,
    kb: r.throughput.average / Math.max(r.requests.average, 1) / 1024,
  });
}
await stop(server);

// 3. Per-request work, in this process (no sockets): what one request costs and where it goes.
// The full request through createApp (middleware, router, response cache) is timed as a cache
// hit (what the load above mostly measures) and as a miss (a token bypasses the cache); its
// parts are timed alone: query coercion and validation, the op (store and domain), JSON
// serialisation, the cache's ETag hash and gzip. The server writes no request log.
const breakdown = async () => {
  const imp = (p) => import(new URL(`../dist/src/${p}`, import.meta.url).href);
  const [{ createApp }, { openStore }, { executeOp, parseInput }, { eventsList, eventsShow }, { localGrant, silentProgress, systemClock }, { queryParser }] =
    await Promise.all(['server/app.js', 'store/index.js', 'op/index.js', 'ledger/ops.js', 'shared/index.js', 'server/mount.js'].map(imp));
  const { createHash } = await import('node:crypto');
  const { gzipSync } = await import('node:zlib');
  const store = await openStore(db);
  const ctx = { store, clock: systemClock, progress: silentProgress, actor: 'bench', grant: localGrant('bench'), dbPath: db };
  const app = createApp({ store, clock: systemClock, dbPath: db });
  const token = (await executeOp(ctx, (await imp('ledger/ops.js')).tokensCreate, { name: 'bench', scopes: ['read'] })).token;
  const time = async (n, fn) => {
    for (let i = 0; i < Math.min(50, n); i++) await fn();
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return ((performance.now() - t) / n) * 1000; // µs per call
  };
  const cases = [
    ['GET /api/events?country=RU (gzip)', '/api/events?country=RU', eventsList, (u) => queryParser(eventsList.input)(u)],
    ['GET /api/events/:id (gzip)', '/api/events/ru-2018-telegram-block', eventsShow, () => ({ id: 'ru-2018-telegram-block' })],
  ];
  const out = [];
  for (const [name, path, op, raw] of cases) {
    const req = (headers) => app.request(path, { headers: { 'accept-encoding': 'gzip', ...headers } }).then((r) => r.arrayBuffer());
    const n = path.includes('?') ? 300 : 1000;
    const hit = await time(n, () => req({}));
    const miss = await time(Math.round(n / 3), () => req({ authorization: `Bearer ${token}` }));
    const input = raw(`http://x${path}`);
    const validate = await time(n, () => parseInput(op, raw(`http://x${path}`)));
    const run = await time(Math.round(n / 3), () => executeOp(ctx, op, input));
    const result = await executeOp(ctx, op, input);
    const json = JSON.stringify(result);
    const serialise = await time(n, () => JSON.stringify(result));
    const etag = await time(n, () => createHash('sha1').update(json).digest('base64url'));
    const gzip = await time(Math.round(n / 3), () => gzipSync(json));
    out.push({ name, bytes: Buffer.byteLength(json), hit, miss, validate, run, serialise, etag, gzip });
  }
  await store.close();
  return out;
};
const parts = await breakdown();
rmSync(dir, { recursive: true, force: true });
console.log(
  '\nper-request work, in-process (µs per request; share of an uncached request in brackets; no request log is written;\nan uncached request carries a token and is sent uncompressed: gzip is paid once per data version, when the cache fills)\n',
);
console.log(
  '| request | JSON bytes | cached: whole request | uncached: whole request | validation (query coercion + schema) | op: store + domain | JSON.stringify | ETag sha1 | gzip (once per data version) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const pc = (x, of) => `${x.toFixed(0)} (${((x / of) * 100).toFixed(0)} %)`;
for (const p of parts) {
  console.log(
    `| ${p.name} | ${p.bytes} | ${p.hit.toFixed(0)} | ${p.miss.toFixed(0)} | ${pc(p.validate, p.miss)} | ${pc(p.run, p.miss)} | ${pc(p.serialise, p.miss)} | ${pc(p.etag, p.miss)} | ${p.gzip.toFixed(0)} |`,
  );
}
if (!rows.length) process.exit(0);

console.log(`\nload: ${connections} connections x ${duration} s each, loopback; load average after: ${load()}\n`);
console.log('| endpoint | req/s | ratio to baseline | p50 ms | p99 ms | errors+non2xx | requests | KB/response |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / rows[0].rps).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.total} | ${r.kb.toFixed(1)} |`,
  );
}
const judged = rows.slice(1);
const worst = Math.max(...judged.map((r) => r.p99));
console.log(
  `\ngoal p99 < 50 ms with no errors: ${worst < 50 && judged.every((r) => r.errors === 0) ? 'met' : 'NOT met'} (worst p99 ${worst} ms; baseline /healthz p99 ${rows[0].p99} ms)`,
);
