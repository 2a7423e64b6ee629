/**
 * ClickHouse for tests: the cluster URL comes from SPLINTERNET_TEST_CLICKHOUSE (`.ci/run` starts
 * a two-shard cluster with `splinternet clickhouse up` and exports it). Without it the
 * ClickHouse tests skip and print why. Each test file gets its own database, dropped afterwards
 * on every shard, so runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { parseStoreUrl, type ClickHouseTarget } from '../../src/store/index.js';

export const CLICKHOUSE_URL = process.env.SPLINTERNET_TEST_CLICKHOUSE || '';
export const SKIP_REASON =
  'ClickHouse tests skipped: SPLINTERNET_TEST_CLICKHOUSE is not set (start a cluster with `splinternet clickhouse up --shards 2` and export its URL; .ci/run does this)';

if (!CLICKHOUSE_URL) console.log(SKIP_REASON);

/** A store URL on the test cluster with a fresh database name. */
export function freshClickHouseUrl(tag: string): string {
  const t = parseStoreUrl(CLICKHOUSE_URL) as ClickHouseTarget;
  const db = `t_${tag}_${randomBytes(4).toString('hex')}`;
  return `clickhouse://${t.host}:${t.port}/${db}?cluster=${t.cluster}${t.shardHttp ? `&shard_http=${t.shardHttp.join(',')}` : ''}`;
}

/** The HTTP endpoints of the shards (shard order), from system.clusters. */
export async function shardEndpoints(url: string): Promise<{ host: string; port: number }[]> {
  const t = parseStoreUrl(url) as ClickHouseTarget;
  const q = await chQuery(
    `http://${t.host}:${t.port}`,
    `SELECT host_address, port FROM system.clusters WHERE cluster = '${t.cluster}' AND replica_num = 1 ORDER BY shard_num FORMAT JSONEachRow`,
  );
  return q
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { host_address: string; port: number })
    .map((r, i) =>
      t.shardHttp
        ? { host: t.shardHttp[i]!.split(':')[0]!, port: Number(t.shardHttp[i]!.split(':')[1]) }
        : { host: r.host_address, port: Number(r.port) - 877 },
    );
}

export async function chQuery(base: string, query: string): Promise<string> {
  const r = await fetch(base, { method: 'POST', body: query, signal: AbortSignal.timeout(30_000) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${base}: ${text}`);
  return text;
}

/** count() of a shard's local table. */
export async function localCount(shard: { host: string; port: number }, db: string, table: string): Promise<number> {
  return Number((await chQuery(`http://${shard.host}:${shard.port}`, `SELECT count() FROM ${db}.${table}_local FINAL`)).trim());
}

export async function dropDatabase(url: string): Promise<void> {
  const t = parseStoreUrl(url) as ClickHouseTarget;
  for (const s of await shardEndpoints(url)) await chQuery(`http://${s.host}:${s.port}`, `DROP DATABASE IF EXISTS ${t.database}`).catch(() => undefined);
}
