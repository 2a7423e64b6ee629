/**
 * `doctor` on a cluster node (SPLINTERNET_TEST_CLICKHOUSE): the --db file beside the cluster
 * holds the ledger, tokens and webhooks, so its checks run there as on DuckDB: `--deep` reads its
 * tables, a webhook secret its key file cannot open fails `webhook secrets` (exit 1). And through a
 * `serve --store` that holds the file, `doctor --db FILE` without --store reports the server's
 * store and its shards, never "duckdb" nor a failed schema check of the cluster.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLICKHOUSE_URL, dropDatabase, freshClickHouseUrl } from '../helpers/clickhouse.js';
import { runBin, startServer, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'node.duckdb');
const url = CLICKHOUSE_URL ? freshClickHouseUrl('doctor') : '';
type Doctor = { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
const doctor = async (args: string[]) => {
  const r = await runBin(['doctor', '--json', '--db', db, ...args]);
  const d = JSON.parse(r.out) as Doctor;
  return { code: r.code, err: r.err, d, check: (name: string) => d.checks.find((c) => c.name === name) };
};

describe.skipIf(!CLICKHOUSE_URL)('doctor on a cluster node', () => {
  beforeAll(async () => {
    expect((await runBin(['db', 'migrate', '--db', db, '--store', url])).code).toBe(0);
    const hook = await runBin(['hooks', 'add', 'http://127.0.0.1:9/hook', '--db', db, '--store', url, '--json']);
    expect(hook.code, hook.err).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await dropDatabase(url);
    t.cleanup();
  });

  it('with --store: --deep reads the --db file table by table; a webhook secret without its key file fails (exit 1)', async () => {
    const fine = await doctor(['--store', url, '--deep']);
    expect(fine.code, fine.err).toBe(0);
    expect(fine.check('tables')).toMatchObject({ ok: true });
    expect(fine.check('tables')!.detail).toMatch(/^(\d+) of \1 read end to end/);
    expect(fine.check('webhook secrets')).toMatchObject({ ok: true });
    expect(fine.check('store')!.detail).toMatch(/^clickhouse/);
    renameSync(`${db}.key`, `${db}.key.bak`);
    try {
      const lost = await doctor(['--store', url]);
      expect(lost.code).toBe(1);
      expect(lost.check('webhook secrets')).toMatchObject({ ok: false });
      expect(lost.check('webhook secrets')!.detail).toMatch(/key file \S*node\.duckdb\.key is missing/);
    } finally {
      renameSync(`${db}.key.bak`, `${db}.key`);
    }
  }, 120_000);

  it("through serve --store, without --store: the server's store and its shards, the --db file's schema", async () => {
    const server = await startServer(db, ['--no-warm', '--store', url]);
    try {
      const r = await doctor([]);
      expect(r.code, JSON.stringify(r.d.checks)).toBe(0);
      expect(r.check('database')).toMatchObject({ ok: true });
      expect(r.check('database')!.detail).toMatch(/schema version \d+$/);
      expect(r.check('store')).toMatchObject({ ok: true });
      expect(r.check('store')!.detail).toMatch(/^clickhouse/);
      expect(r.check('shards')).toMatchObject({ ok: true });
      expect(r.check('shards')!.detail).toMatch(/^(\d+) of \1 answer/);
      expect(r.check('webhook secrets')).toMatchObject({ ok: true });
    } finally {
      await server.stop();
    }
  }, 120_000);
});
