/**
 * Two nodes on one cluster (SPLINTERNET_TEST_CLICKHOUSE), each with its own --db file: the
 * register's snapshots are shared, its ru-registry-* series live in each node's file. A snapshot
 * node 2 imported is on the cluster for node 1 too; node 1's doctor names the gap in its series
 * (stale, with the import that fills it), and that import, though the file is unchanged, publishes
 * the snapshot's values in node 1's series. Real data: the shipped 2018 CIDR entries.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { CLICKHOUSE_URL, dropDatabase, freshClickHouseUrl } from '../helpers/clickhouse.js';
import { runBin, tempDir } from '../helpers/index.js';

const t = tempDir();
const [node1, node2] = [join(t.dir, 'node1.duckdb'), join(t.dir, 'node2.duckdb')];
const url = CLICKHOUSE_URL ? freshClickHouseUrl('regnodes') : '';
const FILE = packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv');
const json = async (db: string, args: string[]) => {
  const r = await runBin([...args, '--json', '--db', db, '--store', url]);
  expect(r.code, r.err + r.out).toBeLessThan(2);
  return JSON.parse(r.out) as Record<string, unknown>;
};
const blockedIpv4 = async (db: string) =>
  ((await json(db, ['indicators', 'list', '--country', 'RU'])).items as { id: string; values: { period: string }[] }[])
    .find((s) => s.id === 'ru-registry-blocked-ipv4')
    ?.values.map((v) => v.period) ?? [];
const registryCheck = async (db: string) =>
  ((await json(db, ['doctor'])).derived as { dataset: string; status: string; detail: string; commands?: string[] }[]).find(
    (d) => d.dataset === 'registry figures',
  );

describe.skipIf(!CLICKHOUSE_URL)('the register shared by two nodes', () => {
  beforeAll(async () => {
    for (const db of [node1, node2]) expect((await runBin(['db', 'migrate', '--db', db, '--store', url])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await dropDatabase(url);
    t.cleanup();
  });

  it("a snapshot node 2 imported: node 1's doctor names the gap in its series, and node 1's import of the unchanged file fills it", async () => {
    const imported = await json(node2, ['registry', 'import', FILE]);
    const id = (imported.snapshots as { id: string }[])[0]!.id;
    expect(await blockedIpv4(node2)).toContain(id.slice(0, 10));
    // node 1 sees the snapshot on the cluster, its own series lack it
    expect(((await json(node1, ['registry', 'summary'])).snapshot as { id: string }).id).toBe(id);
    expect(await blockedIpv4(node1)).not.toContain(id.slice(0, 10));
    const stale = await registryCheck(node1);
    expect(stale).toMatchObject({ status: 'stale', commands: [`splinternet registry import data/registry/${FILE.split('/').at(-1)!}`] });
    expect(stale!.detail).toContain(`no values in this database's ru-registry-* indicator series (${id}; imported by another node sharing the store)`);
    const again = await json(node1, ['registry', 'import', FILE]);
    expect((again.files as { status: string }[])[0]!.status).toBe('unchanged');
    expect((again.indicators as { values: number }).values).toBeGreaterThan(0);
    expect(await blockedIpv4(node1)).toContain(id.slice(0, 10));
    expect(await registryCheck(node1)).toMatchObject({ status: 'current' });
  }, 300_000);
});
