import { describe, expect, it } from 'vitest';
import { csvUrl } from './api.js';

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
