/**
 * Names per region code (en/ru/zh) and the reverse: a statistics table's row name to its
 * ISO 3166-2 code, for the countries whose regional statistics we ship (RU, CN). Matching is
 * on a normalised key (case, "ё", dashes and all whitespace removed), because the published
 * tables carry stray double spaces, en/em dashes and glued words ("Khanty-MansiAutonomous").
 */
import { CN_AGGREGATE_RE, CN_PROVINCES } from './cn-provinces.js';
import { RU_AGGREGATE_ROWS, RU_FEDERAL_DISTRICT_RE, RU_REGIONS, type RegionNameEntry } from './ru-regions.js';

export type { RegionNameEntry } from './ru-regions.js';

export const nameKey = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[‐‑‒–—−-]/g, '-');

const ENTRIES: readonly RegionNameEntry[] = [...RU_REGIONS, ...CN_PROVINCES];
const byCode = new Map(ENTRIES.map((e) => [e.code, e]));
const EQUIV: Record<string, string> = { 'RU-CR': 'UA-43', 'RU-SEV': 'UA-40' };

/** What a statistics row name denotes. */
export type NameMatch =
  | { kind: 'region'; code: string }
  | { kind: 'aggregate'; reason: 'country' | 'federal_district' | 'oblast_with_okrugs' | 'total'; includes?: string[] }
  | { kind: 'unknown' };

function buildIndex(country: string): Map<string, NameMatch> {
  const index = new Map<string, NameMatch>();
  if (country === 'RU') {
    for (const a of RU_AGGREGATE_ROWS) for (const n of a.names) index.set(nameKey(n), { kind: 'aggregate', reason: a.kind, includes: a.includes });
  }
  for (const e of ENTRIES.filter((x) => x.country === country)) {
    for (const n of [e.code, e.en, e.ru, e.zh, ...e.aliases]) {
      const k = nameKey(n);
      if (!index.has(k)) index.set(k, { kind: 'region', code: e.code });
    }
  }
  return index;
}

const indexes = new Map<string, Map<string, NameMatch>>();

/** Map a row name from a Rosstat (RU) or NBS (CN) table to a code, an aggregate, or unknown. */
export function matchRegionName(country: string, name: string): NameMatch {
  let index = indexes.get(country);
  if (!index) indexes.set(country, (index = buildIndex(country)));
  const hit = index.get(nameKey(name));
  if (hit) return hit;
  if (country === 'RU' && RU_FEDERAL_DISTRICT_RE.test(name)) return { kind: 'aggregate', reason: 'federal_district' };
  if (country === 'CN' && CN_AGGREGATE_RE.test(name.trim())) return { kind: 'aggregate', reason: 'total' };
  return { kind: 'unknown' };
}

/** Display names of a region code (RU-CR/RU-SEV resolve to UA-43/UA-40). */
export function regionNames(code: string): { en: string; ru: string; zh: string } | undefined {
  const e = byCode.get(EQUIV[code] ?? code);
  return e ? { en: e.en, ru: e.ru, zh: e.zh } : undefined;
}

/** The canonical code of a region we hold statistics for (RU-CR -> UA-43), or undefined. */
export const canonicalStatsRegion = (code: string): string | undefined => (byCode.has(EQUIV[code] ?? code) ? (EQUIV[code] ?? code) : undefined);

/** The regions a country's statistics are reported for, in table order. */
export const statsRegionsOf = (country: string): readonly RegionNameEntry[] => ENTRIES.filter((e) => e.country === country && !('nbs' in e && e.nbs === false));

/** The name tables (for maps and tests). */
export { RU_REGIONS, RU_AGGREGATE_ROWS, CN_PROVINCES };
