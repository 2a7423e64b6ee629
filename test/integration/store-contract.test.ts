/**
 * The store contract, one suite run against every adapter: the embedded DuckDB store always,
 * the ClickHouse cluster when SPLINTERNET_TEST_CLICKHOUSE names one (skipped with the reason
 * otherwise). Real data: the OONI bucket sample (test/fixtures/ooni/bucket-sample, see its
 * SOURCES.md) goes in through the ingest domain code; the shipped speed-test dataset's first
 * month goes in through the speed-test importer. Then every adapter must give the same
 * answers: the DuckDB results are the reference the ClickHouse block compares with.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSpeedTests } from '../../src/detect/index.js';
import { extractThroughput, ingest, measurementSummary } from '../../src/measure/index.js';
import { packagePath, silentProgress } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { CLICKHOUSE_URL, dropDatabase, freshClickHouseUrl, localCount, shardEndpoints, SKIP_REASON } from '../helpers/clickhouse.js';
import { clock, tempDir } from '../helpers/index.js';

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
const SPEEDTESTS = packagePath('data', 'throttling', 'russia-twitter-throttle');

interface Answers {
  counts: Awaited<ReturnType<Store['measure']['counts']>>;
  summary: unknown;
  hourCells: unknown;
  list: unknown;
  networks: unknown;
  blockSeries: unknown;
  volume: unknown;
  speedDays: unknown;
  speedCount: unknown;
  throughput: unknown;
}

async function load(store: Store): Promise<{ first: Awaited<ReturnType<typeof ingest>>; again: Awaited<ReturnType<typeof ingest>> }> {
  const deps = { store, clock, progress: silentProgress };
  const first = await ingest(deps, { paths: [BUCKET], workers: 2 });
  const again = await ingest(deps, { paths: [BUCKET], workers: 2, force: true });
  await extractThroughput(deps);
  await importSpeedTests(deps, SPEEDTESTS);
  return { first, again };
}

async function answers(store: Store): Promise<Answers> {
  const all = await store.measure.list({ limit: 1000 });
  return {
    counts: await store.measure.counts(),
    summary: await measurementSummary({ store }, { cc: 'RU' }),
    hourCells: await store.measure.cells({ grain: 'hour' }),
    list: all.map((m) => [m.id, m.measurement_start_time, m.status, m.layers, m.evidence]),
    networks: await store.measure.networks({}),
    blockSeries: await store.detect.blockSeries({}, 0.5),
    volume: await store.detect.volumeHours({ cc: 'RU' }),
    speedDays: await store.speedtests.days({ cc: 'RU' }, { minControlKbps: 1000, maxRatio: 0.5 }),
    speedCount: await store.speedtests.count(),
    throughput: await store.throughput.points({ cc: 'RU' }),
  };
}

function contract(name: string, open: () => Promise<Store>, after?: (store: Store) => Promise<void>) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let loaded: Awaited<ReturnType<typeof load>>;
    beforeAll(async () => {
      store = await open();
      loaded = await load(store);
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
      const rows = [
        {
          line: 2,
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
        },
      ];
      expect((await store.speedtests.replaceFile('contract-synthetic', 'x.csv', rows)).previous).toBe(0);
      expect((await store.speedtests.replaceFile('contract-synthetic', 'x.csv', rows)).previous).toBe(1);
      expect((await store.speedtests.count()).total).toBe(before.total + 1);
      expect((await store.speedtests.replaceFile('contract-synthetic', 'x.csv', [])).previous).toBe(1);
      expect((await store.speedtests.count()).total).toBe(before.total);
    });

    if (name !== 'duckdb') {
      it('gives the same answers as the embedded store', async () => {
        const t = tempDir();
        const ref = await openStore(join(t.dir, 'ref.duckdb'));
        try {
          await load(ref);
          const [a, b] = [await answers(store), await answers(ref)];
          for (const k of Object.keys(b) as (keyof Answers)[]) expect(a[k], k).toEqual(b[k]);
        } finally {
          await ref.close();
          t.cleanup();
        }
      });
    }
  });
}

contract('duckdb', async () => openStore(':memory:'));

if (CLICKHOUSE_URL) {
  const url = freshClickHouseUrl('contract');
  const t = tempDir();
  contract(
    'clickhouse',
    async () => openStore(join(t.dir, 'ledger.duckdb'), { store: url }),
    async () => {
      const shards = await shardEndpoints(url);
      const db = new URL(url.replace('clickhouse:', 'http:')).pathname.slice(1);
      const per = await Promise.all(shards.map((s) => localCount(s, db, 'measurements')));
      console.log(`measurements per shard: ${per.join(', ')}`);
      expect(per.every((n) => n > 0)).toBe(true);
      await dropDatabase(url);
      t.cleanup();
    },
  );
} else {
  describe.skip(`store contract: clickhouse (${SKIP_REASON})`, () => {
    it('skipped', () => undefined);
  });
}
