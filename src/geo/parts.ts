/**
 * A part of a named unit whose size the text does not state: "Islamabad and parts of
 * Khyber-Pakhtunkhwa and Punjab", "Parts of Birbhum, Malda, and Murshidabad Districts", "Several
 * parts of Rajasthan", "Central and southern parts of the Gaza Strip". Read by its names alone
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

/** The ranges of name words that "parts of" or "areas of" makes parts, in order. */
export function partRanges(text: string): PartRange[] {
  const items = text.split(/[,;()]/);
  const sizes = items.map((item) => words(item).filter((t) => normName(t).length).length);
  const out: PartRange[] = [];
  let kept = 0;
  for (let k = 0; k < items.length; k++) {
    const raw = words(items[k]!);
    let before = 0;
    for (let i = 0; i < raw.length; i++) {
      if (/^(?:parts|areas)$/.test(raw[i]!) && raw[i + 1] === 'of') {
        const closer = CLOSED.test(items[k]!) ? k : items.findIndex((x, j) => j > k && CLOSED.test(x) && !/\b(?:parts|areas) of\b/i.test(x));
        const last = closer < 0 ? k : closer;
        const to = kept + sizes[k]! + sizes.slice(k + 1, last + 1).reduce((s, n) => s + n, 0);
        out.push({ from: kept + before, to, phrase: `${raw[i]} of` });
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
