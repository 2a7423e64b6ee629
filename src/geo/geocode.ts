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
 *  - populations: a place, its GeoNames population; a region, its share of its country's census
 *    where one is shipped (census.ts: India, Pakistan), else the people of its GeoNames places
 *    plus its part of the people GeoNames does not list, spread by its places each counted up
 *    to 100,000 (unitPop); a district, its region's
 *    population / the region's number of districts (the mean district; GeoNames lists few
 *    villages, so the sum of a district's places undercounts it).
 * Pure: reads the gazetteer, no store.
 */
import { groupSpans, locatingGroups } from './alias-groups.js';
import { applyAliases } from './area-aliases.js';
import { readCapitals } from './capitals.js';
import { districtListAt, regionListAt } from './district-lists.js';
import { censusOf, censusUnitOf } from './census.js';
import { countedPlaces, countedUnits, uncountedPlaces, uncountedUnits } from './counted.js';
import { exceptionOf, lessException } from './except.js';
import { regionOfSeat, SEATS } from './seat-regions.js';
import { PART_SHARE, partAt, partRanges, type PartRange } from './parts.js';
import { allCountries, getRegion, regionsOf } from './codes.js';
import { regionNames } from './region-names.js';
import {
  countriesNaming,
  countryIndex,
  gazetteerSources,
  isDirectionName,
  isWeak,
  nameKey,
  normName,
  words,
  type Admin1,
  type Admin2,
  type CountryIndex,
  type Place,
  type Unit,
} from './gazetteer.js';
import { editDistance, nearName, splitPossessives } from './near-names.js';
import { outsideNamed } from './outside.js';
import { BELOW_DISTRICT, locatedIn, nameWords, REGION_WORD, singularUnit, unmatchedRuns, type Run } from './unmatched.js';

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
  /** Set when the text spells the name differently (a typo, a transliteration): what it said, the name matched, the edits between (a vowel for a vowel counts half). */
  near_match?: { text: string; name: string; edits: number };
  /** Set when the text names only a part of the unit ("parts of"): the phrase; its population is then half the unit's (parts.ts). */
  part?: string;
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

const MAX_WORDS = 5;

interface Match {
  words: string[];
  units: Unit[];
  hint: 'district' | 'place' | 'region' | null;
  /** A near-miss: the words differ from the name matched by `edits` edits. */
  near?: { key: string; edits: number };
  /** Position of its first word among the text's words. */
  at: number;
  /** The text calls it a district ("Kech district"; a list "… and Sibi districts" closes). */
  called?: boolean;
}

type Token = { t: string; next: string | null; at: number };
type Word = { t: string; at: number };

const hintOf = (next: string | null): Match['hint'] =>
  /^(district|districts|zila|tehsil|tehsils|township|townships|zone|zones)$/.test(next ?? '')
    ? 'district'
    : /^(town|towns|city|village|villages)$/.test(next ?? '')
      ? 'place'
      : /^(region|regions|state|states|province|provinces|division|divisions|oblast|oblasts|governorate|governorates|muhafazat|prefecture|krai|kray)$/.test(
            next ?? '',
          )
        ? 'region'
        : null;

/** The exact name starting at `i`, longest first; a name of directions only ("north west") only as a region. */
function exactAt(idx: CountryIndex, tokens: Token[], i: number): Match | null {
  for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
    const words = tokens.slice(i, i + n).map((x) => x.t);
    const direction = isDirectionName(words);
    if (isWeak(words) && !direction) continue;
    const units = idx.names.get(words.join(' '))?.filter((u) => !direction || u.kind === 'admin1');
    if (units?.length) return { words, units, hint: hintOf(tokens[i + n - 1]!.next), at: tokens[i]!.at };
  }
  return null;
}

/** Near-misses inside a run of words no exact name matched, longest first from the left; never the words of a name not taken (`notTaken`: "at:length"). */
function nearInRun(idx: CountryIndex, run: Token[], notTaken: ReadonlySet<string>): { matches: Match[]; unmatched: Word[] } {
  const matches: Match[] = [];
  const unmatched: Word[] = [];
  for (let i = 0; i < run.length;) {
    let found: Match | null = null;
    for (let n = Math.min(MAX_WORDS, run.length - i); n >= 1 && !found; n--) {
      if (notTaken.has(`${run[i]!.at}:${n}`)) continue;
      const near = nearName(
        idx,
        run.slice(i, i + n).map((x) => x.t),
      );
      if (near) found = { words: run.slice(i, i + n).map((x) => x.t), units: near.units, hint: hintOf(run[i + n - 1]!.next), near, at: run[i]!.at };
    }
    if (found) {
      matches.push(found);
      i += found.words.length;
    } else unmatched.push(run[i++]!);
  }
  return { matches, unmatched };
}

/**
 * Split the text into name matches, longest first from the left; a district or place found only
 * outside the regions the text names is not taken (outside.ts); near-misses only where no exact
 * name was taken.
 */
function matchNames(idx: CountryIndex, text: string): { matches: Match[]; unmatched: Word[] } {
  const raw = words(text);
  // Kind hints: the generic word right after a name ("Jaipur District", "Chomu town").
  const tokens: Token[] = [];
  raw.forEach((t, i) => {
    if (normName(t).length) tokens.push({ t, next: raw[i + 1] ?? null, at: tokens.length });
  });
  const exact: Match[] = [];
  for (let i = 0; i < tokens.length;) {
    const found = exactAt(idx, tokens, i);
    if (found) exact.push(found);
    i += found ? found.words.length : 1;
  }
  const dropped = outsideNamed(exact, nameWords(text));
  const taken = exact.filter((m) => !dropped.has(m));
  const notTaken = new Set([...dropped].map((m) => `${m.at}:${m.words.length}`));
  const startingAt = new Map(taken.map((m) => [m.at, m]));
  const matches: Match[] = [];
  const unmatched: Word[] = [];
  let run: Token[] = [];
  const flush = () => {
    const r = nearInRun(idx, run, notTaken);
    matches.push(...r.matches);
    unmatched.push(...r.unmatched);
    run = [];
  };
  for (let i = 0; i < tokens.length;) {
    const found = startingAt.get(i);
    if (found) {
      flush();
      matches.push(found);
      i += found.words.length;
    } else run.push(tokens[i++]!);
  }
  flush();
  // a name spelt with other spaces ("Hira Nagar", Hiranagar) is held to the regions as an exact one
  for (const m of outsideNamed(
    matches.filter((x) => x.near?.edits === 0),
    nameWords(text),
    taken,
  )) {
    matches.splice(matches.indexOf(m), 1);
    unmatched.push(...m.words.map((t, i) => ({ t, at: m.at + i })));
  }
  unmatched.sort((a, b) => a.at - b.at);
  // "Khuzdar, Mastung, … and Sibi districts": the text calls each name of the list a district (district-lists.ts).
  const listed = districtListAt(text);
  const regionListed = regionListAt(text);
  for (const m of matches) {
    const last = tokens[m.at + m.words.length - 1]?.next ?? null;
    if (/^(district|districts|zila)$/.test(last ?? '') || (m.hint === null && listed.has(m.at))) m.called = true;
    if (m.called && m.hint === null) m.hint = 'district';
    // "Odesa and Mykolayiv Oblasts": a seat's name the text calls a region is that region (seat-regions.ts).
    const seatOf = !m.near && (m.hint === 'region' || (m.hint === null && regionListed.has(m.at))) ? regionOfSeat(idx, m.words, m.units) : null;
    if (seatOf) Object.assign(m, { units: seatOf.units, hint: 'region', ...(seatOf.near.edits ? { near: seatOf.near } : {}) });
  }
  return { matches, unmatched };
}

/**
 * A near-miss (not a mere spacing difference) is kept only inside what the text names exactly: in
 * a named region, and a place in a named district ("Beldanga, Rejinagar and Shaktipur areas,
 * Murshidabad" is not Shantipur of Nadia district). Dropped ones go back to the unmatched words.
 */
function nearInContext(matches: Match[], unmatched: Word[]): { matches: Match[]; unmatched: string[]; unmatchedAt: number[] } {
  const exact = matches.filter((m) => !m.near?.edits);
  const regions = new Set(exact.flatMap((m) => m.units.filter((u) => u.kind === 'admin1').map((u) => u.key)));
  const districts = new Set(exact.flatMap((m) => m.units.filter((u) => u.kind === 'admin2').map((u) => u.key)));
  const inside = (u: Unit) =>
    u.kind === 'admin1' || ((regions.size === 0 || regions.has(u.admin1)) && (u.kind !== 'place' || districts.size === 0 || districts.has(u.admin2)));
  const kept: Match[] = [];
  const missed = [...unmatched];
  for (const m of matches) {
    const units = m.near?.edits ? m.units.filter(inside) : m.units;
    if (units.length) kept.push({ ...m, units });
    else missed.push(...m.words.map((t, i) => ({ t, at: m.at + i })));
  }
  missed.sort((a, b) => a.at - b.at);
  return { matches: kept, unmatched: missed.map((w) => w.t), unmatchedAt: missed.map((w) => w.at) };
}

/**
 * "Tanintharyi township, Tanintharyi Region": a name the text calls a district or township that
 * the gazetteer has only as a region, named again as that region, is a unit of it the gazetteer
 * does not know: its words go back to the unmatched words (a mean district of the region, and
 * what the text locates in it lies there), not a second naming of the region whole.
 */
function unitNamedAsItsRegion(r: { matches: Match[]; unmatched: string[]; unmatchedAt: number[] }): typeof r {
  const region = (m: Match) => (m.units.every((u) => u.kind === 'admin1') ? m.units.map((u) => u.key).join() : undefined);
  const asUnit = r.matches.filter(
    (m) => m.hint === 'district' && !m.called && region(m) && r.matches.some((o) => o !== m && o.hint !== 'district' && region(o) === region(m)),
  );
  if (!asUnit.length) return r;
  const words = [...r.unmatchedAt.map((at, i) => ({ at, t: r.unmatched[i]! })), ...asUnit.flatMap((m) => m.words.map((t, i) => ({ t, at: m.at + i })))];
  words.sort((a, b) => a.at - b.at);
  return { matches: r.matches.filter((m) => !asUnit.includes(m)), unmatched: words.map((w) => w.t), unmatchedAt: words.map((w) => w.at) };
}

/** The names an ISO 3166-2 region goes by (its ISO name and its English name), for matching. */
export const isoNames = (code: string): string[] => {
  const r = getRegion(code);
  const n = regionNames(code);
  return [...new Set([r?.name, n?.en].filter((x): x is string => !!x))];
};

export interface RegionPopulation {
  code: string;
  name: string;
  population: number;
  /** Share of the national population. */
  share: number;
  /** How the population was estimated: the census share, or the rule for a region's people. */
  method: string;
}

/**
 * The population of ISO 3166-2 regions as the geocoder estimates a region's (its census share
 * where a census is shipped, else the people of its GeoNames places plus its part of those
 * GeoNames does not list), with the regions that have none (no GeoNames admin-1 unit maps to
 * them) listed apart.
 */
export function regionPopulations(
  cc: string,
  codes: readonly string[],
  /** rule: the rule alone, ignoring a shipped census (to check the rule against it). */
  opts: { rule?: boolean } = {},
): { found: RegionPopulation[]; missing: string[]; year: number | null; national: number | null } {
  const idx = countryIndex(cc, isoNames);
  const nat = idx.population;
  const found: RegionPopulation[] = [];
  const missing: string[] = [];
  for (const code of codes) {
    const units = [...idx.admin1.values()].filter((a) => a.iso === code);
    const population = units.reduce((s, a) => s + (opts.rule ? unitPop(idx, a) : admin1Pop(idx, a)), 0);
    if (!nat || population <= 0) missing.push(code);
    else {
      const method = opts.rule ? REGION_POPULATION_RULE : admin1Method(idx, units[0]!);
      found.push({ code, name: getRegion(code)?.name ?? units[0]!.name, population, share: population / nat.value, method });
    }
  }
  return { found, missing, year: nat?.year ?? null, national: nat?.value ?? null };
}

/** The ISO 3166-2 regions of a country that have a population by that rule. */
export const regionsWithPopulation = (cc: string): string[] =>
  regionPopulations(
    cc,
    regionsOf(cc).map((r) => r.code),
  ).found.map((r) => r.code);

/**
 * A unit's people: those GeoNames lists in its places, plus its part of the national population
 * GeoNames does not list (most villages), spread by the unit's places with each counted up to
 * 100,000. A share of the listed places alone gave the capital's region the weight of its
 * city: Addis Ababa 28 % of Ethiopia, Delhi 4.9 % of India (census: 1.4 %), Bihar 3.0 % (8.6 %).
 * Where GeoNames lists more people than the country has, the listed share alone.
 */
function unitPop(idx: CountryIndex, u: { placePop: number; placeCap: number }): number {
  if (!idx.population || !idx.placePop) return 0;
  const nat = idx.population.value;
  const rest = nat - idx.placePop;
  if (rest <= 0 || !idx.placeCap) return (nat * u.placePop) / idx.placePop;
  return u.placePop + (rest * u.placeCap) / idx.placeCap;
}

/**
 * A region's people where its country's census is shipped (census.ts), else the rule (unitPop).
 * The census shares apply to the country less the regions it did not count (which keep the
 * rule): a region it lists gets its share of the count; a census unit that covers regions split
 * from it since (Jammu and Kashmir 2011: today's Ladakh too) is shared between them by the rule;
 * regions counted but not listed (India's small union territories) share the rest of the count
 * by the rule. So a census country's regions add up to its population.
 */
function admin1Pop(idx: CountryIndex, a: Admin1): number {
  return censusPop(idx, a)?.population ?? unitPop(idx, a);
}

function censusPop(idx: CountryIndex, a: Admin1): { population: number; method: string } | undefined {
  const c = censusOf(idx.country);
  if (!c || !idx.population || (a.iso && c.outside.includes(a.iso))) return undefined;
  const all = [...idx.admin1.values()];
  const outside = all.filter((b) => b.iso && c.outside.includes(b.iso)).reduce((s, b) => s + unitPop(idx, b), 0);
  const base = idx.population.value - outside;
  const unit = a.iso ? censusUnitOf(idx.country, a.iso) : undefined;
  const byRule = (group: Admin1[]) => {
    const rule = group.reduce((s, b) => s + unitPop(idx, b), 0);
    return group.length <= 1 ? 1 : rule > 0 ? unitPop(idx, a) / rule : 1 / group.length;
  };
  const rest = outside > 0 ? `the national population less ${c.outside.join(' and ')}, which it did not count,` : 'the national population';
  if (unit) {
    const within = byRule(all.filter((b) => b.iso !== null && unit.covers.includes(b.iso)));
    const split =
      unit.covers.length > 1 ? `; ${unit.code} as counted then covered ${unit.covers.join(' and ')}, shared between them by ${REGION_POPULATION_RULE}` : '';
    const method = `${rest} × its share of the ${c.name} count (${unit.count.toLocaleString('en-US')} of ${c.total.toLocaleString('en-US')})${split}`;
    return { population: base * unit.share * within, method };
  }
  const unlisted = all.filter((b) => !(b.iso && (c.outside.includes(b.iso) || censusUnitOf(idx.country, b.iso))));
  const method = `${rest} × the ${((1 - c.listedShare) * 100).toFixed(2)} % of the ${c.name} count in units it does not list, shared between them by ${REGION_POPULATION_RULE}`;
  return { population: base * (1 - c.listedShare) * byRule(unlisted), method };
}

/** How admin1Pop estimated a region's people, for citing. */
function admin1Method(idx: CountryIndex, a: Admin1): string {
  return censusPop(idx, a)?.method ?? REGION_POPULATION_RULE;
}

/** The sources of a country's populations: the gazetteer's, and its census where one is shipped. */
function populationSources(idx: CountryIndex): string[] {
  const c = censusOf(idx.country);
  return c ? [...gazetteerSources(), `${c.census} (data/geo/census.json)`] : gazetteerSources();
}

function districtPop(idx: CountryIndex, d: Admin2): number {
  const a = idx.admin1.get(d.admin1);
  if (a && a.districts > 0) return admin1Pop(idx, a) / a.districts;
  return unitPop(idx, d);
}

function regionOf(idx: CountryIndex, key: string): { iso: string | null; name: string | null } {
  const a = idx.admin1.get(key);
  return { iso: a?.iso && getRegion(a.iso) ? a.iso : null, name: a?.name ?? null };
}

/**
 * The ISO 3166-2 region of a unit: its admin-1 unit's code, else, where ISO codes the units below
 * that one (the Gaza Strip's governorates), its district's code ("Khan Yunis" is PS-KYS).
 */
function regionOfUnit(idx: CountryIndex, u: Unit): { iso: string | null; name: string | null } {
  const r = regionOf(idx, u.kind === 'admin1' ? u.key : u.admin1);
  if (r.iso || u.kind === 'admin1') return r;
  const d = u.kind === 'admin2' ? u : idx.admin2.get(u.admin2);
  return { ...r, iso: d?.iso && getRegion(d.iso) ? d.iso : null };
}

/**
 * The codes an area unit files under: its region's, or, for a unit placed whole (`whole`: not the
 * context of a unit inside it) that ISO codes only below, those of the units below (the Gaza Strip:
 * its five governorates).
 */
function regionCodesOf(idx: CountryIndex, u: Unit, whole: boolean): string[] {
  const r = regionOfUnit(idx, u);
  if (r.iso || u.kind !== 'admin1' || !whole) return r.iso ? [r.iso] : [];
  return [...idx.admin2.values()].filter((d) => d.admin1 === u.key && d.iso && getRegion(d.iso)).map((d) => d.iso!);
}

/** Pick the unit a match stands for, given the regions named in the text; a near-miss is never more than low. */
function choose(cc: string, m: Match, context: Set<string>, local: boolean): { unit: Unit; confidence: Confidence } {
  const c = pick(cc, m, context, local);
  return m.near?.edits ? { ...c, confidence: 'low' } : c;
}

function pick(cc: string, m: Match, context: Set<string>, local: boolean): { unit: Unit; confidence: Confidence } {
  const inContext = (u: Unit) => context.size === 0 || (u.kind === 'admin1' ? context.has(u.key) : context.has(u.admin1));
  const pool = m.units.filter(inContext).length ? m.units.filter(inContext) : m.units;
  const a1 = pool.filter((u): u is Admin1 => u.kind === 'admin1');
  const a2 = pool.filter((u): u is Admin2 => u.kind === 'admin2');
  // A place whose own name the text gives beats one that has it as an alternate name (Shahdadpur, not Shahdad Kot); then the most populous.
  const said = m.words.join(' ');
  const own = (p: Place) => (nameKey(p.name) === said ? 1 : 0);
  const pl = pool.filter((u): u is Place => u.kind === 'place').sort((x, y) => own(y) - own(x) || y.population - x.population);
  const confident = (n: number): Confidence => (n === 1 || context.size > 0 ? 'high' : 'medium');
  // A record of one city ("It only affected one city, county, or village") that names a region
  // after its seat ("Dhaka", "Kharkiv"), without calling it a region, names the city (`local`:
  // such a record, whose every word is a name). Not where the seat is the only place GeoNames
  // lists in the region: that region is the city (Astana, Bamako, Addis Ababa, Islamabad), and
  // its estimate counts the people GeoNames does not list.
  const seat =
    local && m.hint === null && a1.length === 1 ? pl.find((p) => p.admin1 === a1[0]!.key && SEATS.has(p.fcode) && p.population < a1[0]!.placePop) : undefined;
  if (seat) return { unit: seat, confidence: confident(1) };
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

/** Words saying a name lies below a region: an unknown name beside them is a part of the regions named, not a region. */
const BELOW_REGION = new Set(
  'district districts township townships tehsil tehsils taluk zila village villages town towns city cities county counties mandal mandals block blocks subdivision subdivisions locality localities neighbourhood neighborhood area areas university universities campus'.split(
    ' ',
  ),
);

/** A direction word right before a region's name says the text names a part of it ("Western Oromia"). */
const DIRECTED = /^(north|south|east|west|central|upper|lower)(ern)?$/;

const STEP_DOWN: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };
/** How a region's population is estimated (unitPop), as the geocoder and the cost engine cite it. */
export const REGION_POPULATION_RULE =
  "the people of the region's GeoNames places, plus its part of the national population GeoNames does not list, spread by its places each counted up to 100,000";
const UNIT_METHOD: Record<Unit['kind'], string> = {
  place: 'GeoNames population of the place',
  admin2: '',
  admin1: REGION_POPULATION_RULE,
};

/**
 * A unit's population (unrounded) and how it was estimated. GeoNames gives some units none (Wamena, Panjgur,
 * regions created after its places were coded): they take their region's mean district, or where
 * the region has none either, the country's mean district (× the region's districts); never zero.
 */
function unitPopulation(idx: CountryIndex, u: Unit, confidence: Confidence): { population: number; method: string; confidence: Confidence } {
  const own = u.kind === 'place' ? u.population : u.kind === 'admin2' ? districtPop(idx, u) : admin1Pop(idx, u);
  if (own > 0 || !idx.population) {
    const method =
      u.kind === 'admin2'
        ? `mean district: its region's population / ${idx.admin1.get(u.admin1)?.districts ?? '?'} districts`
        : u.kind === 'admin1'
          ? admin1Method(idx, u)
          : UNIT_METHOD[u.kind];
    return { population: own, method, confidence };
  }
  const none = `GeoNames gives ${u.name} no population`;
  const region = idx.admin1.get(u.kind === 'admin1' ? u.key : u.admin1);
  const regionPop = region ? admin1Pop(idx, region) : 0;
  if (u.kind !== 'admin1' && region && regionPop > 0) {
    const n = Math.max(1, region.districts);
    const method = `${none}: the mean district of ${region.name} (its population / ${n} districts)`;
    return { population: regionPop / n, method, confidence: STEP_DOWN[confidence] };
  }
  const districts = idx.admin2.size || idx.admin1.size;
  const k = u.kind === 'admin1' ? Math.max(1, u.districts) : 1;
  const within = region && region !== u ? `, nor ${region.name}` : '';
  const method = `${none}${within}: ${k} × the country's mean district (national population / ${districts} districts)`;
  return { population: (idx.population.value * k) / districts, method, confidence: 'low' };
}

/** Words that describe an area without naming it ("most of the country", "multiple oblasts", "areas near the border"). */
const VAGUE = new Set(
  'most multiple several many various numerous least some part parts border borders bordering near along around across throughout crisis hit affected conflict major rural urban with that which by from to for on at over'.split(
    ' ',
  ),
);
let countryWords: Set<string> | undefined;

/** Why nothing in the text matched: vague, a name of another country, or unknown. */
function whyNoMatch(cc: string, text: string): string {
  countryWords ??= new Set(allCountries().flatMap((c) => normName(c.name)));
  // A country's name, even misspelt ("Major cities in Pakitan"), names no part of it.
  const isCountry = (t: string) => countryWords!.has(t) || (t.length >= 6 && [...countryWords!].some((c) => c[0] === t[0] && editDistance(t, c, 1) <= 1));
  const named = normName(text).filter((t) => !VAGUE.has(t) && !isCountry(t) && !/^\d+$/.test(t));
  if (named.length === 0 || /\w-(controlled|held)\b|\b(controlled|held) by\b/i.test(text)) {
    return `the area is not named: "${text}" describes a part of the country without naming a region, district or place`;
  }
  const elsewhere = named.length <= 3 ? countriesNaming(cc, named.join(' ')) : [];
  const also = elsewhere.length ? `; a region, district or place of that name is in ${elsewhere.join(', ')}, not ${cc}` : '';
  return `no region, district or place of ${cc} matches "${text}"${also}`;
}

const kindOf = (u: Unit): GeoPlace['kind'] => (u.kind === 'admin1' ? 'region' : u.kind === 'admin2' ? 'district' : 'place');
const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

/** Geocode an event's area text in a country. `scope` national short-cuts to the whole country. */
export function geocodeArea(
  cc: string,
  text: string,
  scope: string,
  isoNames: (iso: string) => string[],
  /** allParts: every region or district named is a part of it (the record's own text says "areas of" the area: parts.ts). */
  opts: { allParts?: boolean } = {},
): GeocodeResult {
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
  // "All regions except Addis Abeba", "Nationwide (except Kurdistan)": the whole less the exception, in any scope (except.ts).
  const exception = exceptionOf(text);
  if (exception) return lessException(idx, exception, (t) => geocodeArea(cc, t, 'regional', isoNames, opts), populationSources(idx));
  if (scope === 'national' || scope === 'platform') return { regions: [], places: [], population_affected: national(), unmatched: [], reason: null };
  if (!text.trim()) return none('no area named');
  const aliased = splitPossessives(idx, readCapitals(idx, applyAliases(cc, text)));
  const found = matchNames(idx, aliased);
  const { matches, unmatched, unmatchedAt } = unitNamedAsItsRegion(nearInContext(found.matches, found.unmatched));
  const counted = countedUnits(text);
  if (matches.length === 0) {
    const only = counted && countedPlaces(idx, counted, [], (a) => admin1Pop(idx, a));
    return only ? summed(nat, only, [], unmatched, populationSources(idx)) : none(whyNoMatch(cc, text), unmatched);
  }

  // Regions named outright are the context for the rest.
  const context = new Set<string>();
  for (const m of matches) {
    const a1 = m.units.filter((u): u is Admin1 => u.kind === 'admin1');
    if (a1.length === 1 && m.hint !== 'district' && m.hint !== 'place') context.add(a1[0]!.key);
  }
  // Where every word of the text is a name (nothing it locates goes unmatched: "New Market area, Dhaka").
  const picked = matches.map((m) => ({ m, ...choose(cc, m, context, scope === 'local' && unmatched.length === 0) }));
  // "Khartoum, Omdurman": a region named after its seat, before a place of it, is the seat (the
  // city), not the place's context: the text lists the two cities, and neither vanishes.
  const chosen = picked.map((c) => {
    if (c.unit.kind !== 'admin1' || c.m.hint !== null) return c;
    const key = c.unit.key;
    const seat = c.m.units.find((u): u is Place => u.kind === 'place' && u.admin1 === key && SEATS.has(u.fcode));
    const before = picked.some((o) => o !== c && o.unit.kind === 'place' && o.unit.admin1 === key && o.m.at > c.m.at);
    return seat && before ? { ...c, unit: seat } : c;
  });
  const keyOf = (u: Unit) => (u.kind === 'place' ? `p${u.geonameid}` : u.key);
  // A unit named twice ("Debre Ziet or Bishoftu") keeps its surest match, in the place it first appears.
  const surest = new Map<string, (typeof chosen)[number]>();
  for (const c of chosen) {
    const prev = surest.get(keyOf(c.unit));
    if (!prev || RANK[c.confidence] > RANK[prev.confidence]) surest.set(keyOf(c.unit), c);
  }
  const unique = [...surest.values()];
  // Context units (a region containing a chosen district or place; a district containing a chosen
  // place, named after it or called a district: "Chomu town, Jaipur District") are not "affected".
  // "Kawkareik, Kyainseikgyi townships": Kawkareik is a township too, not Kyainseikgyi's context.
  type Chosen = (typeof unique)[number];
  const lastAt = new Map<string, number>();
  const calledDistrict = new Set<string>();
  for (const c of chosen) {
    lastAt.set(keyOf(c.unit), Math.max(c.m.at, lastAt.get(keyOf(c.unit)) ?? 0));
    if (c.m.hint === 'district') calledDistrict.add(keyOf(c.unit));
  }
  const contains = (outer: Chosen, inner: Chosen) =>
    outer.unit !== inner.unit &&
    ((outer.unit.kind === 'admin1' && inner.unit.kind !== 'admin1' && inner.unit.admin1 === outer.unit.key) ||
      (outer.unit.kind === 'admin2' &&
        inner.unit.kind === 'place' &&
        inner.unit.admin2 === outer.unit.key &&
        (lastAt.get(keyOf(outer.unit))! > inner.m.at || calledDistrict.has(keyOf(outer.unit)))) ||
      // a town the text calls a district ("Hooghly District", the gazetteer's Hugli town) holds the towns of its district
      (outer.unit.kind === 'place' &&
        !!outer.m.called &&
        inner.unit.kind === 'place' &&
        !inner.m.called &&
        !!outer.unit.admin2 &&
        inner.unit.admin2 === outer.unit.admin2));
  // A local record names one city or village: a region named right after a place or district
  // ("Kargil town, Jammu and Kashmir") is where the text locates it, context even where the place
  // lies outside it. Borders move (Kargil is in Ladakh since 2019, Hyderabad in Telangana since
  // 2014) and texts err (Mogok is in Mandalay Region, not Shan State).
  const locates = (region: Chosen) =>
    scope === 'local' && region.unit.kind === 'admin1' && unique.some((o) => o.unit.kind !== 'admin1' && o.m.at + o.m.words.length === region.m.at);
  // "Sulaymaniyah, Kurdistan": a region of several units named after a unit inside it locates it (alias-groups.ts).
  const locatedBy = locatingGroups(groupSpans(aliased), chosen, unique, nameWords(aliased));
  const affected = unique.filter((c) => !unique.some((o) => contains(c, o)) && !locates(c) && !locatedBy.has(c));

  const ranges: PartRange[] = opts.allParts ? [{ from: 0, to: Infinity, phrase: 'parts of' }] : partRanges(aliased);
  const toPlace = ({ m, unit: u, confidence: matched }: Chosen): GeoPlace => {
    const r = regionOfUnit(idx, u);
    // A town the text calls a district, where the gazetteer has no district of that name: its region's mean district.
    const asDistrict = m.called && u.kind === 'place' ? idx.admin1.get(u.admin1) : undefined;
    const whole =
      asDistrict && asDistrict.districts > 0
        ? {
            population: admin1Pop(idx, asDistrict) / asDistrict.districts,
            method: `called a district, which the gazetteer has only as a town: the mean district of ${asDistrict.name} (its population / ${asDistrict.districts} districts)`,
            confidence: matched,
          }
        : unitPopulation(idx, u, matched);
    // "parts of Punjab": half of the region or district on average (parts.ts).
    const part = u.kind === 'place' ? undefined : partAt(ranges, m.at);
    const isPart = part !== undefined;
    const place: GeoPlace = {
      name: u.name,
      kind: asDistrict && asDistrict.districts > 0 ? 'district' : kindOf(u),
      region: r.iso,
      region_name: r.name,
      population: Math.round(isPart ? whole.population * PART_SHARE : whole.population),
      population_method: isPart
        ? `"${part.phrase}" ${u.name}: ${PART_SHARE * 100} % of its population, the expected share of a part of unstated size (${whole.method})`
        : whole.method,
      geonames_id: u.kind === 'place' ? u.geonameid : null,
      confidence: isPart ? 'low' : whole.confidence,
    };
    // in the order the event schema gives them, so a stored place compares equal to a new one
    if (m.near?.edits) place.near_match = { text: m.words.join(' '), name: m.near.key, edits: m.near.edits };
    if (isPart) place.part = part.phrase;
    return place;
  };
  const regions = [
    ...new Set(
      unique
        .filter((c) => !locatedBy.has(c))
        // a grouping named as context ("Jenin, West Bank") files under the units inside it, not all of its own
        .flatMap((c) => regionCodesOf(idx, c.unit, !unique.some((o) => contains(c, o)))),
    ),
  ];
  // "10 districts of Assam", "Karachi and 21 other districts": the units counted but not named;
  // "Ndjamena and some provinces": the units named and a part of the rest (counted.ts).
  const uncounted = !counted && uncountedUnits(text);
  if (counted || uncounted) {
    const matched = affected.map((c) => ({ unit: c.unit, place: toPlace(c) }));
    const pop = (a: Admin1) => admin1Pop(idx, a);
    const added = counted ? countedPlaces(idx, counted, matched, pop) : uncounted ? uncountedPlaces(idx, uncounted, matched, pop) : null;
    // the count's own words ("15") were read
    const read = new Set(words(counted ? counted.phrase : uncounted ? uncounted.phrase : ''));
    if (added)
      return summed(
        nat,
        added,
        regions,
        unmatched.filter((t) => !read.has(t)),
        populationSources(idx),
      );
  }

  // "Barelly District, Uttar Pradesh", "Awantipora in Jammu and Kashmir", "Kyangin, …, Lemyethna,
  // Myanaung … townships, Ayeyarwady Region": a name the gazetteer cannot place, beside or in a
  // region or in a list of its units, is a part of that region (the one named next, else before),
  // as many mean districts as such names, and the region it lies in is not counted whole. Beside
  // several regions named whole, only where the text says the names lie below them (a district,
  // township, village, university … word, or a region's possessive); else the regions are the
  // area and the names are reported as not placed. A name that lies in the unit named right after
  // it ("Launglon township, Dawei district"; "Refugee camps in Cox Bazar") is counted in that unit.
  // So a name that cannot be placed never removes what was placed, and adding one never shrinks the area.
  const parts = aliased
    .split(/[,;/]|\band\b/i)
    .map((p) => ({ names: normName(p), raw: words(p) }))
    .filter((p) => p.names.length && !isWeak(p.names));
  // A possessive read as a region ("Kachin's Hpakant") puts what follows inside it.
  const possessive = aliased !== readCapitals(idx, applyAliases(cc, text));
  const below = possessive || parts.some((p) => p.names.some((t) => unmatched.includes(t)) && p.raw.some((t) => BELOW_REGION.has(t)));
  const layout = nameWords(aliased);
  const byPos = [...unique].sort((a, b) => a.m.at - b.m.at);
  const wholeRegions = affected.filter((c) => c.unit.kind === 'admin1').length;
  const inRegion = new Map<string, { region: Admin1; runs: Run[] }>();
  const nowContext = new Set<Chosen>();
  const runs = unmatchedRuns(aliased, unmatchedAt);
  const regionList = regionListAt(aliased);
  const regionKey = (c: Chosen) => (c.unit.kind === 'admin1' ? c.unit.key : c.unit.admin1);
  const oneRegion = new Set(unique.map(regionKey)).size === 1 ? idx.admin1.get(regionKey(unique[0]!)) : undefined;
  const unitAt = new Map(chosen.map((c) => [c.m.at, c]));
  const namesDistrict = chosen.some((c) => c.unit.kind === 'admin2' && c.m.hint === 'district');
  const runAt = new Map(runs.map((r) => [r.from, r]));
  // where each run of unmatched words ends, named or not: "Htone Makha and Thabaw-Lake villages, Tanintharyi township" is one list
  const spanAt = new Map(unmatchedRuns(aliased, unmatchedAt, true).map((r) => [r.from, r]));
  // Whether the item ending before name word `to` lies in the unit named after it: its own locating words
  // ("Tathri tehsils, Doda District"; "Kyain Seikgyi township" after a comma), or, joined by a
  // plain "and" or comma, the next item's ("Gandoh and Tathri tehsils, Doda District").
  const lies = (to: number): boolean => {
    const after = layout[to];
    if (!after) return false;
    const unit = unitAt.get(to);
    if (unit?.unit.kind === 'admin1') return false;
    // "Badgaon, …, and Kanpur towns and Udaipur city, Udaipur District": towns of a text that names their district lie in it.
    if (namesDistrict && after.before.some((t) => BELOW_DISTRICT.test(t))) return true;
    if (locatedIn(after) || (unit && after.commaOnly && singularUnit(layout[to + unit.m.words.length]))) return !!unit || runAt.has(to);
    if (after.before.length) return false;
    const len = unit?.m.words.length ?? spanAt.get(to)?.words.length;
    return len !== undefined && lies(to + len);
  };
  for (const run of runs) {
    const prev = [...byPos].reverse().find((c) => c.m.at < run.from);
    // "Chittagong University", "Dhaka Cantonment": words right after a name, with no list separator, are of that unit;
    // "Gorno-Badakhshan Autonomous Oblast (GBAO)": a word in brackets right after it is its gloss.
    const adjacent = prev && prev.m.at + prev.m.words.length === run.from ? prev : undefined;
    const gloss = adjacent && run.words.length === 1 && layout[run.from]!.seps.join('') === '(';
    const ofPrev = adjacent && !layout[run.from]!.sep ? adjacent : undefined;
    // "Naya Paltan", "Sadar Ambala": words right before a name, with nothing between, are of its name.
    const ofNext = unitAt.has(run.to) && !layout[run.to]!.sep && layout[run.to]!.before.length === 0;
    // "Gangwon Province", "Lajh and Taiz governorates": a region the gazetteer does not know is no district.
    const aRegion = (layout[run.to]!.before.some((t) => REGION_WORD.test(t)) && !layout[run.to]!.sep) || regionList.has(run.from);
    if (gloss || ofNext || aRegion || (ofPrev && ofPrev.unit.kind !== 'admin1') || (!ofPrev && lies(run.to))) continue;
    // The region named after the name, else the one region every unit named lies in.
    // A possessive's owner ("Chin state's Matupi, Tonzang …") holds the names after it.
    const owner = possessive ? ([...byPos].reverse().find((c) => c.m.at < run.from && c.unit.kind === 'admin1')?.unit as Admin1 | undefined) : undefined;
    const after = byPos.find((c) => c.m.at >= run.to && c.unit.kind === 'admin1');
    const region = ofPrev ? (ofPrev.unit as Admin1) : (owner ?? (after?.unit as Admin1 | undefined) ?? oneRegion);
    if (!region) continue;
    // "Hanoi, Saigon", "Cities of …, DI Khan, Rawalpindi, …, Islamabad, …": a region placed whole that
    // is one more item of the list (named before the name, or after it with units of other regions
    // between) does not hold the name; where no word puts the name below it, the name is not placed.
    // A region the text names by a direction ("Western Oromia, Wellega, Kellem") is a part of it, which the names after it locate.
    const named = affected.find((c) => c.unit === region);
    const directed = !!named && !layout[named.m.at]!.sep && DIRECTED.test(layout[named.m.at - 1]?.t ?? '');
    const closes = after?.unit === region && byPos.every((c) => c.m.at < run.to || c.m.at >= after.m.at || regionKey(c) === region.key);
    if (!ofPrev && !owner && !closes && !below && !directed && named) continue;
    // the region named right after it, where the owner holds it ("Kachin's Hpakant, Sagaing"), only locates it
    const locator = owner && unitAt.get(run.to)?.unit.kind === 'admin1' ? affected.find((c) => c === unitAt.get(run.to)) : undefined;
    if (locator && locator.unit !== region) nowContext.add(locator);
    const whole = affected.find((c) => c.unit === region);
    if (whole && wholeRegions > 1 && !below) continue;
    if (whole) nowContext.add(whole);
    const g = inRegion.get(region.key) ?? { region, runs: [] };
    g.runs.push(run);
    inRegion.set(region.key, g);
  }
  const placed = affected.filter((c) => !nowContext.has(c)).map((c) => ({ at: c.m.at, place: toPlace(c) }));
  for (const { region, runs: unsorted } of inRegion.values()) {
    const runs = [...unsorted].sort((a, b) => a.from - b.from);
    const districts = Math.max(1, region.districts);
    const whole = unitPopulation(idx, region, 'low');
    const k = Math.min(runs.length, districts);
    // "parts of" reaches a name as it does a unit (parts.ts)
    const share = runs.reduce((n, r) => n + (partAt(ranges, r.from) ? PART_SHARE : 1), 0) * (k / runs.length);
    const r = regionOf(idx, region.key);
    // never more than the region holds beside the units named in it
    const inside = placed.filter((x) => x.place.region !== null && x.place.region === r.iso).reduce((n, x) => n + x.place.population, 0);
    const room = Math.max(0, whole.population - inside);
    const census = whole.method !== REGION_POPULATION_RULE ? `; ${whole.method}` : '';
    placed.push({
      at: runs[0]!.from,
      place: {
        name: runs.map((x) => x.words.join(' ')).join(', '),
        kind: 'district',
        region: r.iso,
        region_name: r.name,
        population: Math.round(Math.min(room, (whole.population * share) / districts)),
        population_method: `${runs.length} unmatched name(s) inside ${region.name}: ${k} × its mean district (its population / ${districts} districts)${share < k ? ', parts of them counting for half' : ''}${census}`,
        geonames_id: null,
        confidence: 'low',
      },
    });
  }
  placed.sort((a, b) => a.at - b.at);
  return summed(
    nat,
    placed.map((x) => x.place),
    regions,
    unmatched,
    populationSources(idx),
  );
}

/**
 * Geocode an area stated as ISO 3166-2 region codes (an event's own `regions`): each code is the
 * gazetteer's admin-1 unit(s) of that code, with its population (as regionPopulations); a code no
 * unit has is read by its names, whole (every word matched), and else reported as not placed. A
 * code not placed never removes the placed ones: the share is the sum of the placed codes.
 */
export function geocodeRegionCodes(cc: string, codes: readonly string[], isoNames: (iso: string) => string[]): GeocodeResult {
  const idx = countryIndex(cc, isoNames);
  const nat = idx.population;
  if (!nat) return { regions: [], places: [], population_affected: null, unmatched: [], reason: `no national population for ${cc} in the World Bank file` };
  const places: GeoPlace[] = [];
  const regions: string[] = [];
  const notPlaced: string[] = [];
  for (const code of codes) {
    const units = [...idx.admin1.values()].filter((a) => a.iso === code);
    const byName = units.length
      ? undefined
      : isoNames(code)
          .map((n) => geocodeArea(cc, n, 'regional', isoNames))
          .find((r) => r.population_affected && r.unmatched.length === 0);
    if (!units.length && !byName) {
      notPlaced.push(code);
      continue;
    }
    regions.push(code);
    for (const p of byName?.places ?? units.map((a) => regionPlace(idx, a))) if (!places.some((q) => q.name === p.name && q.kind === p.kind)) places.push(p);
  }
  const r = summed(nat, places, regions, notPlaced, populationSources(idx));
  if (!notPlaced.length) return r;
  const named = notPlaced.map((c) => `${c} (${isoNames(c)[0] ?? 'no name'})`).join(', ');
  const why = `${named} not placed: no region of the gazetteer has the code, and its name matches no region, district or place of ${cc}`;
  return {
    ...r,
    regions: [...regions, ...notPlaced],
    population_affected: r.population_affected && {
      ...r.population_affected,
      confidence: r.population_affected.confidence === 'high' ? 'medium' : r.population_affected.confidence,
      note: why,
    },
    reason: r.population_affected ? why : `${why}; no code placed`,
  };
}

/** An admin-1 unit as a place of the area: the whole region, its population as the geocoder estimates it. */
function regionPlace(idx: CountryIndex, a: Admin1): GeoPlace {
  const r = regionOf(idx, a.key);
  const p = unitPopulation(idx, a, 'high');
  return {
    name: a.name,
    kind: 'region',
    region: r.iso,
    region_name: r.name,
    population: Math.round(p.population),
    population_method: p.method,
    geonames_id: null,
    confidence: p.confidence,
  };
}

/** The result for the places of an area: their populations summed, the lowest of their confidences. */
function summed(nat: { year: number; value: number }, places: GeoPlace[], regions: string[], unmatched: string[], sources: string[]): GeocodeResult {
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
            sources,
            note: unmatched.length ? `words not matched: ${unmatched.join(' ')}` : null,
          }
        : null,
    unmatched,
    reason: total > 0 ? null : 'the matched units have no population',
  };
}
