/**
 * An area stated as a count of units it does not name: "40 regions across the country" (Russia,
 * May 2025), "At least 15 Oblasts" (Ukraine), "10 districts of Assam", "Karachi and 21 other
 * districts, Sindh", "Amran Governorate, Saada, Sana'a and Al-Jawf (15 districts)". Read by its
 * names alone it is the whole country or the whole of the regions named, and overstates who was
 * cut off (Assam has 35 districts); left unplaced, it is priced from other events. Which units
 * they were is not recorded, so the population is the expected population of that many units of
 * the whole: k of K units drawn at random hold k/K of its people on average (k × its mean unit,
 * the rule the geocoder already uses for a district it cannot find). Units the text does name
 * are counted among them ("Karachi and 21 other districts": Karachi and 21 more).
 * Pure: works on the gazetteer's index (gazetteer.ts).
 */
import type { Admin1, CountryIndex, Unit } from './gazetteer.js';
import type { GeoPlace } from './geocode.js';
import { PART_SHARE } from './parts.js';

export interface CountedUnits {
  n: number;
  /** admin1: regions, oblasts, provinces, states, governorates; admin2: districts. */
  level: 'admin1' | 'admin2';
  /** "21 other districts": n units besides those named. */
  other: boolean;
  /** "at least", "about", …: n is then a lower bound or a round figure, said in the method. */
  qualifier: string | null;
  phrase: string;
}

const WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const COUNTED = new RegExp(
  `\\b(?:(at least|more than|over|about|around|nearly|approximately|some)\\s+)?(\\d+|${Object.keys(WORDS).join('|')})\\s+(other\\s+|more\\s+|additional\\s+)?(?:targeted\\s+|affected\\s+)?(districts|townships|tehsils|zones|regions|oblasts|provinces|states|governorates)\\b`,
  'i',
);

/** The count of unnamed units an area text states, or null (a count below two is not a count of units). */
export function countedUnits(text: string): CountedUnits | null {
  const m = COUNTED.exec(text);
  if (!m) return null;
  const n = WORDS[m[2]!.toLowerCase()] ?? Number(m[2]);
  if (!(n >= 2)) return null;
  return {
    n,
    level: /^(districts|townships|tehsils|zones)$/i.test(m[4]!) ? 'admin2' : 'admin1',
    other: !!m[3],
    qualifier: m[1]?.toLowerCase() ?? null,
    phrase: m[0],
  };
}

/** A unit the geocoder matched in the text, with the place it made of it. */
export interface Matched {
  unit: Unit;
  place: GeoPlace;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

/**
 * The places of a counted area: the units it names, and one more place for the k units it
 * counts but does not name, with their expected population. Null when the names already account
 * for the count (a list of 13 districts after "13 districts"), or the count is of regions and the
 * text names districts or places (then the count is context).
 */
export function countedPlaces(idx: CountryIndex, c: CountedUnits, matched: readonly Matched[], admin1Pop: (a: Admin1) => number): GeoPlace[] | null {
  const national = idx.population?.value ?? 0;
  if (!(national > 0)) return null;
  const qualified = c.qualifier ? ` ("${c.qualifier} ${c.n}": the figure as stated)` : '';
  const named = matched.filter((x) => x.unit.kind === 'admin1');
  const below = matched.filter((x) => x.unit.kind !== 'admin1');
  if (c.level === 'admin1') {
    if (below.length) return null;
    const all = [...idx.admin1.values()].filter((a) => admin1Pop(a) > 0);
    const rest = all.length - named.length;
    const k = Math.min(c.other ? c.n : c.n - named.length, rest);
    if (!(k > 0)) return null;
    const pop = ((national - sum(named.map((x) => x.place.population))) * k) / rest;
    const which = named.length ? `the ${rest} first-level regions it does not name` : `the country's ${rest} first-level regions`;
    return [
      ...named.map((x) => x.place),
      synthetic(
        `${plural(k, 'region', 'regions')} not named`,
        'region',
        null,
        pop,
        `${k} of ${which}, which ones not recorded: ${k}/${rest} of their population, the expected share of ${k} regions drawn at random${qualified}`,
      ),
    ];
  }
  // Districts: of the regions named, else of the regions the named places lie in, else of the country.
  const regionKeys = new Set(named.map((x) => (x.unit as Admin1).key));
  // and the regions the named places lie in ("Amran Governorate, Saada, …": Saada's governorate too)
  for (const x of below)
    if (x.unit.kind !== 'admin1' && idx.admin1.has(x.unit.admin1) && (!named.length || x.unit.kind === 'place')) regionKeys.add(x.unit.admin1);
  const regions = [...regionKeys].map((k) => idx.admin1.get(k)!).filter((a) => a.districts > 0 && admin1Pop(a) > 0);
  const districts = regions.length ? sum(regions.map((a) => a.districts)) : idx.admin2.size;
  const population = regions.length ? sum(regions.map(admin1Pop)) : national;
  const inside = below.filter((x) => x.unit.kind !== 'admin1' && (!regions.length || regionKeys.has(x.unit.admin1)));
  const k = Math.min(c.other ? c.n : c.n - inside.length, districts - inside.length);
  if (!(k > 0) || !(districts > 0)) return null;
  const left = Math.max(0, population - sum(inside.map((x) => x.place.population)));
  const pop = Math.min(left, (population * k) / districts);
  const of = regions.length ? regions.map((a) => a.name).join(', ') : 'the country';
  const single = regions.length === 1 ? regions[0]! : null;
  return [
    ...below.map((x) => x.place),
    synthetic(
      `${plural(k, 'district', 'districts')} of ${of} not named`,
      'district',
      single,
      pop,
      `${k} of the ${districts} districts of ${of} (GeoNames admin-2 units), which ones not recorded: ${k} × their mean district (${of === 'the country' ? 'national population' : 'population'} / ${districts})${qualified}`,
    ),
  ];
}

/**
 * Units added to those named without a count, at the end of the area: "Ndjamena and some
 * provinces" (Chad, 2021), "Baghdad and several other cities" (Iraq, 2021), "Dhaka and other
 * cities" (Bangladesh, 2018), "… and other major cities", "… and other parts of the country".
 * Read by its names alone such an area is the named units only. A phrase followed by "in", "of"
 * or "across" is a part of the unit it names instead (parts.ts), and one followed by more words
 * ("multiple areas to the east of the Sittaung river, Bago Region") is not read.
 */
const UNCOUNTED = new RegExp(
  '(?:,|\\band)\\s+((?:(?:some|several|various|many|multiple|numerous)\\s+(?:other\\s+)?|other\\s+)' +
    // an adjective may stand before the units: "other major cities", "other southern provinces"
    '(?:(?:major|main|large|larger|big|bigger|small|smaller|northern|southern|eastern|western|central|occupied)\\s+)?' +
    // and a word of who lives there: "other major Baloch cities"
    '(?:[a-z]+\\s+)?' +
    '(cities\\s+and\\s+towns|towns\\s+and\\s+cities|cities|towns|provinces|regions|states|districts|governorates|territories|areas|parts\\s+of\\s+the\\s+country)' +
    // where the rest lies: "… of Ukraine" (the country), ", Balochistan" (a region named)
    '(?:\\s+of\\s+[a-z][a-z ]*|\\s*,\\s*[a-z][a-z ]*)?)\\s*\\.?\\s*$',
  'i',
);

export interface UncountedUnits {
  phrase: string;
  level: 'admin1' | 'below';
}

/** The units an area text adds to those it names without counting them, or null. */
export function uncountedUnits(text: string): UncountedUnits | null {
  const m = UNCOUNTED.exec(text);
  if (!m) return null;
  return { phrase: m[1]!, level: /^(?:provinces|regions|states|governorates|territories|parts\s+of\s+the\s+country)$/i.test(m[2]!) ? 'admin1' : 'below' };
}

/**
 * The places of such an area: the units it names, and one more for the units it adds, a part of
 * unstated size of the rest (parts.ts: half of its people on average). The rest is the rest of the
 * country, or, for cities, towns, districts or areas added to units below one region, the rest of
 * that region.
 */
export function uncountedPlaces(idx: CountryIndex, u: UncountedUnits, matched: readonly Matched[], admin1Pop: (a: Admin1) => number): GeoPlace[] | null {
  const national = idx.population?.value ?? 0;
  if (!(national > 0) || !matched.length) return null;
  const named = sum(matched.map((x) => x.place.population));
  const regionKeys = new Set(matched.map((x) => (x.unit.kind === 'admin1' ? x.unit.key : x.unit.admin1)));
  const below = matched.every((x) => x.unit.kind !== 'admin1');
  const region = u.level === 'below' && below && regionKeys.size === 1 ? idx.admin1.get([...regionKeys][0]!) : undefined;
  const whole = region ? admin1Pop(region) : national;
  const rest = Math.max(0, whole - named);
  if (!(rest > 0)) return null;
  const of = region ? region.name : 'the country';
  return [
    ...matched.map((x) => x.place),
    synthetic(
      `${u.phrase} (not named)`,
      u.level === 'admin1' ? 'region' : 'place',
      region ?? null,
      rest * PART_SHARE,
      `"${u.phrase}": ${PART_SHARE * 100} % of the people of ${of} outside the units named, the expected share of a part of unstated size; which units, and how many, not recorded`,
    ),
  ];
}

function synthetic(name: string, kind: GeoPlace['kind'], region: Admin1 | null, population: number, method: string): GeoPlace {
  return {
    name,
    kind,
    region: region?.iso ?? null,
    region_name: region?.name ?? null,
    population: Math.round(population),
    population_method: method,
    geonames_id: null,
    confidence: 'low',
  };
}
