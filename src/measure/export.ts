/**
 * Measurement exports, OONI users' most requested feature: every list row matching the filters
 * as CSV (RFC 4180), NDJSON (the list rows as `measurements list` gives them, lists as lists) or
 * Parquet (written by the store's engine). Each row carries the data's source and licence. The
 * flat formats use MEASUREMENT_TABLE, the same table a page of `measurements list` is written
 * with: lists joined with "; ", the time a timestamp in Parquet, the flags booleans.
 */
import { flatCell, type FlatTable } from '../op/index.js';
import { AppError, csvCell, silentProgress, toCsv, type ProgressReporter } from '../shared/index.js';
import type { MeasurementRecord, ParquetColumn, Store } from '../store/index.js';
import { LIST_FIELDS, listRow, SOURCE, toFilter, type QueryInput } from './query.js';

export const MEASUREMENT_EXPORT_FORMATS = ['csv', 'ndjson', 'parquet'] as const;
export type MeasurementExportFormat = (typeof MEASUREMENT_EXPORT_FORMATS)[number];

/** The flat columns: the list row's fields, then the source every row carries. */
const COLUMNS = [...LIST_FIELDS, 'source'] as const;
const TYPES: Partial<Record<(typeof COLUMNS)[number], ParquetColumn['type']>> = {
  measurement_start_time: 'TIMESTAMPTZ',
  anomaly: 'BOOLEAN',
  confirmed: 'BOOLEAN',
  failure: 'BOOLEAN',
};

/** The measurement table: `measurements export` and every page of `measurements list` written as a file. */
export const MEASUREMENT_TABLE: FlatTable = {
  columns: COLUMNS.map((name) => ({ name, type: TYPES[name] ?? 'VARCHAR' })),
  flatten: (row) => Object.fromEntries(COLUMNS.map((c) => [c, flatCell(row[c])])),
};

/** One exported row: the list row with its source, as a list answer's row carries it. */
const exportRow = (m: MeasurementRecord): Record<string, unknown> => ({ ...listRow(m), source: SOURCE });

/** Exports above this size should go through DuckDB/Parquet directly from the database file. */
export const MAX_EXPORT_ROWS = 500_000;
/** Rows read from the store at a time: the full records of one page are what an export holds besides its output. */
const PAGE = 2_000;

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
    for await (const page of counted()) yield page.map((m) => MEASUREMENT_TABLE.flatten(exportRow(m)));
  };
  progress.start(`export measurements as ${format}`, undefined, 'rows');
  try {
    const names = MEASUREMENT_TABLE.columns.map((c) => c.name);
    if (format === 'csv') {
      const parts = [toCsv(names, [])];
      for await (const rows of flatPages()) parts.push(rows.map((r) => names.map((c) => csvCell(r[c])).join(',') + '\r\n').join(''));
      return { body: parts.join(''), count };
    }
    if (format === 'ndjson') {
      const parts: string[] = [];
      for await (const page of counted()) parts.push(page.map((m) => JSON.stringify(exportRow(m)) + '\n').join(''));
      return { body: parts.join(''), count };
    }
    const body = await deps.store.tabular.toParquet([...MEASUREMENT_TABLE.columns], flatPages());
    return { body, count };
  } finally {
    progress.stop();
  }
}
