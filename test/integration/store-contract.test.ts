/**
 * The store contract, one suite run against every adapter: the embedded DuckDB store always,
 * the ClickHouse cluster when SPLINTERNET_TEST_CLICKHOUSE names one (skipped with the reason
 * otherwise). Real data: the OONI bucket sample (test/fixtures/ooni/bucket-sample, see its
 * SOURCES.md) goes in through the ingest domain code; the shipped speed-test dataset's first
 * month goes in through the speed-test importer; the blocking register's real samples (the
 * 2018-05-05 CIDR entries and the 2020 dump part in data/registry, the quirk lines in
 * test/fixtures/registry-quirks, see their SOURCES.md) through the registry importer. Then every
 * adapter must give the same answers: the DuckDB results, read once right after the DuckDB block
 * loads, are the reference the ClickHouse block compares with.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect, importSpeedTests, normaliseQuery, speedTestSummary, throughputSummary } from '../../src/detect/index.js';
import { extractThroughput, ingest, listMeasurements, measurementSummary } from '../../src/measure/index.js';
import { analyseSnapshot, importRegistry, intervals, registryDecision, registryLookup } from '../../src/registry/index.js';
import { packagePath, silentProgress } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { chQuery, CLICKHOUSE_URL, dropDatabase, freshClickHouseUrl, localCount, shardEndpoints, SKIP_REASON } from '../helpers/clickhouse.js';
import { clock, tempDir } from '../helpers/index.js';

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
const SPEEDTESTS = packagePath('data', 'throttling', 'russia-twitter-throttle');
const REGISTRY = [
  packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'),
  packagePath('data', 'registry', 'zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'),
  packagePath('test', 'fixtures', 'registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'),
  packagePath('test', 'fixtures', 'registry-quirks', 'synthetic-bad-lines.cp1251.csv'),
];

/** A synthetic speed test (one Rostelecom line), for the replace cases real files do not exercise. */
const speedRow = (line: number) => ({
  line,
  datetime_rounded: '2021-03-10T10:00:00Z',
  anonymized_ip: null,
  subnet: null,
  asn: 12389,
  as_country: 'RU',
  as_organization: 'Rostelecom',
  as_organization_iden: null,
  version: null,
  test_result: 100,
  control_result: 2000,
  control_taco_result: null,
});

interface Answers {
  counts: Awaited<ReturnType<Store['measure']['counts']>>;
  summary: unknown;
  hourCells: unknown;
  dayCells: unknown;
  list: unknown;
  networks: unknown;
  blockSeries: unknown;
  volume: unknown;
  speedDays: unknown;
  speedDaysOfDatasets: unknown;
  speedCount: unknown;
  throughput: unknown;
  registry: unknown;
}

type Loaded = {
  first: Awaited<ReturnType<typeof ingest>>;
  again: Awaited<ReturnType<typeof ingest>>;
  registry: Awaited<ReturnType<typeof importRegistry>>;
};

async function load(store: Store): Promise<Loaded> {
  const deps = { store, clock, progress: silentProgress };
  const first = await ingest(deps, { paths: [BUCKET], workers: 2 });
  const again = await ingest(deps, { paths: [BUCKET], workers: 2, force: true });
  await extractThroughput(deps);
  await importSpeedTests(deps, SPEEDTESTS);
  const registry = await importRegistry(deps, REGISTRY);
  return { first, again, registry };
}

/** Everything the registry views read, per snapshot (analysed directly: the views' cache is per process, not per store). */
async function registryAnswers(store: Store) {
  const deps = { store, clock };
  const snaps = await store.registry.listSnapshots();
  const out: Record<string, unknown> = { snapshots: snaps, files: (await store.registry.listFiles()).map((f) => ({ ...f, id: undefined })) };
  for (const s of snaps) out[s.id] = await analyseSnapshot(deps, s);
  for (const q of ['149.154.167.99', '2a02:6b8::2:242', '35.200.1.1', 'rutracker.org', 'sub.example.org'])
    out[q] = await registryLookup(deps, q).catch((e: Error) => e.message);
  out.decision = await registryDecision(deps, '2-1779/2018');
  return out;
}

async function answers(store: Store): Promise<Answers> {
  const all = await store.measure.list({ limit: 1000 });
  return {
    counts: await store.measure.counts(),
    summary: await measurementSummary({ store }, { cc: 'RU' }),
    hourCells: await store.measure.cells({ grain: 'hour' }),
    dayCells: await store.measure.cells({ grain: 'day' }),
    list: all.map((m) => [m.id, m.measurement_start_time, m.status, m.layers, m.evidence]),
    networks: await store.measure.networks({}),
    blockSeries: await store.detect.blockSeries({}, 0.5),
    volume: await store.detect.volumeHours({ cc: 'RU' }),
    speedDays: await store.speedtests.days({ cc: 'RU' }, { minControlKbps: 1000, maxRatio: 0.5 }),
    speedDaysOfDatasets: await Promise.all(
      [[], ['russia-twitter-throttle', 'no-such-dataset']].map((datasets) =>
        store.speedtests.days({ cc: 'RU', datasets }, { minControlKbps: 1000, maxRatio: 0.25 }),
      ),
    ),
    speedCount: await store.speedtests.count(),
    throughput: await store.throughput.points({ cc: 'RU' }),
    registry: await registryAnswers(store),
  };
}

/**
 * Leaves on every shard one measurement stored but not counted in the day cells, as a shard
 * stopped between writing its rows and its view's cells leaves it: a copy of one of the shard's
 * real rows under a new id (SYNTHETIC id), written while the view is detached. Returns the ids.
 */
async function storeUncounted(url: string): Promise<string[]> {
  const db = new URL(url.replace('clickhouse:', 'http:')).pathname.slice(1);
  const ids: string[] = [];
  for (const s of await shardEndpoints(url)) {
    const base = `http://${s.host}:${s.port}`;
    const cols = (await chQuery(base, `DESCRIBE TABLE ${db}.measurements_local`))
      .trim()
      .split('\n')
      .map((l) => l.split('\t')[0]!);
    const id = (await chQuery(base, `SELECT id FROM ${db}.measurements_local ORDER BY id LIMIT 1`)).trim();
    const copy = cols.map((c) => (c === 'id' ? `concat('synthetic-uncounted-', id)` : c)).join(', ');
    await chQuery(base, `DETACH TABLE ${db}.day_cells_mv`);
    try {
      await chQuery(base, `INSERT INTO ${db}.measurements_local (${cols.join(', ')}) SELECT ${copy} FROM ${db}.measurements_local WHERE id = '${id}' LIMIT 1`);
    } finally {
      await chQuery(base, `ATTACH TABLE ${db}.day_cells_mv`);
    }
    ids.push(`synthetic-uncounted-${id}`);
  }
  return ids;
}

/**
 * The embedded store's answers to load()'s data, as a fresh load leaves them: taken by the
 * DuckDB block right after its load, before its tests write, when a ClickHouse block will
 * compare with them (so the reference data is loaded once per file, not once per block).
 */
let embeddedAnswers: Answers | undefined;

/** The embedded store's answers to load()'s data: the DuckDB block's, or a fresh load's when that block did not run. */
async function referenceAnswers(): Promise<Answers> {
  if (embeddedAnswers) return embeddedAnswers;
  const t = tempDir();
  const ref = await openStore(join(t.dir, 'ref.duckdb'));
  try {
    await load(ref);
    return await answers(ref);
  } finally {
    await ref.close();
    t.cleanup();
  }
}

function contract(name: string, open: () => Promise<Store>, after?: (store: Store) => Promise<void>, url?: string) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let loaded: Loaded;
    beforeAll(async () => {
      store = await open();
      loaded = await load(store);
    });
    // a hook of its own (with its own time limit), run before any test of the block writes
    if (name === 'duckdb' && CLICKHOUSE_URL)
      beforeAll(async () => {
        embeddedAnswers = await answers(store);
      });
    afterAll(async () => {
      await after?.(store);
      await store?.close();
    });

    it('stores each measurement once; counts reconcile; a forced re-ingest stores nothing new', async () => {
      const { first, again } = loaded;
      expect(first.reconciled).toBe(true);
      expect(first.stored).toBeGreaterThan(50);
      expect(again.stored).toBe(0);
      expect(again.duplicates).toBe(first.stored + first.duplicates);
      const c = await store.measure.counts();
      expect(c.measurements).toBe(first.stored);
      expect(c.files).toBe(first.files.total);
    });

    it('writeGroup returns only the ids not stored yet', async () => {
      const some = await store.measure.list({ limit: 5 });
      const again = await store.measure.writeGroup({ rows: some, rejects: [], start: [], finish: [] }, clock.now().toISOString());
      expect(again).toEqual([]);
      expect((await store.measure.counts()).measurements).toBe(loaded.first.stored);
    });

    it('cells add up to the measurements at both grains', async () => {
      const n = loaded.first.stored;
      for (const grain of ['day', 'hour'] as const) {
        const cells = await store.measure.cells({ grain });
        expect(cells.reduce((s, c) => s + c.n, 0)).toBe(n);
        for (const c of cells) expect(c.ok + c.blocked + c.likely_blocked + c.down + c.invalid + c.insufficient).toBe(c.n);
      }
    });

    it('lists newest first and pages without gaps or repeats', async () => {
      const all = await store.measure.list({ limit: 1000 });
      const pages: string[] = [];
      let after: { start: string; id: string } | undefined;
      for (;;) {
        const page = await store.measure.list({ limit: 7, after });
        pages.push(...page.map((m) => m.id));
        if (page.length < 7) break;
        const last = page.at(-1)!;
        after = { start: last.measurement_start_time.replace('T', ' ').replace('Z', ''), id: last.id };
      }
      expect(pages).toEqual(all.map((m) => m.id));
      const one = await store.measure.get(all[0]!.id);
      expect(one?.path).toContain('bucket-sample');
    });

    it('speed-test re-import replaces the file (previous = what was there)', async () => {
      const before = await store.speedtests.count();
      const rows = [speedRow(2)];
      expect((await store.speedtests.replaceFile('contract-synthetic', 'x.csv', rows)).previous).toBe(0);
      expect((await store.speedtests.replaceFile('contract-synthetic', 'x.csv', rows)).previous).toBe(1);
      expect((await store.speedtests.count()).total).toBe(before.total + 1);
      expect((await store.speedtests.replaceFile('contract-synthetic', 'x.csv', [])).previous).toBe(1);
      expect((await store.speedtests.count()).total).toBe(before.total);
    });

    it("speed-test files are found by the SHA-256 of their bytes, the latest import's only", async () => {
      const h = 'c0ffee'.padEnd(64, '0');
      expect(await store.speedtests.fileWithHash(h)).toBeNull();
      await store.speedtests.replaceFile('contract-synthetic', 'h.csv', [speedRow(3)], undefined, h);
      expect(await store.speedtests.fileWithHash(h)).toEqual({ dataset: 'contract-synthetic', sourceFile: 'h.csv' });
      await store.speedtests.replaceFile('contract-synthetic', 'h.csv', [], undefined, 'other'.padEnd(64, '0'));
      expect(await store.speedtests.fileWithHash(h)).toBeNull();
      // a file stored without a hash is listed until its hash is recorded; its rows stay
      await store.speedtests.upsertSource({
        dataset: 'contract-synthetic',
        name: 'SYNTHETIC',
        url: null,
        licence: 'unknown',
        attribution: null,
        targetHost: null,
        controlNote: null,
        path: '/nonexistent',
        importedAt: '2026-01-01T00:00:00.000Z',
      });
      await store.speedtests.replaceFile('contract-synthetic', 'n.csv', [speedRow(3)]);
      expect((await store.speedtests.filesWithoutHash()).map((f) => f.sourceFile)).toContain('n.csv');
      const n = (await store.speedtests.count('contract-synthetic')).total;
      await store.speedtests.recordHash('contract-synthetic', 'n.csv', h);
      expect(await store.speedtests.fileWithHash(h)).toEqual({ dataset: 'contract-synthetic', sourceFile: 'n.csv' });
      expect((await store.speedtests.filesWithoutHash()).map((f) => f.sourceFile)).not.toContain('n.csv');
      expect((await store.speedtests.count('contract-synthetic')).total).toBe(n);
      // the synthetic rows go again, so later answers compare the shipped data alone
      await store.speedtests.replaceFile('contract-synthetic', 'n.csv', []);
      expect((await store.speedtests.count('contract-synthetic')).total).toBe(0);
    });

    it("time bounds outside the engine's time range (before 1970, after 2106-02-07) give the open-ended answer or nothing", async () => {
      const deps = { store, clock, progress: silentProgress, actor: 'contract' };
      // How many rows each filtered read returns for one pair of bounds, as a user gives them.
      const sizes = async (since?: string, until?: string) => {
        const f = { since, until };
        const q = normaliseQuery(f);
        const [list, summary, speed, tp, block, volume, throttling] = await Promise.all([
          listMeasurements({ store }, { ...f, limit: 1000 }),
          measurementSummary({ store }, f),
          speedTestSummary(store, { cc: 'RU', ...f }),
          throughputSummary(store, f),
          store.detect.blockSeries({ since: q.since, until: q.until }, 0.5),
          store.detect.volumeHours({ since: q.since, until: q.until }),
          detect(deps, { cc: 'RU', ...f, kind: 'throttling' }),
        ]);
        return {
          list: list.items.length,
          summary: summary.totals.n,
          speedtests: speed.items.length,
          throughput: tp.measurements_with_network_events,
          blockSeries: block.length,
          volumeHours: volume.length,
          throttling: throttling.items.length,
        };
      };
      const open = await sizes();
      for (const [k, n] of Object.entries(open)) expect(n, k).toBeGreaterThan(0);
      const none = Object.fromEntries(Object.keys(open).map((k) => [k, 0]));
      // 2106-01-15: inside DateTime's range but past 18.16's text parser (which wraps after 2105)
      for (const [since, until] of [
        [undefined, '2106-01-15'],
        [undefined, '2106-02-07'],
        [undefined, '2200'],
        [undefined, '9999-12-31'],
        ['1900-01-01', '2300-12-31'],
        ['0001', undefined],
      ])
        expect(await sizes(since, until), `${since}..${until}`).toEqual(open);
      for (const [since, until] of [
        ['2106-03-01', undefined],
        ['9999-12-31', undefined],
        [undefined, '1969-12-31'],
        ['1900', '1969'],
      ])
        expect(await sizes(since, until), `${since}..${until}`).toEqual(none);
    });

    it('registry: 14,658,304 distinct IPv4 addresses in the 2018 CIDR entries; imports reconcile', async () => {
      const r = loaded.registry;
      expect(r.reconciled).toBe(true);
      expect(r.snapshots.find((s) => s.kind === 'cidr_derived')?.ipv4_distinct).toBe(14_658_304);
      const snap = (await store.registry.listSnapshots()).find((s) => s.kind === 'cidr_derived')!;
      const cols = await store.registry.ipv4Ranges(snap.id);
      expect(cols.first.length).toBe(74);
      expect(intervals.size(intervals.unionSorted(cols.first, cols.last))).toBe(14_658_304);
      expect(intervals.listedSize(cols.first, cols.last)).toBe(15_706_880);
      const tg = await store.registry.ipv4Ranges(snap.id, ['2-1779/2018']);
      expect(intervals.size(intervals.unionSorted(tg.first, tg.last))).toBe(9_472);
    });

    if (name !== 'duckdb') {
      it('gives the same answers as the embedded store', async () => {
        const [a, b] = [await answers(store), await referenceAnswers()];
        for (const k of Object.keys(b) as (keyof Answers)[]) expect(a[k], k).toEqual(b[k]);
      });
    }

    it('registry: overlapping ranges of many entries are counted once (synthetic nested ranges)', async () => {
      // Synthetic: 64 entries, each 10.0.0.0/8 or a block inside it, so the rows spread over every shard.
      const snap = {
        id: '2099-01-01',
        dumpAt: '2099-01-01T00:00:00.000Z',
        timeBasis: 'option',
        kind: 'dump',
        complete: true,
        lowerBound: false,
        doc: {},
        updatedAt: clock.now().toISOString(),
      };
      await store.registry.writeFile(snap, 'synthetic-nested.csv', clock.now().toISOString(), async (sink) => {
        for (let i = 0; i < 64; i++) {
          const host = BigInt(32 - (8 + (i % 17)));
          const base = (((10n << 24n) | (BigInt(i) << 16n)) >> host) << host;
          sink.entry({
            line: i + 1,
            ips: `synthetic-${i}`,
            domain: '',
            urls: '',
            decisionBody: 'synthetic',
            decisionNumber: `n${i % 3}`,
            decisionDate: '2099-01-01',
          });
          sink.range({ line: i + 1, family: 4, first: base, last: base + (1n << host) - 1n, prefix: 32 - Number(host) });
        }
        return { doc: { synthetic: true }, result: null };
      });
      const cols = await store.registry.ipv4Ranges(snap.id);
      expect(cols.first.length).toBe(64);
      expect(intervals.size(intervals.unionSorted(cols.first, cols.last))).toBe(2 ** 24);
      expect(cols.keys.map((k) => k.decisionNumber)).toEqual(['n0', 'n1', 'n2']);
    });

    it('registry: a re-import replaces the file; a fill that throws leaves the previous rows', async () => {
      const snap = (await store.registry.listSnapshots()).find((s) => s.id === '2099-01-01')!;
      const before = await store.registry.ipv4Ranges(snap.id);
      await expect(
        store.registry.writeFile(snap, 'synthetic-nested.csv', clock.now().toISOString(), async (sink) => {
          sink.entry({ line: 1, ips: '192.0.2.0/24', domain: '', urls: '', decisionBody: 'synthetic', decisionNumber: 'x', decisionDate: null });
          sink.range({ line: 1, family: 4, first: 3221225984n, last: 3221226239n, prefix: 24 });
          throw new Error('fill failed');
        }),
      ).rejects.toThrow('fill failed');
      expect(await store.registry.ipv4Ranges(snap.id)).toEqual(before);
      await store.registry.writeFile(snap, 'synthetic-nested.csv', clock.now().toISOString(), async (sink) => {
        sink.entry({ line: 1, ips: '192.0.2.0/24', domain: 'example.org', urls: '', decisionBody: 'synthetic', decisionNumber: 'x', decisionDate: null });
        sink.range({ line: 1, family: 4, first: 3221225984n, last: 3221226239n, prefix: 24 });
        return { doc: { synthetic: true, again: true }, result: null };
      });
      const after = await store.registry.ipv4Ranges(snap.id);
      expect([...after.first]).toEqual([3221225984]);
      expect(after.keys).toEqual([{ decisionNumber: 'x', decisionBody: 'synthetic', decisionDate: null }]);
      expect((await store.registry.listFiles(snap.id)).map((f) => f.doc)).toEqual([{ synthetic: true, again: true }]);
      expect((await store.registry.findDomain('www.example.org', 10)).length).toBe(0);
      expect((await store.registry.findAddress(4, 3221225985n, 10)).map((m) => [m.snapshotId, m.line, m.range?.prefix])).toEqual([['2099-01-01', 1, 24]]);
    });

    // Last: it adds a throughput record the answers compared above do not have.
    it('two re-imports of one file at once leave its rows visible once (speed tests, throughput, registry; synthetic rows)', async () => {
      const st0 = (await store.speedtests.count()).total;
      const tp0 = (await store.throughput.counts()).rows;
      const stRows = [2, 3, 4].map(speedRow);
      const file = {
        file_id: 'contract-concurrent',
        checksum: null,
        lines_read: 3,
        unparsed: 0,
        with_events: 3,
        with_throughput: 3,
        bad_events: 0,
        extracted_at: clock.now().toISOString(),
      };
      const tpRows = [1, 2, 3].map((line) => ({
        file_id: file.file_id,
        line,
        n_events: 4,
        n_read: 2,
        bytes_read: 1000,
        connections: 1,
        throughput_kbps: 80,
        throughput_method: 'reads',
        transfer_bytes: 1000,
        transfer_ms: 100,
        tls_handshake_ms: 20,
        tls_handshakes: 1,
        bad_events: 0,
      }));
      const snap = (await store.registry.listSnapshots()).find((s) => s.id === '2099-01-01')!;
      const ranges = await store.registry.ipv4Ranges(snap.id);
      const registryImport = () =>
        store.registry.writeFile(snap, 'synthetic-nested.csv', clock.now().toISOString(), async (sink) => {
          sink.entry({ line: 1, ips: '192.0.2.0/24', domain: 'example.org', urls: '', decisionBody: 'synthetic', decisionNumber: 'x', decisionDate: null });
          sink.range({ line: 1, family: 4, first: 3221225984n, last: 3221226239n, prefix: 24 });
          return { doc: { synthetic: true, again: true }, result: null };
        });
      for (let round = 0; round < 3; round++) {
        await Promise.all([1, 2].map(() => store.speedtests.replaceFile('contract-concurrent', 'y.csv', stRows)));
        expect((await store.speedtests.count()).total, `speed tests, round ${round}`).toBe(st0 + 3);
        await Promise.all([1, 2].map(() => store.throughput.replaceFile(file, tpRows, [])));
        expect((await store.throughput.counts()).rows, `throughput, round ${round}`).toBe(tp0 + 3);
        await Promise.all([1, 2].map(registryImport));
        expect(await store.registry.ipv4Ranges(snap.id), `registry, round ${round}`).toEqual(ranges);
      }
      await store.speedtests.replaceFile('contract-concurrent', 'y.csv', []);
      expect((await store.speedtests.count()).total).toBe(st0);
    });

    it('lists rejected lines with file, line and reason, all files and one file (SYNTHETIC bad lines around a real one)', async () => {
      const t = tempDir();
      try {
        const real = (await readBucketLine()).trim();
        const bad = JSON.parse(real) as Record<string, unknown>;
        delete bad.test_name;
        // twelve files, so that on a cluster the rejects sit on more than one shard (sharded by file)
        const paths = Array.from({ length: 12 }, (_, i) => join(t.dir, `bad-lines-${i}.jsonl`));
        for (const p of paths) writeFileSync(p, [real, '{not json', JSON.stringify(bad), '[]'].join('\n') + '\n');
        const r = await ingest({ store, clock, progress: silentProgress }, { paths, workers: 0 });
        expect(r).toMatchObject({ stored: 0, duplicates: 12, rejected: 36, reconciled: true });
        const all = await store.measure.rejects({ limit: 1000 });
        for (const path of paths) {
          const mine = all.filter((x) => x.path === path);
          expect(mine.map((x) => [Number(x.line), x.reason])).toEqual([
            [2, 'malformed_json'],
            [3, 'missing_field'],
            [4, 'not_an_object'],
          ]);
          expect(await store.measure.rejects({ file_id: mine[0]!.file_id, limit: 100 })).toEqual(mine);
        }
      } finally {
        t.cleanup();
      }
    });

    // Last: it adds measurements the answers compared above do not have.
    if (url)
      it('a rerun counts in the day cells the measurements stored without them; the check names the shards until then', async () => {
        const ids = await storeUncounted(url);
        const total = async () => (await store.measure.cells({ grain: 'day' })).reduce((s, c) => s + c.n, 0);
        const stored = (await store.measure.counts()).measurements;
        expect(await total()).toBe(stored - ids.length);
        const gaps = (await store.measure.dayCellCounts!()).filter((p) => p.stored !== p.counted);
        expect(gaps.map((p) => p.stored - p.counted)).toEqual(ids.map(() => 1));
        expect(gaps.flatMap((p) => p.paths).every((p) => p.includes('bucket-sample'))).toBe(true);
        const rows = await Promise.all(
          ids.map(async (id) => {
            const { path: _path, ...m } = (await store.measure.get(id))!;
            return m;
          }),
        );
        expect(await store.measure.writeGroup({ rows, rejects: [], start: [], finish: [] }, clock.now().toISOString())).toEqual([]);
        expect(await total()).toBe(stored);
        expect((await store.measure.dayCellCounts!()).every((p) => p.stored === p.counted)).toBe(true);
      });
  });
}

/** One real measurement line of the bucket sample (already stored by load()). */
async function readBucketLine(): Promise<string> {
  const file = join(BUCKET, 'raw/20221110/10/US/telegram/2022111010_US_telegram.n0.0.jsonl.gz');
  return gunzipSync(await readFile(file))
    .toString('utf8')
    .split('\n')[0]!;
}

contract('duckdb', async () => openStore(':memory:'));

if (CLICKHOUSE_URL) {
  const url = freshClickHouseUrl('contract');
  const t = tempDir();
  contract(
    'clickhouse',
    async () => openStore(join(t.dir, 'ledger.duckdb'), { store: url, create: true }),
    async () => {
      const shards = await shardEndpoints(url);
      const db = new URL(url.replace('clickhouse:', 'http:')).pathname.slice(1);
      const per = await Promise.all(shards.map((s) => localCount(s, db, 'measurements')));
      console.log(`measurements per shard: ${per.join(', ')}`);
      expect(per.every((n) => n > 0)).toBe(true);
      await dropDatabase(url);
      t.cleanup();
    },
    url,
  );
} else {
  describe.skip(`store contract: clickhouse (${SKIP_REASON})`, () => {
    it('skipped', () => undefined);
  });
}
