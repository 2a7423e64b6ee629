/**
 * Writers at once on the ClickHouse store (the cluster named by SPLINTERNET_TEST_CLICKHOUSE;
 * skipped with the reason when it is not set). `serve --store` holding the embedded file takes
 * three CLI ingests of overlapping folders at once; two nodes (two embedded files) ingest
 * overlapping folders at once. Either way the day-cell summaries equal one sequential ingest into
 * DuckDB, and the cluster holds each measurement once after de-duplication. Real data: the OONI
 * bucket sample (test/fixtures/ooni/SOURCES.md).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { CLICKHOUSE_URL, chQuery, dropDatabase, freshClickHouseUrl, shardEndpoints } from '../helpers/clickhouse.js';
import { runBin, startServer, tempDir } from '../helpers/index.js';

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
/** A part of the bucket (March 2020) that the whole bucket overlaps. */
const PART = join(BUCKET, 'raw', '20200302');

describe.skipIf(!CLICKHOUSE_URL)('concurrent writers on the ClickHouse store', () => {
  const t = tempDir();
  const urls: string[] = [];
  const ref = join(t.dir, 'sequential.duckdb');
  const CCS = [[], ['--cc', 'RU'], ['--cc', 'IR']];
  /** The sequential ingest's summaries (all, RU, IR), read once: both tests compare with them. */
  const expectedSummaries: unknown[] = [];
  beforeAll(async () => {
    for (const args of [
      ['ingest', PART],
      ['ingest', BUCKET],
    ])
      expect((await runBin([...args, '--workers', '0', '--json', '--db', ref])).code).toBe(0);
    for (const cc of CCS) {
      const b = await runBin(['measurements', 'summary', ...cc, '--json', '--db', ref]);
      expect(b.code, b.err).toBe(0);
      expectedSummaries.push(JSON.parse(b.out));
    }
  });
  afterAll(async () => {
    for (const u of urls) await dropDatabase(u);
    t.cleanup();
  });

  const fresh = async (tag: string, db: string) => {
    const url = freshClickHouseUrl(tag);
    urls.push(url);
    const m = await runBin(['db', 'migrate', '--store', url, '--db', db, '--json']);
    expect(m.code, m.err).toBe(0);
    return url;
  };
  /** Summaries (all, RU, IR) from the cluster equal the sequential DuckDB ingest's; each measurement is stored once. */
  const expectSameAsSequential = async (url: string, db: string) => {
    for (const [i, cc] of CCS.entries()) {
      const a = await runBin(['measurements', 'summary', ...cc, '--json', '--store', url, '--db', db]);
      expect(a.code, a.err).toBe(0);
      expect(JSON.parse(a.out), cc.join(' ') || 'all').toEqual(expectedSummaries[i]);
    }
    const database = new URL(url.replace('clickhouse://', 'http://')).pathname.slice(1);
    const [shard] = await shardEndpoints(url);
    const distinct = Number((await chQuery(`http://${shard!.host}:${shard!.port}`, `SELECT uniqExact(id) FROM ${database}.measurements`)).trim());
    expect(distinct).toBe((expectedSummaries[0] as { totals: { n: number } }).totals.n);
  };
  const ingest = (dir: string, url: string, db: string) => runBin(['ingest', dir, '--workers', '0', '--json', '--store', url, '--db', db]);

  it('serve --store takes overlapping CLI ingests at once; the summaries equal a sequential ingest', async () => {
    const db = join(t.dir, 'served.duckdb');
    const url = await fresh('served', db);
    const srv = await startServer(db, ['--store', url]);
    try {
      const runs = await Promise.all([ingest(BUCKET, url, db), ingest(PART, url, db), ingest(BUCKET, url, db)]);
      for (const r of runs) expect(r.code, r.err.slice(-600)).toBe(0);
      for (const r of runs) expect(JSON.parse(r.out)).toMatchObject({ reconciled: true });
      await expectSameAsSequential(url, db);
    } finally {
      await srv.stop();
    }
  });

  it('two nodes ingest overlapping folders at once; the summaries equal a sequential ingest', async () => {
    const [a, b] = [join(t.dir, 'node-a.duckdb'), join(t.dir, 'node-b.duckdb')];
    const url = await fresh('nodes', a);
    const runs = await Promise.all([ingest(BUCKET, url, a), ingest(PART, url, b)]);
    for (const r of runs) expect(r.code, r.err.slice(-600)).toBe(0);
    await expectSameAsSequential(url, a);
  });
});
