/**
 * Exports of events and indicators as CSV, JSON, NDJSON and Parquet. CSV and Parquet are flat
 * (lists joined with "; ", sources as URLs); JSON and NDJSON carry the full documents.
 */
import { toCsv } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { LedgerEvent } from './model.js';
import { listEvents, type ListFilters } from './service.js';
import { listIndicators } from './indicators.js';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type FlatValue = string | number | null;

export const EVENT_COLUMNS = [
  'id',
  'title',
  'summary',
  'category',
  'subtype',
  'countries',
  'regions',
  'start',
  'end',
  'date_precision',
  'scope',
  'targets',
  'actors',
  'networks',
  'people_affected',
  'tags',
  'confidence',
  'status',
  'sources',
  'revision',
  'created_at',
  'updated_at',
] as const;

export function flattenEvent(e: LedgerEvent): Record<(typeof EVENT_COLUMNS)[number], FlatValue> {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    category: e.category,
    subtype: e.subtype,
    countries: e.countries.join('; '),
    regions: e.regions.join('; '),
    start: e.start,
    end: e.end,
    date_precision: e.date_precision,
    scope: e.scope,
    targets: e.targets.map((t) => `${t.kind}:${t.name}`).join('; '),
    actors: e.actors.map((a) => `${a.role}:${a.name}`).join('; '),
    networks: e.networks.join('; '),
    people_affected: e.people_affected?.estimate ?? null,
    tags: e.tags.join('; '),
    confidence: e.confidence,
    status: e.status,
    sources: e.sources.map((s) => s.url).join('; '),
    revision: e.revision,
    created_at: e.created_at,
    updated_at: e.updated_at,
  };
}

/** CSV cells and files: the one writer (shared/csv.ts), formula-neutralised. */
export { csvCell, toCsv } from '../shared/index.js';

export const toNdjson = (docs: unknown[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : '');

/** All events matching the filters, in the requested format (paged internally). */
export async function exportEvents(deps: { store: Store }, filters: Omit<ListFilters, 'cursor' | 'limit'>, format: ExportFormat): Promise<string | Buffer> {
  const all: LedgerEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEvents(deps, { ...filters, cursor, limit: 1000 });
    all.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  switch (format) {
    case 'json':
      return JSON.stringify({ items: all, next_cursor: null }, null, 1);
    case 'ndjson':
      return toNdjson(all);
    case 'csv':
      return toCsv(EVENT_COLUMNS, all.map(flattenEvent));
    case 'parquet':
      return deps.store.tabular.toParquet(
        EVENT_COLUMNS.map((name) => ({ name, type: name === 'revision' || name === 'people_affected' ? 'BIGINT' : 'VARCHAR' })),
        all.map(flattenEvent),
      );
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
  'note',
] as const;

/** Indicator values, one row each, with the series and the value's own source. */
export async function exportIndicators(deps: { store: Store }, filters: { country?: string; id?: string }, format: ExportFormat): Promise<string | Buffer> {
  const { items } = await listIndicators(deps, filters);
  if (format === 'json') return JSON.stringify({ items, next_cursor: null }, null, 1);
  const rows = items.flatMap((s) =>
    s.values.map((v) => {
      const src = v.source as { url?: string; title?: string; publisher?: string; published?: string | null };
      return {
        series_id: s.id,
        title: s.title,
        unit: s.unit,
        country: s.country,
        period: v.period,
        value: v.value,
        disputed: v.disputed ? 'yes' : 'no',
        source_url: src.url ?? null,
        source_title: src.title ?? null,
        source_publisher: src.publisher ?? null,
        source_published: src.published ?? null,
        note: v.note,
      };
    }),
  );
  if (format === 'ndjson') return toNdjson(rows);
  if (format === 'csv') return toCsv(INDICATOR_COLUMNS, rows);
  return deps.store.tabular.toParquet(
    INDICATOR_COLUMNS.map((name) => ({ name, type: name === 'value' ? 'DOUBLE' : 'VARCHAR' })),
    rows,
  );
}
