/** Public surface of the store floor: the interface and the adapters that implement it. */
export type * from './types.js';
export { openStore, defaultDbPath, storeUrl, type OpenStoreOptions } from './open.js';
export { parseStoreUrl, storeIdentity, NATIVE_PORT_OFFSET, type StoreTarget, type ClickHouseTarget } from './clickhouse/index.js';
export { CORRUPT_ADVICE } from './duckdb/db.js';
export { codeSchemaVersion } from './duckdb/migrate.js';
