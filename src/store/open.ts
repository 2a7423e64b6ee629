/**
 * Which store to open, and where. Default: DuckDB at .splinternet/observatory.duckdb under the
 * working directory; `--db PATH` or SPLINTERNET_DB override it. `--store clickhouse://...` or
 * SPLINTERNET_STORE put the growing data on a ClickHouse cluster; the embedded file still holds
 * the ledger and the other small tables.
 */
import { resolve } from 'node:path';
import { openClickHouseStore, parseStoreUrl } from './clickhouse/index.js';
import { openDuckDbStore } from './duckdb/index.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  readOnly?: boolean;
  migrate?: boolean;
  /** Create a server store's database that does not exist yet (db migrate); otherwise opening it is refused. */
  create?: boolean;
  /** A store URL (clickhouse://HOST:PORT/DB?cluster=NAME); undefined or "duckdb" = embedded only. */
  store?: string;
}

export function defaultDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = flag ?? env.SPLINTERNET_DB;
  if (chosen === ':memory:') return chosen;
  return resolve(cwd, chosen ?? '.splinternet/observatory.duckdb');
}

/** The store URL in force: the flag, else SPLINTERNET_STORE. */
export function storeUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag ?? (env.SPLINTERNET_STORE || undefined);
}

export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(options.store);
  const embedded = await openDuckDbStore(path, options);
  if (target.kind === 'duckdb') return embedded;
  try {
    return await openClickHouseStore(target, embedded, options);
  } catch (e) {
    await embedded.close();
    throw e;
  }
}
