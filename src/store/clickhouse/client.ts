/**
 * A thin layer over @clickhouse/client (HTTP) that speaks to one node, plus one connection per
 * shard for the statements a Distributed table cannot carry (DDL, per-shard balance). Every
 * statement arrives as an Sql fragment (see sql.ts); errors become AppError STORE naming the
 * host that failed. Requests time out (no hang on a dead shard).
 */
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { AppError } from '../../shared/index.js';
import type { Sql } from './sql.js';
import type { ClickHouseTarget } from './url.js';

/** ClickHouse's default ports: 9000 (native) = 8123 (HTTP) + 877; the local cluster keeps that offset. */
export const NATIVE_PORT_OFFSET = 877;

/** How long a shard may take to answer /ping before it counts as not answering (opening a store stays under 10 s). */
export const PING_TIMEOUT_MS = 4000;

/** Settings sent with every request; all exist on 18.16 and on current releases. */
const SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
  insert_distributed_sync: 1,
  join_use_nulls: 1,
} as const;

export class ChNode {
  readonly client: ClickHouseClient;
  /** Turns a failure into the error the user sees (the store names shards that do not answer). */
  explain: (e: AppError) => Promise<AppError> = (e) => Promise.resolve(e);
  constructor(
    readonly host: string,
    readonly port: number,
    t: Pick<ClickHouseTarget, 'user' | 'password'>,
    database: string | undefined,
    timeoutMs: number,
  ) {
    this.client = createClient({
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      username: t.user,
      password: t.password,
      database,
      request_timeout: timeoutMs,
      compression: { request: false, response: false },
      clickhouse_settings: SETTINGS,
      keep_alive: { enabled: true },
      // Every failure reaches the user once, as the AppError below naming the host; the client's own
      // log would print each again with its internals (request ids, settings, stack).
      log: { level: ClickHouseLogLevel.OFF },
    });
  }

  get name(): string {
    return `${this.host}:${this.port}`;
  }

  private fail(e: unknown, what: Sql | string): AppError {
    const msg = (e as Error).message ?? String(e);
    const text = typeof what === 'string' ? what : what.text;
    return new AppError('STORE', `ClickHouse at ${this.name}: ${msg.split('\n')[0]} (in: ${text.replace(/\s+/g, ' ').slice(0, 160)})`, { cause: e });
  }

  async all<T>(q: Sql): Promise<T[]> {
    try {
      const r = await this.client.query({ query: q.text, format: 'JSONEachRow' });
      return await r.json<T>();
    } catch (e) {
      throw await this.explain(this.fail(e, q));
    }
  }

  /** Rows as arrays in column order (JSONCompact; 18.16 has no JSONCompactEachRow): no column names repeated per row on large reads. */
  async tuples<T extends unknown[]>(q: Sql): Promise<T[]> {
    try {
      const r = await this.client.query({ query: q.text, format: 'JSONCompact' });
      return ((await r.json()) as unknown as { data: T[] }).data;
    } catch (e) {
      throw await this.explain(this.fail(e, q));
    }
  }

  async run(q: Sql): Promise<void> {
    try {
      await this.client.command({ query: q.text });
    } catch (e) {
      throw await this.explain(this.fail(e, q));
    }
  }

  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    try {
      await this.client.insert({ table, values: rows, format: 'JSONEachRow' });
    } catch (e) {
      throw await this.explain(this.fail(e, `INSERT INTO ${table} (${rows.length} rows)`));
    }
  }

  /** Whether the node answers /ping within timeoutMs (a server that accepts and never answers is down, not waited for). */
  async ping(timeoutMs = PING_TIMEOUT_MS): Promise<{ ok: boolean; error?: string }> {
    try {
      const r = await this.client.ping({ select: false, abort_signal: AbortSignal.timeout(timeoutMs) });
      return r.success ? { ok: true } : { ok: false, error: (r.error as Error | undefined)?.message ?? 'no answer' };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
