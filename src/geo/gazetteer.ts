/**
 * The gazetteer the geocoder reads: a build-time extract of GeoNames (places of 1,000+ people
 * with their population, admin-1 and admin-2 units with the summed population of their
 * places, GeoNames admin-1 → ISO 3166-2) and World Bank national population, made by
 * scripts/build-gazetteer.mjs (sources and licences in data/geo/SOURCES.md). Loaded once, on
 * first use, and indexed per country by normalised name.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { packagePath } from '../shared/index.js';

type PlaceRow = [number, string, string, string, string, string, string, number, string];
/** key, GeoNames name, ISO 3166-2, summed place population, districts, English name of the ISO unit (when it differs). */
type Admin1Row = [string, string, string | null, number, number, string?];
/** key, GeoNames name, summed place population, ISO 3166-2 code (only where its admin-1 has none: Palestine's governorates). */
type Admin2Row = [string, string, number, string?];

interface Extract {
  about: { sources: string[] };
  population: Record<string, [number, number]>;
  country_place_pop: Record<string, number>;
  /** Sums of min(population, spread cap) over every place: how people GeoNames does not list are spread. */
  country_place_cap: Record<string, number>;
  admin1_cap: Record<string, number>;
  admin2_cap: Record<string, number>;
  admin1: Admin1Row[];
  admin2: Admin2Row[];
  places: PlaceRow[];
}

export interface Admin1 {
  kind: 'admin1';
  key: string;
  name: string;
  iso: string | null;
  placePop: number;
  /** The unit's places, each counted up to the spread cap (100,000). */
  placeCap: number;
  districts: number;
}
export interface Admin2 {
  kind: 'admin2';
  key: string;
  name: string;
  admin1: string;
  placePop: number;
  placeCap: number;
  /** Its ISO 3166-2 code where its admin-1 unit is a grouping ISO does not code (the Gaza Strip's governorates). */
  iso?: string;
}
export interface Place {
  kind: 'place';
  geonameid: number;
  name: string;
  admin1: string;
  admin2: string;
  population: number;
  fcode: string;
}
export type Unit = Admin1 | Admin2 | Place;

export interface CountryIndex {
  country: string;
  population: { year: number; value: number } | null;
  placePop: number;
  placeCap: number;
  admin1: Map<string, Admin1>;
  admin2: Map<string, Admin2>;
  /** Normalised name → units with that name. */
  names: Map<string, Unit[]>;
}

/** Words that say what kind of unit a name is, or join names: dropped on both sides. */
const GENERIC = new Set(
  'province provinces provincia region regions regional state states oblast oblasts governorate governorates muhafazat division divisions district districts county counties prefecture department municipality autonomous republic of the and in city cities town towns township townships tehsil tehsils taluk village villages tract tracts area areas zone zones territory union capital federal special administrative sector sectors parts part several various other others some major near around surrounding adjoining including except across all entire whole country countrywide nationwide national block blocks subdivision subdivisions circle circles mandal mandals locality localities neighbourhood neighborhood'.split(
    ' ',
  ),
);
/** Tokens that never make a name on their own (directions, numbers). */
const WEAK = new Set('north south east west central northern southern eastern western upper lower new old greater'.split(' '));

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ə: 'e', ǝ: 'e', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };

/** A text of printable ASCII only: NFKD leaves it as it is and it has no combining marks. */
const ASCII = /^[ -~]*$/;

/** words() of a text whose diacritics are already split off and dropped. */
const baseWords = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/[əǝıłøđħßæœþð]/g, (c) => LETTERS[c]!)
    .replace(/['’`ʼ]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);

/** Lower-case ASCII words of a text, diacritics and punctuation dropped ("Xankəndi" → xankendi). */
export const words = (s: string): string[] => baseWords(ASCII.test(s) ? s : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));

/** The words of a name that identify it (generic words such as district, state, town dropped). */
export const normName = (s: string): string[] => words(s).filter((t) => !GENERIC.has(t));

export const nameKey = (s: string): string => normName(s).join(' ');
export const isWeak = (tokens: string[]): boolean => tokens.every((t) => WEAK.has(t) || /^\d+$/.test(t) || t.length < 3);

let extract: Extract | undefined;
const indexes = new Map<string, CountryIndex>();
/** The extract's rows grouped by country, in file order: an index reads its own country's rows only. */
let rowsByCountry: Map<string, { admin1: Admin1Row[]; admin2: Admin2Row[]; places: PlaceRow[] }> | undefined;

function countryRows(cc: string): { admin1: Admin1Row[]; admin2: Admin2Row[]; places: PlaceRow[] } {
  if (!rowsByCountry) {
    const x = load();
    const by = new Map<string, { admin1: Admin1Row[]; admin2: Admin2Row[]; places: PlaceRow[] }>();
    const of = (c: string) => by.get(c) ?? by.set(c, { admin1: [], admin2: [], places: [] }).get(c)!;
    for (const r of x.admin1) of(r[0].slice(0, r[0].indexOf('.'))).admin1.push(r);
    for (const r of x.admin2) of(r[0].slice(0, r[0].indexOf('.'))).admin2.push(r);
    for (const r of x.places) of(r[4]).places.push(r);
    rowsByCountry = by;
  }
  return rowsByCountry.get(cc) ?? { admin1: [], admin2: [], places: [] };
}

function load(): Extract {
  extract ??= JSON.parse(gunzipSync(readFileSync(packagePath('data', 'geo', 'gazetteer.json.gz'))).toString('utf8')) as Extract;
  return extract;
}

/** Where the gazetteer's figures come from (cited by every geocoded population). */
export const gazetteerSources = (): string[] => load().about.sources;

/** A region named only by directions ("North-West", "Upper East"): matched only as a region. */
export const isDirectionName = (tokens: string[]): boolean => tokens.length >= 2 && tokens.every((t) => WEAK.has(t));

/** North ↔ Northern, … : STOP writes "South Kordofan" for GeoNames' "Southern Kordofan" and the reverse. */
const DIRECTION_FORMS: [RegExp, string][] = [
  [/\b(north|south|east|west)ern\b/g, '$1'],
  [/\b(north|south|east|west)\b(?! (north|south|east|west))/g, '$1ern'],
];

function add(names: Map<string, Unit[]>, name: string, u: Unit): void {
  const k = nameKey(name);
  addKey(names, k, u);
  // The other form of a leading direction, where the rest is a name ("Southern Kordofan" → "south kordofan").
  for (const [re, to] of DIRECTION_FORMS) {
    const v = k.replace(re, to);
    if (v !== k && /^(north|south|east|west)(ern)? \S/.test(k)) addKey(names, v, u);
  }
}

function addKey(names: Map<string, Unit[]>, k: string, u: Unit): void {
  if (!k || (isWeak(k.split(' ')) && !(u.kind === 'admin1' && isDirectionName(k.split(' '))))) return;
  const list = names.get(k) ?? [];
  if (!list.includes(u)) list.push(u);
  names.set(k, list);
}

/** The country's index (built on first use). */
export function countryIndex(cc: string, isoNames: (iso: string) => string[]): CountryIndex {
  const hit = indexes.get(cc);
  if (hit) return hit;
  const x = load();
  const rows = countryRows(cc);
  const names = new Map<string, Unit[]>();
  const admin1 = new Map<string, Admin1>();
  const admin2 = new Map<string, Admin2>();
  for (const [key, name, iso, placePop, districts, english] of rows.admin1) {
    const u: Admin1 = { kind: 'admin1', key, name, iso, placePop, placeCap: x.admin1_cap[key] ?? 0, districts };
    admin1.set(key, u);
    add(names, name, u);
    if (english) add(names, english, u);
    if (iso) for (const n of isoNames(iso)) add(names, n, u);
  }
  for (const [key, name, placePop, iso] of rows.admin2) {
    const u: Admin2 = {
      kind: 'admin2',
      key,
      name,
      admin1: key.split('.').slice(0, 2).join('.'),
      placePop,
      placeCap: x.admin2_cap[key] ?? 0,
      ...(iso ? { iso } : {}),
    };
    admin2.set(key, u);
    add(names, name, u);
  }
  for (const [geonameid, name, ascii, alts, , a1, a2, population, fcode] of rows.places) {
    const u: Place = { kind: 'place', geonameid, name, admin1: `${cc}.${a1}`, admin2: a2 ? `${cc}.${a1}.${a2}` : '', population, fcode };
    add(names, name, u);
    if (ascii) add(names, ascii, u);
    for (const a of alts ? alts.split('|') : []) add(names, a, u);
  }
  const pop = x.population[cc];
  const idx: CountryIndex = {
    country: cc,
    population: pop ? { year: pop[0], value: pop[1] } : null,
    placePop: x.country_place_pop[cc] ?? 0,
    placeCap: x.country_place_cap[cc] ?? 0,
    admin1,
    admin2,
    names,
  };
  indexes.set(cc, idx);
  return idx;
}

let lowerNames: { cc: string; names: string }[] | undefined;

/**
 * Countries other than `cc` with a region, district or place named `key` (a normalised name),
 * e.g. Khorog is a town of Tajikistan: how a reader tells a wrong country from an unknown name.
 */
export function countriesNaming(cc: string, key: string): string[] {
  const x = load();
  lowerNames ??= [
    ...x.admin1.map(([k, name]) => ({ cc: k.slice(0, 2), names: name.toLowerCase() })),
    ...x.admin2.map(([k, name]) => ({ cc: k.slice(0, 2), names: name.toLowerCase() })),
    ...x.places.map(([, name, ascii, alts, country]) => ({ cc: country, names: `${name}|${ascii}|${alts}`.toLowerCase() })),
  ];
  const first = key.split(' ')[0]!;
  const found = new Set<string>();
  for (const r of lowerNames) {
    if (r.cc === cc || found.has(r.cc) || !r.names.includes(first)) continue;
    if (r.names.split('|').some((n) => nameKey(n) === key)) found.add(r.cc);
  }
  return [...found].sort();
}
