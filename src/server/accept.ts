/**
 * Content negotiation for the routes that answer with rows as a file: a client that says
 * `Accept: text/csv` (or NDJSON, or Parquet) gets the file, as `?format=` gives it; `?format=`
 * wins when both are sent. The media types are read in the client's order of preference (q,
 * then the order written). The first one we can answer decides: JSON or a wildcard (any type,
 * any application type) keeps the JSON answer, so a browser (text/html first, then any type) and
 * a client that names nothing get JSON as before. The response cache leaves such requests alone (cache.ts): its
 * entries are keyed by URL and hold JSON only.
 */
import type { RowFormat } from '../op/index.js';

/** Media types of the row files. */
export const ROW_MEDIA: Record<RowFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

const BY_TYPE: Record<string, RowFormat> = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson', 'application/vnd.apache.parquet': 'parquet' };
const JSON_TYPES = new Set(['application/json', 'application/problem+json', 'application/*', '*/*']);

/** The row format an Accept header asks for, or null for the JSON answer. */
export function acceptedRowFormat(accept: string | undefined): RowFormat | null {
  if (!accept) return null;
  const ranges = accept
    .split(',')
    .map((part, i) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { type, q: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranges) {
    if (JSON_TYPES.has(r.type)) return null;
    const f = BY_TYPE[r.type];
    if (f) return f;
  }
  return null;
}
