/**
 * Which store to open, and where. Default: DuckDB at .splinternet/observatory.duckdb under the
 * working directory; `--db PATH` or SPLINTERNET_DB override it. `--store clickhouse://...` or
 * SPLINTERNET_STORE put the growing data on a ClickHouse cluster; the embedded file still holds
 * the ledger and the other small tables.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../shared/index.js';
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

/**
 * The database file in force: `--db`, else SPLINTERNET_DB (set but empty reads as unset, as a
 * shell leaves it), else the default under `cwd`; a symlink is followed to its file. An empty `--db` names no file (it would
 * resolve to the folder itself) and is refused naming the flag.
 */
export function defaultDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (flag === '') {
    const message = 'an empty path; name a database file';
    throw new AppError('VALIDATION', `--db: ${message}`, { issues: [{ path: ['db'], message }] });
  }
  const chosen = flag ?? (env.SPLINTERNET_DB || undefined);
  if (chosen === ':memory:') return chosen;
  return throughLink(resolve(cwd, chosen ?? '.splinternet/observatory.duckdb'));
}

/**
 * A path whose last part is a symlink names the file it points to: the lock file, the server a
 * command goes through and the file a restore replaces are those of that file (a path through a
 * symlinked folder already reaches the same lock file). A link whose file is not there yet names
 * the file it would create (its target, taken against the link's folder when relative), as
 * DuckDB creates it through the link, so every writer and a restore leave the link a link.
 */
function throughLink(path: string, depth = 0): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path;
  }
  try {
    return realpathSync(path);
  } catch {
    // dangling: follow it by hand, a few links deep at most (a loop stays as given)
    if (depth >= 8) return path;
    try {
      return throughLink(resolve(dirname(path), readlinkSync(path)), depth + 1);
    } catch {
      return path;
    }
  }
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
