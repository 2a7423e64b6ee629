/**
 * Data tables with a CSV download: every chart on the dashboard has one, so the numbers behind
 * a picture can be read, copied and cited.
 */
import { toCsv as writeCsv } from '../../../src/shared/csv.js';
import { h, type Child } from '../dom.js';
import { text } from '../format.js';

export interface Column<T> {
  key: string;
  label: string;
  /** Cell content (may be a link); defaults to row[key]. */
  cell?: (row: T) => Child;
  /** Raw value for CSV; defaults to row[key]. */
  csv?: (row: T) => unknown;
  numeric?: boolean;
  /** Keep the cell on one line (codes, dates). */
  nowrap?: boolean;
}

/** RFC 4180 CSV of the rows, through the observatory's one CSV writer (formula cells neutralised). */
export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const get = (r: T, key: string) => {
    const c = byKey.get(key)!;
    const v = c.csv ? c.csv(r) : (r as Record<string, unknown>)[c.key];
    return v === null || v === undefined ? null : typeof v === 'number' ? v : text(v);
  };
  return writeCsv(
    columns.map((c) => c.key),
    rows,
    get,
  );
}

/** A link that downloads `text` as a file (built on click, so large tables cost nothing up front). */
export function downloadLink(label: string, filename: string, text: () => string, type = 'text/csv'): HTMLAnchorElement {
  const a = h('a', { class: 'button download', href: '#', download: filename, role: 'button' }, label);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    const url = URL.createObjectURL(new Blob([text()], { type }));
    const tmp = h('a', { href: url, download: filename });
    document.body.append(tmp);
    tmp.click();
    tmp.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return a;
}

export function dataTable<T>(columns: Column<T>[], rows: T[], opts: { caption: string; csvName?: string; maxRows?: number }): HTMLElement {
  const shown = opts.maxRows ? rows.slice(0, opts.maxRows) : rows;
  const table = h(
    'table',
    { class: 'data' },
    h('caption', null, opts.caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)),
      ),
    ),
    h(
      'tbody',
      null,
      shown.map((r) =>
        h(
          'tr',
          null,
          columns.map((c) =>
            h('td', { class: c.numeric ? 'num' : c.nowrap ? 'nowrap' : null }, c.cell ? c.cell(r) : text((r as Record<string, unknown>)[c.key])),
          ),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'table-wrap' },
    h('div', { class: 'scroll' }, table),
    h(
      'p',
      { class: 'table-foot' },
      rows.length > shown.length ? `Showing ${shown.length} of ${rows.length} rows (the CSV has all). ` : `${rows.length} rows. `,
      opts.csvName ? downloadLink('Download CSV', opts.csvName, () => toCsv(columns, rows)) : null,
    ),
  );
}
