/**
 * Helpers for the cost engine's unit tests: an in-memory CountryData built from a few records,
 * and a scenario with defaults. Values passed in tests are hand-picked (synthetic) unless the
 * test says they are copied from data/costs.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../shared/index.js';
import type { EconValueRecord, FxRateRecord } from '../store/index.js';
import { parseWorldBank } from './data/parse-worldbank.js';
import { parseCbrDaily } from './data/parse-regional.js';
import { PARSERS } from './data/importer.js';
import type { Parsed } from './data/parse-common.js';
import { SHIPPED } from './data/manifest.js';
import { CountryData } from './data/econ-data.js';
import { evaluatePlan } from './draws.js';
import { pointOf } from './random.js';
import { parseScenario, type ScenarioInput } from './scenario.js';
import type { MethodModel, Plan } from './types.js';
import type { LedgerEvent } from '../ledger/index.js';

export type Rec = [indicator: string, geo: string, year: number, value: number];

export function countryData(country: string, recs: Rec[], rates: Partial<FxRateRecord>[] = []): CountryData {
  const values: EconValueRecord[] = recs.map(([indicator, geo, year, value]) => ({
    indicator,
    country,
    geo,
    year,
    value,
    unit: indicator === 'GRP' ? 'LCU' : 'u',
    source: 'test',
    vintage: 'test',
    file: 'test',
  }));
  const fx: FxRateRecord[] = rates.map((r) => ({
    country,
    currency: 'RUB',
    kind: 'annual',
    period: '2020',
    rate: 1,
    source: 'test',
    vintage: 'test',
    file: 'test',
    ...r,
  }));
  return new CountryData(country, values, fx);
}

export const scenarioOf = (input: ScenarioInput) => parseScenario({ draws: 200, ...input });

/** Evaluate a plan with every parameter at its mode (or at `values[name]`). */
export function evalPlan(plan: Plan, values: Record<string, number> = {}): number[] {
  const p = new Float64Array(plan.params.map((s) => values[s.name] ?? pointOf(s.dist)));
  return [...evaluatePlan(plan, p)];
}

/** A one-day full-shutdown plan on synthetic data: GDP of 1e9 USD a day, 40 % online. */
export function oneDay(m: MethodModel, cc: string, year: number, extra: ScenarioInput = {}) {
  const data = countryData(cc, [
    ['NY.GDP.MKTP.CD', cc, year, year % 4 === 0 ? 366e9 : 365e9],
    ['IT.NET.USER.ZS', cc, year, 40],
    ['IT.CEL.SETS.P2', cc, year, 100],
    ['IT.NET.BBND.P2', cc, year, 25],
  ]);
  const s = scenarioOf({ country: cc, type: 'full', start: `${year}-06-01`, hours: 24, ...extra });
  const plan = m.plan({ ...s, data });
  return { cost: evalPlan(plan)[0]!, plan };
}

/**
 * A SYNTHETIC ledger event with only the fields the cost mapping reads: a nationwide block of
 * nothing from 2024-01-01 to 2024-01-02, overridden field by field.
 */
export function syntheticEvent(fields: Partial<LedgerEvent>): LedgerEvent {
  return {
    id: 'test-event',
    title: '',
    summary: '',
    category: 'block',
    subtype: 'platform',
    countries: ['IN'],
    scope: 'national',
    start: '2024-01-01',
    end: '2024-01-02',
    date_precision: 'day',
    notes: null,
    targets: [],
    actors: [],
    tags: [],
    regions: [],
    places: [],
    population_affected: null,
    ...fields,
  } as unknown as LedgerEvent;
}

/** A World Bank value copied from a shipped file (data/costs), for tests on real figures. */
export function shippedWorldBank(file: string, indicator: string, cc: string, year: number): number {
  const p = parseWorldBank(readFileSync(packagePath('data', 'costs', file), 'utf8'), {
    file,
    source: 'test',
    vintage: 'test',
    indicator,
    today: new Date().toISOString().slice(0, 10),
  });
  const v = p.values.find((x) => x.country === cc && x.year === year && x.indicator === indicator);
  if (!v) throw new Error(`${file}: no ${indicator} for ${cc} ${year}`);
  return v.value;
}

const FCRF = 'extra/worldbank_PA.NUS.FCRF_official_exchange_rate_LCU_per_USD_1960-2023__Binhe-Jia-cocoa.csv';
let shippedFx: FxRateRecord[] | undefined;

function shippedFxRates(): FxRateRecord[] {
  return (shippedFx ??= parseWorldBank(readFileSync(packagePath('data', 'costs', FCRF), 'utf8'), {
    file: FCRF,
    source: 'World Bank PA.NUS.FCRF',
    vintage: 'test',
    today: new Date().toISOString().slice(0, 10),
  }).rates);
}

/** The countries with a shipped World Bank annual exchange rate. */
export const shippedRateCountries = (): string[] => [...new Set(shippedFxRates().map((r) => r.country))].sort();

const CBR = 'extra/cbr_USD_RUB_official_daily_1992-07-01_2023-11-30__sberindex.csv';
let shippedCbr: FxRateRecord[] | undefined;

/**
 * A country's shipped exchange rates (data/costs) as the store holds them after `db seed`: the
 * World Bank annual averages, and for RU the Bank of Russia's daily series.
 */
export function shippedRates(cc: string): CountryData {
  const daily =
    cc === 'RU'
      ? (shippedCbr ??= parseCbrDaily(readFileSync(packagePath('data', 'costs', CBR), 'utf8'), {
          file: CBR,
          source: 'Bank of Russia',
          vintage: 'test',
          today: new Date().toISOString().slice(0, 10),
        }).rates)
      : [];
  return new CountryData(cc, [], [...shippedFxRates().filter((r) => r.country === cc), ...daily]);
}

let shippedAll: Parsed[] | undefined;

/**
 * A country's data as `db seed` stores it: every shipped file (data/costs) parsed as the importer
 * parses it, in the seed's order (a later file's row replaces an earlier one's), for tests that
 * price real figures through a method without a database.
 */
export function shippedCountry(cc: string): CountryData {
  shippedAll ??= SHIPPED.map((f) =>
    PARSERS[f.kind](readFileSync(packagePath(f.path), 'utf8'), {
      file: f.path,
      source: f.source,
      vintage: f.vintage,
      today: new Date().toISOString().slice(0, 10),
      ...(f.indicator ? { indicator: f.indicator } : {}),
      ...(f.year ? { year: f.year } : {}),
    }),
  );
  const values = new Map<string, EconValueRecord>();
  const rates = new Map<string, FxRateRecord>();
  for (const p of shippedAll) {
    for (const v of p.values) if (v.country === cc) values.set(`${v.indicator}|${v.geo}|${v.year}`, v);
    for (const r of p.rates) if (r.country === cc) rates.set(`${r.kind}|${r.period}`, r);
  }
  return new CountryData(cc, [...values.values()], [...rates.values()]);
}
