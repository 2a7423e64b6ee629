/**
 * Measurement exports, OONI users' most requested feature: every list row matching the filters
 * as CSV (RFC 4180, lists joined with ";") or Parquet (written by the store's engine).
 */
import { AppError, toCsv } from '../shared/index.js';
import type { MeasurementRecord, Store } from '../store/index.js';
import { LIST_FIELDS, listRow, toFilter, type QueryInput } from './query.js';

export const MEASUREMENT_EXPORT_FORMATS = ['csv', 'parquet'] as const;
export type MeasurementExportFormat = (typeof MEASUREMENT_EXPORT_FORMATS)[number];

/** Exports above this size should go through DuckDB/Parquet directly from the database file. */
export const MAX_EXPORT_ROWS = 500_000;

type Flat = string | number | boolean | null;

const flat = (m: MeasurementRecord): Record<string, Flat> =>
  Object.fromEntries(Object.entries(listRow(m)).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : (v as Flat)]));

async function allRows(store: Store, q: QueryInput): Promise<MeasurementRecord[]> {
  const filter = toFilter(q);
  const out: MeasurementRecord[] = [];
  let after: { start: string; id: string } | undefined;
  for (;;) {
    const page = await store.measure.list({ ...filter, limit: 10_000, after });
    out.push(...page);
    if (out.length > MAX_EXPORT_ROWS)
      throw new AppError('VALIDATION', `the export would have over ${MAX_EXPORT_ROWS} rows: narrow it with cc, asn, test_name, target, since/until`, {
        issues: [{ path: ['since'], message: 'too many rows' }],
      });
    if (page.length < 10_000) return out;
    const last = page.at(-1)!;
    after = { start: last.measurement_start_time.replace('T', ' ').replace('Z', ''), id: last.id };
  }
}

export async function exportMeasurements(
  deps: { store: Store },
  q: QueryInput,
  format: MeasurementExportFormat,
): Promise<{ body: string | Buffer; count: number }> {
  const rows = (await allRows(deps.store, q)).map(flat);
  if (format === 'csv') return { body: toCsv(LIST_FIELDS, rows), count: rows.length };
  const types: Record<string, 'VARCHAR' | 'BOOLEAN'> = { anomaly: 'BOOLEAN', confirmed: 'BOOLEAN', failure: 'BOOLEAN' };
  const body = await deps.store.tabular.toParquet(
    LIST_FIELDS.map((name) => ({ name, type: types[name] ?? 'VARCHAR' })),
    rows,
  );
  return { body, count: rows.length };
}
