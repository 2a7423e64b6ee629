// `npm run bench:scale`: the same >= 1 GB OONI-format corpus (bench/ooni-corpus.mjs) ingested
// into DuckDB (the baseline), a one-shard and a two-shard ClickHouse cluster on this machine
// (`splinternet clickhouse up`, own ports and folders under bench/scale-*), then the dashboard's
// heavy queries on each. Prints per store: ingest MB/s and MB per CPU second (client, and client
// + servers), rows and bytes per shard with each shard's share, query p50/p99 and the ratios
// against DuckDB. Env: BENCH_MB (1100), BENCH_PARTS (16), BENCH_SEED (42), BENCH_ROUNDS (20),
// BENCH_STORES (duckdb,ch1,ch2).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './ooni-corpus.mjs';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'bench', 'corpus');
const bin = join(root, 'dist', 'bundle', 'bin.js');
const mb = Number(process.env.BENCH_MB ?? 1100);
const stores = (process.env.BENCH_STORES ?? 'duckdb,ch1,ch2').split(',');
const manifest = await buildCorpus({ root, dir, bytes: mb * 1e6, parts: Number(process.env.BENCH_PARTS ?? 16), seed: Number(process.env.BENCH_SEED ?? 42) });
const data = join(dir, 'jsonl');
const dataMb = manifest.bytes / 1e6;
console.log(`corpus: ${manifest.lines} measurements, ${dataMb.toFixed(0)} MB uncompressed .jsonl (seed ${manifest.params.seed})`);
console.log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, ${new Date().toISOString()}\n`,
);

const ticks = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, clock ticks at 100 Hz
};
const http = async (port, query) => {
  const r = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: query });
  return (await r.text()).trim();
};
const child = (dbPath, url) =>
  JSON.parse(
    execFileSync(process.execPath, [join(root, 'bench', 'scale-child.mjs'), data, dbPath, url ?? ''], { cwd: root, maxBuffer: 1 << 24 })
      .toString()
      .trim()
      .split('\n')
      .at(-1),
  );

const results = [];
for (const s of stores) {
  const shards = s === 'duckdb' ? 0 : Number(s.slice(2));
  const dbPath = join(root, 'bench', `scale-${s}.duckdb`);
  let cluster = null;
  const chDir = join(root, 'bench', `scale-${s}`);
  if (shards) {
    rmSync(chDir, { recursive: true, force: true });
    cluster = JSON.parse(
      execFileSync(process.execPath, [
        bin,
        'clickhouse',
        'up',
        '--shards',
        String(shards),
        '--dir',
        chDir,
        '--port',
        String(18_600 + 10 * shards),
        '--json',
      ]).toString(),
    );
  }
  try {
    const before = cluster ? cluster.servers.map((x) => ticks(x.pid)) : [];
    const r = child(dbPath, cluster?.url);
    const serverCpu = cluster ? cluster.servers.reduce((sum, x, i) => sum + ticks(x.pid) - before[i], 0) : 0;
    const perShard = [];
    for (const x of cluster?.servers ?? []) {
      const [rows, bytes] = (
        await http(
          x.httpPort,
          "SELECT sum(rows), sum(bytes_on_disk) FROM system.parts WHERE active AND database = 'splinternet' AND table = 'measurements_local'",
        )
      )
        .split('\t')
        .map(Number);
      perShard.push({ shard: x.shard, rows, bytes });
    }
    results.push({ store: s, shards, ...r, serverCpu, perShard });
  } finally {
    if (cluster) execFileSync(process.execPath, [bin, 'clickhouse', 'down', '--dir', chDir]);
  }
}

const base = results.find((r) => r.store === 'duckdb');
const f1 = (x) => x.toFixed(1);
console.log('ingest (2 workers; MB of uncompressed data; CPU = user + system seconds)\n');
console.log('| store | measurements stored | reconciled | wall s | MB/s | MB per client CPU s | MB per CPU s (client + servers) | vs DuckDB (per CPU s) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const perCpu = dataMb / (r.cpuSeconds + r.serverCpu);
  const basePerCpu = base ? dataMb / base.cpuSeconds : NaN;
  console.log(
    `| ${r.store} | ${r.measurements} | ${r.reconciled} | ${f1(r.seconds)} | ${f1(dataMb / r.seconds)} | ${f1(dataMb / r.cpuSeconds)} | ${f1(perCpu)} | ${(perCpu / basePerCpu).toFixed(2)} |`,
  );
}
console.log('\nbalance: rows and bytes per shard (share of the total; goal within 10 % of an equal share)\n');
console.log('| store | shard | rows | MB on disk | share of rows | off equal share |');
console.log('|---|---|---|---|---|---|');
for (const r of results.filter((x) => x.shards)) {
  const total = r.perShard.reduce((s, x) => s + x.rows, 0);
  for (const x of r.perShard)
    console.log(
      `| ${r.store} | ${x.shard} | ${x.rows} | ${f1(x.bytes / 1e6)} | ${((100 * x.rows) / total).toFixed(1)} % | ${((100 * (x.rows * r.shards - total)) / total).toFixed(1)} % |`,
    );
}
console.log(`\nqueries (${process.env.BENCH_ROUNDS ?? 20} rounds after one warm-up; ms)\n`);
const names = Object.keys(results[0].queries);
console.log(`| query | ${results.map((r) => `${r.store} p50 | ${r.store} p99`).join(' | ')} |`);
console.log(`|---|${results.map(() => '---|---').join('|')}|`);
for (const n of names) console.log(`| ${n} | ${results.map((r) => `${f1(r.queries[n].p50)} | ${f1(r.queries[n].p99)}`).join(' | ')} |`);
if (base) {
  console.log('\np50 ratio against DuckDB (higher = slower)\n');
  for (const r of results.filter((x) => x.shards))
    console.log(`${r.store}: ${names.map((n) => `${n} ${(r.queries[n].p50 / base.queries[n].p50).toFixed(2)}`).join('; ')}`);
}
