#!/usr/bin/env node
// npm run bench:signal-read — reading every stored signal point (what an outage run or a watch
// cycle reads first): the store's read against a baseline in the same invocation, a plain
// `SELECT *` converted to row objects in one piece (how the store read before it took numbers per
// point and each series' texts once). For each: wall time, and the longest stretch the event loop
// was held (a 5 ms timer's largest gap), which is what a watch's webhook sends and HTTP server wait
// behind. The points are SYNTHETIC in number only: the real IODA IranCell series of
// test/fixtures/outages (3,996 points in two series) imported under BENCH_SERIES entity codes
// (default 84, ≈ 336,000 points, the size of the store the watch was measured on). BENCH_RUNS
// (default 3) alternating runs; medians.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadText, writeIodaCopies } from './ioda-file.mjs';
import { dist, openStore, systemClock } from './lib.mjs';

const { importSignalFile } = await import(dist('signals/index.js'));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const copies = Number(process.env.BENCH_SERIES ?? 84);
const dir = mkdtempSync(join(tmpdir(), 'bench-signal-read-'));
const { file, lines } = writeIodaCopies(dir, copies);
const db = join(dir, 's.duckdb');
{
  const store = await openStore(db);
  const r = await importSignalFile({ store, clock: systemClock }, file, { cc: 'IR' });
  await store.close();
  if (r.file.stored !== lines.length) throw new Error(`stored ${r.file.stored} of ${lines.length}`);
}
console.log(
  `bench:signal-read  ${new Date().toISOString()}  ${cpus().length} × ${cpus()[0]?.model ?? '?'}  node ${process.version}  load ${loadText()}  runs ${runs}  points ${lines.length.toLocaleString('en-US')}`,
);

/** Wall time of `read` and the longest gap of a 5 ms timer beside it. */
async function measure(read) {
  let last = performance.now();
  let held = 0;
  const iv = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 5);
  await new Promise((r) => setTimeout(r, 20));
  const t = performance.now();
  const n = await read();
  const ms = performance.now() - t;
  await new Promise((r) => setTimeout(r, 20)); // the timer's turn after the last stretch
  clearInterval(iv);
  if (n !== lines.length) throw new Error(`read ${n} of ${lines.length} points`);
  return { ms, held };
}

const store = await openStore(db, { readOnly: true });
const ours = async () => (await store.signals.points({})).length;
const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
const conn = await inst.connect();
const baseline = async () => {
  const r = await conn.runAndReadAll('SELECT * FROM signal_points ORDER BY source, entity_type, entity_code, t');
  const names = r.deduplicatedColumnNames();
  const cols = r.getColumnsJS();
  const rows = [];
  for (let i = 0; i < r.currentRowCount; i++) {
    const o = {};
    names.forEach((n, j) => (o[n] = cols[j][i]));
    o.t = new Date(String(o.t)).toISOString();
    rows.push(o);
  }
  return rows.length;
};

const samples = { 'baseline: SELECT * as row objects': [], 'this: store.signals.points': [] };
for (let i = 0; i < runs; i++) {
  samples['baseline: SELECT * as row objects'].push(await measure(baseline));
  samples['this: store.signals.points'].push(await measure(ours));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = samples['baseline: SELECT * as row objects'];
console.log('\n| case | median ms | × baseline | longest loop hold ms (median) | × baseline |');
console.log('|---|---|---|---|---|');
for (const [name, xs] of Object.entries(samples)) {
  const ms = median(xs.map((x) => x.ms));
  const held = median(xs.map((x) => x.held));
  console.log(
    `| ${name} | ${ms.toFixed(0)} | ${(ms / median(base.map((x) => x.ms))).toFixed(2)} | ${held.toFixed(0)} | ${(held / median(base.map((x) => x.held))).toFixed(3)} |`,
  );
}
console.log(`\nload after: ${loadText()}`);
conn.closeSync();
inst.closeSync();
await store.close();
rmSync(dir, { recursive: true, force: true });
