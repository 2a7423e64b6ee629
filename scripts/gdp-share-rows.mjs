// The pure part of scripts/gdp-share.mjs: which rows of `cost compare top10vpn --json` price the
// same cut on both sides, and what share of the country's output an hour offline costs on each
// side. No process, no files: the script reads the CLI's JSON and the GDP file and passes them in;
// test/integration/gdp-share.test.ts checks it on real Top10VPN and World Bank figures.
import { parse } from 'csv-parse/sync';

/** Ledger subtypes of a network shutdown (full, mobile data or fixed line), as the cost engine prices them. */
export const NETWORK_TYPES = ['full', 'mobile', 'fixed'];
/** Our hours over Top10VPN's, inclusive: within it both are taken to count the same cut. */
export const HOURS_BAND = [0.6, 1.7];

const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * World Bank long-format GDP (Country Name, Country Code, Year, Value; the file the engine loads
 * for NY.GDP.MKTP.CD) → alpha-3 → year → US$. A row whose year or value is not a number is an
 * error naming its line: nothing is skipped silently.
 */
export function parseGdp(text, file) {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  const out = new Map();
  rows.forEach((r, i) => {
    const year = Number(r.Year);
    const value = Number(r.Value);
    if (!/^[A-Z0-9]{3}$/.test(r['Country Code'] ?? '') || !Number.isInteger(year) || !(value > 0))
      throw new Error(`${file}:${i + 2}: Country Code, Year or Value is not a code, a year and a positive number (${JSON.stringify(r)})`);
    if (!out.has(r['Country Code'])) out.set(r['Country Code'], new Map());
    out.get(r['Country Code']).set(year, value);
  });
  return out;
}

/** GDP per hour of the row's year or, as the engine picks it, the latest year before with data. */
export function gdpPerHour(gdp, alpha3, year) {
  const years = [...(gdp.get(alpha3)?.keys() ?? [])].filter((y) => y <= year);
  if (!years.length) return null;
  const y = Math.max(...years);
  return { year: y, usd_per_hour: gdp.get(alpha3).get(y) / ((leap(y) ? 366 : 365) * 24) };
}

/**
 * The comparable rows, by what the ledger says: Top10VPN gives dollars and hours, we priced every
 * event of the country-year (none unpriced), every one is a national network shutdown (category
 * shutdown, subtype full/mobile/fixed, scope national), and our hours are within HOURS_BAND of
 * theirs. `events`: event id → the event as `events list --json` gives it.
 */
export function candidateRows(rows, events) {
  return rows.filter((r) => {
    if (!(r.theirs > 0) || !(r.their_hours > 0) || !(r.our_hours > 0) || r.events.length === 0 || r.events_not_priced.length > 0) return false;
    const national = r.events.every((x) => {
      const e = events.get(x.id);
      return e !== undefined && e.category === 'shutdown' && NETWORK_TYPES.includes(e.subtype) && e.scope === 'national';
    });
    const h = r.our_hours / r.their_hours;
    return national && h >= HOURS_BAND[0] && h <= HOURS_BAND[1];
  });
}

/**
 * Each candidate row's dollars per hour over GDP per hour, theirs and ours (`method`'s median),
 * or why it is left out: an event the engine prices as something other than a network cut
 * (`pricedType`: event id → the scenario type `cost event --json` gives, design 014 Decision 9),
 * or no GDP for the country in or before the year. `alpha3`: alpha-2 → alpha-3.
 */
export function shareRows(candidates, { pricedType, gdp, alpha3, method }) {
  const kept = [];
  const left = [];
  for (const r of candidates) {
    const label = `${r.country} ${r.year}`;
    const other = r.events.filter((x) => !NETWORK_TYPES.includes(pricedType.get(x.id)));
    if (other.length) {
      left.push({ row: label, reason: other.map((x) => `${x.id} priced as ${pricedType.get(x.id) ?? 'nothing'}`).join('; ') });
      continue;
    }
    const g = gdpPerHour(gdp, alpha3(r.country), r.year);
    if (!g) {
      left.push({ row: label, reason: `no GDP for ${r.country} in ${r.year} or before` });
      continue;
    }
    const ours = r.ours[method];
    kept.push({
      row: label,
      country: r.country,
      year: r.year,
      gdp_year: g.year,
      gdp_per_hour: g.usd_per_hour,
      their_per_hour: r.theirs / r.their_hours,
      our_per_hour: ours / r.our_hours,
      hours_ratio: r.our_hours / r.their_hours,
      theirs: r.theirs / r.their_hours / g.usd_per_hour,
      ours: ours / r.our_hours / g.usd_per_hour,
    });
  }
  kept.sort((a, b) => a.theirs - b.theirs);
  return { kept, left };
}

/** Lowest and highest of a side over the kept rows, with the rows they come from. */
export function range(kept, side) {
  if (!kept.length) return null;
  const sorted = [...kept].sort((a, b) => a[side] - b[side]);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return { low: lo[side], low_row: lo.row, high: hi[side], high_row: hi.row, spread: hi[side] / lo[side] };
}
