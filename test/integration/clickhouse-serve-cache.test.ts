/**
 * `serve --store` on a cluster that another node writes to: the API's response cache follows
 * the cluster's data (a generation read from every shard at most once a second), so a summary
 * cached before another node's ingest is answered fresh after it, equal to the CLI's answer on
 * the same cluster. Runs when SPLINTERNET_TEST_CLICKHOUSE names a cluster (as in .ci/run), else
 * skipped with the reason. Real data: test/fixtures/ooni/bucket-sample.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { CLICKHOUSE_URL, dropDatabase, freshClickHouseUrl } from '../helpers/clickhouse.js';
import { runBin, startServer, tempDir } from '../helpers/index.js';

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample', 'raw');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!CLICKHOUSE_URL)('the API cache of a node serving a cluster another node writes to', () => {
  const t = tempDir();
  const url = CLICKHOUSE_URL ? freshClickHouseUrl('cache') : '';
  afterAll(async () => {
    await dropDatabase(url);
    t.cleanup();
  });

  it('a summary cached before node B ingests is answered with B`s rows within the documented second', async () => {
    const a = join(t.dir, 'a.duckdb');
    const b = join(t.dir, 'b.duckdb');
    expect((await runBin(['db', 'migrate', '--store', url, '--db', a])).code).toBe(0);
    expect((await runBin(['db', 'migrate', '--db', b])).code).toBe(0);
    const days = readdirSync(BUCKET).sort();
    const [first, ...rest] = days;
    const ingest = async (dirs: string[]) => {
      const r = await runBin(['ingest', ...dirs.map((d) => join(BUCKET, d)), '--store', url, '--db', b, '--json']);
      expect([0, 3], r.err.slice(-600)).toContain(r.code);
    };
    await ingest([first!]);
    const server = await startServer(a, ['--store', url, '--no-warm']);
    try {
      const summary = async () => (await (await fetch(`${server.url}/api/measurements/summary`)).json()) as { totals: { n: number } };
      const before = (await summary()).totals.n;
      expect((await summary()).totals.n).toBe(before); // cached
      await ingest(rest);
      const cli = await runBin(['measurements', 'summary', '--json', '--store', url, '--db', b]);
      const now = (JSON.parse(cli.out) as { totals: { n: number } }).totals.n;
      expect(now).toBeGreaterThan(before);
      // fresh within the documented second (1.5 s allowed from here, as the cache's own check may be up to 1 s old)
      const deadline = Date.now() + 1500;
      let served = (await summary()).totals.n;
      while (served !== now && Date.now() < deadline) {
        await sleep(100);
        served = (await summary()).totals.n;
      }
      expect(served).toBe(now);
    } finally {
      await server.stop();
    }
  });
});
