#!/usr/bin/env node
// npm run bench:startup — how long the CLI takes to start, which every command and every test
// that runs the CLI pays. Each case runs BENCH_RUNS times (default 15), interleaved so load
// drifts hit every case alike; medians of wall time, and each as a ratio to bare `node -e 0`
// measured in the same invocation. Cases: --version, --help, a usage error (refused before any
// store opens), and `events list --limit 1` on an empty database (opens DuckDB).
// BENCH_BASELINE_BIN=/path/to/other/dist/bundle/bin.js runs every case on that build too (an
// earlier commit built elsewhere, or this build's unbundled dist/src/cli/bin.js), for a
// before/after in one invocation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bins = { this: join(root, 'dist/bundle/bin.js'), ...(process.env.BENCH_BASELINE_BIN ? { baseline: process.env.BENCH_BASELINE_BIN } : {}) };
const runs = Number(process.env.BENCH_RUNS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
const db = join(dir, 'empty.duckdb');
const cases = {
  '--version': ['--version'],
  '--help': ['--help'],
  'usage error (exit 2)': ['events', 'list', '--limit', 'x'],
  'events list --limit 1 (opens DuckDB)': ['events', 'list', '--limit', '1', '--db', db, '--json'],
};
const time = (args) => {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

console.log(`bench:startup  ${new Date().toISOString()}  ${cpus().length} × ${cpus()[0]?.model ?? '?'}  node ${process.version}  load ${load()}  runs ${runs}`);
// the database once, so every timed run opens an existing file
spawnSync(process.execPath, [bins.this, 'db', 'migrate', '--db', db], { stdio: 'ignore' });
const samples = { 'node -e 0': [] };
for (let i = 0; i < runs; i++) {
  samples['node -e 0'].push(time(['-e', '0']));
  for (const [b, bin] of Object.entries(bins)) for (const [name, args] of Object.entries(cases)) (samples[`${b}: ${name}`] ??= []).push(time([bin, ...args]));
}
const base = median(samples['node -e 0']);
console.log('\n| case | median ms | × node -e 0 |' + (bins.baseline ? ' × baseline build |' : ''));
console.log('|---|---|---|' + (bins.baseline ? '---|' : ''));
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  const other = name.startsWith('this: ') && bins.baseline ? samples[name.replace('this: ', 'baseline: ')] : null;
  console.log(`| ${name} | ${m.toFixed(0)} | ${(m / base).toFixed(2)} |${bins.baseline ? ` ${other ? (m / median(other)).toFixed(2) : ''} |` : ''}`);
}
console.log(`\nload after: ${load()}`);
rmSync(dir, { recursive: true, force: true });
