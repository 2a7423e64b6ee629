/**
 * Reading Access Now's #KeepItOn STOP CSV (the "Combined" sheet, 47 published columns).
 * Text cells hold line breaks, so records are split by a real CSV parser (RFC 4180), never by
 * lines; each record keeps its record number and the physical line it starts on, so a reject
 * can be found in the file. A record whose field count is not the header's is kept, marked
 * `_unreadable`, for the import to reject with its line. A header that repeats a column name is
 * refused whole, naming it (which copy holds the value would be a guess).
 */
import { parse } from 'csv-parse/sync';
import { AppError, refuseRepeatedColumns } from '../../shared/index.js';

export const STOP_COLUMNS = [
  'start_date_type',
  'start_date',
  'country',
  'geo_scope',
  'area_name',
  'shutdown_type',
  'affected_network',
  'shutdown_extent',
  'ordered_by',
  'decision_maker',
  'actual_cause',
  'actual_cause_details',
  'info_source',
  'info_source_link',
  'shutdown_status',
  'end_date',
  'duration',
  'gov_justification',
  'gov_just_details',
  'gov_ack',
  'legal_just',
  'legal_method',
  'gov_ack_source',
  'gov_ack_quote',
  'facebook_affected',
  'twitter_affected',
  'whatsapp_affected',
  'instagram_affected',
  'telegram_affected',
  'other_affected',
  'sms_affected',
  'phonecall_affected',
  'telcos_involved',
  'telco_ack',
  'telco_ack_source',
  'telco_ack_quote',
  'election',
  'violence',
  'hr_abuse_reported',
  'users_targeted',
  'users_target_detail',
  'users_notified',
  'econ_impact',
  'event',
  'an_link',
  'region',
  'count_year',
] as const;

export type StopColumn = (typeof STOP_COLUMNS)[number];
/** `_unreadable`: why the record's values cannot be read as the header's columns (a reject reason); absent when they can. */
export type StopRow = Record<StopColumn, string> & { _record: number; _line: number; _unreadable?: string };

/**
 * Every published column is required: the import reads most of them (dates, area, status, the
 * networks and services cut, the actors), and a column left out would read as empty in every
 * row, so an ended shutdown would become ongoing or an event would lose its area and be stored
 * twice. A file without one is refused whole, naming what it lacks.
 */
export const REQUIRED_COLUMNS: readonly StopColumn[] = STOP_COLUMNS;

export function parseStopCsv(text: string, file: string): StopRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, info: true, skip_empty_lines: true }) as never;
  } catch (e) {
    throw new AppError('VALIDATION', `${file}: not a readable CSV: ${(e as Error).message}`, { issues: [{ path: ['file'], message: (e as Error).message }] });
  }
  const header = records[0]?.record.map((h) => h.trim()) ?? [];
  refuseRepeatedColumns(file, header);
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      `${file}: not a STOP CSV (the Combined sheet's ${STOP_COLUMNS.length} columns): missing column(s) ${missing.join(', ')} in the header`,
      {
        issues: missing.map((c) => ({ path: ['header', c], message: 'missing column' })),
      },
    );
  }
  const rows: StopRow[] = [];
  let prevEnd = records[0]?.info.lines ?? 1;
  records.slice(1).forEach((r, i) => {
    const row = Object.fromEntries(STOP_COLUMNS.map((c) => [c, ''])) as unknown as StopRow;
    header.forEach((h, j) => {
      if ((STOP_COLUMNS as readonly string[]).includes(h)) (row as Record<string, string>)[h] = (r.record[j] ?? '').trim();
    });
    row._record = i + 1;
    row._line = prevEnd + 1;
    // a record with more or fewer values than the header's columns has values in the wrong columns or lost
    if (r.record.length !== header.length) row._unreadable = `fields: ${r.record.length} fields, the header has ${header.length}`;
    prevEnd = r.info.lines;
    rows.push(row);
  });
  return rows;
}
