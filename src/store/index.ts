/** Public surface of the store floor: the interface and the adapters that implement it. */
export type * from './types.js';
export { openStore, defaultDbPath, type OpenStoreOptions } from './open.js';
