/**
 * World Bank indicator files, in the two shapes they circulate in:
 * - the bulk "wide" download (API_<CODE>_DS2_en_csv_v2_*.csv: metadata lines, then Country
 *   Name, Country Code, Indicator Name, Indicator Code, 1960 ... YYYY), indicator read from the file;
 * - the "long" datasets/* repackaging (Country Name, Country Code, Year, Value), indicator given
 *   by the caller (--indicator);
 * plus Our World in Data's long files (Entity, Code, Year, <value column>).
 * PA.NUS.FCRF (official exchange rate) goes to the rates table; everything else to values.
 * Aggregates (World, income groups) have no ISO alpha-2 code and are skipped by reason.
 * Numbers are decimals written with a point; every value passes the checks of ./values.ts.
 */
import { getCountry } from '../../geo/index.js';
import type { EconValueRecord } from '../../store/index.js';
import { validationError } from '../../shared/index.js';
import { currencyOfYear } from './currency.js';
import { bump, checkHeader, csvRows, emptyParsed, commaNote, fieldCountReject, numberCell, type ParseOptions, type Parsed } from './parse-common.js';
import { Figures, type At } from './values.js';

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

function alpha2(code: string): string | undefined {
  const c = getCountry(code);
  return c && /^[A-Z]{3}$/.test(code) ? c.alpha2 : undefined;
}

function put(f: Figures, p: Parsed, at: At, o: ParseOptions, indicator: string, a3: string, year: number, value: number, unitHint?: string): void {
  const cc = alpha2(a3);
  if (!cc) return bump(p, 'no ISO 3166-1 alpha-2 code (aggregate or non-ISO economy)');
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

export function parseWorldBank(text: string, o: ParseOptions): Parsed {
  const p = emptyParsed();
  const rows = csvRows(text);
  const header = rows.find((r) => r.cells[0] === 'Country Name' || r.cells[0] === 'Entity');
  const updated = rows.find((r) => r.cells[0] === 'Last Updated Date')?.cells[1];
  if (updated) p.vintage = `World Bank WDI, last updated ${updated.replace(/\//g, '-')}`;
  if (!header) {
    p.rejects.push({ line: 1, reason: 'not a World Bank or OWID indicator file: no "Country Name" or "Entity" header', raw: rows[0]?.cells.join(',') ?? null });
    return p;
  }
  checkHeader(o, header);
  const h = header.cells;
  const wide = h[3] === 'Indicator Code';
  const owid = h[0] === 'Entity';
  // Which indicator a long file holds is not in the file: without it nothing can be stored, so
  // it is a usage error before any line is read, not one reject standing for the whole file.
  const longIndicator = wide ? undefined : owid ? (o.indicator ?? OWID_COLUMNS[h[3] ?? '']) : o.indicator;
  if (!wide && !longIndicator)
    throw validationError([
      { path: ['indicator'], message: `${o.file} is a long-format file (${h.join(', ')}) that does not say its indicator: give --indicator, e.g. NY.GDP.MKTP.CD` },
    ]);
  const f = new Figures(p, o.today);
  for (const r of rows.filter((x) => x.line > header.line)) {
    const c = r.cells;
    if (c.length === 1 && c[0] === '') continue;
    const ragged = fieldCountReject(r, h);
    if (ragged) {
      p.rejects.push(ragged);
      continue;
    }
    if (wide) {
      const indicator = c[3] ?? '';
      if (!indicator) {
        p.rejects.push({ line: r.line, reason: 'no indicator code', raw: c.join(',') });
        continue;
      }
      for (let i = 4; i < h.length; i++) {
        const year = yearOf(h[i]);
        if (year === null) continue;
        const n = numberCell(c[i]);
        // bulk files leave the years before a series began empty: only a printed "no value" is counted
        if (n === null && c[i] !== '') bump(p, 'missing value');
        if (n === null) continue;
        const at = { line: r.line, raw: c.slice(0, 4).join(','), cell: c[i]!, column: h[i] };
        if (Number.isNaN(n)) p.rejects.push({ line: r.line, reason: `not a number in column ${h[i]}: "${c[i]}"${commaNote(c[i])}`, raw: at.raw });
        else put(f, p, at, o, indicator, c[1] ?? '', year, n, c[2]);
      }
      continue;
    }
    const indicator = longIndicator!;
    const year = yearOf(c[2]);
    const n = numberCell(c[3]);
    const raw = c.join(',');
    if (year === null) p.rejects.push({ line: r.line, reason: `not a year from 1901 to 2100: "${c[2] ?? ''}"`, raw });
    else if (Number.isNaN(n)) p.rejects.push({ line: r.line, reason: `not a number: "${c[3]}"${commaNote(c[3])}`, raw });
    else if (n === null) bump(p, 'missing value');
    else if (owid && !c[1]) bump(p, 'no ISO 3166-1 alpha-2 code (aggregate or non-ISO economy)');
    else put(f, p, { line: r.line, raw, cell: c[3]! }, o, indicator, c[1] ?? '', year, n);
  }
  f.settle();
  return p;
}
