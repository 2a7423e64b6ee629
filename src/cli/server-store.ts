/**
 * A command sent to the server that holds its --db file runs on the store that server opened,
 * whatever the command names. So a command that names a store (--store or SPLINTERNET_STORE) is
 * sent only when it is the server's store (same host, port, database and cluster); otherwise it
 * is refused naming both, because its reads would answer from, and its writes land in, another
 * store than the one named. A command that names no store takes the server's. See
 * docs/design/001-store-concurrency.md.
 */
import type { ServerLock } from '../op/index.js';
import { AppError } from '../shared/index.js';
import { parseStoreUrl, storeIdentity } from '../store/index.js';

/** Throws STORE_LOCKED (exit 1) when `named` (the store URL the command gives, if any) is not the store of the server `lock` names. */
export function refuseOtherStore(lock: ServerLock, dbPath: string, named: string | undefined): void {
  if (named === undefined) return;
  const wanted = storeIdentity(named);
  if (lock.store === wanted) return;
  const has = lock.store ?? 'a store its lock file does not name (a server started by an earlier build)';
  throw new AppError(
    'STORE_LOCKED',
    `the server at ${lock.url} (pid ${lock.pid}) holds ${dbPath} with the store ${has}, and this command names the store ${wanted} ` +
      `(--store or SPLINTERNET_STORE): sent to the server it would read and write the server's store, not the one named. ` +
      `Give --store ${lock.store ?? "the server's store"} (or no --store and no SPLINTERNET_STORE) to go through the server, or stop the server to use ${wanted} with this --db file`,
    { details: { server_url: lock.url, pid: lock.pid, server_store: lock.store ?? null, requested_store: wanted } },
  );
}

/** The kind of store a command's ops use: the one it names; else, when a server holds the --db file, the server's; else the file. */
export function storeKindInForce(named: string | undefined, lock: ServerLock | null): 'duckdb' | 'clickhouse' {
  if (named !== undefined) return parseStoreUrl(named).kind;
  return lock?.store !== undefined && lock.store !== 'duckdb' ? 'clickhouse' : 'duckdb';
}
