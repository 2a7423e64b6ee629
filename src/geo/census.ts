/**
 * Census counts of first-level units, for the countries we ship one for (data/geo/census.json:
 * India 2011, Pakistan 2017, China 2020). GeoNames lists a fifth of India's and Pakistan's
 * people, so the geocoder's rule for a region's people (listed places plus the rest spread by
 * settlements) is ×1.31, ×1.14 and ×1.43 off the three censuses: Bihar half its census share,
 * Chongqing four and a half times its own (docs/design/012). Where a
 * census is shipped, a region's share of its country is its share of the census count; the
 * rule stays for every other country and for units the census does not list (small union
 * territories, Azad Kashmir, Gilgit-Baltistan). A census unit may cover regions created since
 * (Jammu and Kashmir in 2011 held today's Ladakh): `covers` lists them, and the geocoder splits
 * the unit's people between them by its rule. Units the census counted but does not list share
 * the rest of its count; regions it did not count (`outside`) keep the rule, and the census
 * shares apply to the rest of the country. Loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../shared/index.js';

interface CensusFile {
  /** Short name for methods: "Census of India 2011". */
  name: string;
  /** The citation: who counted, where the figures were transcribed from. */
  census: string;
  year: number;
  /** The country's census count, small units the table leaves out included. */
  total: number;
  /** Census unit → the ISO 3166-2 regions it covers today, where more than itself. */
  covers: Record<string, string[]>;
  /** Regions of the country the census did not count (they keep the rule). */
  outside: string[];
  units: Record<string, number>;
}

/** A country's census as the geocoder applies it. */
export interface Census {
  name: string;
  census: string;
  year: number;
  total: number;
  /** Share of the census count in the units it lists (the rest: small units counted but not listed). */
  listedShare: number;
  outside: string[];
}

/** The census unit a region lies in, and its share of the country's census count. */
export interface CensusUnit {
  /** ISO 3166-2 code of the unit as the census counted it. */
  code: string;
  count: number;
  share: number;
  /** The ISO 3166-2 regions of today the unit covers (itself alone, or the regions split from it since). */
  covers: string[];
  /** Which census: its short name ("Census of India 2011") and its citation. */
  name: string;
  census: string;
  year: number;
  total: number;
}

let file: Record<string, CensusFile> | undefined;
function load(): Record<string, CensusFile> {
  if (!file) {
    const raw = JSON.parse(readFileSync(packagePath('data', 'geo', 'census.json'), 'utf8')) as Record<string, unknown>;
    file = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'about')) as Record<string, CensusFile>;
  }
  return file;
}

/** A country's shipped census, or undefined. */
export function censusOf(cc: string): Census | undefined {
  const c = load()[cc];
  if (!c) return undefined;
  const listed = Object.values(c.units).reduce((s, n) => s + n, 0);
  return { name: c.name, census: c.census, year: c.year, total: c.total, listedShare: Math.min(1, listed / c.total), outside: c.outside };
}

/** The census unit covering an ISO 3166-2 region, or undefined where no census of its country is shipped or the census does not list it. */
export function censusUnitOf(cc: string, iso: string): CensusUnit | undefined {
  const c = load()[cc];
  if (!c) return undefined;
  for (const [code, count] of Object.entries(c.units)) {
    const covers = c.covers[code] ?? [code];
    if (covers.includes(iso)) return { code, count, share: count / c.total, covers, name: c.name, census: c.census, year: c.year, total: c.total };
  }
  return undefined;
}

/** A country's census counts by unit, as shipped (for checks of the rule against them). */
export function censusCounts(cc: string): Record<string, number> | undefined {
  return load()[cc]?.units;
}
