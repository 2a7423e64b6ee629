/**
 * World Bank indicator files, in the shapes they circulate in:
 * - "wide": the bulk download (API_<CODE>_DS2_en_csv_v2_*.csv: metadata lines, then Country
 *   Name, Country Code, Indicator Name, Indicator Code, 1960 ... YYYY) and the DataBank export
 *   (Series Name, Series Code, "2020 [YR2020]" ..., then footer lines), indicator read from each
 *   row (--indicator, when given, picks the rows of that indicator);
 * - "long": the datasets/* repackaging (Country Name, Country Code, Year, Value), indicator given
 *   by the caller (--indicator);
 * plus Our World in Data's long files (Entity, Code, Year, <value column>).
 * Columns are found by name, in any order; a header lacking a column the shape needs, or with a
 * column the reader does not know, refuses the file naming it (./parse-common.ts headerRefused).
 * PA.NUS.FCRF (official exchange rate) goes to the rates table; everything else to values.
 * A currency area's row of PA.NUS.FCRF (EMU) is that currency's own rate: it is stored under the
 * area's code (./currency.ts CURRENCY_AREAS), its source naming the row; the area's other
 * indicators are aggregates.
 * Only the World Bank's aggregate codes are skipped by reason; any other code that is no
 * country is a reject (./wb-codes.ts). Numbers are decimals written with a point; every value
 * passes the checks of ./values.ts.
 */
import type { EconValueRecord } from '../../store/index.js';
import { validationError } from '../../shared/index.js';
import { areaOfWorldBankCode, currencyOfYear, type CurrencyArea } from './currency.js';
import {
  bump,
  checkHeader,
  columnsNamed,
  csvRows,
  emptyParsed,
  commaNote,
  fieldCountReject,
  headerRefused,
  numberCell,
  type ParseOptions,
  type Parsed,
} from './parse-common.js';
import { Figures, type At } from './values.js';
import { countryOfRow } from './wb-codes.js';

export const WB_UNITS: Record<string, string> = {
  'NY.GDP.MKTP.CD': 'USD',
  'NY.GDP.MKTP.CN': 'LCU',
  'SP.POP.TOTL': 'people',
  'IT.NET.USER.ZS': '% of population',
  'IT.CEL.SETS.P2': 'per 100 people',
  'IT.NET.BBND.P2': 'per 100 people',
  'PA.NUS.FCRF': 'LCU per USD',
};

const OWID_COLUMNS: Record<string, string> = {
  'Fixed broadband subscriptions (per 100 people)': 'IT.NET.BBND.P2',
  'Mobile cellular subscriptions (per 100 people)': 'IT.CEL.SETS.P2',
  'Individuals using the Internet (% of population)': 'IT.NET.USER.ZS',
};

const AGGREGATE = 'no ISO 3166-1 alpha-2 code (aggregate or non-ISO economy)';

function put(
  f: Figures,
  p: Parsed,
  at: At,
  o: ParseOptions,
  row: { indicator: string; cc: string | null; area: CurrencyArea | undefined },
  year: number,
  value: number,
  unitHint?: string,
): void {
  const { indicator, cc, area } = row;
  if (indicator === 'PA.NUS.FCRF' && !cc && area) {
    const source = `${o.source}: ${area.name} (${area.wb} row)`;
    f.rate(at, { country: area.geo, currency: area.currency, kind: 'annual', period: String(year), rate: value, source, vintage: o.vintage, file: o.file });
    return;
  }
  if (!cc) return bump(p, AGGREGATE);
  if (indicator === 'PA.NUS.FCRF') {
    f.rate(at, { country: cc, currency: currencyOfYear(cc, year), kind: 'annual', period: String(year), rate: value, source: o.source, vintage: o.vintage, file: o.file });
    return;
  }
  let unit = WB_UNITS[indicator] ?? unitHint ?? 'unknown';
  if (unit === 'LCU') unit = currencyOfYear(cc, year);
  const v: EconValueRecord = { indicator, country: cc, geo: cc, year, value, unit, source: o.source, vintage: o.vintage, file: o.file };
  f.value(at, v);
}

/** A four-digit year in 1900-2100, or null: an empty cell is not year 0. */
function yearOf(cell: string | undefined): number | null {
  const t = (cell ?? '').trim();
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y > 1900 && y <= 2100 ? y : null;
}

/** The year a wide header cell names: "2020" (bulk download) or "2020 [YR2020]" (DataBank). */
function yearColumn(cell: string): number | null {
  const m = /^(\d{4})(?: \[YR(\d{4})\])?$/.exec(cell.trim());
  return m && (m[2] === undefined || m[2] === m[1]) ? yearOf(m[1]) : null;
}

/** The columns of a header, found by name, or the error refusing it. */
interface Layout {
  shape: 'wide' | 'long' | 'owid';
  code: number;
  codeName: string;
  /** wide: the indicator column (-1: --indicator names it); long: the year column */
  key: number;
  /** long: the value column */
  value: number;
  years: { i: number; year: number }[];
  indicator?: string;
}

const WIDE_NAMES = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code', 'Series Name', 'Series Code'];

function layoutOf(o: ParseOptions, header: { line: number; cells: string[] }): Layout {
  const h = header.cells;
  const named = (names: string[]) => columnsNamed(h, names);
  const refuse = (expected: string, problems: string[]) => headerRefused(o, header, `${expected}: ${problems.join('; ')}`);
  const unknownOf = (known: number[]) => h.filter((c, i) => c !== '' && !known.includes(i)).map((c) => `"${c}" is no column of this format`);
  const missingOf = (names: string[], at: number[]) => names.filter((_, k) => at[k]! < 0).map((n) => `no column "${n}"`);
  if (named(['Entity'])[0]! >= 0) {
    const [entity, code, year] = named(['Entity', 'Code', 'Year']) as [number, number, number];
    const rest = h.map((c, i) => ({ c, i })).filter(({ c, i }) => c !== '' && ![entity, code, year].includes(i));
    const expected = 'expected an Our World in Data file: Entity, Code, Year and one value column';
    const problems = [...missingOf(['Code', 'Year'], [code, year]), ...(rest.length === 0 ? ['no value column'] : []), ...(rest.length > 1 ? [`${rest.length} value columns (${rest.map((r) => `"${r.c}"`).join(', ')}); one is read`] : [])];
    if (problems.length > 0) throw refuse(expected, problems);
    return { shape: 'owid', code, codeName: 'Code', key: year, value: rest[0]!.i, years: [], indicator: o.indicator ?? OWID_COLUMNS[rest[0]!.c] };
  }
  const years = h.map((c, i) => ({ i, year: yearColumn(c) ?? 0 })).filter((y) => y.year > 0);
  const [indCode, serCode] = named(['Indicator Code', 'Series Code']) as [number, number];
  if (years.length > 0 || indCode >= 0 || serCode >= 0) {
    const wideCols = named(WIDE_NAMES);
    const indicatorCol = indCode >= 0 ? indCode : serCode;
    const expected = 'expected a World Bank wide file: Country Name, Country Code, Indicator Name, Indicator Code (DataBank: Series Name, Series Code), then one column per year ("2020" or "2020 [YR2020]")';
    const problems = [
      ...missingOf(['Country Code'], [wideCols[1]!]),
      ...(indicatorCol < 0 ? ['no column "Indicator Code" (or "Series Code") to say which indicator each row holds'] : []),
      ...(years.length === 0 ? ['no year column'] : []),
      ...unknownOf([...wideCols, ...years.map((y) => y.i)]),
    ];
    if (problems.length > 0) throw refuse(expected, problems);
    return { shape: 'wide', code: wideCols[1]!, codeName: 'Country Code', key: indicatorCol, value: -1, years, indicator: o.indicator };
  }
  const cols = named(['Country Name', 'Country Code', 'Year', 'Value']);
  const problems = [...missingOf(['Country Code', 'Year', 'Value'], cols.slice(1)), ...unknownOf(cols)];
  if (problems.length > 0) throw refuse('expected a World Bank long file: Country Name, Country Code, Year, Value', problems);
  return { shape: 'long', code: cols[1]!, codeName: 'Country Code', key: cols[2]!, value: cols[3]!, years: [], indicator: o.indicator };
}

/** The header row: the first naming "Country Name" or "Entity" (bulk files open with metadata lines). */
function findHeader(o: ParseOptions, rows: { line: number; cells: string[] }[]) {
  const header = rows.find((r) => r.cells.some((c) => c === 'Country Name' || c === 'Entity'));
  if (header) return header;
  if (rows.every((r) => r.cells.every((c) => c === ''))) throw headerRefused(o, undefined, 'an empty file: no header');
  throw headerRefused(o, rows[0], 'not a World Bank or OWID indicator file: no header naming "Country Name" (World Bank) or "Entity" (OWID)');
}

/** Lines after the data a DataBank export appends: "Data from database: ...", "Last Updated: ...". */
const FOOTER = /^(Data from database|Last Updated):/;

export function parseWorldBank(text: string, o: ParseOptions): Parsed {
  const p = emptyParsed();
  const rows = csvRows(text);
  const header = findHeader(o, rows);
  const updated = rows.find((r) => r.cells[0] === 'Last Updated Date')?.cells[1];
  const footer = rows.find((r) => /^Last Updated: ./.test(r.cells[0] ?? ''))?.cells[0]?.slice(14);
  if (updated) p.vintage = `World Bank WDI, last updated ${updated.replace(/\//g, '-')}`;
  else if (footer) p.vintage = `World Bank WDI, last updated ${footer.trim()}`;
  checkHeader(o, header);
  const h = header.cells;
  const L = layoutOf(o, header);
  // Which indicator a long file holds is not in the file: without it nothing can be stored, so
  // it is a usage error before any line is read, not one reject standing for the whole file.
  if (L.shape !== 'wide' && !L.indicator)
    throw validationError([{ path: ['indicator'], message: `${o.file} is a long-format file (${h.join(', ')}) that does not say its indicator: give --indicator, e.g. NY.GDP.MKTP.CD` }]);
  const data = rows.filter((x) => x.line > header.line && !(x.cells.length === 1 && (x.cells[0] === '' || FOOTER.test(x.cells[0]!))));
  if (L.shape === 'wide' && L.indicator) {
    const held = new Set(data.map((r) => r.cells[L.key] ?? '').filter(Boolean));
    if (held.size > 0 && !held.has(L.indicator))
      throw validationError([{ path: ['indicator'], message: `${o.file} holds ${[...held].slice(0, 5).join(', ')}, not --indicator ${L.indicator}: a wide file names the indicator of each row; leave out --indicator to store them` }]);
  }
  const f = new Figures(p, o.today);
  for (const r of data) {
    const c = r.cells;
    const ragged = fieldCountReject(r, h);
    if (ragged) {
      p.rejects.push(ragged);
      continue;
    }
    const where = countryOfRow(c[L.code] ?? '', L.codeName, L.shape === 'owid');
    if ('reject' in where) {
      p.rejects.push({ line: r.line, reason: where.reject, raw: c.join(',') });
      continue;
    }
    const cc = 'cc' in where ? where.cc : null;
    const area = cc ? undefined : areaOfWorldBankCode(c[L.code] ?? '');
    if (L.shape === 'wide') {
      const indicator = c[L.key] ?? '';
      if (!indicator) {
        p.rejects.push({ line: r.line, reason: `no indicator code in column ${h[L.key]}`, raw: c.join(',') });
        continue;
      }
      if (L.indicator && indicator !== L.indicator) {
        bump(p, `another indicator than --indicator ${L.indicator}`);
        continue;
      }
      for (const { i, year } of L.years) {
        const n = numberCell(c[i]);
        // bulk files leave the years before a series began empty: only a printed "no value" is counted
        if (n === null && c[i] !== '') bump(p, 'missing value');
        if (n === null) continue;
        const at = { line: r.line, raw: c.slice(0, 4).join(','), cell: c[i]!, column: h[i] };
        if (Number.isNaN(n)) p.rejects.push({ line: r.line, reason: `not a number in column ${h[i]}: "${c[i]}"${commaNote(c[i])}`, raw: at.raw });
        else put(f, p, at, o, { indicator, cc, area }, year, n, c[2]);
      }
      continue;
    }
    const year = yearOf(c[L.key]);
    const cell = c[L.value];
    const n = numberCell(cell);
    const raw = c.join(',');
    if (year === null) p.rejects.push({ line: r.line, reason: `not a year from 1901 to 2100 in column ${h[L.key]}: "${c[L.key] ?? ''}"`, raw });
    else if (Number.isNaN(n)) p.rejects.push({ line: r.line, reason: `not a number in column ${h[L.value]}: "${cell}"${commaNote(cell)}`, raw });
    else if (n === null) bump(p, 'missing value');
    else put(f, p, { line: r.line, raw, cell: cell! }, o, { indicator: L.indicator!, cc, area }, year, n);
  }
  f.settle();
  return p;
}
