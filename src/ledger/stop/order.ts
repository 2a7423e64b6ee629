/**
 * The order an import reads STOP records in, and which listing of a shutdown it keeps, decided
 * by what the records say and never by where they sit in the file: a copy of the sheet sorted
 * otherwise (an export, a reversed file) must give the same events, the same ids and the same
 * fields. Record numbers and lines are where a record was read from, not what it is.
 */
import { STOP_COLUMNS, type StopRow } from './parse.js';

/** An open end (an ongoing record) comes after every date. */
const endOf = (r: StopRow) => r.end_date || '\uffff';

/** The record's cells in column order: the last tie-break, equal only for identical records. */
function byCells(a: StopRow, b: StopRow): number {
  for (const c of STOP_COLUMNS) {
    const x = a[c] ?? '';
    const y = b[c] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The order the import reads records in: count_year, then start date (the sheet's own order),
 * then the earlier end (an open one last), then the cells. Two records of one count_year sharing
 * an event key take its slots in this order (the first the key itself, the next `#1`, ...), so
 * the ids they get do not depend on the file's row order.
 */
export function readingOrder(a: StopRow, b: StopRow): number {
  return a.count_year.localeCompare(b.count_year) || a.start_date.localeCompare(b.start_date) || endOf(a).localeCompare(endOf(b)) || byCells(a, b);
}

/**
 * Which of two listings of one shutdown is kept (negative: `a`), compared by their latest
 * records: the latest count_year (what STOP says now, as for any yearly repeat), then the earlier
 * start, then the earlier end (an open one last), then the cells.
 */
export function keepOrder(a: StopRow, b: StopRow): number {
  return b.count_year.localeCompare(a.count_year) || a.start_date.localeCompare(b.start_date) || endOf(a).localeCompare(endOf(b)) || byCells(a, b);
}
