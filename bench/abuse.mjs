#!/usr/bin/env node
// npm run bench:abuse — the server under abuse, on 127.0.0.1 only, bounded loops throughout.
// Seeds a temp database, creates scoped tokens, starts `splinternet serve --import-dir DIR` and:
// 1. load: 200 connections of normal reads for BENCH_SECONDS (100 on GET /healthz, 100 on
//    GET /api/events) while an anonymous client sends heavy cost requests (varying seeds, up to
//    its budget) and an import-token holder re-runs an import in a loop. Baseline in the same
//    run: the same 200 connections with no heavy client and no importer.
//    Goals: /healthz p99 < 50 ms, list p99 < 100 ms under the heavy load;
// 2. bad inputs: each is sent once; goal: no 500, no hang (5 s timeout per request);
// 3. faults: kill -9 the server mid-import, restart, re-run the import; goal: nothing lost
//    (ledger events and measurements as before), the re-run adds no duplicate.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'dist/bundle/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'bench-abuse-'));
const db = join(dir, 'abuse.duckdb');
const imports = join(dir, 'imports');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const cli = (args) => {
  const r = spawnSync(process.execPath, [bin, ...args, '--db', db, '--json'], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout ? JSON.parse(r.stdout) : null };
};

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}; load average before: ${load()}`);
mkdirSync(imports);
cpSync(join(root, 'test/fixtures/ooni/bucket-sample'), join(imports, 'bucket'), { recursive: true });
spawnSync(process.execPath, [bin, 'db', 'seed', '--db', db], { stdio: 'ignore' });
const importTok = cli(['tokens', 'create', '--name', 'bench-import', '--scope', 'import']).out.token;
const writeTok = cli(['tokens', 'create', '--name', 'bench-write', '--scope', 'write']).out.token;

async function start() {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', '--no-warm', '--db', db, '--import-dir', imports], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(JSON.parse(String(d).split('\n')[0]).url)));
  return { child, url };
}
const stop = async (s, signal = 'SIGTERM') => {
  s.child.kill(signal);
  await new Promise((r) => s.child.on('exit', r));
};
const withTimeout = (p, ms) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), ms))]);
const json = (token) => ({ 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });
const upload = (token) => ({ 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` });
const ingest = (url, token, folder = 'bucket') =>
  fetch(`${url}/api/_ops/measurements.ingest`, { method: 'POST', headers: json(token), body: JSON.stringify({ paths: [join(imports, folder)] }) }).then(
    async (r) => {
      const lines = (await r.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      return lines.at(-1);
    },
  );

let server = await start();
const cannon = (path, conns) => autocannon({ url: `${server.url}${path}`, connections: conns, duration: seconds });
const measureReads = async (during) => {
  const [h, l] = await Promise.all([cannon('/healthz', 100), cannon('/api/events?limit=20', 100), during?.()]);
  return { h, l };
};

// 1. Load: baseline, then under abuse.
const base = await measureReads();
const heavy = { sent: 0, statuses: {} };
const importer = { runs: 0, statuses: {} };
const deadline = () => Date.now() + seconds * 1000;
const abuse = async () => {
  const end = deadline();
  const heavyLoop = async () => {
    for (let i = 0; Date.now() < end && i < 10_000; i++) {
      const body = Array.from({ length: 10 }, (_, k) => ({ country: 'RU', type: 'full', hours: 24, draws: 10_000, seed: i * 10 + k + 1 }));
      const r = await fetch(`${server.url}/api/cost`, { method: 'POST', headers: json(), body: JSON.stringify(body) });
      await r.arrayBuffer();
      heavy.sent++;
      heavy.statuses[r.status] = (heavy.statuses[r.status] ?? 0) + 1;
    }
  };
  const importLoop = async () => {
    for (let i = 0; Date.now() < end && i < 1000; i++) {
      const last = await ingest(server.url, importTok);
      importer.runs++;
      importer.statuses[last.type] = (importer.statuses[last.type] ?? 0) + 1;
    }
  };
  await Promise.all([heavyLoop(), importLoop()]);
};
const loaded = await measureReads(abuse);

const row = (name, a) => `| ${name} | ${a.requests.total} | ${a.non2xx} | ${a.latency.p50} | ${a.latency.p99} |`;
console.log(`\n## 1. Reads under abuse (${seconds} s, 100 + 100 connections; load average now: ${load()})\n`);
console.log('| run | requests | non-2xx | p50 ms | p99 ms |\n|---|---|---|---|---|');
console.log(row('/healthz, baseline', base.h));
console.log(row('/api/events, baseline', base.l));
console.log(row('/healthz, under abuse', loaded.h));
console.log(row('/api/events, under abuse', loaded.l));
console.log(`\nheavy anonymous client: ${heavy.sent} POST /api/cost (10 scenarios x 10,000 draws each), answered ${JSON.stringify(heavy.statuses)}`);
console.log(`import-token holder: ${importer.runs} imports of the bucket sample, ${JSON.stringify(importer.statuses)}`);
const goal = (v, g) => (v < g ? `met (${v} < ${g})` : `missed by ${v - g} ms (${v} vs ${g})`);
console.log(
  `goal healthz p99 < 50 ms: ${goal(loaded.h.latency.p99, 50)}; ratio to baseline ${(loaded.h.latency.p99 / Math.max(1, base.h.latency.p99)).toFixed(2)}`,
);
console.log(
  `goal list p99 < 100 ms: ${goal(loaded.l.latency.p99, 100)}; ratio to baseline ${(loaded.l.latency.p99 / Math.max(1, base.l.latency.p99)).toFixed(2)}`,
);

// 2. Bad inputs.
const big = 'x'.repeat(2 * 1024 * 1024);
const BAD = [
  ['GET', '/api/events?from=notadate'],
  ['GET', '/api/events?from=infinity'],
  ['GET', '/api/events?to=2024-13-45'],
  ['GET', '/api/events?limit=1e9'],
  ['GET', '/api/events?cursor=%00%ff'],
  ['GET', '/api/events?country=%27%20OR%201%3D1--'],
  ['GET', '/api/measurements?since=infinity'],
  ['GET', '/api/measurements/..%2F..%2Fetc%2Fpasswd'],
  ['GET', '/api/cost/events?draws=100000'],
  ['GET', '/api/cost?country=RU&type=full&hours=1e308'],
  ['GET', '/api/registry/lookup?q=' + 'a'.repeat(5000)],
  ['GET', '/docs/assets/..%2F..%2Fpackage.json'],
  ['POST', '/api/events', json(writeTok), '{"id":"xx-2020-x","title":"\\ud800"}'],
  ['POST', '/api/events', json(writeTok), '{not json'],
  ['POST', '/api/events', { ...json(writeTok), connection: 'close' }, big],
  ['POST', '/api/events', json(), '{}'],
  ['POST', '/api/events', { 'content-type': 'text/plain' }, '{}'],
  ['POST', '/api/cost', json(), JSON.stringify(Array.from({ length: 10 }, () => ({ country: 'RU', type: 'full', hours: 24, draws: 100000 })))],
  ['POST', '/api/cost', json(), '[]'],
  ['POST', '/api/_ops/measurements.ingest', json(importTok), JSON.stringify({ paths: ['/etc/passwd'] })],
  ['POST', '/api/_ops/measurements.ingest', json(importTok), JSON.stringify({ paths: [join(imports, '..', '..', 'etc', 'passwd')] })],
  ['POST', '/api/_ops/tokens.create', json(writeTok), JSON.stringify({ name: 'x', scopes: ['admin'] })],
  ['POST', '/api/_ops/tokens.list', { 'content-type': 'text/plain' }, '{}'],
  ['POST', '/api/_ops/db.seed', json(), '{}'],
  ['POST', '/api/_ops/events.list', { ...json(writeTok), origin: 'https://evil.example' }, '{}'],
  ['POST', '/api/_ops/no.such.op', json(writeTok), '{}'],
  ['DELETE', '/api/events/ru-2018-telegram-block', json()],
  ['PUT', '/api/anything', json(writeTok), '{}'],
  // Uploads: no token, a form body, a path as file name, a zip that is not one, an op that takes no uploads.
  ['POST', '/api/_uploads/elections.import?filename=x-2021.csv', { 'content-type': 'application/octet-stream' }, 'a,b'],
  [
    'POST',
    '/api/_uploads/elections.import?filename=x-2021.csv',
    { 'content-type': 'multipart/form-data; boundary=x', authorization: `Bearer ${importTok}` },
    '--x--',
  ],
  ['POST', '/api/_uploads/elections.import?filename=..%2F..%2Fetc%2Fpasswd', upload(importTok), 'x'],
  ['POST', '/api/_uploads/elections.import?filename=bomb-2021.csv.zip', upload(importTok), Buffer.from('PK\x03\x04 not a zip')],
  ['POST', '/api/_uploads/db.seed?filename=x.csv', upload(importTok), 'x'],
];
const answers = [];
for (const [method, path, headers = {}, body] of BAD) {
  const t = performance.now();
  try {
    const r = await withTimeout(fetch(`${server.url}${path}`, { method, headers, body }), 5000);
    const detail = ((await r.text()).match(/"detail":"([^"]{0,70})/) ?? [])[1] ?? '';
    answers.push({ req: `${method} ${path.slice(0, 60)}`, status: r.status, ms: Math.round(performance.now() - t), detail });
  } catch (e) {
    answers.push({ req: `${method} ${path.slice(0, 60)}`, status: e.message, ms: Math.round(performance.now() - t), detail: '' });
  }
}
console.log(`\n## 2. Bad inputs (${answers.length})\n\n| request | answer | ms | detail |\n|---|---|---|---|`);
for (const a of answers) console.log(`| \`${a.req}\` | ${a.status} | ${a.ms} | ${a.detail.replace(/\|/g, '/')} |`);
const bad500 = answers.filter((a) => a.status === 500 || a.status === 'timeout');
console.log(`goal no 500 and no hang: ${bad500.length === 0 ? 'met' : `missed: ${bad500.map((a) => a.req).join(', ')}`}`);

// 3. Faults: kill -9 mid-import, restart, re-run.
const counts = async (url) => {
  const ev = await (await fetch(`${url}/api/events?limit=1&include_retracted=true`)).json();
  const res = await fetch(`${url}/api/_ops/measurements.files`, { method: 'POST', headers: json(importTok), body: JSON.stringify({ limit: 10000 }) });
  const files = (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .at(-1).result.files;
  return { events: ev.total, measurements: files.reduce((n, f) => n + f.stored, 0) };
};
// New files (not yet stored), so the import killed is really writing.
for (const f of ['ooni-br-series', 'ooni-throughput', 'ooni-throttle-synthetic'])
  cpSync(join(root, 'test/fixtures', f), join(imports, 'late', f), { recursive: true });
const before = await counts(server.url);
let finished = false;
const pending = ingest(server.url, importTok, 'late').then(
  () => (finished = true),
  () => null,
);
await new Promise((r) => setTimeout(r, Number(process.env.BENCH_KILL_MS ?? 400)));
await stop(server, 'SIGKILL');
await pending;
server = await start();
const afterKill = await counts(server.url);
const rerun = await ingest(server.url, importTok, 'late');
const afterRerun = await counts(server.url);
const again = await ingest(server.url, importTok, 'late');
console.log(`\n## 3. Faults\n\n| step | events | measurements |\n|---|---|---|`);
console.log(`| before the kill | ${before.events} | ${before.measurements} |`);
console.log(`| after kill -9 mid-import and restart | ${afterKill.events} | ${afterKill.measurements} |`);
console.log(`| after re-running the import | ${afterRerun.events} | ${afterRerun.measurements} |`);
const r = rerun.result ?? {};
console.log(
  `the kill landed ${finished ? 'AFTER the import finished (raise BENCH_KILL_MS lower)' : 'while the import was running'} (BENCH_KILL_MS=${process.env.BENCH_KILL_MS ?? 400})`,
);
console.log(`re-run import: ${rerun.type}; lines read ${r.lines_read} = stored ${r.stored} + duplicates ${r.duplicates} + rejected ${r.rejected}`);
console.log(`second re-run: stored ${again.result?.stored} (goal 0: no duplicates)`);
const reconciles = r.lines_read === r.stored + r.duplicates + r.rejected && afterRerun.measurements === afterKill.measurements + r.stored;
const kept = afterKill.events === before.events && afterKill.measurements >= before.measurements && reconciles;
console.log(`goal nothing lost, counts reconcile: ${kept && again.result?.stored === 0 ? 'met' : 'missed'}`);
await stop(server);
rmSync(dir, { recursive: true, force: true });
console.log(`\nload average after: ${load()}`);
