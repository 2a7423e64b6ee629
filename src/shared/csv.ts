/**
 * The one CSV writer (RFC 4180) for every export: server, CLI and the dashboard's downloads.
 * Besides quoting, it neutralises cells a spreadsheet would run as a formula: a text cell that
 * starts with = + - @, a tab or a carriage return gets a leading apostrophe (the OWASP
 * recommendation; spreadsheets show the text as typed), and so does one whose apostrophes are
 * followed by such a character ("'=x" is written "''=x"), so the rule can be undone: removing
 * one leading apostrophe from a cell that starts with apostrophes and then = + - @ tab or CR
 * (`csvText`) gives back the value exactly. Numbers are written as numbers, so -3.5 stays a
 * number, and so does a string that is only a number ("-3.5").
 * Pure and dependency-free so the browser bundle can import it.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A plain number ("-3.5", "+2e3") is harmless in a spreadsheet and stays as it is. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One cell: formula-neutralised text, quoted when it holds a comma, quote, CR or LF. */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return String(v);
  const s = FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The value a neutralised text cell (unquoted) stands for: one leading apostrophe removed where csvCell added it. */
export function csvText(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A header row and one row per record (CRLF line ends, a final CRLF). */
export function toCsv<R>(
  columns: readonly string[],
  rows: readonly R[],
  get: (row: R, column: string) => CsvValue = (r, c) => (r as Record<string, CsvValue>)[c],
): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(get(r, c))).join(','))];
  return lines.join('\r\n') + '\r\n';
}
