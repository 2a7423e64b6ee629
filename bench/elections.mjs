#!/usr/bin/env node
// bench:elections. Import of the 2021 national polling-station file (96,325 stations) and the
// integer-percentage Monte Carlo with 1,000 replicates on it. Goals: import >= 50,000 stations/s;
// Monte Carlo < 5 s on one core (the simulation is single-threaded: its CPU time is its one-core time).
// Baselines measured in the same run: unzip + line split (the floor any importer pays) and
// DuckDB's own read_csv of the unzipped file for the import; a bare loop drawing the same
// number of uniforms for the Monte Carlo. Wall and CPU times both printed; load average before/after.
// Run: npm run bench:elections  (builds first; needs ../shared/data/elections/kobak-2021.csv.zip)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

import { dist, openStore, root, silentProgress, systemClock } from './lib.mjs';

const { importElections } = await import(dist('elections/index.js'));
const { textOf } = await import(dist('elections/text.js'));
const { readProtocol } = await import(dist('elections/read-protocol.js'));
const { integerFingerprint, DEFAULT_INTEGERS } = await import(dist('elections/integers.js'));

const FILE = join(root, '..', 'shared', 'data', 'elections', 'kobak-2021.csv.zip');
if (!existsSync(FILE)) {
  console.log(`bench:elections skipped: ${FILE} not found (the full CEC files live in ../shared/data/elections)`);
  process.exit(0);
}

/** Wall ms and CPU ms (user + system) of an async step. */
async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const cpu = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 };
}
const f0 = (x) => x.toFixed(0);
const rate = (n, ms) => Math.round((n / ms) * 1000).toLocaleString('en-US');

const load0 = loadavg();
console.log(
  `bench:elections · ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model} · node ${process.version} · load average ${load0.map((x) => x.toFixed(2)).join(' ')}`,
);
const bytes = readFileSync(FILE);
const tmp = mkdtempSync(join(tmpdir(), 'bench-elections-'));
try {
  // Baseline 1: unzip and split into lines.
  const floor = await timed(() => textOf(bytes).split('\n').length - 2);
  const stations = floor.value;
  // Baseline 2: DuckDB reading the unzipped CSV itself (no mapping, no flags, no store).
  const csv = join(tmp, '2021.csv');
  writeFileSync(csv, textOf(bytes));
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  const dcsv = await timed(
    async () => (await conn.runAndReadAll(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}'); SELECT count(*) FROM t`)).getRowsJS()[0][0],
  );
  conn.closeSync();
  // Parse alone, then the whole import (read, unzip, parse, flag, stage, load in one transaction).
  const parse = await timed(() => readProtocol(textOf(bytes), '2021.csv').rows.length);
  const store = await openStore(join(tmp, 'bench.duckdb'));
  const imp = await timed(() => importElections({ store, clock: systemClock, progress: silentProgress }, [FILE], { force: true }));
  const r = imp.value.files[0];
  console.log(
    `\nimport of kobak-2021.csv.zip (${(bytes.length / 1e6).toFixed(1)} MB zipped, ${stations.toLocaleString('en-US')} stations): stored ${r.stored}, rejected ${r.rejected}, flagged ${r.flagged}`,
  );
  console.log(`  baseline unzip + split lines   ${f0(floor.ms).padStart(6)} ms wall ${f0(floor.cpu).padStart(6)} ms CPU`);
  console.log(`  baseline DuckDB read_csv       ${f0(dcsv.ms).padStart(6)} ms wall ${f0(dcsv.cpu).padStart(6)} ms CPU (engine threads count in CPU)`);
  console.log(`  parse + flag (readProtocol)    ${f0(parse.ms).padStart(6)} ms wall ${f0(parse.cpu).padStart(6)} ms CPU`);
  console.log(
    `  import (end to end, stored)    ${f0(imp.ms).padStart(6)} ms wall ${f0(imp.cpu).padStart(6)} ms CPU = ${rate(stations, imp.ms)} stations/s (goal >= 50,000) · ${(imp.ms / floor.ms).toFixed(1)}x the unzip floor, ${(imp.ms / dcsv.ms).toFixed(1)}x DuckDB read_csv`,
  );

  // Monte Carlo: window probabilities (one pass) and 1,000 replicates.
  const arrays = await timed(() => store.elections.arrays('duma-2021', 4, { stations_only: true }));
  await store.close();
  const one = await timed(() => integerFingerprint(arrays.value, { ...DEFAULT_INTEGERS, reps: 1 }));
  const full = await timed(() => integerFingerprint(arrays.value, DEFAULT_INTEGERS));
  const n = full.value.stations_included;
  const base = await timed(() => {
    let s = 0;
    for (let r = 0; r < 1000; r++) for (let j = 0; j < n; j++) s += Math.random() < 0.1 ? 1 : 0;
    return s;
  });
  const mcOnly = full.cpu - one.cpu;
  console.log(`\ninteger-percentage Monte Carlo, 1,000 replicates on ${n.toLocaleString('en-US')} stations (read from the store in ${f0(arrays.ms)} ms):`);
  console.log(`  window probabilities (1 replicate)  ${f0(one.ms).padStart(6)} ms wall ${f0(one.cpu).padStart(6)} ms CPU`);
  console.log(`  full run (probabilities + 1,000)    ${f0(full.ms).padStart(6)} ms wall ${f0(full.cpu).padStart(6)} ms CPU (goal < 5,000 ms on one core)`);
  console.log(
    `  of which the 1,000 replicates       ${f0(full.ms - one.ms).padStart(6)} ms wall ${f0(mcOnly).padStart(6)} ms CPU · ${(((full.ms - one.ms) * 1e6) / (n * 1000)).toFixed(1)} ns per station-replicate`,
  );
  console.log(
    `  baseline: bare loop, same draws      ${f0(base.ms).padStart(6)} ms wall ${f0(base.cpu).padStart(6)} ms CPU · replicates ${((full.ms - one.ms) / base.ms).toFixed(2)}x the bare loop`,
  );
  console.log(`  excess ${full.value.either.excess} ± ${full.value.either.sd} (2021, United Russia, seed 42)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(
  `\nload average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
