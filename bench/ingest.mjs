// `npm run bench:ingest`: our full OONI ingest (parse, verdict, store, aggregate) against DuckDB's
// own read_json of the same files (every top-level field, test_keys as JSON) and a naive Node
// loop (readline + JSON.parse), with 1 thread and with every core, on a seeded >= 1 GB corpus
// built from the real measurements in data/ooni (bench/ooni-corpus.mjs), as .jsonl and as
// .jsonl.gz. Before any figure, the real measurements themselves are ingested and their verdict
// classes and test names printed next to the corpus's (as each timed run stored them): the bench
// refuses to report when a share differs by more than BENCH_MAX_SHARE_DIFF points (default 3),
// since a corpus that scores differently measures another workload. Each run is a fresh
// process so peak RSS is its own. "ours" runs with each ingest engine (js: every line parsed in
// worker threads; duckdb: DuckDB's reader projects, JavaScript scores). Env: BENCH_MB (default
// 1100), BENCH_SEED (42), BENCH_ENGINES (js,duckdb), BENCH_MAX_SHARE_DIFF (3).
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './ooni-corpus.mjs';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'bench', 'corpus');
const mb = Number(process.env.BENCH_MB ?? 1100);
const cores = availableParallelism();
const t0 = performance.now();
const manifest = await buildCorpus({ root, dir, bytes: mb * 1e6, seed: Number(process.env.BENCH_SEED ?? 42) });
console.log(
  `corpus: ${manifest.lines} measurements, ${(manifest.bytes / 1e6).toFixed(0)} MB uncompressed in ${manifest.files} bucket files (copies of ${manifest.source.lines} real measurements, seed ${manifest.params.seed}); ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
console.log(
  `machine: ${cores} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);

const child = (mode, sub, threads, engine = 'js') =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [join(root, 'bench', 'ingest-child.mjs'), mode, join(dir, sub), String(threads), join(dir, `bench-${sub}-${threads}.duckdb`)],
      { cwd: root, maxBuffer: 1 << 20, env: { ...process.env, BENCH_ENGINE: engine } },
    )
      .toString()
      .trim()
      .split('\n')
      .at(-1),
  );
const engines = (process.env.BENCH_ENGINES ?? 'js,duckdb').split(',');

// The source's distribution (the real measurements, each in its own bucket hour), then every
// timed run's stored distribution is held against it.
const maxDiff = Number(process.env.BENCH_MAX_SHARE_DIFF ?? 3);
const source = child('ours', 'src', 1).distribution;
const share = (d, k) => (100 * (d[k] ?? 0)) / Object.values(d).reduce((a, b) => a + b, 0);
function checkDistribution(run, label) {
  let worst = 0;
  const out = [];
  for (const dim of ['status', 'test_name']) {
    out.push(
      `| ${dim} | real measurements (n=${Object.values(source[dim]).reduce((a, b) => a + b, 0)}) | corpus, ${label} (n=${Object.values(run[dim]).reduce((a, b) => a + b, 0)}) | difference (points) |`,
      '|---|---|---|---|',
    );
    for (const k of [...new Set([...Object.keys(source[dim]), ...Object.keys(run[dim])])].sort()) {
      const d = share(run[dim], k) - share(source[dim], k);
      worst = Math.max(worst, Math.abs(d));
      out.push(
        `| ${k} | ${share(source[dim], k).toFixed(1)}% (${source[dim][k] ?? 0}) | ${share(run[dim], k).toFixed(1)}% (${run[dim][k] ?? 0}) | ${d >= 0 ? '+' : ''}${d.toFixed(1)} |`,
      );
    }
    out.push('');
  }
  return { worst, table: out.join('\n') };
}
let shown = false;
function holdsDistribution(ours, label) {
  const { worst, table } = checkDistribution(ours.distribution, label);
  if (!shown || worst > maxDiff) console.log(`verdict classes and test names, real vs corpus:\n\n${table}`);
  shown = true;
  if (worst <= maxDiff) return;
  console.log(
    `refusing to report: the corpus (${label}) differs from the real measurements by ${worst.toFixed(1)} points (> ${maxDiff}); it would measure another workload`,
  );
  process.exit(1);
}

const rows = [];
const fmt = (x) => x.toFixed(1);
for (const sub of ['jsonl', 'gz']) {
  const naive = child('naive', sub, 1);
  for (const threads of [...new Set([1, cores])]) {
    const duck = child('duckdb', sub, threads);
    for (const engine of engines) {
      const ours = child('ours', sub, threads, engine);
      holdsDistribution(ours, `${sub}, ${threads} thread(s), engine ${engine}`);
      if (ours.lines !== manifest.lines || duck.lines !== manifest.lines)
        console.log(`warning: line counts differ (ours ${ours.lines}, duckdb ${duck.lines}, corpus ${manifest.lines})`);
      const data = manifest.bytes / 1e6; // uncompressed MB, the same data either way
      rows.push({
        input: sub === 'gz' ? '.jsonl.gz' : '.jsonl',
        threads,
        engine,
        ours_mb_s: data / ours.seconds,
        ours_msm_s: ours.msm_per_s,
        ours_peak_rss_mb: ours.maxRssMb,
        duckdb_mb_s: data / duck.seconds,
        naive_mb_s: data / naive.seconds,
        a_over_b: duck.seconds / ours.seconds,
        a_over_c: naive.seconds / ours.seconds,
        ours_cpu_mb_s: data / ours.cpuSeconds,
        duckdb_cpu_mb_s: data / duck.cpuSeconds,
        naive_cpu_mb_s: data / naive.cpuSeconds,
        reconciled: ours.reconciled,
      });
    }
  }
}
console.log('MB/s are of uncompressed data (the same measurements in both inputs); a = ours, b = DuckDB read_json, c = naive loop (1 thread)\n');
console.log('| input | threads | engine | ours MB/s | ours msm/s | ours peak RSS MB | DuckDB read_json MB/s | naive loop MB/s | a/b | a/c |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.input} | ${r.threads} | ${r.engine} | ${fmt(r.ours_mb_s)} | ${r.ours_msm_s.toFixed(0)} | ${r.ours_peak_rss_mb} | ${fmt(r.duckdb_mb_s)} | ${fmt(r.naive_mb_s)} | ${r.a_over_b.toFixed(2)} | ${r.a_over_c.toFixed(2)} |`,
  );
console.log('\nthe same runs per CPU second (user + system, all threads): what each costs, whatever else loads the machine\n');
console.log('| input | threads | engine | ours MB per CPU s | DuckDB MB per CPU s | naive MB per CPU s | a/b (CPU) | a/c (CPU) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.input} | ${r.threads} | ${r.engine} | ${fmt(r.ours_cpu_mb_s)} | ${fmt(r.duckdb_cpu_mb_s)} | ${fmt(r.naive_cpu_mb_s)} | ${(r.ours_cpu_mb_s / r.duckdb_cpu_mb_s).toFixed(2)} | ${(r.ours_cpu_mb_s / r.naive_cpu_mb_s).toFixed(2)} |`,
  );
console.log(
  `\ngoals: a/c per CPU second >= 1.0 for the default engine (js), peak RSS < 512 MB; every run's verdict classes within ${maxDiff} points of the real measurements; all runs reconciled: ${rows.every((r) => r.reconciled)}; load average at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
