#!/usr/bin/env node
// npm run bench:cost — the cost engine. Seeds a temp database with `db seed` (the
// shipped ledger incl. the STOP import, and data/costs), then in this process:
//  1. prices every shutdown / throttling / block event with 10,000 draws each (ongoing events
//     priced up to the bench date and throttles at severity 1, so every event is attempted);
//  2. prices a one-day full shutdown of all 85 Russian regions with 10,000 draws;
//  3. times the API round trip of one scenario on loopback (cached and uncached).
// Baseline in the same run: one national deloitte-2016 estimate with 10,000 draws (the
// smallest unit of work), and GET /healthz for the API. Goals: ledger < 1 s; API < 5 ms median.
import { serve } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/src/', import.meta.url).pathname;
const { openStore } = await import(join(dist, 'store/index.js'));
const { clearDrawMemo, costRegions, drawMemoStats, estimateCost, priceEvent } = await import(join(dist, 'cost/index.js'));
const { econData, invalidateEconData } = await import(join(dist, 'cost/data/econ-data.js'));
const { listEvents } = await import(join(dist, 'ledger/index.js'));
const { createApp } = await import(join(dist, 'server/app.js'));

const DRAWS = Number(process.env.BENCH_DRAWS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'bench-cost-'));
const db = join(dir, 'bench.duckdb');
spawnSync(process.execPath, [new URL('../dist/bundle/bin.js', import.meta.url).pathname, 'db', 'seed', '--db', db], { stdio: 'ignore' });
const store = await openStore(db);
const deps = { store };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const time = async (fn) => {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
};

// Baseline: one national estimate, JIT-warm, with the draw memo cleared (all 10,000 draws computed).
const base = { country: 'RU', type: 'full', hours: 24, method: ['deloitte-2016'], draws: DRAWS };
const baseRuns = [];
for (let i = 0; i < 25; i++) {
  clearDrawMemo();
  baseRuns.push((await time(() => estimateCost(deps, base)))[0]);
}
const baseMs = median(baseRuns.slice(5)); // after JIT warm-up

// 1. The ledger: list every cost-bearing event (pages of 1,000) and price each, timed together.
const listAll = async (origin) => {
  const out = [];
  for (const category of ['shutdown', 'throttling', 'block']) {
    let cursor;
    do {
      const page = await listEvents(deps, { category, limit: 1000, cursor, ...(origin ? { origin } : {}) });
      out.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }
  return out;
};
const runLedger = async (origin, { isolated = false } = {}) => {
  let estimates = 0;
  let priced = 0;
  const missing = {};
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const events = await listAll(origin);
  for (const e of events) {
    if (isolated) clearDrawMemo();
    const o = { draws: DRAWS, ...(e.end ? {} : { end: '2026-11-26' }), ...(e.category === 'throttling' ? { severity: 1 } : {}) };
    let r;
    try {
      r = await priceEvent(deps, e, o);
    } catch (err) {
      r = { estimates: [], missing: [{ field: err.issues?.[0]?.path?.join('.') ?? 'error', reason: err.message }] };
    }
    if (r.estimates.length) {
      priced++;
      estimates += r.estimates.length;
    }
    for (const m of r.missing) missing[m.field] = (missing[m.field] ?? 0) + 1;
  }
  const c = process.cpuUsage(c0);
  return { total: performance.now() - t0, cpu: (c.user + c.system) / 1000, events: events.length, estimates, priced, missing };
};
clearDrawMemo();
const before = drawMemoStats();
const cold = await runLedger(); // first pass: each country's data loaded from the store, memo empty
const firstWork = Object.fromEntries(Object.entries(drawMemoStats()).map(([k, v]) => [k, v - before[k]]));
const warm = await runLedger(); // second pass: data and memo warm
// Part of the first pass: reading every event country's economic data from the store, alone.
const countries = [...new Set((await listAll()).flatMap((e) => e.countries))];
invalidateEconData(store);
const tData = performance.now();
for (const c of countries) await econData(store, c).catch(() => null);
const dataMs = performance.now() - tData;
const isolated = await runLedger(undefined, { isolated: true }); // memo cleared before every event
const seedWarm = await runLedger('seed');

// 2. All Russian regions (JIT-warm, memo cleared).
await costRegions(deps, { country: 'RU', type: 'full', hours: 24, draws: DRAWS });
clearDrawMemo(); // timed with every draw computed
const [regionsMs, regions] = await time(() => costRegions(deps, { country: 'RU', type: 'full', hours: 24, draws: DRAWS }));

// 3. API round trip on loopback, sequential requests.
const app = createApp({ store, clock: { now: () => new Date() }, dbPath: db });
const server = await new Promise((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
});
const url = `http://127.0.0.1:${server.address().port}`;
const rtt = async (path, n = 200) => {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url + path(i));
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path(i)} -> ${res.status}`);
    xs.push(performance.now() - t);
  }
  return median(xs);
};
const q = '/api/cost?country=RU&region=RU-MOW&type=full&hours=24&method=ozi-regional';
const healthMs = await rtt(() => '/healthz');
const cachedMs = await rtt(() => q);
const uncachedMs = await rtt((i) => `${q}&seed=${1000 + i}`);
const uncachedAllMs = await rtt((i) => `/api/cost?country=RU&region=RU-MOW&type=full&hours=24&seed=${5000 + i}`, 50);
server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const f = (x) => x.toFixed(1);
console.log(
  `\nmachine: ${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}, load average ${loadavg()[0].toFixed(1)}; ${DRAWS} draws per estimate\n`,
);
console.log(`baseline: one national deloitte-2016 estimate: ${f(baseMs)} ms\n`);
console.log('| work | time (wall, and CPU of this process) | per estimate | per estimate / baseline |');
console.log('|---|---|---|---|');
for (const [name, r] of [
  ['whole seeded ledger incl. the STOP import, first pass (country data loaded, memo empty)', cold],
  ['whole seeded ledger incl. the STOP import, second pass (warm)', warm],
  ['whole seeded ledger, memo cleared before every event (no sharing between events)', isolated],
  ['curated ledger (data/ledger, origin seed), warm', seedWarm],
]) {
  console.log(
    `| ${name}: ${r.events} events, ${r.priced} priced, ${r.estimates} estimates | ${f(r.total)} ms (CPU ${f(r.cpu)} ms) | ${f(r.total / Math.max(1, r.estimates))} ms | ${f(r.total / Math.max(1, r.estimates) / baseMs)} |`,
  );
}
console.log(`| 85 Russian regions, one day, ozi-regional (${regions.items.length} items) | ${f(regionsMs)} ms | – | ${f(regionsMs / baseMs)} |`);
console.log(
  `\nfirst pass, work the memo could not share: ${firstWork.param_draws} parameter draws, ${firstWork.unit_fills} unit fills, ${firstWork.unit_quantiles} unit percentiles; economic data of ${countries.length} countries read from the store alone: ${f(dataMs)} ms`,
);
console.log(`\nevents not priced, by what they miss: whole ledger ${JSON.stringify(warm.missing)}; curated ${JSON.stringify(seedWarm.missing)}`);
console.log('\n| API round trip (loopback, sequential) | median ms | ratio to /healthz |');
console.log('|---|---|---|');
for (const [name, ms] of [
  ['GET /healthz (baseline)', healthMs],
  ['GET /api/cost Moscow, ozi-regional, cached', cachedMs],
  ['GET /api/cost Moscow, ozi-regional, uncached (new seed each time)', uncachedMs],
  ['GET /api/cost Moscow, all methods, uncached', uncachedAllMs],
])
  console.log(`| ${name} | ${f(ms)} | ${f(ms / healthMs)} |`);
console.log(
  `\ngoals: ledger < 1 s: curated ${seedWarm.total < 1000 ? 'met' : 'NOT met'} (${f(seedWarm.total)} ms), whole ledger with STOP ${cold.total < 1000 ? 'met' : 'NOT met'} on the first pass (${f(cold.total)} ms), ${warm.total < 1000 ? 'met' : 'NOT met'} on the second (${f(warm.total)} ms); API < 5 ms median: ${uncachedMs < 5 ? 'met' : 'NOT met'} uncached (${f(uncachedMs)} ms), ${cachedMs < 5 ? 'met' : 'NOT met'} cached (${f(cachedMs)} ms)`,
);
