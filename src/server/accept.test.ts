import { describe, expect, it } from 'vitest';
import { acceptedRowFormat } from './accept.js';

describe('Accept for row files', () => {
  it('names the file a client asks for, in its order of preference', () => {
    expect(acceptedRowFormat('text/csv')).toBe('csv');
    expect(acceptedRowFormat('application/x-ndjson')).toBe('ndjson');
    expect(acceptedRowFormat('application/vnd.apache.parquet')).toBe('parquet');
    expect(acceptedRowFormat('application/json;q=0.5, text/csv')).toBe('csv');
    expect(acceptedRowFormat('text/csv;q=0.4, application/x-ndjson;q=0.9')).toBe('ndjson');
    expect(acceptedRowFormat('TEXT/CSV; charset=utf-8')).toBe('csv');
  });

  it('keeps JSON for browsers, JSON clients, wildcards and nothing', () => {
    expect(acceptedRowFormat(undefined)).toBeNull();
    expect(acceptedRowFormat('')).toBeNull();
    expect(acceptedRowFormat('*/*')).toBeNull();
    expect(acceptedRowFormat('application/json, text/csv')).toBeNull();
    expect(acceptedRowFormat('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBeNull();
    expect(acceptedRowFormat('text/csv;q=0, application/json')).toBeNull();
  });
});
