/**
 * A part of a named unit whose size the text does not state: "Islamabad and parts of
 * Khyber-Pakhtunkhwa and Punjab", "Parts of Birbhum, Malda, and Murshidabad Districts", "Several
 * parts of Rajasthan", "Central and southern parts of the Gaza Strip". Read by its names alone
 * such an area is every unit it names, whole. Which part was cut is not recorded, so a region or
 * district named after the phrase counts for half of its people: the expected share of a part
 * whose size is uniform between none of the unit and all of it. A town or city named there stays
 * whole (a part of a town is not told apart). Names before the phrase ("Islamabad and parts of
 * …") are whole. Pure: reads the same words the geocoder matches names in.
 */
import { normName, words } from './gazetteer.js';

/** The expected share of a unit that a part of unstated size holds. */
export const PART_SHARE = 0.5;

export interface PartsFrom {
  /** Position among the text's name words (those normName keeps, as the geocoder counts them) from which named units are parts. */
  at: number;
  phrase: string;
}

/** Where the first "part(s) of" or "areas of" of a text starts its names, or null. */
export function partsFrom(text: string): PartsFrom | null {
  const raw = words(text);
  let kept = 0;
  for (let i = 0; i < raw.length; i++) {
    if (/^(?:parts?|areas)$/.test(raw[i]!) && raw[i + 1] === 'of') return { at: kept, phrase: `${raw[i]} of` };
    if (normName(raw[i]!).length) kept++;
  }
  return null;
}
