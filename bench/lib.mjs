// What the bench scripts share: the package root, the built modules under dist/src (benches
// measure the shipped JavaScript), the store and its effects, and DuckDB's buffer pool capped
// (it defaults to 80 % of RAM; a documented knob, see src/store/duckdb/db.ts) unless set.
import { join } from 'node:path';

process.env.SPLINTERNET_DUCKDB_MEMORY_LIMIT ??= '512MB';
export const root = new URL('..', import.meta.url).pathname;
export const dist = (p) => join(root, 'dist', 'src', p);
export const { openStore } = await import(dist('store/index.js'));
export const { systemClock, silentProgress } = await import(dist('shared/index.js'));
