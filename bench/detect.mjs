#!/usr/bin/env node
// npm run bench:detect — the block and shutdown detectors on a synthetic year of hourly cells.
// Cells: BENCH_ASNS networks x BENCH_TARGETS targets x 8,760 hours (default 200 x 50 = 87.6 M),
// generated series by series into reused typed arrays (seeded), so memory stays flat whatever
// the count. Baseline in the same run: the same generation without detection; the ratio shows
// what the detector adds. Then the k-of-networks corroboration per target, and the shutdown
// detector over the 200 networks' hourly volume. Goal: < 60 s and < 2 GB peak RSS.
import console from 'node:console';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { corroborate, cusumColumns, DEFAULT_CUSUM_PARAMS, detectOutages, rng, runBlock, volumeSeries } from '../dist/src/detect/index.js';
import { openStore } from '../dist/src/store/index.js';

const ASNS = Number(process.env.BENCH_ASNS ?? 200);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 50);
const HOURS = 8760;
const HOUR = 3_600_000;
const t0 = Date.UTC(2025, 0, 1);

const t = new Float64Array(HOURS);
for (let h = 0; h < HOURS; h++) t[h] = t0 + h * HOUR;
const y = new Float32Array(HOURS);
const n = new Float32Array(HOURS);

/** One series: ~5% of series get a block of 1-30 days; 5% measurement noise either way. */
function fill(seed) {
  const rand = rng(seed);
  const blocked = rand() < 0.05;
  const from = Math.floor(rand() * (HOURS - 800));
  const to = from + 24 + Math.floor(rand() * 24 * 29);
  let cells = 0;
  for (let h = 0; h < HOURS; h++) {
    const m = 1 + Math.floor(rand() * 5);
    const inBlock = blocked && h >= from && h < to;
    let k = 0;
    for (let j = 0; j < m; j++) if (rand() < (inBlock ? 0.95 : 0.05)) k++;
    y[h] = k / m;
    n[h] = m;
    cells++;
  }
  return { cells, truth: blocked ? [from, to] : null };
}

/** One pass over every series; generation and detection are timed apart (the baseline is generation). */
function pass(limitTargets = TARGETS) {
  let gen = 0n;
  let det = 0n;
  let cells = 0;
  let changes = 0;
  let truths = 0;
  let found = 0;
  let episodes = 0;
  for (let target = 0; target < limitTargets; target++) {
    const intervals = [];
    for (let asn = 0; asn < ASNS; asn++) {
      const a = process.hrtime.bigint();
      const f = fill(target * 100_003 + asn + 1);
      const b = process.hrtime.bigint();
      const r = cusumColumns({ t, y, n, from: 0, to: HOURS }, DEFAULT_CUSUM_PARAMS);
      let open = null;
      for (const c of r.changes) {
        if (c.to === 'blocked') open = c.t;
        else if (open !== null) {
          intervals.push({ member: `AS${asn}`, start: open, end: c.t });
          open = null;
        }
      }
      if (open !== null) intervals.push({ member: `AS${asn}`, start: open, end: null });
      det += process.hrtime.bigint() - b;
      gen += b - a;
      cells += f.cells;
      changes += r.changes.length;
      if (f.truth) truths++;
      const on = r.changes.find((c) => c.direction === 'onset');
      if (f.truth && on && Math.abs(on.t - t[f.truth[0]]) <= 2 * HOUR) found++;
    }
    const c = process.hrtime.bigint();
    episodes += corroborate(intervals, 2, 48 * HOUR).length;
    det += process.hrtime.bigint() - c;
  }
  return { gen: Number(gen) / 1e9, det: Number(det) / 1e9, cells, changes, truths, found, episodes };
}

const fmt = (x) => x.toLocaleString('en-US');
console.log(`bench:detect — ${ASNS} networks x ${TARGETS} targets x ${HOURS} hours, Node ${process.version}`);
pass(1); // warm-up (JIT), not counted
const wall = process.hrtime.bigint();
const r = pass();
const total = Number(process.hrtime.bigint() - wall) / 1e9;
console.log(`cells: ${fmt(r.cells)} (${ASNS} x ${TARGETS} series x ${HOURS} h)`);
console.log(`baseline, generating the cells:   ${r.gen.toFixed(1)} s (${fmt(Math.round(r.cells / r.gen))} cells/s)`);
console.log(
  `CUSUM + corroboration:            ${r.det.toFixed(1)} s (${fmt(Math.round(r.cells / r.det))} cells/s), ratio to baseline ${(r.det / r.gen).toFixed(2)}`,
);
console.log(`wall time of the pass:            ${total.toFixed(1)} s`);
console.log(
  `change points: ${fmt(r.changes)}; planted blocks ${r.truths}, onsets found within 2 h: ${r.found} (${((100 * r.found) / Math.max(1, r.truths)).toFixed(1)}%); country episodes (k=2): ${r.episodes}`,
);

const vStart = process.hrtime.bigint();
let outages = 0;
for (let asn = 0; asn < ASNS; asn++) {
  const s = volumeSeries({ seed: asn + 1, t0, hours: HOURS, base: 40, diurnal: 0.5, outages: asn % 10 === 0 ? [{ start: 4000, hours: 12, depth: 1 }] : [] });
  outages += detectOutages(s).outages.length;
}
const vSec = Number(process.hrtime.bigint() - vStart) / 1e9;
console.log(`shutdown detector: ${ASNS} networks x ${HOURS} h in ${vSec.toFixed(2)} s, outages found ${outages} (planted ${Math.ceil(ASNS / 10)})`);
// Part 2: the store path. Measurements (one per cell) written through the measurement repo, then
// the block detector as `splinternet detect --kind block` runs it: DuckDB aggregates the hourly
// scores, the rows come to JS, CUSUM runs per series. Smaller, because it loads a database.
const S_ASNS = Number(process.env.BENCH_STORE_ASNS ?? 10);
const S_TARGETS = Number(process.env.BENCH_STORE_TARGETS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'bench-detect-'));
const store = await openStore(join(dir, 'bench.duckdb'));
const loadStart = process.hrtime.bigint();
let batch = [];
let stored = 0;
const flush = async () => {
  stored += await store.measure.writeBatch(batch, [], new Date().toISOString());
  batch = [];
};
for (let target = 0; target < S_TARGETS; target++) {
  for (let asn = 0; asn < S_ASNS; asn++) {
    fill(target * 100_003 + asn + 1);
    for (let h = 0; h < HOURS; h++) {
      const blocked = y[h] > 0.5;
      const at = new Date(t[h] + 60_000).toISOString();
      batch.push({
        id: `b-${target}-${asn}-${h}`,
        measurement_uid: null,
        report_id: null,
        input: null,
        probe_cc: 'AQ',
        probe_asn: `AS${64496 + asn}`,
        probe_network_name: null,
        resolver_asn: null,
        test_name: 'web_connectivity',
        test_version: null,
        software_name: null,
        software_version: null,
        platform: null,
        measurement_start_time: at.replace('T', ' ').replace('Z', ''),
        target: `t${target}.example`,
        anomaly: blocked,
        confirmed: false,
        failure: false,
        blocking_general: blocked ? 1 : 0,
        blocking_type: null,
        status: blocked ? 'blocked' : 'ok',
        layers: blocked ? ['tls'] : [],
        mechanism: null,
        rules: [],
        evidence: [],
        file_id: 'bench',
        line: h,
        byte_offset: 0,
        byte_length: 0,
      });
      if (batch.length >= 50_000) await flush();
    }
  }
}
await flush();
const loadSec = Number(process.hrtime.bigint() - loadStart) / 1e9;
const rssBefore = process.memoryUsage().rss;
const qStart = process.hrtime.bigint();
const blk = await runBlock(store, { cc: 'AQ' });
const qSec = Number(process.hrtime.bigint() - qStart) / 1e9;
console.log(
  `store path: ${fmt(stored)} measurements loaded in ${loadSec.toFixed(1)} s; detect --kind block over them: ${qSec.toFixed(1)} s (${fmt(Math.round(stored / qSec))} cells/s), ${blk.detections.length} country detections, ${blk.series.length} series; RSS now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB (was ${(rssBefore / 1048576).toFixed(0)} MB)`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS: ${rssMb.toFixed(0)} MB`);
console.log(
  JSON.stringify({
    asns: ASNS,
    targets: TARGETS,
    cells: r.cells,
    baseline_s: r.gen,
    detect_s: r.det,
    wall_s: total,
    shutdown_s: vSec,
    store_cells: stored,
    store_load_s: loadSec,
    store_detect_s: qSec,
    peak_rss_mb: Math.round(rssMb),
    onsets_found: r.found,
    planted: r.truths,
  }),
);
