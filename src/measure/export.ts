/**
 * Measurement exports, OONI users' most requested feature: every list row matching the filters
 * as CSV (RFC 4180, lists joined with ";"), NDJSON (the list rows as `measurements list` gives
 * them, lists as lists) or Parquet (written by the store's engine). The same columns in each.
 */
import { AppError, csvCell, silentProgress, toCsv, type ProgressReporter } from '../shared/index.js';
import type { MeasurementRecord, ParquetColumn, Store } from '../store/index.js';
import { LIST_FIELDS, listRow, toFilter, type QueryInput } from './query.js';

export const MEASUREMENT_EXPORT_FORMATS = ['csv', 'ndjson', 'parquet'] as const;
export type MeasurementExportFormat = (typeof MEASUREMENT_EXPORT_FORMATS)[number];

/** Exports above this size should go through DuckDB/Parquet directly from the database file. */
export const MAX_EXPORT_ROWS = 500_000;
/** Rows read from the store at a time: the full records of one page are what an export holds besides its output. */
const PAGE = 2_000;

type Flat = string | number | boolean | null;

const flat = (m: MeasurementRecord): Record<string, Flat> =>
  Object.fromEntries(Object.entries(listRow(m)).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : (v as Flat)]));

/**
 * The matching rows, one store page (PAGE rows) at a time: a page's full records (evidence
 * included) are dropped once written out, so an export holds only its output.
 */
async function* pages(store: Store, q: QueryInput, pageSize: number): AsyncGenerator<MeasurementRecord[]> {
  const filter = toFilter(q);
  let count = 0;
  let after: { start: string; id: string } | undefined;
  for (;;) {
    const page = await store.measure.list({ ...filter, limit: pageSize, after });
    count += page.length;
    if (count > MAX_EXPORT_ROWS)
      throw new AppError('VALIDATION', `the export would have over ${MAX_EXPORT_ROWS} rows: narrow it with cc, asn, test_name, target, since/until`, {
        issues: [{ path: ['since'], message: 'too many rows' }],
      });
    if (page.length) yield page;
    if (page.length < pageSize) return;
    const last = page.at(-1)!;
    after = { start: last.measurement_start_time.replace('T', ' ').replace('Z', ''), id: last.id };
  }
}

/** The rows matching `q` as CSV, NDJSON or Parquet; progress counts the rows read (the total is not known ahead). */
export async function exportMeasurements(
  deps: { store: Store; progress?: ProgressReporter },
  q: QueryInput,
  format: MeasurementExportFormat,
  pageSize = PAGE,
): Promise<{ body: string | Buffer; count: number }> {
  const progress = deps.progress ?? silentProgress;
  let count = 0;
  async function* counted() {
    for await (const page of pages(deps.store, q, pageSize)) {
      count += page.length;
      progress.update(count);
      yield page;
    }
  }
  const flatPages = async function* () {
    for await (const page of counted()) yield page.map(flat);
  };
  progress.start(`export measurements as ${format}`, undefined, 'rows');
  try {
    if (format === 'csv') {
      const parts = [toCsv(LIST_FIELDS, [])];
      for await (const rows of flatPages()) parts.push(rows.map((r) => LIST_FIELDS.map((c) => csvCell(r[c])).join(',') + '\r\n').join(''));
      return { body: parts.join(''), count };
    }
    if (format === 'ndjson') {
      const parts: string[] = [];
      for await (const page of counted()) parts.push(page.map((m) => JSON.stringify(listRow(m)) + '\n').join(''));
      return { body: parts.join(''), count };
    }
    const types: Record<string, ParquetColumn['type']> = {
      measurement_start_time: 'TIMESTAMPTZ',
      anomaly: 'BOOLEAN',
      confirmed: 'BOOLEAN',
      failure: 'BOOLEAN',
    };
    const body = await deps.store.tabular.toParquet(
      LIST_FIELDS.map((name) => ({ name, type: types[name] ?? 'VARCHAR' })),
      flatPages(),
    );
    return { body, count };
  } finally {
    progress.stop();
  }
}
