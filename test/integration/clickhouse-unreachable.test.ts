/**
 * A ClickHouse store URL whose host does not answer, tried through the built CLI on a machine
 * with or without ClickHouse (nothing listens on the ports used, or a listener that never
 * answers): exit 2 within 10 s and one error line naming the host:port and the reason, with
 * none of the client library's internal log (request ids, settings, stack) on stderr. On the
 * test cluster (SPLINTERNET_TEST_CLICKHOUSE): a database that does not exist is named, not created.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/shared/index.js';
import { ChContext } from '../../src/store/clickhouse/context.js';
import { sql } from '../../src/store/clickhouse/sql.js';
import { parseStoreUrl, type ClickHouseTarget } from '../../src/store/index.js';
import { CLICKHOUSE_URL, chQuery, freshClickHouseUrl, shardEndpoints } from '../helpers/clickhouse.js';
import { runBin, tempDir } from '../helpers/index.js';

const t = tempDir();
let silent: Server;
const sockets = new Set<Socket>();
beforeAll(async () => {
  // accepts connections, never answers: a hung server
  silent = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
});
afterAll(async () => {
  // close() waits for every open connection: the hung server ends its own first.
  for (const s of sockets) s.destroy();
  await new Promise((ok) => silent.close(ok));
  t.cleanup();
});

describe('an unreachable ClickHouse store', () => {
  it.each([
    [
      'refused',
      () => 'clickhouse://127.0.0.1:1/acc?cluster=splinternet',
      /host:port 127\.0\.0\.1:1 does not answer as a ClickHouse HTTP endpoint \(.*ECONNREFUSED/,
    ],
    [
      'silent',
      () => `clickhouse://127.0.0.1:${(silent.address() as AddressInfo).port}/acc?cluster=splinternet`,
      /does not answer as a ClickHouse HTTP endpoint \(Timeout/,
    ],
  ])('%s: exit 2 within 10 s, one line naming host:port and why, no client log', async (_n, url, why) => {
    const t0 = Date.now();
    const r = await runBin(['measurements', 'summary', '--store', url(), '--db', join(t.dir, 'x.duckdb')]);
    expect(r.code, r.err).toBe(2);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.err).toMatch(why);
    expect(r.err).not.toMatch(/@clickhouse\/client|query_id|clickhouse_settings|\n\s+at /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe.skipIf(!CLICKHOUSE_URL)('a ClickHouse database that does not exist', () => {
  it('a read exits 2 naming it and the databases there, and creates nothing on any shard', async () => {
    const url = freshClickHouseUrl('typo');
    const db = new URL(url.replace('clickhouse:', 'http:')).pathname.slice(1);
    for (const args of [['measurements', 'summary'], ['doctor']]) {
      const r = await runBin([...args, '--store', url, '--db', join(t.dir, 'typo.duckdb')]);
      expect(r.code === 2 || args[0] === 'doctor', r.err).toBe(true);
      expect(r.err + r.out).toMatch(new RegExp(`database "${db}" does not exist on cluster "splinternet" \\(databases there: [^)]*\\)`));
      expect(r.err + r.out).toContain('splinternet db migrate --store');
    }
    for (const s of await shardEndpoints(url))
      expect((await chQuery(`http://${s.host}:${s.port}`, `SELECT count() FROM system.databases WHERE name = '${db}'`)).trim()).toBe('0');
  });
});

describe.skipIf(!CLICKHOUSE_URL)('doctor while a shard does not answer', () => {
  it('fails the store check naming the shard; the database check describes the --db file alone', async () => {
    const db = join(t.dir, 'doctor.duckdb');
    expect((await runBin(['db', 'migrate', '--db', db])).code).toBe(0);
    const [first] = await shardEndpoints(CLICKHOUSE_URL);
    // shard 2 listed at a port nothing listens on: the cluster answers, that shard does not
    const url = `${CLICKHOUSE_URL.split('&shard_http=')[0]}&shard_http=${first!.host}:${first!.port},127.0.0.1:1`;
    const r = await runBin(['doctor', '--store', url, '--db', db, '--json']);
    expect(r.code, r.err).toBe(1);
    const checks = (JSON.parse(r.out) as { checks: { name: string; ok: boolean; detail: string }[] }).checks;
    const check = (name: string) => checks.find((c) => c.name === name)!;
    expect(check('database')).toMatchObject({ ok: true });
    expect(check('database').detail).toMatch(new RegExp(`^${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, schema version \\d+$`));
    expect(check('store')).toMatchObject({ ok: false });
    expect(check('store').detail).toMatch(/shard 2 \(127\.0\.0\.1:1: /);
  });
});

describe.skipIf(!CLICKHOUSE_URL)('wrong ClickHouse credentials', () => {
  it('exit 2 saying authentication failed for the user, never that the host does not answer, and never the password', async () => {
    for (const [user, secret] of [
      ['default', 's3cr3tPW'],
      ['bob', 'secret-of-bob'],
    ]) {
      const url = CLICKHOUSE_URL.replace('clickhouse://', `clickhouse://${user}:${secret}@`);
      const r = await runBin(['measurements', 'summary', '--store', url, '--db', join(t.dir, 'auth.duckdb'), '--json']);
      expect(r.code, r.err).toBe(2);
      const message = (JSON.parse(r.out) as { error: { message: string } }).error.message;
      expect(message).toMatch(new RegExp(`^store URL: authentication failed for user "${user}" at `));
      expect(message + r.err).not.toMatch(/does not answer/);
      expect(message + r.err).not.toContain(secret);
    }
  });
});

describe.skipIf(!CLICKHOUSE_URL)('a shard_http list that does not name each shard`s own server', () => {
  it('entries swapped or one server named twice: exit 2 naming shard_http; doctor refuses the list or fails its store check', async () => {
    const [one, two] = await shardEndpoints(CLICKHOUSE_URL);
    const base = CLICKHOUSE_URL.split('&shard_http=')[0];
    const db = join(t.dir, 'shardhttp.duckdb');
    const message = (out: string) => (JSON.parse(out) as { error: { message: string } }).error.message;
    const swapped = `${base}&shard_http=${two!.host}:${two!.port},${one!.host}:${one!.port}`;
    const twice = `${base}&shard_http=${one!.host}:${one!.port},${one!.host}:${one!.port}`;
    for (const url of [swapped, twice]) {
      const r = await runBin(['measurements', 'summary', '--store', url, '--db', db, '--json']);
      expect(r.code, r.err).toBe(2);
      expect(message(r.out)).toMatch(/^store URL: shard_http (entry 1 \(\S+\) is the server of shard 2|entry "\S+" is listed twice)/);
    }
    const d = await runBin(['doctor', '--store', swapped, '--db', db, '--json']);
    const store = (JSON.parse(d.out) as { checks: { name: string; ok: boolean; detail: string }[] }).checks.find((c) => c.name === 'store')!;
    expect(d.code).toBe(1);
    expect(store).toMatchObject({ ok: false, detail: expect.stringMatching(/shard_http entry 1/) as unknown });
    const d2 = await runBin(['doctor', '--store', twice, '--db', db, '--json']);
    expect(d2.code).toBe(2);
    expect(message(d2.out)).toMatch(/shard_http entry "\S+" is listed twice/);
  });
});

describe.skipIf(!CLICKHOUSE_URL)('a statement sent to one shard`s own server after that shard stopped', () => {
  it('fails STORE_UNREACHABLE naming the shard and that the request did not complete, not the raw statement', async () => {
    const [one, two] = await shardEndpoints(CLICKHOUSE_URL);
    // shard 2 reached through a relay this test can stop (as a killed server stops answering)
    const open = new Set<Socket>();
    const relay = createServer((s) => {
      const up = connect(two!.port, two!.host);
      for (const x of [s, up]) {
        open.add(x);
        x.on('error', () => undefined);
        x.on('close', () => open.delete(x));
      }
      s.pipe(up).pipe(s);
    });
    await new Promise<void>((ok) => relay.listen(0, '127.0.0.1', ok));
    const port = (relay.address() as AddressInfo).port;
    const target = parseStoreUrl(`${CLICKHOUSE_URL.split('&shard_http=')[0]}&shard_http=${one!.host}:${one!.port},127.0.0.1:${port}`) as ClickHouseTarget;
    const ctx = await ChContext.open(target);
    try {
      await ctx.shards[1]!.node.run(sql`SELECT 1`);
      await new Promise((ok) => relay.close(ok));
      for (const s of open) s.destroy();
      const e = (await ctx.shards[1]!.node.run(sql`SELECT 1`).catch((x: unknown) => x)) as AppError;
      expect(e.code).toBe('STORE_UNREACHABLE');
      expect(e.message).toMatch(new RegExp(`^store URL: shard 2 \\(127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`));
      // what holds: the request did not complete (an op that writes adds what its writes keep: src/op/after-failure.ts)
      expect(e.message).toMatch(/; this request did not complete$/);
      expect(e.details.incomplete).toBe(true);
      expect(e.message).not.toContain('(in: SELECT');
    } finally {
      await ctx.close();
    }
  });
});
