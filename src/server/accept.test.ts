import { describe, expect, it } from 'vitest';
import { acceptedRowFormat } from './accept.js';

/** Accept headers and the answer each gets: a row file, or null for the JSON answer. */
const CASES: [string | undefined, string | null][] = [
  ['text/csv', 'csv'],
  ['application/x-ndjson', 'ndjson'],
  ['application/vnd.apache.parquet', 'parquet'],
  ['application/json;q=0.5, text/csv', 'csv'],
  ['text/csv;q=0.4, application/x-ndjson;q=0.9', 'ndjson'],
  ['TEXT/CSV; charset=utf-8', 'csv'],
  // browsers, JSON clients, wildcards and nothing keep JSON
  [undefined, null],
  ['', null],
  ['*/*', null],
  ['application/json, text/csv', null],
  ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', null],
  ['text/csv;q=0, application/json', null],
];

describe('Accept for row files', () => {
  it.each(CASES)('%j -> %j', (accept, want) => expect(acceptedRowFormat(accept)).toBe(want));
});
