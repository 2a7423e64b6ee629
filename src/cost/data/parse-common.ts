/**
 * What every economic-data parser returns, and the small helpers they share. Parsers are pure
 * (text in, rows out): rows that cannot be understood become rejects with their line number;
 * rows that are deliberately not stored (aggregates, a missing value printed as "…") are
 * counted by reason, so nothing is dropped silently. A record with more or fewer fields than its
 * header is a reject, whatever parser reads it; a header that repeats a column name, lacks a
 * column the parser reads, or has one it does not know refuses the whole file before any line is
 * read (a VALIDATION error naming the file and the column), whatever parser reads it.
 */
import { AppError, parseDecimal, refuseRepeatedColumns } from '../../shared/index.js';
import type { EconValueRecord, FxRateRecord } from '../../store/index.js';

export interface ParseReject {
  line: number;
  reason: string;
  raw: string | null;
}

export interface Parsed {
  values: EconValueRecord[];
  rates: FxRateRecord[];
  rejects: ParseReject[];
  /** Rows or cells not stored on purpose, by reason (e.g. "aggregate: federal_district"). */
  skipped: Record<string, number>;
  /** Vintage found in the file itself (World Bank "Last Updated Date"), if any. */
  vintage?: string;
  /** Consistency checks worth reporting (e.g. sum of regions against the country row). */
  checks: Record<string, unknown>;
}

export interface ParseOptions {
  file: string; // as recorded in the store
  today: string; // YYYY-MM-DD: no figure for a later year or day is stored
  source: string;
  vintage: string;
  year?: number;
  indicator?: string;
}

export const emptyParsed = (): Parsed => ({ values: [], rates: [], rejects: [], skipped: {}, checks: {} });

export const bump = (p: Parsed, reason: string, n = 1): void => {
  p.skipped[reason] = (p.skipped[reason] ?? 0) + n;
};

/**
 * CSV rows with their 1-based line numbers (BOM stripped, ragged rows allowed, RFC 4180 quotes).
 * Hand-written because the files are small but many, and a general parser was ~10x slower.
 */
export function csvRows(text: string): { line: number; cells: string[] }[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { line: number; cells: string[] }[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    for (;;) {
      const ch = src[i];
      if (ch === '"' && cell === '') {
        i++;
        for (;;) {
          const q = src.indexOf('"', i);
          if (q < 0) {
            cell += src.slice(i);
            i = n;
            break;
          }
          cell += src.slice(i, q);
          line += (src.slice(i, q).match(/\n/g) ?? []).length;
          if (src[q + 1] === '"') {
            cell += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        continue;
      }
      if (ch === ',' ) {
        cells.push(cell.trim());
        cell = '';
        i++;
        continue;
      }
      if (ch === '\n' || ch === '\r' || ch === undefined) {
        cells.push(cell.trim());
        if (ch === '\r' && src[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      }
      let end = i;
      while (end < n) {
        const c = src.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        end++;
      }
      cell += src.slice(i, end);
      i = end;
    }
    rows.push({ line: startLine, cells });
  }
  return rows;
}

/** Refuses a header row that names a column twice; unnamed columns (trailing commas) are never read, so not counted. */
export function checkHeader(o: ParseOptions, header: { line: number; cells: string[] } | undefined): void {
  if (header) refuseRepeatedColumns(o.file, header.cells.filter((c) => c.trim() !== ''), header.line);
}

const clip = (s: string, max = 200): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * The error refusing a file on its header (exit 2, HTTP 400): `problem` says what the format
 * expects and which column is missing or unknown; the header as read is quoted. Nothing is stored.
 */
export function headerRefused(o: ParseOptions, header: { line: number; cells: string[] } | undefined, problem: string, path = 'header'): AppError {
  const got = header ? clip(header.cells.join(',')) : '';
  const message = header ? `${o.file}: line ${header.line}: ${problem}; the header is: ${got}; nothing was stored` : `${o.file}: ${problem}; nothing was stored`;
  return new AppError('VALIDATION', message, { issues: [{ path: [path], message: problem }], details: { file: o.file, line: header?.line ?? 1, header: got } });
}

/** The index of each named column (names compared trimmed, case ignored); -1 where it is absent. */
export function columnsNamed(cells: string[], names: readonly string[]): number[] {
  const lower = cells.map((c) => c.trim().toLowerCase());
  return names.map((n) => lower.indexOf(n.toLowerCase()));
}

/**
 * The reject for a record whose field count is not the header's, or null. Such a record is never
 * read by position (an unquoted "1,000" would otherwise be stored as 1): the whole line is refused.
 */
export function fieldCountReject(r: { line: number; cells: string[] }, header: string[]): ParseReject | null {
  if (r.cells.length === header.length) return null;
  return { line: r.line, reason: `fields: ${r.cells.length} fields, the header has ${header.length}`, raw: r.cells.join(',') };
}

/** Cells statistical offices print for "no value". */
const MISSING = new Set(['', '…', '...', '-', '–', '—', 'x', 'n/a', 'NA', '..']);

/**
 * A number, null when the cell says "no value", NaN when it is neither (a reject). Only plain
 * decimals are read (src/shared/decimal.ts: never hex, "Infinity" or "NaN"); spaces are thousands separators and are
 * dropped. A comma is the decimal mark only where the format says so (`decimalComma`: Rosstat,
 * which writes "1 234,5"); elsewhere "1,234" is refused, since reading it either as 1.234 or as
 * 1234 could be a silent misread.
 */
export function numberCell(cell: string | undefined, decimalComma = false): number | null {
  const c = (cell ?? '').trim();
  if (MISSING.has(c)) return null;
  let t = c.replace(/\s/g, '');
  if (decimalComma && !t.includes('.')) t = t.replace(/^([^,]*),([^,]*)$/, '$1.$2');
  return parseDecimal(t) ?? Number.NaN;
}

/** What a reject adds when a cell of a decimal-point format holds a comma. */
export const commaNote = (cell: string | undefined): string =>
  (cell ?? '').includes(',') ? ' (this format writes decimals with a point and takes no comma, as a decimal mark or a thousands separator)' : '';
