#!/usr/bin/env node
// npm run bench:api — the API under load, on loopback only.
// Seeds a temp database from the shipped data, starts `splinternet serve` as a child process,
// and drives it with autocannon from this process: 200 connections for 10 s per endpoint.
// Baseline in the same run: GET /healthz (no store query), so the ratios show what the ledger
// queries cost on top of HTTP. Goal (issue #2): p99 < 50 ms, no errors.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../dist/src/cli/bin.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
const db = join(dir, 'bench.duckdb');
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 200);

spawnSync(process.execPath, [bin, 'db', 'seed', '--db', db], { stdio: 'ignore' });
const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', '--db', db], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.on('data', (d) => resolve(JSON.parse(String(d).split('\n')[0]).url)));

const run = (path) =>
  new Promise((resolve, reject) =>
    autocannon({ url: url + path, connections, duration }, (err, r) => (err ? reject(err) : resolve(r))),
  );

const rows = [];
for (const [name, path] of [
  ['baseline GET /healthz', '/healthz'],
  ['GET /api/events?country=RU', '/api/events?country=RU'],
  ['GET /api/events/:id', '/api/events/ru-2018-telegram-block'],
]) {
  const r = await run(path);
  rows.push({ name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, total: r.requests.total });
}
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });

const base = rows[0].rps;
console.log(`\nmachine: ${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}; ${connections} connections x ${duration} s each, loopback\n`);
console.log('| endpoint | req/s | ratio to baseline | p50 ms | p99 ms | errors+non2xx | requests |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / base).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.total} |`);
}
const worst = Math.max(...rows.slice(1).map((r) => r.p99));
console.log(`\ngoal p99 < 50 ms with no errors: ${worst < 50 && rows.every((r) => r.errors === 0) ? 'met' : 'NOT met'} (worst p99 ${worst} ms)`);
