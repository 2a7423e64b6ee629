/** Public surface of the geo floor: country and region codes, names (en/ru/zh), aliases. */
export * from './codes.js';
export * from './region-names.js';
