// Store descriptions below are SYNTHETIC (the shapes a two-shard ClickHouse store and the
// embedded store report), so each shard state is checked without stopping servers.
import { describe, expect, it } from 'vitest';
import type { StoreInfo } from '../store/index.js';
import { healthOf, storeCheckOf } from './health.js';

const host = (shard: number, ok: boolean) => ({
  shard,
  host: '127.0.0.1',
  port: 18959 + shard,
  ok,
  ...(ok ? {} : { error: `connect ECONNREFUSED 127.0.0.1:${18959 + shard}` }),
});
const cluster = (up: boolean[]): StoreInfo => ({
  kind: 'clickhouse',
  path: 'clickhouse://127.0.0.1:18960/splinternet?cluster=splinternet',
  // what the store reports when no shard answers: no version could be read
  schemaVersion: up.some(Boolean) ? 10 : 0,
  extensions: [],
  engineVersion: '18.16.1',
  shards: { total: up.length, answering: up.filter(Boolean).length, hosts: up.map((ok, i) => host(i + 1, ok)) },
});

describe('/healthz from the store description', () => {
  it('ok with every shard, degraded naming the shard that does not answer, down (503) with none', () => {
    expect(healthOf(cluster([true, true]))).toEqual({
      status: 200,
      body: { status: 'ok', store: 'clickhouse', schema_version: 10, server_version: '18.16.1', shards: { total: 2, answering: 2, not_answering: [] } },
    });
    const one = healthOf(cluster([true, false]));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ status: 'degraded', schema_version: 10 });
    expect(one.body.shards?.not_answering).toEqual([{ shard: 2, host: '127.0.0.1', port: 18961, error: 'connect ECONNREFUSED 127.0.0.1:18961' }]);
    const none = healthOf(cluster([false, false]));
    expect(none.status).toBe(503);
    expect(none.body).toMatchObject({ status: 'down', schema_version: null, server_version: null, shards: { total: 2, answering: 0 } });
    expect(none.body.shards?.not_answering.map((s) => s.shard)).toEqual([1, 2]);
  });

  it('the embedded store is ok and lists no shards', () => {
    const info: StoreInfo = { kind: 'duckdb', path: '/tmp/x.duckdb', schemaVersion: 40, extensions: [], engineVersion: 'v1.5.0' };
    expect(healthOf(info)).toEqual({ status: 200, body: { status: 'ok', store: 'duckdb', schema_version: 40, server_version: 'v1.5.0' } });
  });
});

describe("doctor's store check agrees with /healthz", () => {
  it('no shard answering: FAIL, versions unknown (never "schema version 0" or a remembered server version), each shard named', () => {
    const c = storeCheckOf(cluster([false, false]));
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('server unknown, schema version unknown');
    expect(c.detail).not.toMatch(/schema version 0|18\.16/);
    expect(c.detail).toMatch(/shard 1 \(127\.0\.0\.1:18960: connect ECONNREFUSED 127\.0\.0\.1:18960\), 2 \(127\.0\.0\.1:18961: .*\) do not answer \(down\)/);
  });
  it('one shard of two answering: FAIL naming it (degraded), versions from the one that answers', () => {
    const c = storeCheckOf(cluster([true, false]));
    expect(c.ok).toBe(false);
    expect(c.detail).toMatch(/server 18\.16\.1, schema version 10; shard 2 \(127\.0\.0\.1:18961: .*\) does not answer \(degraded\)/);
  });
  it('every shard answering, and the embedded store: ok', () => {
    expect(storeCheckOf(cluster([true, true]))).toEqual({
      ok: true,
      detail: 'clickhouse clickhouse://127.0.0.1:18960/splinternet?cluster=splinternet, server 18.16.1, schema version 10',
    });
  });
});
