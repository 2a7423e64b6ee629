/**
 * Which store to open, and where. Default: DuckDB at .splinternet/observatory.duckdb under the
 * working directory; `--db PATH` or SPLINTERNET_DB override it.
 */
import { resolve } from 'node:path';
import { openDuckDbStore } from './duckdb/index.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  readOnly?: boolean;
  migrate?: boolean;
}

export function defaultDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = flag ?? env.SPLINTERNET_DB;
  if (chosen === ':memory:') return chosen;
  return resolve(cwd, chosen ?? '.splinternet/observatory.duckdb');
}

export function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  return openDuckDbStore(path, options);
}
