/**
 * ISO 3166-1 countries and ISO 3166-2 subdivisions, from the npm `iso-3166` package (MIT,
 * wooorm/iso-3166), plus the one place we depart from ISO: Crimea and Sevastopol. ISO codes
 * them UA-43 and UA-40; Russian statistics key them RU-CR and RU-SEV (unofficial). We accept
 * both and record the equivalence, never choosing a side silently.
 */
import { iso31661 } from 'iso-3166';
import { iso31662 } from 'iso-3166';

export interface Country {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: string;
}

export interface Region {
  code: string;
  name: string;
  country: string; // alpha-2 of the country whose code this is
  /** Set on disputed areas: the equivalent codes and why there are two. */
  disputed?: { equivalents: string[]; note: string };
}

const countries = new Map<string, Country>(iso31661.map((c) => [c.alpha2, { alpha2: c.alpha2, alpha3: c.alpha3, numeric: c.numeric, name: c.name }]));
const byAlpha3 = new Map([...countries.values()].map((c) => [c.alpha3, c]));
const byNumeric = new Map([...countries.values()].map((c) => [c.numeric, c]));

const DISPUTE_NOTE =
  'Annexed by Russia in 2014; ISO 3166-2 and the UN treat it as part of Ukraine (UA-43/UA-40). ' +
  'Russian statistics list it as a federal subject (unofficial keys RU-CR/RU-SEV). Both codes are accepted.';

/** Disputed areas with two codes. Each entry lists all codes that denote the same territory. */
export const DISPUTED_REGIONS: readonly { codes: string[]; name: string }[] = [
  { codes: ['UA-43', 'RU-CR'], name: 'Crimea' },
  { codes: ['UA-40', 'RU-SEV'], name: 'Sevastopol' },
];

const regions = new Map<string, Region>();
for (const r of iso31662) regions.set(r.code, { code: r.code, name: r.name, country: r.code.slice(0, 2) });
for (const d of DISPUTED_REGIONS) {
  for (const code of d.codes) {
    const base = regions.get(code);
    regions.set(code, {
      code,
      name: base?.name ?? d.name,
      country: code.slice(0, 2),
      disputed: { equivalents: d.codes.filter((c) => c !== code), note: DISPUTE_NOTE },
    });
  }
}

export const getCountry = (code: string): Country | undefined =>
  countries.get(code.toUpperCase()) ?? byAlpha3.get(code.toUpperCase()) ?? byNumeric.get(code.padStart(3, '0'));

export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.has(code);

/**
 * Codes OONI carries in probe_cc beyond ISO 3166-1's assigned ones: ZZ when the probe's country
 * is unknown (OONI's measurement spec), XK for Kosovo (user-assigned, as IP geolocation reports it).
 */
export const PROBE_ONLY_COUNTRY_CODES: readonly string[] = ['XK', 'ZZ'];

/** A country as OONI measurements (and the detectors fed by them) carry it: assigned ISO codes, XK and ZZ. */
export const isProbeCountryCode = (code: string): boolean => isCountryCode(code) || PROBE_ONLY_COUNTRY_CODES.includes(code);

/**
 * Codes people type for a country that ISO 3166-1 spells otherwise: reserved or EU-usage
 * codes (UK, EL), and any alpha-3, numeric code or name `getCountry`/`countryCodeByName` knows.
 */
const CODE_MISTAKES: Record<string, string> = { UK: 'GB', EL: 'GR' };

/** The assigned alpha-2 code a mistyped country most likely meant, or undefined. */
export function countryCodeHint(value: string): string | undefined {
  const v = value.trim();
  const up = v.toUpperCase();
  if (CODE_MISTAKES[up]) return CODE_MISTAKES[up];
  if (up.length === 2) return undefined;
  return getCountry(up)?.alpha2 ?? countryCodeByName(v);
}

export const getRegion = (code: string): Region | undefined => regions.get(code);

export const isRegionCode = (code: string): boolean => regions.has(code);

/** Countries a region may be listed under: its own, plus RU/UA for the disputed areas. */
export function regionCountries(code: string): string[] {
  const r = regions.get(code);
  if (!r) return [];
  return [...new Set([r.country, ...(r.disputed?.equivalents.map((c) => c.slice(0, 2)) ?? [])])];
}

/** All subdivisions of a country (top level and nested), sorted by code. */
export const regionsOf = (country: string): Region[] => [...regions.values()].filter((r) => r.country === country).sort((a, b) => a.code.localeCompare(b.code));

export const allCountries = (): Country[] => [...countries.values()];

/**
 * Country names as other datasets spell them (Access Now STOP, Top10VPN), beyond ISO's own
 * English short names. Somaliland is not an ISO country: it is coded under Somalia (SO) and
 * callers record that choice.
 */
/** Names coded under another country's code: the area they name is part of that country. */
const CODED_UNDER_ANOTHER = new Set(['somaliland']);
export const codedUnderAnother = (name: string): boolean => CODED_UNDER_ANOTHER.has(name.trim().toLowerCase());

const NAME_ALIASES: Record<string, string> = {
  'iran (islamic republic of)': 'IR',
  iran: 'IR',
  turkey: 'TR',
  'north korea': 'KP',
  'south korea': 'KR',
  'congo (democratic republic of the)': 'CD',
  'democratic republic of the congo': 'CD',
  somaliland: 'SO',
  'venezuela (bolivarian republic of)': 'VE',
  venezuela: 'VE',
  'united kingdom': 'GB',
  laos: 'LA',
  russia: 'RU',
  'russian federation': 'RU',
  china: 'CN',
  syria: 'SY',
  vietnam: 'VN',
  tanzania: 'TZ',
  palestine: 'PS',
  'united states': 'US',
};

const byName = new Map([...countries.values()].map((c) => [c.name.toLowerCase(), c.alpha2]));

/** ISO alpha-2 for a country name (ISO short name or a known alias), or undefined. */
export function countryCodeByName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  return byName.get(key) ?? NAME_ALIASES[key];
}
