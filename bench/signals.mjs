#!/usr/bin/env node
// npm run bench:signals — how long `signals import` takes for a large file, against the floor of
// DuckDB loading the same CSV itself (read_csv into a table, no validation, no per-point work),
// measured in the same invocation. The file is SYNTHETIC in size only: the real IODA series of
// test/fixtures/outages (IranCell, 5-minute bins, 3,995 points) copied onto BENCH_SERIES entity
// codes (default 40, ≈ 160,000 points). Each import runs into a fresh database, BENCH_RUNS times
// (default 3), interleaved with the floor; medians of wall time.
// BENCH_BASELINE_BIN=/path/to/other/dist/bundle/bin.js runs the same import with that build too
// (an earlier commit built elsewhere), for a before/after in one invocation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadText, writeIodaCopies } from './ioda-file.mjs';

const root = new URL('..', import.meta.url).pathname;
const bins = { this: join(root, 'dist/bundle/bin.js'), ...(process.env.BENCH_BASELINE_BIN ? { baseline: process.env.BENCH_BASELINE_BIN } : {}) };
const runs = Number(process.env.BENCH_RUNS ?? 3);
const copies = Number(process.env.BENCH_SERIES ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'bench-signals-'));
const { file, lines } = writeIodaCopies(dir, copies);
console.log(
  `bench:signals  ${new Date().toISOString()}  ${cpus().length} × ${cpus()[0]?.model ?? '?'}  node ${process.version}  load ${loadText()}  runs ${runs}  points ${lines.length.toLocaleString('en-US')}`,
);

let n = 0;
const timeImport = (bin) => {
  const db = join(dir, `s${n++}.duckdb`);
  spawnSync(process.execPath, [bin, 'db', 'migrate', '--db', db], { stdio: 'ignore' });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'signals', 'import', file, '--cc', 'IR', '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const stored = JSON.parse(r.stdout || '{}').files?.[0]?.stored;
  if (r.status !== 0 || stored !== lines.length)
    throw new Error(`import with ${bin} exited ${r.status}, stored ${stored} of ${lines.length}: ${r.stderr.slice(0, 400)}`);
  rmSync(db, { force: true });
  return ms;
};
const timeFloor = async () => {
  const inst = await DuckDBInstance.create(join(dir, `f${n++}.duckdb`));
  const c = await inst.connect();
  const t = process.hrtime.bigint();
  await c.run(
    `CREATE TABLE p AS SELECT * FROM read_csv('${file}', header = false, columns = {'source': 'VARCHAR', 'value': 'DOUBLE', 'asn': 'VARCHAR', 'name': 'VARCHAR', 'ts': 'TIMESTAMPTZ'})`,
  );
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  c.closeSync();
  return ms;
};

const samples = { 'floor: DuckDB read_csv of the same file': [] };
for (let i = 0; i < runs; i++) {
  samples['floor: DuckDB read_csv of the same file'].push(await timeFloor());
  for (const [b, bin] of Object.entries(bins)) (samples[`${b}: signals import`] ??= []).push(timeImport(bin));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = median(samples['floor: DuckDB read_csv of the same file']);
console.log('\n| case | median ms | points/s | × floor |' + (bins.baseline ? ' × baseline build |' : ''));
console.log('|---|---|---|---|' + (bins.baseline ? '---|' : ''));
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  const other = name.startsWith('this: ') && bins.baseline ? median(samples['baseline: signals import']) : null;
  console.log(
    `| ${name} | ${m.toFixed(0)} | ${Math.round(lines.length / (m / 1000)).toLocaleString('en-US')} | ${(m / floor).toFixed(1)} |${bins.baseline ? ` ${other ? (m / other).toFixed(2) : ''} |` : ''}`,
  );
}
console.log(`\nload after: ${loadText()}`);
rmSync(dir, { recursive: true, force: true });
