#!/usr/bin/env node
// npm run bench:startup — how long the CLI takes to start, which every command and every test
// that runs the CLI pays. Each case runs BENCH_RUNS times (default 15), interleaved so load
// drifts hit every case alike; medians of wall time, and each as a ratio to bare `node -e 0`
// measured in the same invocation; on Linux also each run's CPU time (user + system, from
// /proc/self/stat's cutime and cstime, in 10 ms ticks), the cost a busy machine pays.
// Cases: --version, --help, a usage error (refused before any store opens), `events list
// --limit 1` on an empty database (opens DuckDB) and `doctor` on it (its checks and indexes).
// BENCH_BASELINE_BIN=/path/to/other/dist/bundle/bin.js runs every case on that build too (an
// earlier commit built elsewhere, or this build's unbundled dist/src/cli/bin.js), for a
// before/after in one invocation.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  'doctor (empty database)': ['doctor', '--db', db, '--json'],
};
/** CPU (user + system) of the children this process has waited for, in ms; null off Linux. */
const childCpu = () => {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in USER_HZ (100)
};
/** One run of node with `args`: its wall time and, where the system tells, its CPU time (ms). */
const time = (args) => {
  const c = childCpu();
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  return { wall, cpu: c === null ? null : childCpu() - c };
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
const wall = (xs) => median(xs.map((x) => x.wall));
const cpu = (xs) => (xs[0].cpu === null ? null : median(xs.map((x) => x.cpu)));
const base = wall(samples['node -e 0']);
const withCpu = samples['node -e 0'][0].cpu !== null;
console.log(
  '\n| case | median ms | × node -e 0 |' +
    (bins.baseline ? ' × baseline build |' : '') +
    (withCpu ? ' median CPU ms |' + (bins.baseline ? ' CPU × baseline |' : '') : ''),
);
console.log('|---|---|---|' + (bins.baseline ? '---|' : '') + (withCpu ? '---|' + (bins.baseline ? '---|' : '') : ''));
for (const [name, xs] of Object.entries(samples)) {
  const m = wall(xs);
  const other = name.startsWith('this: ') && bins.baseline ? samples[name.replace('this: ', 'baseline: ')] : null;
  let row = `| ${name} | ${m.toFixed(0)} | ${(m / base).toFixed(2)} |${bins.baseline ? ` ${other ? (m / wall(other)).toFixed(2) : ''} |` : ''}`;
  if (withCpu) row += ` ${cpu(xs).toFixed(0)} |${bins.baseline ? ` ${other ? (cpu(xs) / cpu(other)).toFixed(2) : ''} |` : ''}`;
  console.log(row);
}
console.log(`\nload after: ${load()}`);
rmSync(dir, { recursive: true, force: true });
