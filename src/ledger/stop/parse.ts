/**
 * Reading Access Now's #KeepItOn STOP CSV (the "Combined" sheet, 47 published columns).
 * Text cells hold line breaks, so records are split by a real CSV parser (RFC 4180), never by
 * lines; each record keeps its record number and the physical line it starts on, so a reject
 * can be found in the file: lines are counted in the bytes themselves, a CRLF, LF or lone CR
 * ending one line, inside a quoted cell too. A line break inside a cell is read as LF whatever the
 * file's line ends, so a copy of the sheet saved with CRLF reads cell for cell as the original.
 * A record whose field count is not the header's is kept, marked
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

/** The byte offset at which each line of `buf` begins: a CRLF, an LF or a lone CR ends a line. */
function lineStarts(buf: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x0d && buf[i + 1] === 0x0a) i++;
    if (buf[i] === 0x0a || buf[i] === 0x0d) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line holding byte `offset` (a binary search in `starts`). */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The first byte from `offset` on that is not a line break: where a record begins after blank lines. */
function skipBreaks(buf: Buffer, offset: number): number {
  let i = offset;
  while (i < buf.length && (buf[i] === 0x0a || buf[i] === 0x0d)) i++;
  return i;
}

export function parseStopCsv(text: string, file: string): StopRow[] {
  const buf = Buffer.from(text.startsWith('\ufeff') ? text.slice(1) : text, 'utf8');
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(buf, { relax_column_count: true, info: true, skip_empty_lines: true }) as never;
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
  const starts = lineStarts(buf);
  const rows: StopRow[] = [];
  let prevEnd = records[0]?.info.bytes ?? 0;
  records.slice(1).forEach((r, i) => {
    const row = Object.fromEntries(STOP_COLUMNS.map((c) => [c, ''])) as unknown as StopRow;
    header.forEach((h, j) => {
      if ((STOP_COLUMNS as readonly string[]).includes(h)) (row as Record<string, string>)[h] = (r.record[j] ?? '').replace(/\r\n?/g, '\n').trim();
    });
    row._record = i + 1;
    row._line = lineAt(starts, skipBreaks(buf, prevEnd));
    // a record with more or fewer values than the header's columns has values in the wrong columns or lost
    if (r.record.length !== header.length) row._unreadable = `fields: ${r.record.length} fields, the header has ${header.length}`;
    prevEnd = r.info.bytes;
    rows.push(row);
  });
  return rows;
}
