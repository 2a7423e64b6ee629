/**
 * Regional statistics keyed by name: Rosstat yearbook tables (gross regional product, internet
 * use, subscriptions; one year per file) and the NBS China "annual by province" GRP table (one
 * column per year). Names map to ISO 3166-2 through the tested tables in src/geo; rows for the
 * country, federal districts and the okrug-inclusive Tyumen/Arkhangelsk oblasts are skipped as
 * aggregates (never double-counted), and the sum of the stored regions is checked against the
 * country row when the table has one. Rosstat writes decimals with a comma or a point; the
 * others with a point. Every value passes the checks of ./values.ts.
 */
import { matchRegionName, statsRegionsOf } from '../../geo/index.js';
import { isValidPartialDate } from '../../shared/index.js';
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
import { Figures } from './values.js';

/** The columns of a Rosstat table that name the row rather than hold a value. */
const ROSSTAT_NAME_COLUMNS = ['region_ru', 'region_en', 'footnote_flags'];

/** Unit and scale of a Rosstat column, from its name. */
function rosstatColumn(col: string): { indicator: string; unit: string; scale: number } | null {
  if (col === 'grp_mln_rub') return { indicator: 'GRP', unit: 'RUB', scale: 1e6 };
  if (col === 'grp_per_capita_rub') return { indicator: 'GRP.PER_CAPITA', unit: 'RUB per person', scale: 1 };
  if (col.endsWith('_pct')) return { indicator: `rosstat.${col}`, unit: '%', scale: 1 };
  if (col.endsWith('_per100')) return { indicator: `rosstat.${col}`, unit: 'per 100 people', scale: 1 };
  return null;
}

function regionCheck(p: Parsed, country: string, indicator: string, total: number | undefined): void {
  const stored = p.values.filter((v) => v.indicator === indicator && v.geo !== country);
  const expected = statsRegionsOf(country).map((r) => r.code);
  const have = new Set(stored.map((v) => v.geo));
  const additive = indicator === 'GRP';
  const sum = stored.reduce((s, v) => s + v.value, 0);
  p.checks[indicator] = {
    regions: have.size,
    missing_regions: expected.filter((c) => !have.has(c)),
    ...(additive ? { sum_of_regions: sum } : {}),
    ...(additive && total !== undefined ? { country_row: total, gap_pct: Number((((sum - total) / total) * 100).toFixed(3)) } : {}),
  };
}

/**
 * A Rosstat regional table: region_ru, numeric columns..., region_en[, footnote_flags].
 * `only` restricts the columns stored (rosstat-grp stores GRP only).
 */
export function parseRosstat(text: string, o: ParseOptions, only?: string[]): Parsed {
  const p = emptyParsed();
  const rows = csvRows(text);
  const header = rows[0];
  if (!header) throw headerRefused(o, header, 'an empty file: no header');
  checkHeader(o, header);
  const head = header.cells;
  const [ruCol, enCol] = columnsNamed(head, ['region_ru', 'region_en']) as [number, number];
  const unknown = head.filter((c) => c !== '' && !ROSSTAT_NAME_COLUMNS.includes(c) && !rosstatColumn(c));
  const expected = only?.includes('GRP') ? 'a region_ru column and grp_mln_rub' : 'a region_ru column and value columns (*_pct, *_per100, grp_mln_rub, grp_per_capita_rub)';
  const cols = head.map((c, i) => ({ i, spec: rosstatColumn(c) })).filter((c) => c.spec && (!only || only.includes(c.spec.indicator)));
  if (ruCol < 0) throw headerRefused(o, header, `expected ${expected}: no column "region_ru"`);
  if (unknown.length > 0) throw headerRefused(o, header, `expected ${expected}: ${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length > 1 ? 'are no columns' : 'is no column'} of a Rosstat table`);
  if (cols.length === 0) throw headerRefused(o, header, `expected ${expected}: no value column${only ? ' "grp_mln_rub"' : ''}`);
  if (o.year === undefined) throw headerRefused(o, undefined, 'the year of the table is not known: pass --year', 'year');
  if (String(o.year) > o.today.slice(0, 4)) throw headerRefused(o, undefined, `year ${o.year} is in the future (today is ${o.today})`, 'year');
  const f = new Figures(p, o.today);
  const totals: Record<string, number> = {};
  for (const r of rows.slice(1)) {
    const name = r.cells[ruCol] ?? '';
    if (!name) continue;
    const ragged = fieldCountReject(r, head);
    if (ragged) {
      p.rejects.push(ragged);
      continue;
    }
    let m = matchRegionName('RU', name);
    if (m.kind === 'unknown' && enCol >= 0) m = matchRegionName('RU', r.cells[enCol] ?? '');
    if (m.kind === 'unknown') {
      p.rejects.push({ line: r.line, reason: `unknown region name "${name}"`, raw: r.cells.join(',') });
      continue;
    }
    for (const { i, spec } of cols) {
      const n = numberCell(r.cells[i], true);
      if (Number.isNaN(n)) {
        p.rejects.push({ line: r.line, reason: `not a number in ${head[i]}: "${r.cells[i]}"`, raw: r.cells.join(',') });
        continue;
      }
      if (m.kind === 'aggregate') {
        if (m.reason === 'country' && n !== null) totals[spec!.indicator] = n * spec!.scale;
        bump(p, `aggregate row (${m.reason})`);
        continue;
      }
      if (n === null) {
        bump(p, 'missing value');
        continue;
      }
      const at = { line: r.line, raw: r.cells.join(','), cell: r.cells[i]!, column: head[i] };
      f.value(at, { indicator: spec!.indicator, country: 'RU', geo: m.code, year: o.year, value: n * spec!.scale, unit: spec!.unit, source: o.source, vintage: o.vintage, file: o.file });
    }
  }
  f.settle();
  for (const { spec } of cols) regionCheck(p, 'RU', spec!.indicator, totals[spec!.indicator]);
  return p;
}

/** NBS "AnnualbyProvince": region (English name), then one column per year; 100 million yuan. */
export function parseNbsGrp(text: string, o: ParseOptions): Parsed {
  const p = emptyParsed();
  const rows = csvRows(text);
  const header = rows[0];
  if (!header) throw headerRefused(o, header, 'an empty file: no header');
  checkHeader(o, header);
  const head = header.cells;
  const [regionCol] = columnsNamed(head, ['region']) as [number];
  const years = head.map((c, i) => ({ i, year: Number(c) })).filter((y) => /^\d{4}$/.test(head[y.i]!) && y.year > 1900);
  const expected = 'a region column and one column per year (2023, 2022, ...)';
  const unknown = head.filter((c, i) => c !== '' && i !== regionCol && !years.some((y) => y.i === i));
  if (regionCol < 0) throw headerRefused(o, header, `expected ${expected}: no column "region"`);
  if (unknown.length > 0) throw headerRefused(o, header, `expected ${expected}: ${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length > 1 ? 'are not years' : 'is not a year'}`);
  if (years.length === 0) throw headerRefused(o, header, `expected ${expected}: no year column`);
  const f = new Figures(p, o.today);
  for (const r of rows.slice(1)) {
    const name = r.cells[regionCol] ?? '';
    if (r.cells.every((c) => c === '')) continue;
    const ragged = fieldCountReject(r, head);
    if (ragged) {
      p.rejects.push(ragged);
      continue;
    }
    const m = matchRegionName('CN', name);
    if (m.kind !== 'region') {
      if (m.kind === 'aggregate') bump(p, 'aggregate row (total)');
      else p.rejects.push({ line: r.line, reason: `unknown province name "${name}"`, raw: r.cells.join(',') });
      continue;
    }
    for (const { i, year } of years) {
      const n = numberCell(r.cells[i]);
      if (n === null) bump(p, 'missing value');
      else if (Number.isNaN(n)) p.rejects.push({ line: r.line, reason: `not a number for ${year}: "${r.cells[i]}"${commaNote(r.cells[i])}`, raw: r.cells.join(',') });
      else {
        const at = { line: r.line, raw: r.cells.join(','), cell: r.cells[i]!, column: String(year) };
        f.value(at, { indicator: 'GRP', country: 'CN', geo: m.code, year, value: n * 1e8, unit: 'CNY', source: o.source, vintage: o.vintage, file: o.file });
      }
    }
  }
  f.settle();
  regionCheck(p, 'CN', 'GRP', undefined);
  return p;
}

/**
 * The band a Bank of Russia USD/RUB rate must lie in: its rates since July 1992, in roubles after
 * the 1998 redenomination (as the series is published), lie from 0.125 to 121; a rate outside
 * 0.1-1000 is a typo or another unit (kopecks, old roubles, a scaled cell), never stored.
 */
export const RUB_PER_USD_BAND = { min: 0.1, max: 1000 } as const;

/**
 * Bank of Russia daily USD/RUB: date (M/D/YYYY or YYYY-MM-DD), rate (RUB per USD). A date the
 * calendar does not have (02/30/2020) is rejected, never rolled over into the next month; so is
 * a rate above 0 outside RUB_PER_USD_BAND.
 */
export function parseCbrDaily(text: string, o: ParseOptions): Parsed {
  const p = emptyParsed();
  const rows = csvRows(text);
  const f = new Figures(p, o.today);
  const header = rows[0];
  if (!header) throw headerRefused(o, header, 'an empty file: no header');
  checkHeader(o, header);
  const head = header.cells;
  const [dateCol, rateCol] = columnsNamed(head, ['date', 'rate']) as [number, number];
  const expected = "expected the columns date,rate (the Bank of Russia's USD/RUB series, roubles per dollar)";
  const missing = [dateCol < 0 ? 'date' : '', rateCol < 0 ? 'rate' : ''].filter(Boolean);
  const other = head.filter((c, i) => c !== '' && i !== dateCol && i !== rateCol);
  if (missing.length > 0 || other.length > 0) {
    const why = [...missing.map((c) => `no column "${c}"`), ...(other.length > 0 ? [`${other.map((c) => `"${c}"`).join(', ')} ${other.length > 1 ? 'are' : 'is'} not one of them`] : [])];
    throw headerRefused(o, header, `${expected}: ${why.join('; ')}`);
  }
  for (const r of rows.slice(1)) {
    const d = r.cells[dateCol] ?? '';
    const v = r.cells[rateCol];
    if (r.cells.every((c) => c === '')) continue;
    const ragged = fieldCountReject(r, head);
    if (ragged) {
      p.rejects.push(ragged);
      continue;
    }
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
    const iso = us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : d;
    const n = numberCell(v);
    const raw = r.cells.join(',');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      p.rejects.push({ line: r.line, reason: `expected a date as M/D/YYYY or YYYY-MM-DD: "${d}"`, raw });
      continue;
    }
    if (!isValidPartialDate(iso)) {
      p.rejects.push({ line: r.line, reason: `not a date the calendar has: "${d}"`, raw });
      continue;
    }
    if (n === null || Number.isNaN(n)) {
      p.rejects.push({ line: r.line, reason: `expected a rate in roubles per dollar: "${v ?? ''}"${commaNote(v)}`, raw });
      continue;
    }
    if (n > 0 && (n < RUB_PER_USD_BAND.min || n > RUB_PER_USD_BAND.max)) {
      const band = `from ${RUB_PER_USD_BAND.min} to ${RUB_PER_USD_BAND.max}`;
      const why = "the Bank of Russia's rates since July 1992, in roubles after the 1998 redenomination, lie from 0.125 to 121";
      p.rejects.push({ line: r.line, reason: `the RUB per USD rate must be ${band} (${why}): "${v ?? ''}"`, raw });
      continue;
    }
    const at = { line: r.line, raw, cell: v ?? '' };
    f.rate(at, { country: 'RU', currency: 'RUB', kind: 'daily', period: iso, rate: n, source: o.source, vintage: o.vintage, file: o.file });
  }
  f.settle();
  return p;
}
