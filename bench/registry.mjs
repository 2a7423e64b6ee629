#!/usr/bin/env node
// bench:registry. Builds a synthetic Zapret-Info dump of 1,000,000 entries, 50,000 of
// them CIDRs, from the real shipped samples (seeded PRNG, so every run builds the same file),
// then measures in one run: the import rate, the time to compute the address union and the AS
// join, and peak RSS. Ratios are against baselines measured in the same run: decode-only and
// DuckDB's read_csv of the same file for the import, a plain typed-array sort of the same ranges for the union + AS join.
// Run: npm run bench:registry  (builds first; the corpus goes to bench/corpus/, gitignored)
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { Address4 } from 'ip-address';

import { dist, openStore, root, silentProgress, systemClock } from './lib.mjs';

const { planFiles } = await import(dist('registry/plan.js'));
const { importDumpFile } = await import(dist('registry/file-import.js'));
const { eachLine } = await import(dist('registry/lines.js'));
const { parseDumpLine } = await import(dist('registry/dump-line.js'));
const { analyseSnapshot } = await import(dist('registry/analysis.js'));
const { ensureAsnTable, loadAsTable, attribute } = await import(dist('registry/asn.js'));
const { unionSorted, size } = await import(dist('registry/intervals.js'));

const ENTRIES = 1_000_000;
const CIDRS = 50_000;
const SEED = 20261126;

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real records (as latin1 strings, so the cp1251 bytes survive) and real CIDR prefix lengths. */
function samples() {
  const data = join(root, 'data', 'registry');
  const records = [];
  for (const f of ['zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz', 'zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz']) {
    for (const line of gunzipSync(readFileSync(join(data, f)))
      .toString('latin1')
      .split('\n')) {
      if (line && !line.startsWith('Updated:') && line.indexOf(';') > 0) records.push(line);
    }
  }
  const cidrCsv = readFileSync(join(data, 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'), 'utf8');
  const prefixes = cidrCsv
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[0].split('/')[1]))
    .filter(Number.isFinite);
  return { records, prefixes };
}

function buildCorpus(path) {
  const { records, prefixes } = samples();
  const rnd = mulberry32(SEED);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const cidrEvery = ENTRIES / CIDRS;
  const out = ['Updated: 2026-11-26 00:00:00 +0000'];
  for (let i = 0; i < ENTRIES; i++) {
    const rec = pick(records);
    const semi = rec.indexOf(';');
    const ips = rec
      .slice(0, semi)
      .split(' | ')
      .filter((t) => t && !t.includes(':'));
    let field;
    if (i % cidrEvery === 0) {
      // A CIDR: a real listed address widened to a real 2018 prefix length (kept from /10 to /24).
      const base = new Address4(pick(ips.length ? ips : ['149.154.167.99'])).bigInt();
      const bits = Math.max(10, pick(prefixes) + Math.floor(rnd() * 8));
      const mask = (0xffffffffn << BigInt(32 - Math.min(bits, 24))) & 0xffffffffn;
      field = `${Address4.fromBigInt(base & mask).address}/${Math.min(bits, 24)}`;
    } else {
      // Real addresses; half of them moved within their /24 so the set is not just the samples.
      field = ips.map((t) => (rnd() < 0.5 ? t.replace(/\.\d+$/, `.${Math.floor(rnd() * 256)}`) : t)).join(' | ');
    }
    out.push(field + rec.slice(semi));
  }
  writeFileSync(path, Buffer.from(out.join('\n') + '\n', 'latin1'));
}

const corpusDir = join(root, 'bench', 'corpus');
mkdirSync(corpusDir, { recursive: true });
const corpus = join(corpusDir, `registry-synthetic-${ENTRIES}-${CIDRS}-${SEED}.cp1251.csv`);
if (!existsSync(corpus)) {
  const t = performance.now();
  buildCorpus(corpus);
  console.log(`built ${corpus} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const bytes = statSync(corpus).size;
const lines = ENTRIES + 1;
const sec = (t) => (performance.now() - t) / 1000;
function cpuNow() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
const load = [loadavg()[0]];

// Baseline 1: decode + split only (the floor any Node importer pays).
let t = performance.now();
let counted = 0;
await eachLine(corpus, 'windows-1251', () => counted++);
const decodeS = sec(t);

// Baseline 2: DuckDB's CSV reader alone on the same lines (it reads no cp1251, so on a UTF-8 copy
// of the corpus, made once), one VARCHAR column per line: the engine's own floor for this file.
const utf8Copy = corpus.replace(/\.cp1251\.csv$/, '.utf8.csv');
if (!existsSync(utf8Copy)) writeFileSync(utf8Copy, new TextDecoder('windows-1251').decode(readFileSync(corpus)));
const { DuckDBInstance } = await import('@duckdb/node-api');
const rawDb = await DuckDBInstance.create(':memory:', { memory_limit: process.env.SPLINTERNET_DUCKDB_MEMORY_LIMIT });
const raw = await rawDb.connect();
t = performance.now();
let c0 = cpuNow();
const rawRows = Number(
  (
    await raw.runAndReadAll(
      `SELECT count(*) FROM read_csv('${utf8Copy}', columns = {'text': 'VARCHAR'}, delim = chr(0), quote = '', escape = '', header = false, auto_detect = false)`,
    )
  ).getRowsJS()[0][0],
);
const readCsvS = sec(t);
const readCsvCpu = cpuNow() - c0;
raw.closeSync();
rawDb.closeSync(); // its buffers would otherwise count in this process's peak RSS

const dir = mkdtempSync(join(tmpdir(), 'bench-registry-'));
const store = await openStore(join(dir, 'bench.duckdb'));
const deps = { store, clock: systemClock, progress: silentProgress };
try {
  t = performance.now();
  await ensureAsnTable(deps);
  const asLoadS = sec(t);

  // Import: plan (sniff + sha256) + decode + parse + append + commit.
  t = performance.now();
  let c = cpuNow();
  const [plan] = await planFiles([corpus], {});
  const snap = {
    id: plan.snapshotId,
    dumpAt: plan.dumpAt,
    timeBasis: plan.timeBasis,
    kind: 'dump',
    complete: true,
    lowerBound: false,
    doc: {},
    updatedAt: new Date().toISOString(),
  };
  const rejects = [];
  const rep = await importDumpFile(store, plan, snap, snap.updatedAt, silentProgress, rejects);
  const importS = sec(t);
  const importCpu = cpuNow() - c;
  const rssImport = rss();

  // Union + AS join, end to end (read ranges from the store, union, per decision/body, AS sweep, collateral).
  t = performance.now();
  c = cpuNow();
  const a = await analyseSnapshot(deps, snap);
  const analyseS = sec(t);
  const analyseCpu = cpuNow() - c;

  // The same core in memory: union of all ranges and the AS sweep (ranges already read).
  const cols = await store.registry.ipv4Ranges(snap.id);
  const table = await loadAsTable(deps);
  t = performance.now();
  const all = unionSorted(cols.first, cols.last);
  const joined = attribute(all, table);
  const coreS = sec(t);
  // Baseline 2: sorting the same range starts (what any union must at least do).
  const copy = Float64Array.from(cols.first);
  t = performance.now();
  copy.sort();
  const sortS = sec(t);

  const rssMiB = rss();
  load.push(loadavg()[0]);
  const r = {
    machine: {
      cpus: (await import('node:os')).cpus().length,
      node: process.version,
      load_average_1m_start_end: load.map((x) => +x.toFixed(1)),
      duckdb_memory_limit: process.env.SPLINTERNET_DUCKDB_MEMORY_LIMIT,
    },
    corpus: { lines, bytes, entries: ENTRIES, cidrs: CIDRS, seed: SEED },
    import: {
      seconds: +importS.toFixed(2),
      cpu_seconds: +importCpu.toFixed(2),
      lines_per_s: Math.round(lines / importS),
      lines_per_cpu_s: Math.round(lines / importCpu),
      mb_per_s: +(bytes / 1e6 / importS).toFixed(1),
      stored: rep.stored,
      rejected: rep.rejected,
      reconciled: rep.reconciled,
      ranges: cols.first.length,
    },
    baseline_decode: { seconds: +decodeS.toFixed(2), lines_per_s: Math.round(counted / decodeS), ratio_import_over_decode: +(importS / decodeS).toFixed(1) },
    baseline_duckdb_read_csv: {
      seconds: +readCsvS.toFixed(2),
      cpu_seconds: +readCsvCpu.toFixed(2),
      rows: rawRows,
      lines_per_s: Math.round(rawRows / readCsvS),
      ratio_import_over_read_csv: +(importS / readCsvS).toFixed(1),
      ratio_import_cpu_over_read_csv_cpu: +(importCpu / readCsvCpu).toFixed(1),
    },
    as_table_load_s: +asLoadS.toFixed(2),
    union_and_as_join: {
      end_to_end_s: +analyseS.toFixed(2),
      end_to_end_cpu_s: +analyseCpu.toFixed(2),
      core_in_memory_s: +coreS.toFixed(3),
      baseline_sort_s: +sortS.toFixed(3),
      ratio_core_over_sort: +(coreS / sortS).toFixed(1),
      distinct_ipv4: size(all),
      listed_ipv4: a.ipv4.listed_addresses,
      asns_hit: joined.byAsn.size,
      decisions: a.entries.decisions,
    },
    peak_rss_mib: rssMiB,
    peak_rss_after_import_mib: rssImport,
    goals: { import_100k_lines_per_s: lines / importS >= 100_000, union_and_join_under_10_s: analyseS < 10, rss_under_1_gib: rssMiB < 1024 },
  };
  // Line numbers of the bulk path on the full file: 1,000 sampled lines, stored row vs the reference parser.
  await store.close();
  r.line_number_check = await checkLines(join(dir, 'bench.duckdb'));
  console.log(JSON.stringify(r, null, 2));
} finally {
  await store.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}

async function checkLines(db) {
  const want = new Map();
  await eachLine(corpus, 'windows-1251', (text, line) => {
    if (line % 997 !== 2 || want.size >= 1000) return;
    const p = parseDumpLine(text);
    if (p.ok)
      want.set(
        line,
        [p.record.ips.join(' | '), p.record.domain, p.record.urls.join(' | '), p.record.decisionBody, p.record.decisionNumber, p.record.decisionDate].join(
          '\t',
        ),
      );
  });
  const conn = await (await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })).connect();
  const rows = (
    await conn.runAndReadAll(
      `SELECT line, concat_ws(chr(9), ips, domain, urls, decision_body, decision_number, decision_date::VARCHAR) FROM registry_entries WHERE line IN (${[...want.keys()].join(',')})`,
    )
  ).getRowsJS();
  conn.closeSync();
  const mismatches = rows.filter(([line, v]) => want.get(line) !== v).length + (want.size - rows.length);
  return { lines_checked: want.size, mismatches };
}
