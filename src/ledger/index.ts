/** Public surface of the ledger: model, taxonomy, operations, tokens, seed, import, export. */
export * from './taxonomy.js';
export * from './subtype-filter.js';
export * from './model.js';
export * from './service.js';
export * from './tokens.js';
export * from './indicators.js';
export * from './export.js';
export * from './seed.js';
export * from './upsert.js';
export * from './stop/index.js';
export { endNotRecorded, endText } from './end-text.js';
export * from './stats.js';
export * from './geocode.js';
