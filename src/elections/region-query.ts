/**
 * A user's --region as people write it, to the ISO 3166-2 code the stations carry. Exact names
 * (the CEC's, the English and Russian table names, codes) come first (region.ts); then the
 * common short forms: the name without its designator ("Tatarstan", "Dagestan", "Moscow
 * Oblast" vs "Moscow city"), the designator before or after ("Republic of X", "X Republic",
 * "X Krai", "X Oblast", "X Region", "X Territory", "X Autonomous Okrug"), the usual English
 * short names (Chechnya, Yakutia, Bashkiria, Udmurtia, ...). A short form that fits several
 * regions ("Altai": the republic and the krai) is a VALIDATION error listing the candidates,
 * never a silent pick; a designator in the query picks among them ("Altai Republic").
 */
import { RU_REGIONS } from '../geo/index.js';
import { AppError } from '../shared/index.js';
import { regionCode } from './region.js';

type Kind = 'republic' | 'oblast' | 'krai' | 'okrug' | 'city';

/** Designator words and what they say about the region; "autonomous", "of", "the" say nothing. */
const DESIGNATORS: Record<string, Kind | null> = {
  republic: 'republic',
  respublika: 'republic',
  республика: 'republic',
  oblast: 'oblast',
  obl: 'oblast',
  region: 'oblast',
  область: 'oblast',
  обл: 'oblast',
  krai: 'krai',
  kray: 'krai',
  territory: 'krai',
  край: 'krai',
  okrug: 'okrug',
  area: 'okrug',
  ao: 'okrug',
  округ: 'okrug',
  city: 'city',
  gorod: 'city',
  город: 'city',
  г: 'city',
  autonomous: null,
  автономный: null,
  автономная: null,
  federal: null,
  of: null,
  the: null,
};

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

const words = (s: string): string[] =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\bst\.?(?=\s)/g, 'saint')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The name without designators (its core) and the kind its designators say, if any. */
function parse(s: string): { core: string; kind: Kind | null } {
  let kind: Kind | null = null;
  const core: string[] = [];
  for (const w of words(s)) {
    if (w in DESIGNATORS) kind = DESIGNATORS[w] ?? kind;
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
    // a parenthesised part is a name of its own too: "Республика Саха (Якутия)"
    const names = [e.en, e.ru, ...e.aliases, ...(SHORT_NAMES[e.code] ?? [])].flatMap((n) => [
      n,
      n.replace(/\s*\([^)]*\)/g, ''),
      ...(n.match(/(?<=\()[^)]+(?=\))/g) ?? []),
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
