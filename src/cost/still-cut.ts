/**
 * A year in which a long shutdown was no longer whole, as that year's record says. STOP repeats
 * an ongoing shutdown once per count_year and rewrites its text to say how it stands: Tigray's
 * records of 2020 and 2021 say "the internet services remain inaccessible", those of 2022–2025
 * "remain largely inaccessible"; Amhara's record of 2023 says the shutdown "is still in place",
 * those of 2024–2025 "still mostly in place despite some returns to limited connectivity".
 * Priced as a whole cut every year, the later years count people who were back online.
 *
 * "Largely" and "mostly" say more than half of the area's use was still cut, and no more: the
 * share cut that year is uniform between one half and all of it (the middle, 75 %, is its
 * median). It is the convention "parts of" follows for an unstated part (docs/design/012), on the
 * upper half. Only a record's own year is read, and only a present-tense statement ("remain
 * largely inaccessible", "is still mostly in place"): "access had been largely cut off since
 * Nov. 16, 2024" tells how a new record began, not how an old one stands. The rule and its
 * figures are in docs/design/014-price-of-an-hour.md (Decision 20).
 */

import type { ScenarioInput } from './scenario.js';

/** The statement: a verb of continuing, then "largely" or "mostly", then a state of being cut. */
const STILL_LARGELY_CUT =
  /\b(?:remains?|remained|(?:is|are)\s+still|still)\s+(?:largely|mostly)\s+(?:inaccessible|in\s+place|cut\s*off|offline|unavailable|disconnected|shut\s+down)\b/i;

/** The share of the area's use still cut in such a year: uniform between half and all of it. */
export const LARGELY_CUT = { low: 0.5, high: 1 } as const;

/** The statement a year's text makes that the cut was largely, not wholly, in place; null if none. */
export function stillLargelyCut(text: string): string | null {
  return STILL_LARGELY_CUT.exec(text)?.[0] ?? null;
}

/** The count_years whose record says the cut was largely in place, each with its quote, earliest first. */
export function largelyCutYears(byYear: ReadonlyMap<number, string> | undefined): { year: number; quote: string }[] {
  const out: { year: number; quote: string }[] = [];
  for (const [year, text] of byYear ?? []) {
    const quote = stillLargelyCut(text);
    if (quote) out.push({ year, quote });
  }
  return out.sort((a, b) => a.year - b.year);
}

/**
 * A network cut whose records say, for some years, that it was largely but not wholly in place:
 * those years are priced at LARGELY_CUT of the area (scenario `still_cut`), and so are the years
 * after the latest record when it is one of them. Blocks and throttles are left alone, and so is
 * a cut with no such year.
 */
export function stillLargelyCutYears(byYear: ReadonlyMap<number, string> | undefined, input: ScenarioInput, mapping: string[]): void {
  if (!input.type || !['full', 'mobile', 'fixed'].includes(input.type)) return;
  const years = largelyCutYears(byYear);
  if (!years.length) return;
  const basis = years.map((y) => `${y.year}: "${y.quote}"`).join('; ');
  // The latest record says how the cut stands after it too (an ongoing event priced with --end).
  const later = years.at(-1)!.year === Math.max(...byYear!.keys());
  input.still_cut = { years: years.map((y) => y.year), later, low: LARGELY_CUT.low, high: LARGELY_CUT.high, basis };
  mapping.push(
    `its records say the cut was largely, not wholly, in place in ${years.map((y) => y.year).join(', ')}${later ? ' and after (its latest record)' : ''} (${basis}): those years priced as ${LARGELY_CUT.low * 100}–${LARGELY_CUT.high * 100} % of the area cut off (uniform)`,
  );
}
