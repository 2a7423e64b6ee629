/**
 * One open ClickHouse store: the node the URL names, one connection per shard of the cluster
 * (found in system.clusters), and the few operations every repository shares. Opening checks
 * the URL's parts in order (host:port answers, cluster exists, every shard answers) and names
 * the part that is wrong, within the request timeout.
 */
import { connect } from 'node:net';
import { AppError } from '../../shared/index.js';
import { ChNode, NATIVE_PORT_OFFSET } from './client.js';
import { shardFailed, shardsDown, whyDown, type ShardDown, type ShardInfo } from './shard-errors.js';
import { ident, type Sql, sql } from './sql.js';
import type { ClickHouseTarget } from './url.js';

export { shardsDown, type ShardInfo } from './shard-errors.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether HOST:PORT accepts a TCP connection within `timeoutMs` (closed at once). */
export function tcpOpen(hostPort: string, timeoutMs = 1000): Promise<boolean> {
  const i = hostPort.lastIndexOf(':');
  return new Promise((resolve) => {
    const s = connect({ host: hostPort.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(hostPort.slice(i + 1)), timeout: timeoutMs });
    const done = (open: boolean) => {
      s.destroy();
      resolve(open);
    };
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    s.once('timeout', () => done(false));
  });
}

/**
 * ClickHouse's answers that refuse the credentials: 192 unknown user, 193 wrong password, 194
 * password required, 195 user not allowed from this address, 516 authentication failed (later releases).
 */
const AUTH_REFUSED = /\bCode: (192|193|194|195|516)\b|Wrong password for user|Unknown user|Authentication failed/;

/** A request the server never answered: the connection was refused, reset or closed mid-request. */
const CONNECTION_LOST = /ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|other side closed/;

export class ChContext {
  private constructor(
    readonly target: ClickHouseTarget,
    readonly node: ChNode,
    readonly shards: ShardInfo[],
    readonly version: string,
  ) {}

  static async open(t: ClickHouseTarget, timeoutMs = 4000): Promise<ChContext> {
    const probe = new ChNode(t.host, t.port, t, undefined, timeoutMs);
    let version: string;
    try {
      version = (await probe.all<{ v: string }>(sql`SELECT version() AS v`))[0]?.v ?? '?';
    } catch (e) {
      await probe.close();
      const msg = ((e as AppError).cause as Error | undefined)?.message ?? (e as Error).message;
      // the host answered and refused the user: the part at fault is USER[:PASSWORD], never a network one
      if (AUTH_REFUSED.test(msg))
        throw new AppError(
          'USAGE',
          `store URL: authentication failed for user "${t.user}" at ${t.host}:${t.port} (ClickHouse: ${msg.split('\n')[0]!.replace(/^.*DB::Exception: /, '')}); check USER[:PASSWORD] in clickhouse://USER:PASSWORD@HOST:PORT/...`,
          { cause: e },
        );
      throw new AppError('USAGE', `store URL: host:port ${t.host}:${t.port} does not answer as a ClickHouse HTTP endpoint (${msg.split('\n')[0]})`, {
        cause: e,
      });
    }
    const rows = await probe.all<{ shard_num: number; host_address: string; port: number }>(
      sql`SELECT shard_num, host_address, port FROM system.clusters WHERE cluster = ${t.cluster} AND replica_num = 1 ORDER BY shard_num`,
    );
    if (!rows.length) {
      const known = await probe.all<{ cluster: string }>(sql`SELECT DISTINCT cluster FROM system.clusters ORDER BY cluster`);
      await probe.close();
      throw new AppError(
        'USAGE',
        `store URL: cluster "${t.cluster}" is not defined on ${t.host}:${t.port} (its remote_servers name: ${known.map((k) => k.cluster).join(', ') || 'none'})`,
      );
    }
    if (t.shardHttp && t.shardHttp.length !== rows.length) {
      await probe.close();
      throw new AppError('USAGE', `store URL: shard_http lists ${t.shardHttp.length} endpoints but cluster "${t.cluster}" has ${rows.length} shards`);
    }
    const shards = rows.map((r, i): ShardInfo => {
      const [h, p] = t.shardHttp
        ? [t.shardHttp[i]!.split(':')[0]!, Number(t.shardHttp[i]!.split(':')[1])]
        : [r.host_address, Number(r.port) - NATIVE_PORT_OFFSET];
      return {
        shard: Number(r.shard_num),
        host: h,
        port: p,
        native: `${r.host_address}:${r.port}`,
        node: new ChNode(h, p, t, undefined, Math.max(timeoutMs, 30_000)),
      };
    });
    await probe.close();
    const ctx = new ChContext(t, new ChNode(t.host, t.port, t, undefined, 300_000), shards, version);
    ctx.node.explain = async (err) => {
      const down = (await ctx.shardHealth()).filter((s) => !s.ok);
      return down.length ? shardsDown(t, down, err) : (shardFailed(t, shards, err) ?? err);
    };
    // A statement sent to one shard's own server (DDL, mutations, per-shard checks) fails the same
    // way, naming the shard; a connection that server dropped or refused names it even when its
    // /ping answers again by the time of the check (a server on its way down or restarting).
    for (const s of shards)
      s.node.explain = async (err) => {
        const down = (await ctx.shardHealth()).filter((h) => !h.ok);
        if (down.length) return shardsDown(t, down, err);
        const cause = ((err.cause as Error | undefined)?.message ?? err.message).split('\n')[0]!;
        if (CONNECTION_LOST.test(cause)) return shardsDown(t, [{ shard: s.shard, host: s.host, port: s.port, error: cause }], err);
        return shardFailed(t, shards, err) ?? err;
      };
    const down = (await ctx.shardHealth()).filter((s) => !s.ok);
    if (down.length) {
      await ctx.close();
      throw shardsDown(t, down);
    }
    if (t.shardHttp) {
      const wrong = await ctx.misnamedShards();
      if (wrong) {
        await ctx.close();
        throw new AppError('USAGE', `store URL: shard_http ${wrong} (list each shard's own HTTP endpoint, in shard order)`);
      }
    }
    return ctx;
  }

  /**
   * Refuse a database no shard has (a misspelt name): naming it, the databases the URL's node
   * has, and the command that creates it. Nothing is created.
   */
  async requireDatabase(): Promise<void> {
    const db = this.target.database;
    const has = await Promise.all(
      this.shards.map(async (s) => (await s.node.all<{ n: number }>(sql`SELECT count() AS n FROM system.databases WHERE name = ${db}`))[0]?.n),
    );
    if (has.some((n) => Number(n) > 0)) return;
    const names = await this.node.all<{ name: string }>(sql`SELECT name FROM system.databases WHERE name NOT IN ('system', 'default') ORDER BY name`);
    throw new AppError(
      'USAGE',
      `store URL: database "${db}" does not exist on cluster "${this.target.cluster}" (databases there: ${names.map((r) => r.name).join(', ') || 'none'}); ` +
        `\`splinternet db migrate --store URL\` creates it`,
    );
  }

  /** db.name of a Distributed table. */
  table(name: string): Sql {
    return sql`${ident(this.target.database)}.${ident(name)}`;
  }

  /** db.name_local: a shard's own table. */
  local(name: string): Sql {
    return sql`${ident(this.target.database)}.${ident(`${name}_local`)}`;
  }

  /**
   * Each shard's connection must reach that shard's own server: the server's system.clusters
   * marks the entry that is itself (`is_local`). Returns what is wrong (the first endpoint that
   * says it is another shard), or null. A server that marks no entry as itself (an address it
   * does not recognise as its own) cannot be checked and is accepted.
   */
  async misnamedShards(): Promise<string | null> {
    for (const s of this.shards) {
      const own = await s.node.all<{ shard_num: number }>(
        sql`SELECT shard_num FROM system.clusters WHERE cluster = ${this.target.cluster} AND is_local = 1 ORDER BY shard_num`,
      );
      const nums = own.map((r) => Number(r.shard_num));
      if (nums.length && !nums.includes(s.shard))
        return `entry ${s.shard} (${s.host}:${s.port}) is the server of shard ${nums.join(', ')} of cluster "${this.target.cluster}", not of shard ${s.shard}`;
    }
    return null;
  }

  async shardHealth(): Promise<({ ok: boolean } & ShardDown)[]> {
    return Promise.all(
      this.shards.map(async (s) => {
        const ping = await s.node.ping();
        const at = { shard: s.shard, host: s.host, port: s.port };
        if (ping.ok) return { ...at, ok: true };
        const error = whyDown(ping.error);
        // an HTTP port from the layout that refuses: does a server answer on the native port (the layout is wrong) or none (it is stopped)?
        const refused = !this.target.shardHttp && /ECONNREFUSED/.test(error);
        return { ...at, ok: false, error, ...(refused && { nativeOpen: await tcpOpen(s.native) }) };
      }),
    );
  }

  /** Insert through the Distributed table, synchronously on every shard (a failure names the shards that do not answer). */
  insert(name: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    return this.node.insert(`${this.target.database}.${name}`, rows);
  }

  /** Run a mutation (ALTER ... DELETE) on every shard's local table and wait until each is applied. */
  async mutateEverywhere(q: Sql): Promise<void> {
    for (const s of this.shards) await s.node.run(q);
    for (const s of this.shards) {
      for (let i = 0; ; i++) {
        const r = await s.node.all<{ n: number }>(sql`SELECT count() AS n FROM system.mutations WHERE database = ${this.target.database} AND is_done = 0`);
        if (!Number(r[0]?.n)) break;
        if (i > 600) throw new AppError('STORE', `a delete on shard ${s.shard} (${s.host}:${s.port}) did not finish in 60 s`);
        await sleep(100);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.node.close(), ...this.shards.map((s) => s.node.close())]);
  }
}
