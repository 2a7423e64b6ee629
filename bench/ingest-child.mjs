// One timed run in a fresh process (so peak RSS is this run's): mode ours | duckdb | naive.
// Prints one JSON line: { seconds, lines, bytes, maxRssMb, ... }.
import { createReadStream, readdirSync, statSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';

const [mode, dir, threadsArg, dbPath] = process.argv.slice(2);
const threads = Number(threadsArg);
const files = readdirSync(dir, { recursive: true })
  .filter((f) => /\.jsonl(\.gz)?$/.test(f))
  .sort()
  .map((f) => join(dir, f));
const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU seconds of this process, every thread included (workers, DuckDB's pool): robust to a loaded machine. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function ours() {
  const { openStore } = await import('../dist/src/store/index.js');
  const { ingest, importShippedFingerprints } = await import('../dist/src/measure/index.js');
  const { systemClock, silentProgress } = await import('../dist/src/shared/index.js');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
  const store = await openStore(dbPath);
  const deps = { store, clock: systemClock, progress: silentProgress };
  await importShippedFingerprints(deps);
  const t = performance.now();
  const c = cpu();
  const r = await ingest(deps, { paths: [dir], workers: threads, engine: process.env.BENCH_ENGINE ?? 'js' });
  const seconds = (performance.now() - t) / 1000;
  const cpuSeconds = cpu() - c;
  await store.close();
  return { seconds, cpuSeconds, lines: r.lines_read, stored: r.stored, rejected: r.rejected, reconciled: r.reconciled, distribution: await distribution() };
}

/** What the run stored: verdict classes and test names, counted in the database it wrote (after the timing). */
async function distribution() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  const count = async (col) =>
    Object.fromEntries(
      (await c.runAndReadAll(`SELECT ${col} AS k, count(*) AS n FROM measurements GROUP BY 1 ORDER BY 1`)).getRowObjectsJS().map((r) => [r.k, Number(r.n)]),
    );
  const out = { status: await count('status'), test_name: await count('test_name') };
  c.closeSync();
  inst.closeSync();
  return out;
}

// Every top-level field of the real measurements, with test_keys (and the other objects) as JSON.
const COLUMNS = {
  annotations: 'JSON',
  data_format_version: 'VARCHAR',
  extensions: 'JSON',
  id: 'VARCHAR',
  input: 'JSON',
  input_hashes: 'JSON',
  measurement_start_time: 'VARCHAR',
  measurement_uid: 'VARCHAR',
  options: 'JSON',
  probe_asn: 'VARCHAR',
  probe_cc: 'VARCHAR',
  probe_city: 'VARCHAR',
  probe_ip: 'VARCHAR',
  probe_network_name: 'VARCHAR',
  report_id: 'VARCHAR',
  resolver_asn: 'VARCHAR',
  resolver_ip: 'VARCHAR',
  resolver_network_name: 'VARCHAR',
  software_name: 'VARCHAR',
  software_version: 'VARCHAR',
  test_helpers: 'JSON',
  test_keys: 'JSON',
  test_name: 'VARCHAR',
  test_runtime: 'DOUBLE',
  test_start_time: 'VARCHAR',
  test_version: 'VARCHAR',
  backend_version: 'VARCHAR',
  bucket_date: 'VARCHAR',
  report_filename: 'VARCHAR',
};

async function duckdb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(`SET threads = ${threads}`);
  const cols = `{${Object.entries(COLUMNS)
    .map(([k, v]) => `'${k}': '${v}'`)
    .join(', ')}}`;
  const list = `[${files.map((f) => `'${f}'`).join(', ')}]`;
  const touch = Object.keys(COLUMNS)
    .map((k) => `count("${k}")`)
    .join(' + ');
  const t = performance.now();
  const c0 = cpu();
  const r = await c.runAndReadAll(
    `SELECT count(*) AS n, ${touch} AS cells, sum(length(test_keys::VARCHAR)) AS tk FROM read_json(${list}, format = 'newline_delimited', maximum_object_size = 67108864, ignore_errors = false, columns = ${cols})`,
  );
  const seconds = (performance.now() - t) / 1000;
  return { seconds, cpuSeconds: cpu() - c0, lines: Number(r.getRowObjectsJS()[0].n) };
}

async function naive() {
  const t = performance.now();
  const c0 = cpu();
  let lines = 0;
  for (const f of files) {
    const input = f.endsWith('.gz') ? createReadStream(f).pipe(createGunzip()) : createReadStream(f);
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (!line) continue;
      JSON.parse(line);
      lines++;
    }
  }
  return { seconds: (performance.now() - t) / 1000, cpuSeconds: cpu() - c0, lines };
}

const run = { ours, duckdb, naive }[mode];
const r = await run();
console.log(JSON.stringify({ mode, threads, bytes, ...r, mb_per_s: bytes / 1e6 / r.seconds, msm_per_s: r.lines / r.seconds, maxRssMb: rss() }));
