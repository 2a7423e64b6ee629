/**
 * The shared shape of the country-level methods (Deloitte, Brookings, COST):
 *   cost = GDP(year) / days(year) · hours/24 · factor(year) · a · w(type)
 * in US dollars from World Bank GDP (current US$), where `factor` is the method's share of a
 * day's output lost, `a` the affected regions' share of national output (1 for the whole
 * country; Top10VPN scales regional shutdowns this way) and w the type weight. Each method
 * supplies its factor for a segment's year: the period's own year (each input of the factor, such
 * as internet users, is then the latest published for it), or the data year when the scenario
 * fixes one or has no date. The type weight w reads the same year per period (a mobile cut's
 * share of subscriptions), so a span's cost is the sum of its years priced alone.
 */
import { ParamSet, nationalValue, paramInput, pickYear, recordInput, regionalShares, type PlanContext } from './method-kit.js';
import { daysInYear } from './span.js';
import { Unavailable, type InputValue, type Plan, type Factor, type SegmentPlan, type Unit } from './types.js';
import { one, times } from './unit.js';
import { activeWeight, affectedUnits, populationProxyWeight, typeWeights, type MobilePreset, type PlatformRule } from './weights.js';

export interface FactorKit {
  ps: ParamSet;
  inputs: InputValue[];
  notes: string[];
  ctx: PlanContext;
}

/** A method's factor for one data year: a constant times a function of the parameter draw. */
export type FactorFor = (year: number, kit: FactorKit) => Factor;

const GDP = 'NY.GDP.MKTP.CD';

export function gdpPlan(
  ctx: PlanContext,
  opts: {
    preset: MobilePreset;
    factorFor: FactorFor;
    proxy?: (kit: FactorKit) => string | null;
    refuseRegions?: string;
    /** The method's own platform weights, where it has them (COST's share of a service). */
    platformRule?: PlatformRule;
  },
): Plan {
  const { scenario: scn, data, span } = ctx;
  const kit: FactorKit = { ps: new ParamSet(), inputs: [], notes: [], ctx };
  const gdpYears = data.years(GDP, scn.country);
  const segments: SegmentPlan[] = [];
  const base: number[] = [];
  const factors: Factor[] = [];
  const shares: number[][] = [];
  const R = Math.max(1, scn.regions.length);
  let byPopulation: { combined: number; basis: string } | undefined;
  // Inputs other than GDP are read for the period's own year: GDP may be years old (Eritrea's
  // ends in 2011), but who is online then, and on which networks, is better known than GDP's year
  // says. A scenario that fixes its year, or has no date, keeps the data year.
  const inputYear = (seg: { year: number | null }, y: number) => (scn.year === null && seg.year !== null ? seg.year : y);
  for (const seg of span.segments) {
    const picked = pickYear(seg, scn, gdpYears, 'GDP (current US$)', undefined, GDP);
    if (!picked) throw new Unavailable('start', `no GDP (current US$) for ${scn.country} in ${seg.year} or before; data start in ${gdpYears[0]}`);
    const y = picked.year;
    if (picked.note) kit.notes.push(picked.note);
    const gdp = nationalValue(data, GDP, y, 'GDP (current US$)');
    kit.inputs.push(recordInput(`GDP ${scn.country}`, gdp.rec, gdp.note));
    const days = daysInYear(y);
    base.push((gdp.rec.value / days) * (seg.hours / 24));
    factors.push(opts.factorFor(inputYear(seg, y), kit));
    if (scn.regions.length) {
      const sh = regionalShares(data, scn.regions, y);
      if (sh.note) kit.notes.push(sh.note);
      if (sh.proxy) byPopulation = sh.proxy;
      kit.inputs.push(...sh.inputs);
      shares.push(sh.shares);
    } else shares.push([1]);
    segments.push({ period_year: seg.year, data_year: y, from: seg.from, to: seg.to, hours: seg.hours });
  }
  // The type's weight reads each period's own year too (the mobile share of its subscriptions).
  const inputYears = span.segments.map((seg, s) => inputYear(seg, segments[s]!.data_year));
  const types = typeWeights(scn, data, inputYears, opts.preset, kit.ps, kit.inputs, kit.notes, opts.platformRule);
  const affected = affectedUnits(scn, segments, kit.ps, kit.inputs, kit.notes);
  const active = activeWeight(scn, kit.ps, kit.notes);
  const proxyWeight = byPopulation ? populationProxyWeight(byPopulation, kit.ps, kit.notes) : one;
  const weights = affected.map((a, s) => times(types[s]!, a, active, proxyWeight));
  const proxies = [byPopulation ? `regions priced by population share (${byPopulation.basis})` : null, opts.proxy?.(kit) ?? null];
  const proxy = proxies
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/^proxy: /, ''))
    .join('; ');
  return {
    native: 'USD',
    regions: scn.regions,
    params: kit.ps.specs,
    inputs: [...kit.ps.specs.map(paramInput), ...dedupeInputs(kit.inputs)],
    notes: [...new Set(kit.notes)],
    proxy: proxy ? `proxy: ${proxy}` : null,
    segments,
    ...segmentTerms(factors, weights, (s, r) => base[s]! * factors[s]!.c * shares[s]![r]!, R),
  };
}

/**
 * Terms and units for per-segment factors × the segment's weight: segments whose products share a
 * key share one unit (e.g. every year of a Deloitte span in the same tier), so their sum scales it.
 */
function segmentTerms(factors: Factor[], weights: Unit[], coef: (s: number, r: number) => number, R: number): Pick<Plan, 'terms' | 'units'> {
  const units: Unit[] = [];
  const index = new Map<string, number>();
  const terms: Plan['terms'] = { coef: [], unit: [] };
  factors.forEach(({ unit: f }, s) => {
    const product = times(f, weights[s]!);
    let u = index.get(product.key);
    if (u === undefined) {
      index.set(product.key, (u = units.length));
      units.push(product);
    }
    for (let r = 0; r < R; r++) {
      terms.coef.push(coef(s, r));
      terms.unit.push(u);
    }
  });
  return { terms, units };
}

/** The same record cited by several segments appears once. */
function dedupeInputs(inputs: InputValue[]): InputValue[] {
  const seen = new Set<string>();
  return inputs.filter((i) => {
    const k = `${i.name}|${i.year}|${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
