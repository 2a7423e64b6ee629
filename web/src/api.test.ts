import { describe, expect, it } from 'vitest';
import { csvUrl, problemMessage } from './api.js';

describe('csvUrl', () => {
  it("asks an op's own route for the same query as CSV, so a download holds the API's columns and flattening", () => {
    expect(csvUrl('/api/cost/regions', { country: 'RU', type: 'full', hours: 24, method: undefined })).toBe(
      '/api/cost/regions?country=RU&type=full&hours=24&format=csv',
    );
    expect(csvUrl('/api/speedtests/summary', { cc: 'RU' })).toBe('/api/speedtests/summary?cc=RU&format=csv');
  });
  it('a list with an export (every row, not one page) downloads the export', () => {
    expect(csvUrl('/api/events', { country: 'CN', category: 'cooperation', q: 'WCIT', limit: 1000 })).toBe(
      '/api/export/events.csv?country=CN&category=cooperation&q=WCIT',
    );
    expect(csvUrl('/api/indicators', { id: 'ozi-full' })).toBe('/api/export/indicators.csv?id=ozi-full');
  });
});

describe('problemMessage', () => {
  it('says each field error once: one the detail already states is not repeated', () => {
    // the server's problem+json for GET /api/events?from=abc (seeded store)
    const body = {
      detail: 'invalid input for events.list: from: "abc" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset',
      errors: [{ path: 'from', message: '"abc" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset' }],
    };
    expect(problemMessage(body, '400 Bad Request')).toBe(body.detail);
  });
  it('adds the field errors the detail does not state', () => {
    // SYNTHETIC: a detail that names no field
    expect(problemMessage({ detail: 'invalid cost scenario', errors: [{ path: 'hours', message: 'must be a positive number of hours, got -5' }] }, '400')).toBe(
      'invalid cost scenario (hours: must be a positive number of hours, got -5)',
    );
    expect(problemMessage({}, '502 Bad Gateway')).toBe('502 Bad Gateway');
  });
});
