/**
 * Names a text spells differently from the gazetteer: possessives ("Kachin's Indawgyi township"
 * is Indawgyi inside Kachin) and near-misses (typos and transliterations: "Vologograd",
 * "Slovyansk", "Sistan and Baluchistan"). A near-miss is accepted only when it is unambiguous:
 * the name has at least 7 letters and the same first letter, is at most 1 edit away (2 from 10
 * letters; an edit is an insertion, deletion, substitution or swap of neighbours, a vowel for a
 * vowel counting half, spaces ignored), and every unit that close is one unit of the country (or
 * the same name nested: a town, the district named after it, the region). The geocoder tries it
 * only on words no exact name matched, and keeps it only inside the regions and districts the
 * text names exactly (geocode.ts).
 */
import { isWeak, normName, type CountryIndex, type Unit } from './gazetteer.js';

export const NEAR_MIN_LETTERS = 7;
export const maxEdits = (letters: number): number => (letters >= 10 ? 2 : 1);

const VOWEL = /[aeiouy]/;

/**
 * Optimal string alignment distance (insert, delete, substitute, swap neighbours: 1 each), where a
 * vowel written for another vowel counts half (transliterations differ most in vowels: Mehasana,
 * Mahesana). Returns more than `limit` as soon as it must exceed it.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const cap = limit * 2 + 1; // in half edits
  if (Math.abs(a.length - b.length) * 2 >= cap) return cap / 2;
  const bVowel = Array.from({ length: b.length }, (_, j) => VOWEL.test(b[j]!));
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j * 2);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i * 2];
    let best = i * 2;
    const x = a[i - 1]!;
    const xVowel = VOWEL.test(x);
    for (let j = 1; j <= b.length; j++) {
      const y = b[j - 1]!;
      const sub = x === y ? 0 : xVowel && bVowel[j - 1] ? 1 : 2;
      let d = Math.min(prev[j]! + 2, cur[j - 1]! + 2, prev[j - 1]! + sub);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) d = Math.min(d, prev2[j - 2]! + 2);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best >= cap) return cap / 2;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length]!, cap) / 2;
}

interface NearIndex {
  /** Name keys with their spaces removed, and the keys behind each. */
  compact: { c: string; keys: string[] }[];
  /** Bigram → indexes into `compact` (a q-gram filter: a near name shares most bigrams). */
  grams: Map<string, number[]>;
  /** Shared bigrams per index of `compact`, all zero between calls (nearName's counter). */
  shared: Int32Array;
}

const bigrams = (s: string): Set<string> => {
  const g = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) g.add(s.slice(i, i + 2));
  return g;
};

const nearIndexes = new WeakMap<CountryIndex, NearIndex>();

function nearIndex(idx: CountryIndex): NearIndex {
  const hit = nearIndexes.get(idx);
  if (hit) return hit;
  const byCompact = new Map<string, string[]>();
  for (const key of idx.names.keys()) {
    const c = key.replace(/ /g, '');
    if (c.length >= NEAR_MIN_LETTERS - 2) byCompact.set(c, [...(byCompact.get(c) ?? []), key]);
  }
  const compact = [...byCompact].map(([c, keys]) => ({ c, keys }));
  const grams = new Map<string, number[]>();
  compact.forEach(({ c }, i) => {
    for (const g of bigrams(c)) {
      const list = grams.get(g);
      if (list) list.push(i);
      else grams.set(g, [i]);
    }
  });
  const ni = { compact, grams, shared: new Int32Array(compact.length) };
  nearIndexes.set(idx, ni);
  return ni;
}

/** Units that are the same name nested (a place in a district in a region), or none if they are not. */
function oneUnit(units: Unit[]): boolean {
  const a1 = new Set(units.map((u) => (u.kind === 'admin1' ? u.key : u.admin1)));
  if (a1.size !== 1) return false;
  const a2 = units.filter((u) => u.kind === 'admin2');
  const pl = units.filter((u) => u.kind === 'place');
  if (units.filter((u) => u.kind === 'admin1').length > 1 || a2.length > 1) return false;
  return pl.length <= 1 || (a2.length === 1 && pl.every((p) => p.admin2 === a2[0]!.key));
}

export interface NearMatch {
  /** The gazetteer name key matched. */
  key: string;
  units: Unit[];
  /** Edits between the text's name and the key (a vowel for a vowel counts half; 0: same letters, spaced differently). */
  edits: number;
}

/** The one unit near the words (spaces ignored), or null if none or more than one is that close. */
export function nearName(idx: CountryIndex, tokens: string[]): NearMatch | null {
  if (isWeak(tokens)) return null;
  const q = tokens.join('');
  if (q.length < NEAR_MIN_LETTERS) return null;
  const k = maxEdits(q.length);
  const ni = nearIndex(idx);
  const qg = bigrams(q);
  const need = qg.size - 4 * k; // an edit breaks at most 3 bigrams (a swap), a half edit 2 (a vowel)
  // the names sharing a bigram with the words, in the order first met, with how many they share
  const { shared } = ni;
  const met: number[] = [];
  for (const g of qg)
    for (const i of ni.grams.get(g) ?? []) {
      if (shared[i] === 0) met.push(i);
      shared[i]!++;
    }
  const candidates = met.filter((i) => shared[i]! >= need);
  for (const i of met) shared[i] = 0;
  let best: NearMatch | null = null;
  const units = new Set<Unit>();
  for (const i of candidates) {
    const { c, keys } = ni.compact[i]!;
    if (c[0] !== q[0]) continue; // typos and transliterations keep the first letter (Lingapur is not Singapur)
    const d = editDistance(q, c, k);
    if (d > k) continue;
    for (const key of keys) {
      for (const u of idx.names.get(key) ?? []) units.add(u);
      if (!best || d < best.edits) best = { key, units: idx.names.get(key) ?? [], edits: d };
    }
  }
  return best && oneUnit([...units]) ? { ...best, units: [...units] } : null;
}

/**
 * "Kachin's Indawgyi township" → "Kachin, Indawgyi township": a possessive whose owner is a name
 * of the country (and which is not itself part of a name, as in "Cox's Bazar") says the rest is
 * inside it.
 */
export function splitPossessives(idx: CountryIndex, text: string): string {
  return text.replace(/([\p{L}\p{M}][\p{L}\p{M}.-]*)['’`ʼ]s\b/gu, (m, owner: string, offset: number) => {
    const before = normName(text.slice(0, offset)).slice(-3);
    const after = normName(text.slice(offset + m.length)).slice(0, 3);
    const own = normName(owner);
    // The owner may be several words ("Jammu and Kashmir's"): the longest that is a name.
    const isName = [3, 2, 1].some((n) => n <= before.length + own.length && idx.names.has([...before, ...own].slice(-n).join(' ')));
    const poss = normName(m);
    const partOfName = [0, 1, 2, 3].some((n) => idx.names.has([...poss, ...after.slice(0, n)].join(' ')));
    return isName && !partOfName ? `${owner},` : m;
  });
}
