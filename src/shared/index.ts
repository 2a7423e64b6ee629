/** Public surface of the shared floor: errors, progress, paths, time, numbers. */
export * from './errors.js';
export * from './progress.js';
export * from './paths.js';
export * from './time.js';
export * from './random.js';
export * from './access.js';
export * from './settle.js';
export * from './excerpt.js';
export * from './caps.js';
export * from './legacy-encoding.js';
export * from './csv.js';
export * from './decimal.js';
export * from './percent.js';
export * from './json-text.js';
export * from './json-bytes.js';
export * from './csv-header.js';
export * from './yield.js';
