/**
 * The errors that name the shards of a failed request, so a user sees which server to look at
 * rather than only the node the URL names (which forwards every request): shards that do not
 * answer at all (exit 2, HTTP 503), and a shard that failed in the middle of a request while it
 * still answers a ping (a server going down, a connection reset), found by its native address in
 * ClickHouse's own error text.
 */
import { AppError } from '../../shared/index.js';
import { NATIVE_PORT_OFFSET, PING_TIMEOUT_MS, type ChNode } from './client.js';
import type { ClickHouseTarget } from './url.js';

export interface ShardInfo {
  shard: number;
  host: string;
  /** HTTP port. */
  port: number;
  /** host:port of its native protocol, as system.clusters lists it (what ClickHouse's errors name). */
  native: string;
  node: ChNode;
}

/**
 * What holds after a request failed on a shard: it did not complete. The error carries
 * `incomplete`, so an op that writes adds what its writes keep (src/op/after-failure.ts); a read
 * says no more.
 */
export const AFTER_FAILURE = 'this request did not complete';

/** A shard whose /ping failed, and why. */
export interface ShardDown {
  shard: number;
  host: string;
  port: number;
  error?: string;
  /**
   * Whether its native port accepts connections, asked only when its HTTP port (taken from the
   * port layout) refused the connection: true means a server runs there and the layout is wrong.
   */
  nativeOpen?: boolean;
}

/** Why a shard's /ping failed, in one short phrase. */
export const whyDown = (error: string | undefined): string =>
  /abort|timeout/i.test(error ?? '') ? `no answer within ${PING_TIMEOUT_MS / 1000} s` : (error ?? 'no answer').split('\n')[0]!;

/**
 * The error for shards that do not answer, the same whether the store is being opened or a
 * request on an open store (a running `serve`) fails: exit 2, HTTP 503, naming each shard and
 * why. It blames the URL only where the URL may be at fault: a `shard_http` entry it lists, or
 * an HTTP port taken from the port layout that refuses while the shard's native port answers;
 * otherwise the shard's server is stopped or hung, and the error says how to start it again.
 * `cause`: the failed request's error (kept as the cause; the message says what holds).
 */
export function shardsDown(t: ClickHouseTarget, down: ShardDown[], cause?: unknown): AppError {
  const named = `shard ${down.map((d) => `${d.shard} (${d.host}:${d.port}: ${whyDown(d.error)})`).join(', ')} of cluster "${t.cluster}"`;
  const layout = !t.shardHttp && down.some((d) => d.nativeOpen === true);
  const head = t.shardHttp
    ? `store URL: ${named} does not answer over HTTP (check that server and its shard_http entry)`
    : layout
      ? `store URL: ${named} does not answer over HTTP though its native port does (expected at the native port - ${NATIVE_PORT_OFFSET}; list them with &shard_http=HOST:PORT,...)`
      : `ClickHouse: ${named} does not answer: its server is stopped or hung; check that server ` +
        '(a cluster started by `splinternet clickhouse up --dir DIR` has its stopped shards started again by the same command)';
  return new AppError(
    'STORE_UNREACHABLE',
    head + (cause === undefined ? '' : `; ${AFTER_FAILURE}`),
    cause === undefined ? {} : { cause, details: { incomplete: true } },
  );
}

/**
 * A request that failed on a shard the node reached over the native protocol: the shards whose
 * native address ClickHouse's text names (an insert's status lines, which list every shard, are
 * left out), as a STORE error naming them and the node that reported it. Null when it names none.
 */
export function shardFailed(t: ClickHouseTarget, shards: readonly Pick<ShardInfo, 'shard' | 'host' | 'port' | 'native'>[], err: AppError): AppError | null {
  const full = ((err.cause as Error | undefined)?.message ?? err.message).split(/Insertion status:/)[0]!;
  const named = shards.filter((s) => full.includes(s.native));
  if (!named.length) return null;
  const reported = /^ClickHouse at ([^:]+:\d+): /.exec(err.message);
  return new AppError(
    'STORE',
    `ClickHouse: shard ${named.map((s) => `${s.shard} (${s.host}:${s.port}, native ${s.native})`).join(', ')} of cluster "${t.cluster}" failed during the request` +
      (reported ? ` (reported by ${reported[1]}: ${err.message.slice(reported[0].length)})` : ` (${err.message})`) +
      `; ${AFTER_FAILURE}`,
    { cause: err, details: { incomplete: true } },
  );
}
