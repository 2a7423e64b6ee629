/**
 * Who was cut off: an event's area text ("Chomu town, Jaipur District, Rajasthan") geocoded to
 * ISO 3166-2 regions and, below them, to districts and places with a population, and the
 * population of the affected area with its method and confidence. Rules (docs/design/012):
 *  - names are matched longest first (up to 5 words) against the country's admin-1 units
 *    (GeoNames and ISO names), admin-2 units and GeoNames places; generic words (district,
 *    state, town, areas …) are ignored on both sides;
 *  - a state named beside a district or place is context: it picks among same-named places and
 *    is listed in `regions`, but only the most specific units are "affected";
 *  - a name that is both a district and a town is the district where the text says "district"
 *    or where shutdowns are ordered per district (India: Telecom Suspension Rules 2017), and the
 *    town where the text says town/city/village;
 *  - populations: a place, its GeoNames population; a region, the national population × its
 *    share of the population of the country's GeoNames places; a district, its region's
 *    population / the region's number of districts (the mean district; GeoNames lists few
 *    villages, so the sum of a district's places undercounts it).
 * Pure: reads the gazetteer, no store.
 */
import { getRegion } from './codes.js';
import { countryIndex, gazetteerSources, isWeak, normName, words, type Admin1, type Admin2, type CountryIndex, type Place, type Unit } from './gazetteer.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface GeoPlace {
  name: string;
  kind: 'region' | 'district' | 'place';
  /** ISO 3166-2 of the unit's region, when GeoNames' admin-1 maps to one. */
  region: string | null;
  region_name: string | null;
  population: number;
  population_method: string;
  geonames_id: number | null;
  confidence: Confidence;
}

export interface PopulationAffected {
  estimate: number;
  /** Share of the national population. */
  share: number;
  method: string;
  confidence: Confidence;
  national_population: number;
  year: number;
  sources: string[];
  note: string | null;
}

export interface GeocodeResult {
  regions: string[];
  places: GeoPlace[];
  population_affected: PopulationAffected | null;
  /** Words of the area text no name matched. */
  unmatched: string[];
  /** Why nothing (or not everything) could be geocoded. */
  reason: string | null;
}

const DISTRICT_FIRST = new Set(['IN']);

/**
 * Names in STOP that no gazetteer entry carries, rewritten to the units they stand for (each
 * checked by hand against the events that use them; an upper bound where the area is part of
 * the units, e.g. the Kashmir Valley is 10 of Jammu and Kashmir's 20 districts).
 */
const ALIASES: Record<string, [RegExp, string][]> = {
  IN: [
    [/(?<!jammu and\s*)\b(north|south|central)?\s*kashmir( valley)?\b/gi, ' Jammu and Kashmir '],
    [/\bshopian\b/gi, ' Shupiyan '],
    [/\bbarelly\b/gi, ' Bareilly '],
    [/\bbisnupur\b/gi, ' Bishnupur '],
  ],
  IQ: [[/\bkurdistan( region)?\b/gi, ' Erbil, Duhok, Sulaymaniyah, Halabja ']],
  SD: [[/\bdarfur( region)?\b/gi, ' North Darfur, South Darfur, West Darfur, Central Darfur, East Darfur ']],
  ET: [[/\bSNNPR\b/g, ' Southern Nations, Nationalities, and Peoples Region ']],
};
const MAX_WORDS = 5;

interface Match {
  words: string[];
  units: Unit[];
  hint: 'district' | 'place' | null;
}

/** Split the text into name matches, longest first from the left. */
function matchNames(idx: CountryIndex, text: string): { matches: Match[]; unmatched: string[] } {
  const raw = words(text);
  // Kind hints: the generic word right after a name ("Jaipur District", "Chomu town").
  const tokens: { t: string; next: string | null }[] = [];
  raw.forEach((t, i) => {
    if (normName(t).length) tokens.push({ t, next: raw[i + 1] ?? null });
  });
  const matches: Match[] = [];
  const unmatched: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let found: Match | null = null;
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1 && !found; n--) {
      const words = tokens.slice(i, i + n).map((x) => x.t);
      if (isWeak(words)) continue;
      const units = idx.names.get(words.join(' '));
      if (!units) continue;
      const next = tokens[i + n - 1]!.next ?? '';
      const hint = /^(district|districts|zila|tehsil|tehsils|township|townships)$/.test(next)
        ? 'district'
        : /^(town|towns|city|village|villages)$/.test(next)
          ? 'place'
          : null;
      found = { words, units, hint };
    }
    if (found) {
      matches.push(found);
      i += found.words.length;
    } else {
      unmatched.push(tokens[i]!.t);
      i++;
    }
  }
  return { matches, unmatched };
}

const admin1Pop = (idx: CountryIndex, a: Admin1): number => (idx.population && idx.placePop ? (idx.population.value * a.placePop) / idx.placePop : 0);

function districtPop(idx: CountryIndex, d: Admin2): number {
  const a = idx.admin1.get(d.admin1);
  if (a && a.districts > 0) return admin1Pop(idx, a) / a.districts;
  return idx.population && idx.placePop ? (idx.population.value * d.placePop) / idx.placePop : 0;
}

function regionOf(idx: CountryIndex, key: string): { iso: string | null; name: string | null } {
  const a = idx.admin1.get(key);
  return { iso: a?.iso && getRegion(a.iso) ? a.iso : null, name: a?.name ?? null };
}

/** Pick the unit a match stands for, given the regions named in the text. */
function choose(cc: string, m: Match, context: Set<string>): { unit: Unit; confidence: Confidence } {
  const inContext = (u: Unit) => context.size === 0 || (u.kind === 'admin1' ? context.has(u.key) : context.has(u.admin1));
  const pool = m.units.filter(inContext).length ? m.units.filter(inContext) : m.units;
  const a1 = pool.filter((u): u is Admin1 => u.kind === 'admin1');
  const a2 = pool.filter((u): u is Admin2 => u.kind === 'admin2');
  const pl = pool.filter((u): u is Place => u.kind === 'place').sort((x, y) => y.population - x.population);
  const confident = (n: number): Confidence => (n === 1 || context.size > 0 ? 'high' : 'medium');
  if (a1.length && m.hint !== 'place' && m.hint !== 'district') return { unit: a1[0]!, confidence: confident(a1.length) };
  const districtFirst = m.hint === 'district' || (m.hint !== 'place' && DISTRICT_FIRST.has(cc));
  if (a2.length && (districtFirst || pl.length === 0)) return { unit: a2[0]!, confidence: confident(a2.length) };
  if (pl.length) {
    // Same-named places: the most populous, less sure when there is no region to tell them apart.
    return { unit: pl[0]!, confidence: pl.length === 1 ? 'high' : context.size ? 'medium' : 'low' };
  }
  if (a2.length) return { unit: a2[0]!, confidence: confident(a2.length) };
  return { unit: a1[0]!, confidence: confident(a1.length) };
}

const kindOf = (u: Unit): GeoPlace['kind'] => (u.kind === 'admin1' ? 'region' : u.kind === 'admin2' ? 'district' : 'place');
const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/** Geocode an event's area text in a country. `scope` national short-cuts to the whole country. */
export function geocodeArea(cc: string, text: string, scope: string, isoNames: (iso: string) => string[]): GeocodeResult {
  const idx = countryIndex(cc, isoNames);
  const nat = idx.population;
  const none = (reason: string, unmatched: string[] = []): GeocodeResult => ({ regions: [], places: [], population_affected: null, unmatched, reason });
  if (!nat) return none(`no national population for ${cc} in the World Bank file`);
  const national = (): PopulationAffected => ({
    estimate: nat.value,
    share: 1,
    method: 'national: the whole population',
    confidence: 'high',
    national_population: nat.value,
    year: nat.year,
    sources: ['World Bank SP.POP.TOTL'],
    note: null,
  });
  if (scope === 'national' || scope === 'platform') return { regions: [], places: [], population_affected: national(), unmatched: [], reason: null };
  if (!text.trim()) return none('no area named');
  const aliased = (ALIASES[cc] ?? []).reduce((t, [re, to]) => t.replace(re, to), text.replace(/jammu\s*(&|and)\s*kashmir/gi, 'Jammu and Kashmir'));
  const { matches, unmatched } = matchNames(idx, aliased);
  if (matches.length === 0) return none(`no region, district or place of ${cc} matches "${text}"`, unmatched);

  // Regions named outright are the context for the rest.
  const context = new Set<string>();
  for (const m of matches) {
    const a1 = m.units.filter((u): u is Admin1 => u.kind === 'admin1');
    if (a1.length === 1 && m.hint !== 'district' && m.hint !== 'place') context.add(a1[0]!.key);
  }
  const chosen = matches.map((m) => ({ m, ...choose(cc, m, context) }));
  const keyOf = (u: Unit) => (u.kind === 'place' ? `p${u.geonameid}` : u.key);
  const seen = new Set<string>();
  const unique = chosen.filter((c) => !seen.has(keyOf(c.unit)) && seen.add(keyOf(c.unit)));
  // Context units (a region containing a chosen district or place; a district containing a chosen place) are not "affected".
  const contains = (outer: Unit, inner: Unit) =>
    outer !== inner &&
    ((outer.kind === 'admin1' && inner.kind !== 'admin1' && inner.admin1 === outer.key) ||
      (outer.kind === 'admin2' && inner.kind === 'place' && inner.admin2 === outer.key));
  const affected = unique.filter((c) => !unique.some((o) => contains(c.unit, o.unit)));

  // "Barelly District, Uttar Pradesh": the district is not in the gazetteer, the state is. The
  // area is then a part of the state: as many mean districts as unmatched names, not the state.
  const parts = aliased
    .split(/[,;/]|\band\b/i)
    .map((p) => normName(p))
    .filter((p) => p.length && !isWeak(p));
  const unmatchedParts = parts.filter((p) => p.every((t) => unmatched.includes(t)));
  if (affected.length && affected.every((c) => c.unit.kind === 'admin1') && unmatchedParts.length) {
    const region = affected[0]!.unit as Admin1;
    const r = regionOf(idx, region.key);
    const k = unmatchedParts.length;
    const districts = Math.max(1, region.districts);
    const pop = Math.round((admin1Pop(idx, region) * Math.min(k, districts)) / districts);
    const places: GeoPlace[] = [
      {
        name: unmatchedParts.map((p) => p.join(' ')).join(', '),
        kind: 'district',
        region: r.iso,
        region_name: r.name,
        population: pop,
        population_method: `${k} unmatched name(s) inside ${region.name}: ${Math.min(k, districts)} × its mean district (its population / ${districts} districts)`,
        geonames_id: null,
        confidence: 'low',
      },
    ];
    return {
      regions: r.iso ? [r.iso] : [],
      places,
      population_affected: {
        estimate: pop,
        share: pop / nat.value,
        method: places[0]!.population_method,
        confidence: 'low',
        national_population: nat.value,
        year: nat.year,
        sources: gazetteerSources(),
        note: `words not matched: ${unmatched.join(' ')}`,
      },
      unmatched,
      reason: null,
    };
  }
  const places: GeoPlace[] = affected.map(({ unit: u, confidence }) => {
    const r = regionOf(idx, u.kind === 'admin1' ? u.key : u.admin1);
    const population = Math.round(u.kind === 'place' ? u.population : u.kind === 'admin2' ? districtPop(idx, u) : admin1Pop(idx, u));
    const method =
      u.kind === 'place'
        ? 'GeoNames population of the place'
        : u.kind === 'admin2'
          ? `mean district: its region's population / ${idx.admin1.get(u.admin1)?.districts ?? '?'} districts`
          : "national population × the region's share of the population of the country's GeoNames places";
    return {
      name: u.name,
      kind: kindOf(u),
      region: r.iso,
      region_name: r.name,
      population,
      population_method: method,
      geonames_id: u.kind === 'place' ? u.geonameid : null,
      confidence,
    };
  });
  const regions = [...new Set(unique.map(({ unit: u }) => regionOf(idx, u.kind === 'admin1' ? u.key : u.admin1).iso).filter((x): x is string => !!x))];
  const total = Math.min(
    nat.value,
    places.reduce((s, p) => s + p.population, 0),
  );
  const confidence = places.reduce<Confidence>(
    (c, p) => (RANK[p.confidence] < RANK[c] ? p.confidence : c),
    unmatched.length > places.length * 2 ? 'medium' : 'high',
  );
  const methods = [...new Set(places.map((p) => p.kind))].join(' + ');
  return {
    regions,
    places,
    population_affected:
      total > 0
        ? {
            estimate: total,
            share: total / nat.value,
            method: `sum of ${places.length} ${methods} population(s) (see places)`,
            confidence,
            national_population: nat.value,
            year: nat.year,
            sources: gazetteerSources(),
            note: unmatched.length ? `words not matched: ${unmatched.join(' ')}` : null,
          }
        : null,
    unmatched,
    reason: total > 0 ? null : 'the matched units have no population',
  };
}
