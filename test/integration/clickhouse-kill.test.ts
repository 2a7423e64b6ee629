/**
 * `registry import` on the ClickHouse store killed with kill -9 after it wrote a file's entries
 * and ranges and before the file's row that makes them visible (the built CLI runs with
 * SPLINTERNET_TEST_PAUSE_IN_TX=registry.file#1). The summaries then equal DuckDB's without that
 * file; a rerun makes them equal DuckDB's with it, and leaves on the shards only the rows of the
 * visible generations. Runs when SPLINTERNET_TEST_CLICKHOUSE names a cluster (as in .ci/run),
 * else skipped with the reason. Real data: the register samples in data/registry (SOURCES.md).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { CLICKHOUSE_URL, chQuery, dropDatabase, freshClickHouseUrl, shardEndpoints } from '../helpers/clickhouse.js';
import { runBin, tempDir } from '../helpers/index.js';
import { killInside } from '../helpers/kill.js';

const REGISTRY_2018 = packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv');
const REGISTRY_2016 = packagePath('data', 'registry', 'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz');

describe.skipIf(!CLICKHOUSE_URL)('kill -9 of a registry import on the ClickHouse store', () => {
  const t = tempDir();
  const url = CLICKHOUSE_URL ? freshClickHouseUrl('regkill') : '';
  afterAll(async () => {
    await dropDatabase(url);
    t.cleanup();
  });

  it('the killed file stays invisible; the rerun gives the DuckDB summaries and leaves no rows of the killed generation', async () => {
    const cdb = join(t.dir, 'node.duckdb');
    const ref = join(t.dir, 'ref.duckdb');
    const imported = async (args: string[]) => {
      const r = await runBin(args);
      expect([0, 3], r.err.slice(-600)).toContain(r.code);
    };
    /** registry summary (latest and the 2016 snapshot) on the cluster and in the DuckDB reference. */
    const summaries = async (db: string, store: string[]) => {
      const out = [];
      for (const snap of [[], ['--snapshot', '2016-06-13']]) {
        const r = await runBin(['registry', 'summary', ...snap, ...store, '--db', db, '--json']);
        out.push(r.code === 0 ? JSON.parse(r.out) : { code: r.code });
      }
      return out;
    };
    expect((await runBin(['db', 'migrate', '--store', url, '--db', cdb])).code).toBe(0);
    await imported(['registry', 'import', REGISTRY_2018, '--store', url, '--db', cdb, '--json']);
    await imported(['registry', 'import', REGISTRY_2018, '--db', ref, '--json']);
    const only2018 = await summaries(ref, []);

    const k = await killInside('registry.file#1', ['registry', 'import', REGISTRY_2016, '--store', url, '--db', cdb, '--json']);
    expect(k.marker, k.err.slice(-600)).toMatch(/file=\S+ gen=\d+/);
    expect(k.signal).toBe('SIGKILL');
    const database = new URL(url.replace('clickhouse://', 'http://')).pathname.slice(1);
    const [shard] = await shardEndpoints(url);
    const generations = async () =>
      Number((await chQuery(`http://${shard!.host}:${shard!.port}`, `SELECT uniqExact(gen) FROM ${database}.registry_entries`)).trim());
    expect(await generations()).toBe(2); // the killed file's rows are on the shards, invisible
    expect(await summaries(cdb, ['--store', url])).toEqual(only2018);

    await imported(['registry', 'import', REGISTRY_2016, '--store', url, '--db', cdb, '--json']);
    await imported(['registry', 'import', REGISTRY_2016, '--db', ref, '--json']);
    expect(await summaries(cdb, ['--store', url])).toEqual(await summaries(ref, []));
    expect(await generations()).toBe(2); // the 2018 file's and the rerun's; the killed one is gone
  });
});
