/** Public surface of the geo floor: country and region codes, names, aliases. */
export * from './codes.js';
