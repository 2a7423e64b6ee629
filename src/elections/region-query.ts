/**
 * A user's --region as people write it, to the ISO 3166-2 code the stations carry. Exact names
 * (the CEC's, the English and Russian table names, codes) come first (region.ts); then the
 * common short forms: the name without its designator ("Tatarstan", "Dagestan", "Moscow
 * Oblast" vs "Moscow city"), the designator before or after ("Republic of X", "X Republic",
 * "X Krai", "X Oblast", "X Region", "X Territory", "X Autonomous Okrug"), the usual English
 * short names (Chechnya, Yakutia, Bashkiria, Udmurtia, ...), and Russian names in Latin letters
 * however romanised ("Moskovskaya oblast", "Permskiy kray"). A short form that fits several
 * regions ("Altai": the republic and the krai) is a VALIDATION error listing the candidates,
 * never a silent pick; a designator in the query picks among them ("Altai Republic").
 */
import { RU_REGIONS } from '../geo/index.js';
import { AppError } from '../shared/index.js';
import { regionCode } from './region.js';

type Kind = 'republic' | 'oblast' | 'krai' | 'okrug' | 'city';

/** Designator words (English, Russian, romanised Russian) and what they say about the region; "autonomous", "of", "the" say nothing. */
const DESIGNATOR_WORDS: [Kind | null, string[]][] = [
  ['republic', ['republic', 'respublika', 'республика', 'resp']],
  ['oblast', ['oblast', 'obl', 'region', 'область', 'обл']],
  ['krai', ['krai', 'kray', 'territory', 'край']],
  ['okrug', ['okrug', 'area', 'ao', 'округ']],
  ['city', ['city', 'gorod', 'город', 'г']],
  [null, ['autonomous', 'автономный', 'автономная', 'avtonomny', 'avtonomnyy', 'avtonomnaya', 'federal', 'of', 'the']],
];

/** Short names in common English use that are not a table name minus its designator. */
const SHORT_NAMES: Record<string, string[]> = {
  'RU-CE': ['Chechnya', 'Chechenia'],
  'RU-SA': ['Yakutia', 'Sakha', 'Yakutiya'],
  'RU-BA': ['Bashkiria', 'Bashkortostan'],
  'RU-UD': ['Udmurtia'],
  'RU-CU': ['Chuvashia'],
  'RU-SE': ['North Ossetia', 'Alania', 'North Ossetia-Alania'],
  'RU-KB': ['Kabardino-Balkar', 'Kabardino-Balkaria'],
  'RU-KC': ['Karachay-Cherkessia', 'Karachayevo-Cherkessia'],
  'RU-TY': ['Tyva'],
  'RU-AD': ['Adygeya'],
  'RU-KK': ['Khakasia'],
  'RU-KHM': ['Khanty-Mansiysk', 'Yugra', 'KhMAO'],
  'RU-YAN': ['Yamal', 'Yamalo-Nenets', 'YaNAO'],
  'RU-KEM': ['Kuzbass'],
  'RU-ZAB': ['Zabaikalsky', 'Transbaikal', 'Transbaikalia'],
  'RU-PRI': ['Primorye'],
  'RU-NIZ': ['Nizhniy Novgorod'],
  'RU-SPE': ['Petersburg', 'Sankt-Peterburg'],
  'RU-MOS': ['Podmoskovye'],
  'RU-ORL': ['Orel'],
  'UA-43': ['Krym'],
};

/** Cyrillic letters romanised (BGN/PCGN, hard and soft signs dropped). */
const ROMAN = 'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya'.split(' ');
const LATIN = new Map([...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((c, k) => [c, ROMAN[k] === '-' ? '' : ROMAN[k]!]));

/**
 * One spelling for the ways a Russian name is written in Latin letters: Cyrillic romanised, then
 * kh/h, ts/tz/c, shch/sch/sh, y/i/j and doubled letters folded ("Moskovskaya", "Moskovskaja",
 * "Московская" are one word; so are "Yakutiya" and "Yakutia", "Permskiy" and "Permsky").
 */
function fold(word: string): string {
  return [...word]
    .map((c) => LATIN.get(c) ?? c)
    .join('')
    .replace(/shch|sch/g, 'sh')
    .replace(/kh/g, 'h')
    .replace(/ts|tz/g, 'c')
    .replace(/[yj]/g, 'i')
    .replace(/['’ʹ]/g, '')
    .replace(/(.)\1+/g, '$1');
}

const DESIGNATORS = new Map<string, Kind | null>(DESIGNATOR_WORDS.flatMap(([kind, ws]) => ws.map((w) => [fold(w), kind] as const)));

const words = (s: string): string[] =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\bst\.?(?=\s)/g, 'saint')
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter(Boolean)
    .map(fold)
    .filter(Boolean);

/** The name without designators (its core, folded) and the kind its designators say, if any. */
function parse(s: string): { core: string; kind: Kind | null } {
  let kind: Kind | null = null;
  const core: string[] = [];
  for (const w of words(s)) {
    if (DESIGNATORS.has(w)) kind = DESIGNATORS.get(w) ?? kind;
    else core.push(w);
  }
  return { core: core.join(' '), kind };
}

/** What a region is, from its Russian and alias names. */
function kindOf(names: string[]): Kind {
  const t = names.join(' | ').toLowerCase();
  if (/республик/.test(t)) return 'republic';
  if (/автономный округ/.test(t)) return 'okrug';
  if (/край/.test(t)) return 'krai';
  if (/область/.test(t)) return 'oblast';
  return 'city';
}

interface Candidate {
  code: string;
  en: string;
  kind: Kind;
}

let cores: Map<string, Candidate[]> | null = null;

/** Core name -> the regions that have it (each region once per core). */
function coreIndex(): Map<string, Candidate[]> {
  if (cores) return cores;
  cores = new Map();
  for (const e of RU_REGIONS) {
    const c: Candidate = { code: e.code, en: e.en, kind: kindOf([e.ru, ...e.aliases]) };
    // a parenthesised or dash-separated part is a name of its own too: "Республика Саха
    // (Якутия)", "Ханты-Мансийский автономный округ – Югра"
    const names = [e.en, e.ru, ...e.aliases, ...(SHORT_NAMES[e.code] ?? [])].flatMap((n) => [
      n,
      n.replace(/\s*\([^)]*\)/g, ''),
      ...(n.match(/(?<=\()[^)]+(?=\))/g) ?? []),
      ...n.split(/\s+[-–—]\s+/),
    ]);
    for (const n of names) {
      const core = parse(n).core;
      if (!core) continue;
      const list = cores.get(core) ?? [];
      if (!list.some((x) => x.code === c.code)) list.push(c);
      cores.set(core, list);
    }
  }
  return cores;
}

/**
 * The code a --region value names, or null when it names no Russian region (the caller then
 * matches the value against the stored CEC names). Throws VALIDATION when it fits several.
 */
export function resolveRegion(q: string): string | null {
  const exact = regionCode(q);
  if (exact) return exact;
  const { core, kind } = parse(q);
  const found = coreIndex().get(core) ?? [];
  const fits = kind ? found.filter((c) => c.kind === kind) : found;
  if (fits.length === 1) return fits[0]!.code;
  if (found.length === 1) return found[0]!.code; // "Tatarstan Oblast": the one region of that name, whatever it is called
  if (found.length === 0) return null;
  const list = (fits.length ? fits : found).map((c) => `${c.en} (${c.code})`).join(', ');
  throw new AppError('VALIDATION', `--region "${q}" is ambiguous: it may be ${list}; give the full name or the code`, {
    issues: [{ path: ['region'], message: `ambiguous: ${list}` }],
  });
}

/** Edit distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Regions whose name is a typo away from `q` ("Tatarstn", "Dagestn"), for the error that names no region: "English name (code)". */
export function nearRegions(q: string): string[] {
  const { core } = parse(q);
  if (core.length < 4) return [];
  const max = core.length < 8 ? 1 : 2;
  const out = new Map<string, string>();
  for (const [k, list] of coreIndex()) if (distance(core, k, max) <= max) for (const c of list) out.set(c.code, `${c.en} (${c.code})`);
  return [...out.values()].slice(0, 5);
}
