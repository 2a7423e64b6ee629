/**
 * A part of a named unit whose size the text does not state: "Islamabad and parts of
 * Khyber-Pakhtunkhwa and Punjab", "Parts of Birbhum, Malda, and Murshidabad Districts", "Several
 * parts of Rajasthan", "Central and southern parts of the Gaza Strip", and units not counted,
 * "Several cities in Uttar Pradesh", "Various districts in Bihar". Read by its names alone
 * such an area is every unit it names, whole. Which part was cut is not recorded, so a region or
 * district named in the phrase's reach counts for half of its people: the expected share of a part
 * whose size is uniform between none of the unit and all of it. A town or city named there stays
 * whole (a part of a town is not told apart).
 * The phrase reaches to the end of its list item ("Parts of Balochistan and Ali Pur Chatha,
 * Bhakkar, …": Balochistan, not the towns after the comma), or through a list that a plural unit
 * noun closes ("Parts of Birbhum, Malda, and Murshidabad Districts"). Names before it
 * ("Islamabad and …") are whole. Pure: counts the same words the geocoder matches names in.
 */
import { normName, words } from './gazetteer.js';

/** The expected share of a unit that a part of unstated size holds. */
export const PART_SHARE = 0.5;

export interface PartRange {
  /** Positions among the text's name words (those normName keeps, as the geocoder counts them): from (inclusive) to (exclusive). */
  from: number;
  to: number;
  phrase: string;
}

/** A list item that closes with a plural unit noun: the units listed before it are of that kind. */
const CLOSED = /\b(?:districts|governorates|provinces|states|regions|oblasts|counties|townships)\s*$/i;

const QUANTIFIER = /^(?:several|various|many|some|multiple|numerous)$/;
const UNITS = /^(?:cities|towns|villages|districts|areas|places|parts|regions|provinces|states|governorates|oblasts)$/;

/**
 * The phrase that makes what follows a part, starting at word i: "parts of", "areas of", or a
 * number of units not stated, "several cities in", "various districts in", "multiple areas in".
 */
function phraseAt(raw: readonly string[], i: number): string | null {
  if (/^(?:parts|areas)$/.test(raw[i]!) && raw[i + 1] === 'of') return `${raw[i]} of`;
  if (!QUANTIFIER.test(raw[i]!)) return null;
  const j = raw[i + 1] === 'other' ? i + 2 : i + 1;
  return UNITS.test(raw[j] ?? '') && /^(?:in|of|across)$/.test(raw[j + 1] ?? '') ? raw.slice(i, j + 2).join(' ') : null;
}

/** How many of these words are name words (those normName keeps, as the geocoder counts them). */
const nameWords = (ws: readonly string[]): number => ws.filter((t) => normName(t).length).length;

/** The ranges of name words that "parts of", "areas of" or "several cities in" makes parts, in order. */
export function partRanges(text: string): PartRange[] {
  const items = text.split(/[,;()]/);
  const itemWords = items.map(words);
  const sizes = itemWords.map(nameWords);
  const out: PartRange[] = [];
  let kept = 0;
  for (let k = 0; k < items.length; k++) {
    const raw = itemWords[k]!;
    let before = 0;
    for (let i = 0; i < raw.length; i++) {
      const phrase = phraseAt(raw, i);
      if (phrase) {
        const closer = CLOSED.test(items[k]!) ? k : items.findIndex((x, j) => j > k && CLOSED.test(x) && !/\b(?:parts|areas) of\b/i.test(x));
        const last = closer < 0 ? k : closer;
        const to = kept + sizes[k]! + sizes.slice(k + 1, last + 1).reduce((s, n) => s + n, 0);
        const inPhrase = nameWords(phrase.split(' '));
        out.push({ from: kept + before + inPhrase, to, phrase });
        break;
      }
      if (normName(raw[i]!).length) before++;
    }
    kept += sizes[k]!;
  }
  return out;
}

/** The range a name word at `at` falls in, if any. */
export const partAt = (ranges: readonly PartRange[], at: number): PartRange | undefined => ranges.find((r) => at >= r.from && at < r.to);
