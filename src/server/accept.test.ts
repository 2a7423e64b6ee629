import { describe, expect, it } from 'vitest';
import { appOnTempStore } from '../../test/helpers/index.js';
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

describe('every answer of a route negotiated on Accept says Vary: Accept (RFC 9110 §12.5.5)', () => {
  const env = appOnTempStore();
  const vary = (r: Response) => (r.headers.get('vary') ?? '').split(/,\s*/).sort();

  it('the JSON answer (cached, with its ETag) and its 304 list Accept beside Accept-Encoding; the file lists Accept', async () => {
    for (const path of ['/api/events?country=RU&limit=3', '/api/cost/compare?country=IN']) {
      const json = await env.app.request(path);
      expect([path, json.status, vary(json)]).toEqual([path, 200, ['Accept', 'Accept-Encoding']]);
      const again = await env.app.request(path);
      const etag = again.headers.get('etag');
      expect([path, vary(again)]).toEqual([path, ['Accept', 'Accept-Encoding']]);
      if (etag) {
        const unchanged = await env.app.request(path, { headers: { 'if-none-match': etag } });
        expect([path, unchanged.status, vary(unchanged)]).toEqual([path, 304, ['Accept', 'Accept-Encoding']]);
      }
      const csv = await env.app.request(path, { headers: { accept: 'text/csv' } });
      expect([path, csv.headers.get('content-type'), vary(csv)]).toEqual([path, 'text/csv; charset=utf-8', ['Accept']]);
    }
  });

  it('a route with no file form does not vary on Accept', async () => {
    const res = await env.app.request('/api/stats/events');
    expect(vary(res)).not.toContain('Accept');
  });
});
