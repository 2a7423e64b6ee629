// One store of `npm run bench:scale`, in a fresh process: ingest the corpus (2 workers, timed,
// CPU = this process's user + system seconds), extract network-event throughput (not timed), then
// the dashboard's heavy queries through the store contract, BENCH_ROUNDS times after one warm-up.
// Args: DATA_DIR DB_PATH [STORE_URL] (no URL = DuckDB). Prints one JSON line last:
// { seconds, cpuSeconds, measurements, reconciled, queries: { name: { p50, p99 } } }.
import { rmSync } from 'node:fs';

const [data, dbPath, url] = process.argv.slice(2);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const { openStore } = await import('../dist/src/store/index.js');
const { ingest, importShippedFingerprints, extractThroughput, measurementSummary } = await import('../dist/src/measure/index.js');
const { systemClock, silentProgress } = await import('../dist/src/shared/index.js');

rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const store = await openStore(dbPath, url ? { store: url, create: true } : {});
const deps = { store, clock: systemClock, progress: silentProgress };
await importShippedFingerprints(deps);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const t0 = performance.now();
const c0 = cpu();
const r = await ingest(deps, { paths: [data], workers: 2 });
const seconds = (performance.now() - t0) / 1000;
const cpuSeconds = cpu() - c0;
await extractThroughput(deps);

const queries = {
  'summary --cc RU': () => measurementSummary({ store }, { cc: 'RU' }),
  'cells target x day (all)': () => store.measure.cells({ grain: 'day' }),
  'block detector input (RU)': () => store.detect.blockHours({ cc: 'RU' }),
  'block series (all)': () => store.detect.blockSeries({}, 0.5),
  'throttling input: OONI throughput (RU)': () => store.throughput.points({ cc: 'RU' }),
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const out = {};
for (const [name, q] of Object.entries(queries)) {
  await q();
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await q();
    ms.push(performance.now() - t);
  }
  out[name] = { p50: pct(ms, 50), p99: pct(ms, 99) };
}
const measurements = (await store.measure.counts()).measurements;
await store.close();
console.log(JSON.stringify({ seconds, cpuSeconds, measurements, reconciled: r.reconciled, queries: out }));
