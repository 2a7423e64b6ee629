/**
 * Data tables with a CSV download: every chart on the dashboard has one, so the numbers behind
 * a picture can be read, copied and cited.
 */
import { toCsv as writeCsv } from '../../../src/shared/csv.js';
import { keepCsvRows } from '../csv-rows.js';
import { h, type Child } from '../dom.js';
import { count, num, text } from '../format.js';

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
  /** In the CSV only (what a copied row needs to say where it came from: a currency, a version). */
  csvOnly?: boolean;
}

/** A list of plain values (no objects inside): joined with "; ", as the API's files join them. */
const plainList = (v: unknown): v is (string | number | boolean)[] => Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x));

/**
 * RFC 4180 CSV of the rows, through the observatory's one CSV writer (formula cells neutralised),
 * with the exports' one flattening rule: a list of plain values joined with "; " (an empty list
 * an empty cell), any other object as JSON text, an absent value an empty cell.
 */
export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const get = (r: T, key: string) => {
    const c = byKey.get(key)!;
    const v = c.csv ? c.csv(r) : (r as Record<string, unknown>)[c.key];
    if (v === null || v === undefined) return null;
    if (plainList(v)) return v.length ? v.join('; ') : null;
    return typeof v === 'number' ? v : text(v);
  };
  return writeCsv(
    columns.map((c) => c.key),
    rows,
    get,
  );
}

/**
 * A link that downloads `text` as `filename` (built on click, so large tables cost nothing up
 * front). With `href` (a file the API serves) the file is fetched and saved under `filename`,
 * which names the view (its currency, its method); an answer that is not a file opens as is.
 */
export function downloadLink(label: string, filename: string, text: () => string | Promise<string | null>, type = 'text/csv', href = '#'): HTMLAnchorElement {
  const a = h('a', { class: 'button download', href, download: filename, role: 'button' }, label);
  const save = (body: string | null) => {
    if (body === null) {
      window.location.assign(href);
      return;
    }
    const url = URL.createObjectURL(new Blob([body], { type }));
    const tmp = h('a', { href: url, download: filename });
    document.body.append(tmp);
    tmp.click();
    tmp.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  a.addEventListener('click', (e) => {
    e.preventDefault();
    void Promise.resolve(text()).then(save);
  });
  return a;
}

/**
 * A table with its CSV download: `csvHref` (the API's own CSV of the same query, api.ts csvUrl)
 * when the view has one, else the columns' raw values built in the browser.
 */
/** The body of a file the API serves, or null when it answers with an error (the link then opens it, problem detail and all). */
const fetchText = (href: string): Promise<string | null> =>
  fetch(href)
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null);

export function dataTable<T>(
  all: Column<T>[],
  rows: T[],
  opts: {
    caption: string;
    csvName?: string;
    csvHref?: string;
    /** Keep only the records of the API's file whose `column` holds one of `values` (rows chosen by id). */
    csvKeep?: { column: string; values: string[] };
    maxRows?: number;
  },
): HTMLElement {
  const keep = opts.csvKeep;
  const fetchCsv = (href: string) => fetchText(href).then((t) => (t === null || !keep ? t : keepCsvRows(t, keep.column, keep.values)));
  const columns = all.filter((c) => !c.csvOnly);
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
      rows.length > shown.length ? `Showing ${num(shown.length)} of ${count(rows.length, 'row')} (the CSV has all). ` : `${count(rows.length, 'row')}. `,
      opts.csvHref
        ? downloadLink('Download CSV', opts.csvName ?? 'splinternet.csv', () => fetchCsv(opts.csvHref!), 'text/csv', opts.csvHref)
        : opts.csvName
          ? downloadLink('Download CSV', opts.csvName, () => toCsv(all, rows))
          : null,
    ),
  );
}
