/**
 * A region known by one name for several units (an alias group: "Kurdistan" is Erbil, Duhok,
 * Sulaymaniyah and Halabja; "South-East" Nigeria's five states) named right after a unit inside
 * it, with a comma or a locating word between ("Sulaymaniyah, Kurdistan"), says where that unit
 * is, as "Pulwama, Jammu and Kashmir" does: it is context, not the area. Named alone, first, or
 * joined by "and" it is the area. area-aliases.ts marks where a group's units stand in the text
 * (with characters no name holds); the geocoder asks which of its picks a group only locates.
 * Pure (docs/design/012).
 */
import type { Unit } from './gazetteer.js';
import { nameWords, type NameWord } from './unmatched.js';

/** Around the units an alias of several units stands for (private-use characters: no word holds them). */
export const GROUP_OPEN = '\uE000';
export const GROUP_CLOSE = '\uE001';

export interface Span {
  /** Positions among the text's name words: from (inclusive) to (exclusive). */
  from: number;
  to: number;
}

/** Where the alias groups of a text (as area-aliases.ts wrote them) stand among its name words. */
export function groupSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let i = text.indexOf(GROUP_OPEN); i >= 0; i = text.indexOf(GROUP_OPEN, i + 1)) {
    const j = text.indexOf(GROUP_CLOSE, i);
    if (j < 0) break;
    spans.push({ from: nameWords(text.slice(0, i)).length - 1, to: nameWords(text.slice(0, j)).length - 1 });
  }
  return spans;
}

interface Pick {
  m: { at: number; words: string[] };
  unit: Unit;
}

const LOCATING = /^(in|of|at|within|inside)$/;
const regionKey = (u: Unit): string => (u.kind === 'admin1' ? u.key : u.admin1);

/**
 * Of the units taken (`taken`, one per unit), those a group only locates: every unit of a group
 * named right after a taken unit that lies in one of the group's units (`picked`: every match of
 * the text, before a unit named twice was kept once, so a group still counts the unit it repeats).
 */
export function locatingGroups<P extends Pick>(spans: readonly Span[], picked: readonly Pick[], taken: readonly P[], layout: readonly NameWord[]): Set<P> {
  const out = new Set<P>();
  for (const s of spans) {
    const within = (p: Pick) => p.m.at >= s.from && p.m.at < s.to;
    const group = new Set(picked.filter(within).map((p) => regionKey(p.unit)));
    const before = taken.find((p) => !within(p) && p.m.at + p.m.words.length === s.from);
    const w = layout[s.from];
    const locates = !!w && w.seps.every((x) => x === ',') && (w.seps.length > 0 || w.before.some((t) => LOCATING.test(t)));
    if (group.size < 2 || !before || !locates || !group.has(regionKey(before.unit))) continue;
    for (const p of taken) if (within(p) && p.unit !== before.unit) out.add(p);
  }
  return out;
}
