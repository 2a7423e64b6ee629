/** Access Now #KeepItOn STOP: parse, map to the taxonomy, import, derived indicators. */
export * from './parse.js';
export * from './map.js';
export * from './import.js';
export * from './derive.js';
export * from './load.js';
export * from './duplicates.js';
export * from './record-texts.js';
