/**
 * Which store to use: the embedded DuckDB file (default) or a ClickHouse cluster named by
 * `clickhouse://[USER[:PASSWORD]@]HOST:PORT/DATABASE?cluster=NAME`. A malformed URL is refused
 * here (USAGE, exit 2), naming the part that is wrong and never the password, before anything connects.
 */
import { AppError } from '../../shared/index.js';

export interface ClickHouseTarget {
  kind: 'clickhouse';
  host: string;
  /** HTTP port of the node the store talks to. */
  port: number;
  database: string;
  cluster: string;
  user: string;
  password: string;
  /** Optional shard HTTP endpoints ("host:port"), in shard order, when they do not follow the default port layout. */
  shardHttp: string[] | null;
  /** The URL without credentials (for doctor, logs, errors). */
  display: string;
}

export type StoreTarget = { kind: 'duckdb' } | ClickHouseTarget;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const bad = (part: string, detail: string) => new AppError('USAGE', `store URL: ${part} ${detail} (expected clickhouse://HOST:PORT/DATABASE?cluster=NAME)`);

/** `raw` with the password (between "USER:" and the last "@" of the authority) shown as "***". */
const masked = (raw: string): string => raw.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^:@/?#]*:)[^/?#]*@/i, '$1***@');

/**
 * A percent-encoded part of the URL decoded, or a usage error naming the part when a "%" starts
 * no valid escape (the password itself is never shown).
 */
function decoded(part: 'user' | 'password' | 'database', value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw bad(
      part === 'password' ? part : `${part} "${value}"`,
      'is not percent-encoded: a "%" there must start an escape of UTF-8 bytes (write a literal "%" as %25, "@" as %40, ":" as %3A, "/" as %2F)',
    );
  }
}

/**
 * Parse --store / SPLINTERNET_STORE; undefined or "duckdb" means the embedded store. An empty
 * value is refused like a blank one (an unset shell variable in `--store "$X"` must not send the
 * data to the --db file); an empty SPLINTERNET_STORE reaches here as undefined (storeUrl).
 */
export function parseStoreUrl(raw: string | undefined): StoreTarget {
  if (raw === undefined || raw === 'duckdb') return { kind: 'duckdb' };
  if (raw === '')
    throw new AppError('USAGE', 'store URL: is empty (give clickhouse://HOST:PORT/DATABASE?cluster=NAME, or duckdb, or leave --store out for the --db file)');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1];
  if (!scheme) throw bad('scheme', `missing in "${masked(raw)}"`);
  if (scheme.toLowerCase() !== 'clickhouse') throw bad('scheme', `"${scheme}" is not supported (only clickhouse:// or duckdb)`);
  const authority = /^[^:]+:\/\/([^/?#]*)/.exec(raw)?.[1] ?? '';
  const rawPort = /:(\d+)$/.exec(authority)?.[1];
  if (rawPort && Number(rawPort) > 65535) throw bad('port', `"${rawPort}" is not a port number`);
  let u: URL;
  try {
    u = new URL(raw.replace(/^[^:]+:/, 'http:'));
  } catch {
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    if (hostPort.includes('%')) throw bad(`host "${hostPort}"`, 'cannot be parsed (a host name or address has no "%")');
    throw bad('URL', `"${masked(raw)}" cannot be parsed`);
  }
  // a fragment is never sent to a server: text after "#" would be dropped without a word (and may be part of a password)
  if (raw.includes('#')) throw bad('fragment', 'is not part of a store URL: remove the "#..." (a "#" in a password is written %23)');
  // each parameter once: of two values one would be used and the other silently ignored
  for (const k of new Set(u.searchParams.keys()))
    if (u.searchParams.getAll(k).length > 1) throw bad(`parameter "${k}"`, 'is given more than once (give each parameter once)');
  if (!u.hostname) throw bad('host', 'is missing');
  if (!u.port) throw bad('port', 'is missing (the HTTP port, e.g. 8123)');
  const port = Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad('port', `"${u.port}" is not a port number`);
  const database = decoded('database', u.pathname.replace(/^\//, ''));
  if (!database) throw bad('database', 'is missing (the path, e.g. /splinternet)');
  if (!NAME.test(database)) throw bad('database', `"${database}" must be a plain name (letters, digits, _)`);
  const cluster = u.searchParams.get('cluster');
  if (!cluster) throw bad('cluster', "is missing (?cluster=NAME, as in the servers' remote_servers)");
  if (!NAME.test(cluster)) throw bad('cluster', `"${cluster}" must be a plain name (letters, digits, _)`);
  for (const k of u.searchParams.keys()) if (k !== 'cluster' && k !== 'shard_http') throw bad(`parameter "${k}"`, 'is unknown (known: cluster, shard_http)');
  const sh = u.searchParams.get('shard_http');
  const shardHttp = sh ? sh.split(',').map((s) => s.trim()) : null;
  for (const s of shardHttp ?? []) if (!/^[^:\s]+:\d{1,5}$/.test(s)) throw bad('shard_http', `entry "${s}" is not HOST:PORT`);
  // one server per shard: a server listed twice would answer (and be counted) for two shards
  const seen = new Set<string>();
  for (const s of shardHttp ?? []) {
    const k = s.toLowerCase();
    if (seen.has(k)) throw bad('shard_http', `entry "${k}" is listed twice (one HOST:PORT per shard, in shard order)`);
    seen.add(k);
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return {
    kind: 'clickhouse',
    host,
    port,
    database,
    cluster,
    user: decoded('user', u.username) || 'default',
    password: decoded('password', u.password),
    shardHttp,
    display: `clickhouse://${u.host}/${database}?cluster=${cluster}${sh ? `&shard_http=${sh}` : ''}`,
  };
}

/**
 * Which data a store URL reaches, as text two URLs can be compared by: "duckdb" (the --db file),
 * or clickhouse://HOST:PORT/DATABASE?cluster=NAME with the host in lower case. Credentials and
 * shard_http say how the data is reached, not which data it is, so they are left out.
 */
export function storeIdentity(raw: string | undefined): string {
  const t = parseStoreUrl(raw);
  if (t.kind === 'duckdb') return 'duckdb';
  const host = t.host.includes(':') ? `[${t.host.toLowerCase()}]` : t.host.toLowerCase();
  return `clickhouse://${host}:${t.port}/${t.database}?cluster=${t.cluster}`;
}
