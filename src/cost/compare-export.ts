/**
 * `cost compare --format`: the comparison as a file a spreadsheet or a notebook reads. CSV and
 * Parquet hold one flat row per country-year, and every row carries the method, the published
 * source it is compared with and the events behind our figure, so a row cut out of the file
 * still says where its numbers came from. NDJSON keeps each row whole (events, causes); JSON is
 * the report as `--json` prints it.
 */
import { toCsv, toNdjson, type ExportFormat, type FlatValue } from '../ledger/index.js';
import type { Store } from '../store/index.js';
import type { CompareReport, CompareRow } from './compare.js';
import { METHOD_IDS } from './types.js';

const PER_METHOD = METHOD_IDS.map((m) => `ours_usd_${m}`);
const LEAVES_OUT = METHOD_IDS.map((m) => `ours_leaves_out_${m}`);

export const COMPARE_COLUMNS = [
  'country',
  'year',
  'method',
  'ours_usd',
  'theirs_usd',
  'ratio',
  'within',
  'our_hours',
  'their_hours',
  'our_users',
  'their_users',
  'their_area',
  'cause',
  'events',
  'event_ids',
  'events_not_priced',
  'event_ids_not_priced',
  'event_ids_outside_area',
  ...PER_METHOD,
  ...LEAVES_OUT,
  'source',
  'source_url',
] as const;

const NUMERIC = new Set<string>([
  'year',
  'ours_usd',
  'theirs_usd',
  'ratio',
  'our_hours',
  'their_hours',
  'our_users',
  'their_users',
  'events',
  'events_not_priced',
  ...PER_METHOD,
]);

/** One country-year as a flat row: absent figures are null (an empty cell), lists joined with "; ". */
export function flattenCompareRow(r: CompareRow, report: Pick<CompareReport, 'method' | 'source'>): Record<string, FlatValue> {
  return {
    country: r.country,
    year: r.year,
    method: report.method,
    ours_usd: r.ours[report.method] ?? null,
    theirs_usd: r.theirs,
    ratio: r.ratio,
    within: r.within,
    our_hours: r.our_hours,
    their_hours: r.their_hours,
    our_users: r.our_users,
    their_users: r.their_users,
    their_area: r.their_area,
    cause: r.cause,
    events: r.events.length,
    event_ids: r.events.map((e) => e.id).join('; '),
    events_not_priced: r.events_not_priced.length,
    event_ids_not_priced: r.events_not_priced.map((e) => `${e.id} (missing ${e.missing})`).join('; '),
    event_ids_outside_area: r.events_outside_area.map((e) => e.id).join('; '),
    ...Object.fromEntries(METHOD_IDS.map((m) => [`ours_usd_${m}`, r.ours[m] ?? null])),
    // the events of the row a method's total leaves out ("" when it priced them all)
    ...Object.fromEntries(METHOD_IDS.map((m) => [`ours_leaves_out_${m}`, (r.ours_leaves_out[m] ?? []).join('; ')])),
    source: report.source.title,
    source_url: report.source.url,
  };
}

/** The report in an export format. */
export async function exportCompare(store: Store, report: CompareReport, format: ExportFormat): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 1);
    case 'ndjson':
      return toNdjson(report.rows.map((r) => ({ ...r, method: report.method, source: report.source })));
    case 'csv':
      return toCsv(
        COMPARE_COLUMNS,
        report.rows.map((r) => flattenCompareRow(r, report)),
      );
    case 'parquet':
      return store.tabular.toParquet(
        COMPARE_COLUMNS.map((name) => ({ name, type: NUMERIC.has(name) ? 'DOUBLE' : 'VARCHAR' })),
        report.rows.map((r) => flattenCompareRow(r, report)),
      );
  }
}
