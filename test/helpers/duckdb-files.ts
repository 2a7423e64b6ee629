/**
 * Copying a closed DuckDB database with the files DuckDB and the observatory keep beside it
 * (`<db>.wal`, `<db>.key`, ...). Kept free of vitest imports: the browser run's global setup, in
 * vitest's main process, uses it as well as the test files.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Copies a closed DuckDB database to `to` with its companion files (`<db>.wal`, `<db>.key`, ...). */
export function copyDuckDb(from: string, to: string): void {
  const name = basename(from);
  for (const f of readdirSync(dirname(from))) if (f.startsWith(name)) copyFileSync(join(dirname(from), f), to + f.slice(name.length));
}
