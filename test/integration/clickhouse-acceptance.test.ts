/**
 * The ClickHouse store end to end, through the built CLI, on a two-shard cluster this file
 * starts itself (`splinternet clickhouse up --shards 2` in a temp folder, own ports) and stops
 * at the end: same summary JSON and throttling detections as a fresh DuckDB file, rows on both
 * shards, re-ingest stores nothing, a shard stopped mid-ingest fails naming it and the rerun is
 * exact, kill -9 of the ingest and a rerun leaves each measurement once, `serve --store` answers
 * from the cluster, bad store URLs exit 2 within 10 s, `registry import` and `registry summary`
 * give DuckDB's figures, two ingests of the same files at once (and every row stored twice)
 * leave the summaries equal to DuckDB's, kill -9 of a throughput re-extraction or of a speed-test
 * re-import leaves the previous rows visible, `measurements rescore` exits 2 with what to do instead. Skipped (with the reason) when clickhouse-server is
 * not installed. One ingest of the bucket and one speed-test import into the `acc` database and
 * into a DuckDB reference serve every test that compares with them or re-runs over them (the
 * kill tests' previous rows); a shard killed by a test is started again alone. Real
 * data: test/fixtures/ooni/bucket-sample, the shipped speed-test dataset and the register samples
 * in data/registry (see their SOURCES.md).
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findServerBinary } from '../../src/cli/clickhouse-cluster.js';
import { packagePath } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { BIN, runBin, tempDir } from '../helpers/index.js';
import { chQuery } from '../helpers/clickhouse.js';

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
const SPEEDTESTS = packagePath('data', 'throttling', 'russia-twitter-throttle');
const REGISTRY_2018 = packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv');
const REGISTRY_2016 = packagePath('data', 'registry', 'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz');
/** HTTP port of shard 1: the first of 18410, 18430, ... whose three ports per shard are free (set by up()). */
let PORT = 18_410;
const binary = findServerBinary();
if (!binary) console.log('ClickHouse acceptance skipped: clickhouse-server is not installed (apt-get install clickhouse-server)');

const json = (s: string) => JSON.parse(s) as Record<string, unknown>;
/** Measurements in the fixture (distinct), from the DuckDB reference ingest (bucketIngested below). */
let expected = 0;

describe.skipIf(!binary)('ClickHouse store acceptance (two local shards)', () => {
  const t = tempDir('splinternet-ch-');
  const dir = join(t.dir, 'cluster');
  let url = '';
  const shardUrl = (i: number) => `http://127.0.0.1:${PORT + i}`;
  const count = async (i: number, db: string, table = 'measurements', final = 'FINAL') =>
    Number((await chQuery(shardUrl(i), `SELECT count() FROM ${db}.${table}_local ${final}`)).trim());
  /** Rows of a plain MergeTree table on shard i (every row, including any an unfinished import left). */
  const rowsOn = (i: number, db: string, table: string) => count(i, db, table, '');
  const withDb = (db: string) => url.replace('/splinternet?', `/${db}?`);
  const up = async () => {
    let r = await runBin(['clickhouse', 'up', '--shards', '2', '--dir', dir, '--port', String(PORT), '--json']);
    for (let i = 0; i < 5 && r.code === 2 && /is in use/.test(r.err); i++) {
      PORT += 20;
      r = await runBin(['clickhouse', 'up', '--shards', '2', '--dir', dir, '--port', String(PORT), '--json']);
    }
    expect(r.code, r.err).toBe(0);
    return json(r.out);
  };

  /** Run the built CLI and SIGKILL it once its progress reports 3 steps done; the signal it ended with. */
  const killMidway = (args: string[]) =>
    new Promise<NodeJS.Signals | null>((ok) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let seen = '';
      child.stderr.on('data', (d: Buffer) => {
        seen += d.toString();
        if (/"done":([3-9]|\d\d)/.test(seen)) child.kill('SIGKILL');
      });
      child.on('close', (_code, sig) => ok(sig));
    });
  const withStore = async <T>(db: string, store: string, read: (s: Store) => Promise<T>): Promise<T> => {
    const s = await openStore(db, { store });
    try {
      return await read(s);
    } finally {
      await s.close();
    }
  };
  /**
   * `clickhouse up` on the cluster whose shard 2 a test killed: shard 2 starts again on its own
   * config, ports and data, shard 1 keeps running (inserts go through the Distributed tables
   * synchronously, so shard 1 holds no queued rows for shard 2).
   */
  const restartShard2 = async () => {
    const r = await runBin(['clickhouse', 'up', '--shards', '2', '--dir', dir, '--port', String(PORT), '--json']);
    expect(r.code, r.err).toBe(0);
    expect(json(r.out)).toMatchObject({ alreadyRunning: true, restarted: [2] });
  };

  /** The DuckDB reference: one ingest of the bucket fixture, then one import of the speed tests (the same runs as into `acc`). */
  const ref = join(t.dir, 'ref.duckdb');
  /** The --db file of the `acc` database. */
  const accDb = join(t.dir, 'ledger.duckdb');
  /**
   * The `acc` database migrated and holding one ingest of the bucket fixture, and the same ingest
   * into the DuckDB reference: run once per file, by the first test that calls this (the first
   * test checks these runs' output); later tests that read `acc`, the reference or `expected`
   * call it too, so each of them also holds when run alone (`-t`).
   */
  let bucketRuns: Promise<{ migrated: string; first: Record<string, unknown> }> | undefined;
  const bucketIngested = () =>
    (bucketRuns ??= (async () => {
      const u = withDb('acc');
      const migrated = await runBin(['db', 'migrate', '--store', u, '--db', accDb]);
      expect(migrated.code, migrated.err).toBe(0);
      const first = await runBin(['ingest', BUCKET, '--store', u, '--db', accDb, '--json']);
      expect(first.code, first.err).toBe(0);
      const r = await runBin(['ingest', BUCKET, '--db', ref, '--json']);
      expect(r.code).toBe(0);
      expected = json(r.out).stored as number;
      return { migrated: migrated.out, first: json(first.out) };
    })());
  /** The speed tests imported into `acc` and into the DuckDB reference (after bucketIngested), once per file; the exit codes. */
  let speedRuns: Promise<(number | null)[]> | undefined;
  const speedTestsImported = () =>
    (speedRuns ??= (async () => {
      await bucketIngested();
      return [
        (await runBin(['speedtests', 'import', SPEEDTESTS, '--store', withDb('acc'), '--db', accDb])).code,
        (await runBin(['speedtests', 'import', SPEEDTESTS, '--db', ref])).code,
      ];
    })());

  beforeAll(async () => {
    url = (await up()).url as string;
  }, 180_000);
  afterAll(async () => {
    const t0 = Date.now();
    const down = await runBin(['clickhouse', 'down', '--dir', dir]);
    console.log(`clickhouse down: exit ${down.code} after ${Date.now() - t0} ms ${down.err}`);
    // The servers' data folders hold some 10^5 small files (one or two per column, part and
    // month): removing them took up to 150 s on a loaded machine, so a detached `rm` does it
    // after the suite has ended.
    spawn('rm', ['-rf', t.dir], { detached: true, stdio: 'ignore' }).unref();
  }, 300_000);

  it('summary JSON equals DuckDB; both shards hold rows; a re-ingest stores nothing', { timeout: 400_000 }, async () => {
    const u = withDb('acc');
    const ddb = ref;
    const cdb = accDb;
    const { migrated, first } = await bucketIngested();
    // the cluster's schema version is not presented as the embedded file's
    expect(migrated).toMatch(/^ClickHouse store: schema version \d+ on every shard; the --db file .*ledger\.duckdb is migrated too\n$/);
    expect(first.stored).toBe(expected);
    const a = await runBin(['measurements', 'summary', '--cc', 'RU', '--json', '--store', u, '--db', cdb]);
    const b = await runBin(['measurements', 'summary', '--cc', 'RU', '--json', '--db', ddb]);
    expect(a.code).toBe(0);
    expect(json(a.out)).toEqual(json(b.out));
    const perShard = [await count(0, 'acc'), await count(1, 'acc')];
    expect(perShard.every((n) => n > 0)).toBe(true);
    expect(perShard[0]! + perShard[1]!).toBe(first.stored);
    const again = json((await runBin(['ingest', BUCKET, '--store', u, '--db', cdb, '--json', '--force'])).out);
    expect(again.stored).toBe(0);
    expect(again.duplicates).toBe(first.stored);
    expect([await count(0, 'acc'), await count(1, 'acc')]).toEqual(perShard);

    // speed tests + throttling detections: the same as DuckDB
    // exit 3: the shipped dataset has lines without a country or network, kept as rejects
    for (const code of await speedTestsImported()) expect([0, 3]).toContain(code);
    const da = await runBin(['detect', '--kind', 'throttling', '--cc', 'RU', '--json', '--store', u, '--db', cdb]);
    const dd = await runBin(['detect', '--kind', 'throttling', '--cc', 'RU', '--json', '--db', ddb]);
    expect(da.code, da.err).toBe(0);
    expect(json(da.out)).toEqual(json(dd.out));
    expect((json(da.out).items as unknown[]).length).toBeGreaterThan(0);

    // doctor says which store, which server, how many shards
    const doc = json((await runBin(['doctor', '--json', '--store', u, '--db', cdb])).out) as { checks: { name: string; ok: boolean; detail: string }[] };
    expect(doc.checks.find((c) => c.name === 'shards')).toMatchObject({ ok: true, detail: expect.stringContaining('2 of 2') as unknown });
    expect(doc.checks.find((c) => c.name === 'store')?.detail).toMatch(/clickhouse .* server 18|clickhouse .* server \d+/);
    // the database line is the embedded file's own schema version, as doctor says without the cluster
    const alone = json((await runBin(['doctor', '--json', '--db', cdb])).out) as typeof doc;
    expect(doc.checks.find((c) => c.name === 'database')?.detail).toBe(alone.checks.find((c) => c.name === 'database')?.detail);
    // db backup: the cluster's tables are not a file; the message says how to back up the ledger file
    const backup = await runBin(['db', 'backup', join(t.dir, 'acc-backup.duckdb'), '--store', u, '--db', cdb]);
    expect(backup.code).toBe(2);
    expect(backup.err).toContain('the --db file (ledger, tokens, indicators, ...) with db backup without --store');
    expect((await runBin(['db', 'backup', join(t.dir, 'acc-backup.duckdb'), '--db', cdb])).code).toBe(0);
  });

  it('registry import and summary on the cluster give the DuckDB figures (14,658,304 distinct in the 2018 CIDR entries)', { timeout: 300_000 }, async () => {
    const u = withDb('reg');
    const cdb = join(t.dir, 'reg-ledger.duckdb');
    expect((await runBin(['db', 'migrate', '--store', u, '--db', cdb])).code).toBe(0);
    const ddb = join(t.dir, 'reg-ref.duckdb');
    const strip = (s: string) => JSON.stringify(json(s), (k, v: unknown) => (['at', 'imported_at', 'updated_at', 'generated_at'].includes(k) ? undefined : v));
    for (const f of [REGISTRY_2018, REGISTRY_2016]) {
      const a = await runBin(['registry', 'import', f, '--store', u, '--db', cdb, '--json']);
      const b = await runBin(['registry', 'import', f, '--db', ddb, '--json']);
      expect(a.code, a.err).toBe(0);
      expect(strip(a.out)).toBe(strip(b.out));
    }
    for (const snap of [[], ['--snapshot', '2016-06-13']]) {
      const a = await runBin(['registry', 'summary', ...snap, '--store', u, '--db', cdb, '--json']);
      const b = await runBin(['registry', 'summary', ...snap, '--db', ddb, '--json']);
      expect(a.code, a.err).toBe(0);
      expect(json(a.out)).toEqual(json(b.out));
    }
    const s2018 = json((await runBin(['registry', 'summary', '--snapshot', '2018-05-05', '--store', u, '--db', cdb, '--json'])).out) as {
      ipv4: { distinct_addresses: number };
    };
    expect(s2018.ipv4.distinct_addresses).toBe(14_658_304);
    const perShard = [await rowsOn(0, 'reg', 'registry_ranges'), await rowsOn(1, 'reg', 'registry_ranges')];
    expect(perShard.every((n) => n > 0)).toBe(true);
    // a re-import with --force replaces the file: the same rows, none left from the first import
    expect((await runBin(['registry', 'import', REGISTRY_2016, '--force', '--store', u, '--db', cdb, '--json'])).code).toBe(0);
    expect((await rowsOn(0, 'reg', 'registry_ranges')) + (await rowsOn(1, 'reg', 'registry_ranges'))).toBe(perShard[0]! + perShard[1]!);
  });

  it('serve --store answers from the cluster (/healthz names the store and the shards)', async () => {
    const u = withDb('acc');
    const child = spawn(process.execPath, [BIN, 'serve', '--store', u, '--db', join(t.dir, 'serve.duckdb'), '--port', '18491', '--no-warm', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((ok, fail) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('"url"') && ok());
        child.on('exit', (c) => fail(new Error(`serve exited ${c}`)));
      });
      const h = (await (await fetch('http://127.0.0.1:18491/healthz')).json()) as Record<string, unknown>;
      expect(h).toMatchObject({ status: 'ok', store: 'clickhouse', shards: { total: 2, answering: 2 } });
      const s = (await (await fetch('http://127.0.0.1:18491/api/measurements/summary?cc=RU')).json()) as { totals: { n: number } };
      expect(s.totals.n).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it(
    'measurements rescore: exit 2 saying why, what matches, which files, no steps when every file has the current rules; nothing changed',
    { timeout: 300_000 },
    async () => {
      const u = withDb('resc');
      const cdb = join(t.dir, 'resc.duckdb');
      expect((await runBin(['db', 'migrate', '--store', u, '--db', cdb])).code).toBe(0);
      // the five RU measurements of the sample, one file each
      const ru = [
        '20200304/18/RU/facebookmessenger',
        '20200303/09/RU/webconnectivity',
        '20230121/23/RU/tor',
        '20201029/04/RU/webconnectivity',
        '20221109/22/RU/telegram',
      ];
      const ing = await runBin(['ingest', ...ru.map((d) => join(BUCKET, 'raw', d)), '--store', u, '--db', cdb, '--json']);
      expect(json(ing.out)).toMatchObject({ stored: 5, reconciled: true });
      const summary = async () => (await runBin(['measurements', 'summary', '--json', '--store', u, '--db', cdb])).out;
      const before = await summary();
      const r = await runBin(['measurements', 'rescore', '--cc', 'RU', '--test-name', 'web_connectivity', '--json', '--store', u, '--db', cdb]);
      expect(r.code).toBe(2);
      const err = json(r.out).error as Record<string, unknown>;
      expect(err).toMatchObject({ code: 'USAGE', store: 'clickhouse', url: u, measurements: 2, files: 5, files_other_rules: 0 });
      // every file was judged with the current rules: an ingest again would change nothing, so no steps
      expect(err.steps).toEqual([]);
      expect(err.message).toContain('Every ingested file was judged with the current rules: ingesting them again changes no verdict.');
      expect(err.message).toMatch(
        /not supported on the clickhouse store .*keeps no rule inputs.*day cells.*nothing was changed\. 2 stored measurement\(s\) match the filters; 5 file\(s\) ingested/,
      );
      expect(await summary()).toBe(before);
    },
  );

  it('bad store URLs exit 2 within 10 s, naming the wrong part', async () => {
    const cases: [string, RegExp][] = [
      ['clickhouse://127.0.0.1/acc?cluster=splinternet', /port/],
      ['postgres://127.0.0.1:5432/acc?cluster=x', /scheme/],
      ['clickhouse://127.0.0.1:18123/acc', /cluster/],
      [`clickhouse://127.0.0.1:${PORT}/acc?cluster=nosuch`, /cluster "nosuch" is not defined/],
      ['clickhouse://127.0.0.1:1/acc?cluster=splinternet', /host:port 127\.0\.0\.1:1 does not answer/],
    ];
    for (const [u, why] of cases) {
      const t0 = Date.now();
      const r = await runBin(['measurements', 'summary', '--store', u, '--db', join(t.dir, 'bad.duckdb')]);
      expect(r.code, u).toBe(2);
      expect(r.err, u).toMatch(why);
      expect(Date.now() - t0, u).toBeLessThan(10_000);
    }
  });

  it('a shard that accepts connections and never answers: exit 2 within 10 s naming the shard', async () => {
    // shard 2's HTTP endpoint is a listener that never answers (a stopped server): no 30 s wait
    const silent = createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    const port = (silent.address() as AddressInfo).port;
    try {
      const u = `${withDb('acc')}&shard_http=127.0.0.1:${PORT},127.0.0.1:${port}`;
      const t0 = Date.now();
      const r = await runBin(['measurements', 'summary', '--store', u, '--db', join(t.dir, 'bad.duckdb'), '--json']);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`shard 2 (127.0.0.1:${port}: no answer within 4 s)`);
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  });

  it('a shard stopped mid-ingest: the ingest fails naming it; after restart the rerun is exact', async () => {
    await bucketIngested(); // expected
    const u = withDb('down');
    const cdb = join(t.dir, 'down.duckdb');
    expect((await runBin(['db', 'migrate', '--store', u, '--db', cdb])).code).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')) as { servers: { pid: number }[] };
    const child = spawn(process.execPath, [BIN, 'ingest', BUCKET, '--store', u, '--db', cdb, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', (d: Buffer) => (err += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // stop shard 2 once some files are done
      if (/"files_done":[3-9]/.test(err) && state.servers[1]) {
        process.kill(state.servers[1].pid, 'SIGKILL');
        state.servers.length = 1;
      }
    });
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(code).not.toBe(0);
    expect(err).toContain(`shard 2 (127.0.0.1:${PORT + 1}: `);
    await restartShard2();
    const rerun = await runBin(['ingest', BUCKET, '--store', u, '--db', cdb, '--json']);
    expect(rerun.code, rerun.err).toBe(0);
    expect(json(rerun.out).reconciled).toBe(true);
    const total = (await count(0, 'down')) + (await count(1, 'down'));
    expect(total).toBe(expected);
    expect(Number((await chQuery(shardUrl(0), 'SELECT count() FROM down.measurements')).trim())).toBe(expected);
  });

  it('a shard stopped during speedtests import: exit 2 naming it and what stays stored; after restart the rerun completes', { timeout: 400_000 }, async () => {
    const u = withDb('stdown');
    const cdb = join(t.dir, 'stdown.duckdb');
    expect((await runBin(['db', 'migrate', '--store', u, '--db', cdb])).code).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')) as { servers: { pid: number }[] };
    const child = spawn(process.execPath, [BIN, 'speedtests', 'import', SPEEDTESTS, '--store', u, '--db', cdb, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // stop shard 2 once some files are done
      if (/"done":([3-9]|\d\d)/.test(err) && state.servers[1]) {
        process.kill(state.servers[1].pid, 'SIGKILL');
        state.servers.length = 1;
      }
    });
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(code, err.slice(-600)).toBe(2);
    const error = (JSON.parse(out) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('STORE_UNREACHABLE');
    expect(error.message).toContain(`shard 2 (127.0.0.1:${PORT + 1}: `);
    expect(error.message).toContain('files an import finished before it stay stored');
    expect(error.message).not.toMatch(/\(in: (SELECT|ALTER|INSERT)/);
    await restartShard2();
    expect([0, 3]).toContain((await runBin(['speedtests', 'import', SPEEDTESTS, '--store', u, '--db', cdb])).code);
    // the DuckDB reference holds one import of the same speed tests
    for (const code of await speedTestsImported()) expect([0, 3]).toContain(code);
    const a = await runBin(['speedtests', 'summary', '--json', '--store', u, '--db', cdb]);
    const b = await runBin(['speedtests', 'summary', '--json', '--db', ref]);
    expect(json(a.out)).toEqual(json(b.out));
  });

  it('kill -9 of the ingest: the rerun stores each measurement exactly once', async () => {
    await bucketIngested(); // expected
    const u = withDb('killed');
    const cdb = join(t.dir, 'killed.duckdb');
    expect((await runBin(['db', 'migrate', '--store', u, '--db', cdb])).code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'ingest', BUCKET, '--store', u, '--db', cdb, '--json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => /"files_done":[2-9]/.test(d.toString()) && child.kill('SIGKILL'));
    await new Promise((ok) => child.on('close', ok));
    const rerun = await runBin(['ingest', BUCKET, '--store', u, '--db', cdb, '--json']);
    expect(rerun.code, rerun.err).toBe(0);
    // count() without FINAL: no copy of any measurement was left behind by the kill
    const rows = Number((await chQuery(shardUrl(0), 'SELECT count() FROM killed.measurements')).trim());
    expect(rows).toBe(expected);
  });

  it('two ingests of the same files at once, then every row stored twice more: summaries equal DuckDB', { timeout: 400_000 }, async () => {
    await bucketIngested(); // the DuckDB reference and expected
    const u = withDb('race');
    expect((await runBin(['db', 'migrate', '--store', u, '--db', join(t.dir, 'race-a.duckdb')])).code).toBe(0);
    // two nodes (two embedded files) ingesting the same fixture: both may see an id as new and both insert it
    const runs = await Promise.all(['race-a', 'race-b'].map((n) => runBin(['ingest', BUCKET, '--store', u, '--db', join(t.dir, `${n}.duckdb`), '--json'])));
    for (const r of runs) expect(r.code, r.err).toBe(0);
    const raw = async () => Number((await chQuery(shardUrl(0), 'SELECT count() FROM race.measurements')).trim());
    console.log(`concurrent ingests stored ${runs.map((r) => json(r.out).stored as number).join(' + ')}; ${(await raw()) - expected} copies not yet merged`);
    const same = async () => {
      for (const cc of [['--cc', 'RU'], ['--cc', 'CN'], []]) {
        const a = await runBin(['measurements', 'summary', ...cc, '--json', '--store', u, '--db', join(t.dir, 'race-a.duckdb')]);
        const b = await runBin(['measurements', 'summary', ...cc, '--json', '--db', ref]);
        expect(a.code, a.err).toBe(0);
        expect(json(a.out), cc.join(' ')).toEqual(json(b.out));
      }
    };
    await same();
    // what two racing ingests leave at worst: a second copy of every measurement, inserted through the Distributed table
    // (merges stopped meanwhile, so the count below sees every copy)
    for (const i of [0, 1]) await chQuery(shardUrl(i), 'SYSTEM STOP MERGES race.measurements_local');
    await chQuery(`${shardUrl(0)}/?insert_distributed_sync=1`, 'INSERT INTO race.measurements SELECT * FROM race.measurements FINAL');
    expect(await raw()).toBeGreaterThanOrEqual(2 * expected);
    await same();
    for (const i of [0, 1]) await chQuery(shardUrl(i), 'SYSTEM START MERGES race.measurements_local');
  });

  it('kill -9 of a throughput re-extraction: the previous figures stay visible; the rerun leaves no extra rows', { timeout: 400_000 }, async () => {
    // `acc` holds an ingest of the bucket (exit 0), which extracted the network-event throughput of the files it stored
    const u = withDb('acc');
    const cdb = accDb;
    await bucketIngested();
    const visible = () => withStore(cdb, u, async (store) => ({ counts: await store.throughput.counts(), points: await store.throughput.points({}) }));
    const before = await visible();
    expect(before.counts.rows).toBeGreaterThan(0);
    expect(before.points.length).toBeGreaterThan(0);
    expect(await killMidway(['throughput', 'extract', '--force', '--store', u, '--db', cdb, '--json'])).toBe('SIGKILL');
    expect(await visible()).toEqual(before);
    const rerun = await runBin(['throughput', 'extract', '--force', '--store', u, '--db', cdb, '--json']);
    expect(rerun.code, rerun.err).toBe(0);
    expect(await visible()).toEqual(before);
    // every row of the killed run's unfinished generation is gone: the shards hold exactly the visible rows
    expect((await rowsOn(0, 'acc', 'throughput_rows')) + (await rowsOn(1, 'acc', 'throughput_rows'))).toBe(before.counts.rows);
  });

  it('kill -9 of a speed-test re-import: the previous rows stay visible; the rerun replaces them without duplicates', { timeout: 400_000 }, async () => {
    // `acc` holds one import of the speed tests
    const u = withDb('acc');
    const cdb = accDb;
    for (const code of await speedTestsImported()) expect([0, 3]).toContain(code);
    const visible = () => withStore(cdb, u, (store) => store.speedtests.count());
    const before = await visible();
    expect(before.total).toBeGreaterThan(10_000);
    expect(await killMidway(['speedtests', 'import', SPEEDTESTS, '--store', u, '--db', cdb, '--json'])).toBe('SIGKILL');
    expect(await visible()).toEqual(before);
    expect([0, 3]).toContain((await runBin(['speedtests', 'import', SPEEDTESTS, '--store', u, '--db', cdb])).code);
    expect(await visible()).toEqual(before);
    // every row left by the killed run is gone: the shards hold exactly the visible rows
    expect((await rowsOn(0, 'acc', 'speedtest_rows')) + (await rowsOn(1, 'acc', 'speedtest_rows'))).toBe(before.total);
  });
});
