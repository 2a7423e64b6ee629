/**
 * Exports of events and indicators as CSV, JSON, NDJSON and Parquet. JSON and NDJSON carry the
 * full documents; CSV and Parquet have one column per document key, in the document's order, so
 * every format holds every field: a list of plain values is joined with "; ", a field holding
 * objects (targets, sources, places, ...) is that value as JSON text, an absent value is empty.
 */
import type { FlatTable } from '../op/index.js';
import { silentProgress, toCsv, type ProgressReporter } from '../shared/index.js';
import type { ParquetColumn, Store } from '../store/index.js';
import { LedgerEventSchema, type LedgerEvent, type Source } from './model.js';
import { listEvents, type ListFilters } from './service.js';
import { listIndicators, type IndicatorView } from './indicators.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type FlatValue = string | number | null;

/** Every key of an event document, in its order: the columns of the flat formats. */
export const EVENT_COLUMNS = Object.keys(LedgerEventSchema.shape) as (keyof LedgerEvent)[];

/**
 * How each key is flattened, and its Parquet type. Fields not listed are text. A key of the
 * model missing here fails src/ledger/export.test.ts rather than being exported wrongly.
 */
const JOINED = new Set<string>(['countries', 'regions', 'networks', 'tags']);
const AS_JSON = new Set<string>(['targets', 'actors', 'people_affected', 'places', 'population_affected', 'geocode', 'sources', 'region_notes']);
const EVENT_TYPES: Partial<Record<string, ParquetColumn['type']>> = { revision: 'BIGINT', created_at: 'TIMESTAMPTZ', updated_at: 'TIMESTAMPTZ' };
export const EVENT_PARQUET_COLUMNS: ParquetColumn[] = EVENT_COLUMNS.map((name) => ({
  name,
  type: EVENT_TYPES[name] ?? (AS_JSON.has(name) ? 'JSON' : 'VARCHAR'),
}));
/** The flattening rule of each key, for the tests and the OpenAPI summary. */
export const eventColumnKind = (key: string): 'joined' | 'json' | 'value' => (JOINED.has(key) ? 'joined' : AS_JSON.has(key) ? 'json' : 'value');

export function flattenEvent(e: LedgerEvent): Record<string, FlatValue> {
  const doc = e as unknown as Record<string, unknown>;
  return Object.fromEntries(
    EVENT_COLUMNS.map((k) => {
      const v = doc[k];
      if (v === undefined || v === null) return [k, null];
      if (JOINED.has(k)) return [k, (v as string[]).join('; ')];
      if (AS_JSON.has(k)) return [k, JSON.stringify(v)];
      return [k, v as FlatValue];
    }),
  );
}

/** The event table: `events export` and every page of `events list` written as a file. */
export const EVENT_TABLE: FlatTable = { columns: EVENT_PARQUET_COLUMNS, flatten: (row) => flattenEvent(row as unknown as LedgerEvent) };

/**
 * The revision table: `events history` written as a file. Typed as the event export is: the
 * revision a BIGINT, its time a TIMESTAMPTZ, the documents before and after JSON.
 */
const REVISION_COLUMNS: ParquetColumn[] = [
  { name: 'revision', type: 'BIGINT' },
  { name: 'action', type: 'VARCHAR' },
  { name: 'actor', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' },
  { name: 'at', type: 'TIMESTAMPTZ' },
  { name: 'previous', type: 'JSON' },
  { name: 'current', type: 'JSON' },
];
export const REVISION_TABLE: FlatTable = {
  columns: REVISION_COLUMNS,
  flatten: (row) =>
    Object.fromEntries(
      REVISION_COLUMNS.map(({ name, type }) => {
        const v = row[name];
        return [name, v === undefined || v === null ? null : type === 'JSON' ? JSON.stringify(v) : (v as string | number)];
      }),
    ),
};

/** CSV cells and files: the one writer (shared/csv.ts), formula-neutralised. */
export { csvCell, toCsv } from '../shared/index.js';

export const toNdjson = (docs: unknown[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : '');

/** All events matching the filters, in the requested format (read 1,000 at a time, with progress). */
export async function exportEvents(
  deps: { store: Store; progress?: ProgressReporter },
  filters: Omit<ListFilters, 'cursor' | 'limit'>,
  format: ExportFormat,
): Promise<string | Buffer> {
  const progress = deps.progress ?? silentProgress;
  const all: LedgerEvent[] = [];
  const first = await listEvents(deps, { ...filters, limit: 1000 });
  progress.start('export events', first.total, 'events');
  try {
    for (let page = first; ; page = await listEvents(deps, { ...filters, cursor: page.next_cursor, limit: 1000 })) {
      all.push(...page.items);
      progress.update(all.length);
      if (!page.next_cursor) break;
    }
  } finally {
    progress.stop();
  }
  switch (format) {
    case 'json':
      return JSON.stringify({ items: all, next_cursor: null }, null, 1);
    case 'ndjson':
      return toNdjson(all);
    case 'csv':
      return toCsv(EVENT_COLUMNS, all.map(flattenEvent));
    case 'parquet':
      return deps.store.tabular.toParquet(EVENT_PARQUET_COLUMNS, all.map(flattenEvent));
  }
}

export const INDICATOR_COLUMNS = [
  'series_id',
  'title',
  'unit',
  'country',
  'period',
  'value',
  'disputed',
  'source_url',
  'source_title',
  'source_publisher',
  'source_published',
  'source_archive_url',
  'source_locator',
  'note',
] as const;
const INDICATOR_TYPES: Partial<Record<(typeof INDICATOR_COLUMNS)[number], ParquetColumn['type']>> = { value: 'DOUBLE', disputed: 'BOOLEAN' };

/**
 * Indicator values, one row each, with the series and the value's whole source (its locator and
 * archive copy too); the same rows in CSV, NDJSON and Parquet, `disputed` a boolean in each.
 */
export async function exportIndicators(deps: { store: Store }, filters: { country?: string; id?: string }, format: ExportFormat): Promise<string | Buffer> {
  return indicatorsBody(deps, (await listIndicators(deps, filters)).items, format);
}

/** The export of series already listed (a row per value in csv, ndjson and parquet; the series themselves in json). */
export async function indicatorsBody(deps: { store: Store }, items: IndicatorView[], format: ExportFormat): Promise<string | Buffer> {
  if (format === 'json') return JSON.stringify({ items, next_cursor: null }, null, 1);
  const rows = items.flatMap((s) =>
    s.values.map((v) => {
      const src: Partial<Source> = v.source;
      return {
        series_id: s.id,
        title: s.title,
        unit: s.unit,
        country: s.country,
        period: v.period,
        value: v.value,
        disputed: v.disputed,
        source_url: src.url ?? null,
        source_title: src.title ?? null,
        source_publisher: src.publisher ?? null,
        source_published: src.published ?? null,
        source_archive_url: src.archive_url ?? null,
        source_locator: src.locator ?? null,
        note: v.note,
      };
    }),
  );
  if (format === 'ndjson') return toNdjson(rows);
  if (format === 'csv') return toCsv(INDICATOR_COLUMNS, rows);
  return deps.store.tabular.toParquet(
    INDICATOR_COLUMNS.map((name) => ({ name, type: INDICATOR_TYPES[name] ?? 'VARCHAR' })),
    rows,
  );
}
