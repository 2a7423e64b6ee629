/**
 * Which exchange rate converts a segment of a scenario: the Bank of Russia's daily rate where
 * the series covers the segment (the rate in force on each day, averaged over the segment's
 * days; one day's rate for a span within a day), otherwise the World Bank's annual average
 * for the segment's year. A day after the series' last observation is not covered (whether a
 * new rate was set is unknown): every such day takes the annual average, noting where the
 * daily series ends. When neither exists the answer says why instead of guessing.
 */
import type { FxRateRecord } from '../../store/index.js';
import type { CountryData } from './econ-data.js';
import { currencyOfYear, rateHolderName } from './currency.js';
import { changesAfter } from './redenominations.js';
import { localDay, localDayStart } from '../span.js';

export interface RateUse {
  rate: number;
  /** The currency the rate is quoted in (units of it per US dollar): the country's code of the rate's year. */
  currency: string;
  /** 'annual-latest': the period is after the last annual average, which is carried forward (noted). */
  kind: 'daily' | 'daily-average' | 'daily-and-annual' | 'annual' | 'annual-latest';
  /** The date (daily), the range of days (daily-average), the year (annual), or both (daily-and-annual: which days took which). */
  date: string;
  source: string;
  vintage: string;
  note?: string;
}

export type RateResult = RateUse | { rate: null; reason: string };

const DAY = 86_400_000;

/** Index of the last daily rate on or before `day` (-1 if none). */
function inForce(days: number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * The time zone whose calendar days a country's daily series is set for: the Bank of Russia sets
 * its rate per Moscow day, so an hour is converted at the rate of the Moscow date it falls on,
 * whatever zone the scenario is given in (--tz moves the year boundaries, not the rate's days).
 */
const DAILY_RATE_ZONES: Record<string, string> = { RU: 'Europe/Moscow' };
export const dailyRateZone = (country: string): string => DAILY_RATE_ZONES[country] ?? 'UTC';

/** One day of a dated segment: its share of the segment's time, and the daily rate in force if the series covers it. */
interface Day {
  day: number;
  weight: number;
  rec: FxRateRecord | null;
}

/**
 * The days of [from, to) in the series' own zone, each weighted by its hours in the span (a span
 * within a day is that day), with the daily rate in force where the series covers the day: on or after its first
 * observation and on or before its last. Between two settings the earlier rate stays in force
 * however long the gap (weekends, the New Year holidays: 1 January 2015's rate until 13 January).
 */
function daysOf(data: CountryData, fromMs: number, toMs: number): Day[] {
  const d = data.dailyDays;
  const tz = dailyRateZone(data.country);
  const first = localDay(fromMs, tz);
  const last = toMs > fromMs ? Math.max(first, localDay(toMs - 1, tz)) : first;
  const out: Day[] = [];
  for (let day = first; day <= last; day++) {
    const weight = toMs > fromMs ? Math.min(toMs, localDayStart(day + 1, tz)) - Math.max(fromMs, localDayStart(day, tz)) : 1;
    const i = day <= d[d.length - 1]! ? inForce(d, day) : -1;
    out.push({ day, weight, rec: i >= 0 ? data.dailyRates[i]! : null });
  }
  return out;
}

const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const range = (ds: Day[]) => (ds.length === 1 ? iso(ds[0]!.day) : `${iso(ds[0]!.day)}/${iso(ds[ds.length - 1]!.day)}`);
const weighted = (ds: Day[], rateOf: (x: Day) => number) => ds.reduce((s, x) => s + x.weight * rateOf(x), 0) / ds.reduce((s, x) => s + x.weight, 0);

/** Every day covered by the daily series: the rate in force each day, averaged over the span by its hours. */
function daily(ds: Day[]): RateUse {
  const used = ds[ds.length - 1]!.rec!;
  // One day whose rate was set on an earlier day (a weekend, a holiday): the note says which.
  const carried = ds.length === 1 && used.period !== iso(ds[0]!.day);
  return {
    rate: weighted(ds, (x) => x.rec!.rate),
    currency: used.currency,
    kind: ds.length === 1 ? 'daily' : 'daily-average',
    date: ds.length === 1 ? used.period : range(ds),
    source: used.source,
    vintage: used.vintage,
    ...(carried ? { note: `the rate set on ${used.period}, in force on ${iso(ds[0]!.day)} (no rate was set in between)` } : {}),
  };
}

/** Runs of consecutive years, "1960–2008 and 2020–2023 (none for 2009–2019)": a gap is never passed off as covered. */
function coverage(years: number[]): string {
  const runs: [number, number][] = [];
  for (const y of years) {
    const r = runs[runs.length - 1];
    if (r && y === r[1] + 1) r[1] = y;
    else runs.push([y, y]);
  }
  const run = ([a, b]: [number, number]) => (a === b ? String(a) : `${a}–${b}`);
  if (runs.length === 1) return run(runs[0]!);
  const gaps = runs.slice(1).map((r, i) => run([runs[i]![1] + 1, r[0] - 1]));
  return `${runs.slice(0, -1).map(run).join(', ')} and ${run(runs[runs.length - 1]!)} (none for ${gaps.join(', ')})`;
}

/**
 * The annual average of `year`, or the latest earlier one carried forward (at most
 * MAX_CARRY_YEARS) unless the currency changed between that year and `until` (the last instant
 * priced: an ISO date-time, or the year itself when undated): a rate is never carried across a
 * redenomination, so a period after one has no local-currency rate.
 */
export function annualRate(data: CountryData, year: number, until: string = String(year)): RateResult {
  const cc = data.country;
  const a = data.annualRates.get(year);
  if (a) return { rate: a.rate, currency: currencyOfYear(cc, year), kind: 'annual', date: String(year), source: a.source, vintage: a.vintage };
  const years = [...data.annualRates.keys()].sort((x, y) => x - y);
  const last = years[years.length - 1];
  const range = years.length ? `annual averages cover ${coverage(years)}` : 'no annual averages are loaded';
  const crossed = last !== undefined && year > last ? changesAfter(cc, last, until) : [];
  if (crossed.length > 0) {
    const changes = crossed.map((c) => `${c.from}→${c.to} on ${c.date} (${c.ratio}:1)`).join(', ');
    return {
      rate: null,
      reason: `no ${rateHolderName(cc)} exchange rate for ${year}: ${range}, and the ${last} average is in ${currencyOfYear(cc, last!)}; the currency changed since (${changes}), so it is not carried forward`,
    };
  }
  if (last !== undefined && year > last && year - last <= MAX_CARRY_YEARS) {
    // As for GDP: a period after the data is converted at the latest year's average, said so.
    const l = data.annualRates.get(last)!;
    return {
      rate: l.rate,
      currency: currencyOfYear(cc, last),
      kind: 'annual-latest',
      date: String(last),
      source: l.source,
      vintage: l.vintage,
      note: `no ${rateHolderName(cc)} exchange rate for ${year}; the ${last} annual average (latest available) is used`,
    };
  }
  const stale = last !== undefined && year > last ? ` (the ${last} average is more than ${MAX_CARRY_YEARS} years older: currencies are revalued and redenominated, so it is not carried forward)` : '';
  return { rate: null, reason: `no ${rateHolderName(cc)} exchange rate for ${year}: ${range}${stale}` };
}

/**
 * How many years past its latest annual average a rate is carried forward. Beyond that the
 * series has stopped (Cuba's ends in 1974, Turkmenistan's in 2001, before the manat was
 * redenominated 5,000:1 in 2009) and converting at it gives local amounts off by orders of
 * magnitude; such a period has no local-currency rate, and methods computed in US dollars
 * report US dollars.
 */
export const MAX_CARRY_YEARS = 5;

/**
 * The rate for a dated segment [from, to), or the annual average of `year` when undated. Each
 * day of a dated segment takes the daily rate in force where the series covers it and the annual
 * average where it does not, averaged by hours: a span priced whole and priced in parts converts
 * to the same amount.
 */
export function rateFor(data: CountryData, seg: { year: number; from: string | null; to: string | null }): RateResult {
  const dailyRates = data.dailyRates;
  const ds = seg.from && seg.to && dailyRates.length > 0 ? daysOf(data, Date.parse(seg.from), Date.parse(seg.to)) : [];
  const covered = ds.filter((x) => x.rec);
  if (ds.length > 0 && covered.length === ds.length) return daily(ds);
  const lastInstant = seg.to ? new Date(Date.parse(seg.to) - 1).toISOString().slice(0, 10) : String(seg.year);
  const a = annualRate(data, seg.year, lastInstant);
  const ends = dailyRates.length > 0 ? dailyRates[dailyRates.length - 1]!.period : '';
  const uncovered = ds.filter((x) => !x.rec);
  const afterEnd = uncovered.length > 0 && uncovered.every((x) => iso(x.day) > ends);
  const why = afterEnd ? `the daily series ends ${ends} (no rate set after it is held)` : `the daily series does not cover ${uncovered.length ? range(uncovered) : ''}`;
  if (a.rate !== null && covered.length > 0) {
    const rate = a.rate;
    return {
      ...a,
      rate: weighted(ds, (x) => x.rec?.rate ?? rate),
      kind: 'daily-and-annual',
      date: `${range(covered)} daily; ${a.date} annual average for ${range(uncovered)}`,
      note: `${why}; the ${a.date} annual average is used for ${range(uncovered)}, the daily rates for ${range(covered)}${a.note ? `; ${a.note}` : ''}`,
    };
  }
  if (a.rate !== null && afterEnd) return { ...a, note: a.note ? `${why}; ${a.note}` : `${why}; the ${a.date} annual average is used` };
  if (a.rate !== null || !seg.from || dailyRates.length === 0) return a;
  const series = `the daily series covers ${dailyRates[0]!.period}–${ends}`;
  if (covered.length === 0) return { rate: null, reason: `${a.reason}; ${series}` };
  // Part of the period has daily rates and the rest none at all: the note names the days without one.
  const cause = a.reason.replace(/^no .+? exchange rate for \d+: /, '');
  return {
    rate: null,
    reason: `no ${rateHolderName(data.country)} exchange rate for ${range(uncovered)} (${iso(uncovered[0]!.day) < dailyRates[0]!.period ? 'before the daily series begins' : 'outside the daily series'}, and no ${seg.year} annual average: ${cause}); ${series}, which gives ${range(covered)} of this period its rates, but a period is converted whole`,
  };
}
