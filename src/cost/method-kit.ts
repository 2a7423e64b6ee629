/**
 * Building blocks the methods share: parameter registration, choosing the data year for each
 * segment (with a note whenever the year used differs from the year costed), regional output
 * and its share of the national total, and turning a record into a cited input.
 */
import type { EconValueRecord } from '../store/index.js';
import type { CountryData } from './data/econ-data.js';
import { loadCommand } from './data/manifest.js';
import type { Dist } from './random.js';
import { empiricalMedian, pointOf } from './random.js';
import type { Segment, Span } from './span.js';
import { Unavailable, type InputValue, type ParamSpec, type Scenario } from './types.js';
import { REGION_POPULATION_RULE, gazetteerSources, regionPopulations, regionsWithPopulation } from '../geo/index.js';

export interface PlanContext {
  scenario: Scenario;
  data: CountryData;
  span: Span;
}

export class ParamSet {
  readonly specs: ParamSpec[] = [];
  add(name: string, dist: Dist, unit: string, source: string, stream?: string): number {
    this.specs.push({ name, dist, unit, source, ...(stream !== undefined && stream !== name ? { stream } : {}) });
    return this.specs.length - 1;
  }
}

export const describeDist = (d: Dist): string => {
  switch (d.kind) {
    case 'fixed':
      return 'fixed';
    case 'triangular':
      return `triangular(${d.low}, ${d.mode}, ${d.high})`;
    case 'uniform':
      return `uniform(${d.low}, ${d.high})`;
    case 'lognormal':
      return `log-normal(median ${d.median}, sigma ${d.sigma})`;
    case 'empirical': {
      const s = [...d.values].sort((a, b) => a - b);
      const r = (x: number) => Number(x.toPrecision(3));
      return `empirical(${s.length} values, each equally likely: min ${r(s[0]!)}, median ${r(empiricalMedian(s))}, max ${r(s[s.length - 1]!)})`;
    }
    case 'bernoulli':
      return `bernoulli(1 with chance ${Number(d.p.toPrecision(3))}, else 0)`;
  }
};

/** A parameter as an input line. */
export const paramInput = (p: ParamSpec): InputValue => ({
  name: p.name,
  value: pointOf(p.dist),
  unit: p.unit,
  source: p.source,
  year: null,
  distribution: describeDist(p.dist),
});

export const recordInput = (name: string, r: EconValueRecord, note?: string): InputValue => ({
  name,
  value: r.value,
  unit: r.unit,
  source: r.source,
  year: r.year,
  geo: r.geo,
  vintage: r.vintage,
  ...(note ? { note } : {}),
});

const list = (ys: number[]) => (ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : 'none');

/**
 * The data year for a segment, from the years an indicator has:
 * No year at all: Unavailable, data missing (naming the command that loads `indicator`, when given).
 * --year given: that year or Unavailable('year'); no date: the method's reference year if
 * present, else the latest; a dated segment: its year, else the latest year before it (noted).
 * Returns null when the segment is before every available year (the caller may extrapolate).
 */
export function pickYear(
  seg: Segment,
  scn: Scenario,
  years: number[],
  what: string,
  referenceYear?: number,
  indicator?: string,
): { year: number; note?: string } | null {
  if (years.length === 0) throw new Unavailable('country', `no ${what} for ${scn.country}`, false, true, indicator && loadCommand(indicator));
  if (scn.year !== null) {
    if (years.includes(scn.year)) return { year: scn.year };
    throw new Unavailable('year', `no ${what} for ${scn.year}; years with data: ${list(years)}`);
  }
  const latest = years[years.length - 1]!;
  if (seg.year === null) {
    if (referenceYear !== undefined && years.includes(referenceYear))
      return { year: referenceYear, note: `no date given: ${what} of ${referenceYear}, the method's reference year` };
    return { year: latest, note: `no date given: ${what} of ${latest}, the latest year with data` };
  }
  if (years.includes(seg.year)) return { year: seg.year };
  const before = years.filter((y) => y <= seg.year!);
  if (before.length) return { year: before[before.length - 1]!, note: `no ${what} for ${seg.year}; used ${before[before.length - 1]} (latest available)` };
  return null;
}

/** The year nearest to `year` among `years` (ties: the earlier), for slowly moving ratios. */
export function nearestYear(years: number[], year: number): number | undefined {
  let best: number | undefined;
  for (const y of years) if (best === undefined || Math.abs(y - year) < Math.abs(best - year)) best = y;
  return best;
}

/** A national value for a year: exact, else the latest year before it (noted), else Unavailable. */
export function nationalValue(data: CountryData, indicator: string, year: number, what: string): { rec: EconValueRecord; note?: string } {
  const ys = data.years(indicator, data.country);
  const exact = data.get(indicator, data.country, year);
  if (exact) return { rec: exact };
  const before = ys.filter((y) => y <= year);
  const y = before.length ? before[before.length - 1]! : nearestYear(ys, year);
  if (y === undefined) throw new Unavailable('country', `no ${what} for ${data.country}`, false, true, loadCommand(indicator));
  return { rec: data.get(indicator, data.country, y)!, note: `no ${what} for ${year}; used ${y} (${y < year ? 'latest available' : 'earliest available'})` };
}

/** The command that loads a country's regional output tables (Rosstat's for RU, NBS's for CN), if they ship. */
const grpLoadCommand = (country: string): string | undefined =>
  country === 'RU'
    ? '`splinternet data import rosstat-grp FILE --year Y` (or the shipped tables with `splinternet db seed`)'
    : country === 'CN'
      ? '`splinternet data import nbs-grp FILE` (or the shipped table with `splinternet db seed`)'
      : undefined;

/**
 * Regional output (GRP) of each region for a target year: the published value, or the value
 * of the nearest published year carried by national nominal GDP in local currency
 * (WB NY.GDP.MKTP.CN), noted as an extrapolation.
 */
export function regionalOutput(
  data: CountryData,
  regions: string[],
  year: number,
): { values: number[]; records: EconValueRecord[]; note?: string; baseYear: number; priceYear: number } {
  const grpYears = data.regionalYears('GRP');
  if (grpYears.length === 0) throw new Unavailable('region', `no regional output (GRP) data for ${data.country}`, false, true, grpLoadCommand(data.country));
  const pick = (y: number) =>
    regions.map((r) => {
      const rec = data.get('GRP', r, y);
      if (!rec) throw new Unavailable('region', `no GRP for ${r} in ${y}`);
      return rec;
    });
  if (grpYears.includes(year)) {
    const records = pick(year);
    return { values: records.map((r) => r.value), records, baseYear: year, priceYear: year };
  }
  const gdpYears = data.years('NY.GDP.MKTP.CN', data.country);
  const target = gdpYears.includes(year) ? year : gdpYears.filter((y) => y <= year).pop();
  const base = nearestYear(grpYears, target ?? year)!;
  const records = pick(base);
  const g0 = data.get('NY.GDP.MKTP.CN', data.country, base);
  const g1 = target === undefined ? undefined : data.get('NY.GDP.MKTP.CN', data.country, target);
  if (!g0 || !g1 || target === undefined) {
    if (base > year) throw new Unavailable('year', `no GRP for ${year} and no national GDP in local currency to carry ${base} GRP back to it`);
    return {
      values: records.map((r) => r.value),
      records,
      baseYear: base,
      priceYear: base,
      note: `no GRP for ${year}; used ${base} GRP unscaled (no national GDP in local currency for ${year})`,
    };
  }
  const f = g1.value / g0.value;
  const note = `no GRP for ${year}; ${base} GRP × ${f.toFixed(4)} (national nominal GDP ${target} / ${base}, World Bank NY.GDP.MKTP.CN)${target !== year ? `; ${target} is the latest GDP year` : ''}`;
  return { values: records.map((r) => r.value * f), records, baseYear: base, priceYear: target, note };
}

export interface RegionalShares {
  shares: number[];
  year: number;
  inputs: InputValue[];
  note?: string;
  /** Set when the shares are population shares standing in for output shares (no GRP data). */
  proxy?: { combined: number; basis: string };
}

/**
 * Each region's share of the national total of GRP, from the GRP year nearest to `year`; for a
 * country without regional output data, each region's share of the national population (the
 * geocoder's rule, docs/design/012), a documented proxy for its share of output.
 */
export function regionalShares(data: CountryData, regions: string[], year: number): RegionalShares {
  const y = nearestYear(data.regionalYears('GRP'), year);
  if (y === undefined) return populationShares(data.country, regions);
  const all = data.regionsWith('GRP', y);
  const total = all.reduce((s, r) => s + data.get('GRP', r, y)!.value, 0);
  const inputs: InputValue[] = [];
  const shares = regions.map((r) => {
    const rec = data.get('GRP', r, y);
    if (!rec) throw new Unavailable('region', `no GRP for ${r} in ${y}`);
    inputs.push({ ...recordInput(`GRP ${r}`, rec), note: `share of the ${all.length}-region total ${(rec.value / total).toPrecision(4)}` });
    return rec.value / total;
  });
  inputs.push({
    name: `GRP, sum of ${all.length} regions`,
    value: total,
    unit: inputs[0]?.unit ?? '',
    source: 'sum of the regional rows above the aggregates (no okrug counted twice)',
    year: y,
  });
  return { shares, year: y, inputs, ...(y !== year ? { note: `regional shares from ${y} GRP (nearest year to ${year})` } : {}) };
}

/** Regions priced by their share of the national population (no regional output data). */
function populationShares(country: string, regions: string[]): RegionalShares {
  const pop = regionPopulations(country, regions);
  if (pop.missing.length || pop.year === null || pop.national === null)
    throw new Unavailable(
      'region',
      `no regional output (GRP) data for ${country}, and no population for ${pop.missing.join(', ')} to price by population share instead (regions with one: ${regionsWithPopulation(country).slice(0, 8).join(', ')}…)`,
    );
  const inputs: InputValue[] = pop.found.map((r) => ({
    name: `population ${r.code}`,
    value: Math.round(r.population),
    unit: 'people',
    source: `population: ${r.method}; ${gazetteerSources().join('; ')}${r.method === REGION_POPULATION_RULE ? '' : '; data/geo/census.json'}`,
    year: pop.year,
    note: `${r.name}: share of the national population ${r.share.toPrecision(4)}, standing in for its share of output`,
  }));
  inputs.push({ name: `population ${country}`, value: pop.national, unit: 'people', source: 'World Bank SP.POP.TOTL', year: pop.year });
  const combined = pop.found.reduce((s, r) => s + r.share, 0);
  const basis = `${pop.found.map((r) => `${r.code} ${r.name}`).join(', ')}: ${Math.round(combined * pop.national).toLocaleString('en-US')} of ${pop.national.toLocaleString('en-US')} people (${pop.year})`;
  return {
    shares: pop.found.map((r) => r.share),
    year: pop.year,
    inputs,
    note: `no regional output (GRP) data for ${country}: each region is priced by its share of the national population, a proxy for its share of output (docs/design/012)`,
    proxy: { combined, basis },
  };
}
