/**
 * Where an area text closes with the regions its names lie in ("…, Udaipur District, Rajasthan",
 * "… districts of Punjab", "… in Jammu and Kashmir"), the districts and places it names lie inside
 * the regions it names: one the gazetteer has only in another region is a homonym, not what the
 * text means ("Kanpur towns and Udaipur city, Udaipur District, Rajasthan" is a town of Udaipur,
 * not Kanpur of Uttar Pradesh, 2.8 M people). Such a name is not taken:
 *  - always, where its words are of a longer name next to it (no list separator between:
 *    "SAS Nagar", "Shastri Nagar", "Bari Ghel"), which is what the text names;
 *  - otherwise unless a region the text names comes right after it, or after a list of such
 *    names ("Kargil town, Jammu and Kashmir"; "…, Kargil, …, Leh (Ladakh), …, in Jammu and
 *    Kashmir"): the text locates it there, and borders move (Kargil is in Ladakh since 2019).
 * A region that is one more item of a list ("Karachi, Lahore and Islamabad"; "Oromia region and
 * Addis Ababa city") holds nothing: its peers are not taken out.
 * Near-misses are held to the same regions (and districts) in geocode.ts. Pure (docs/design/012).
 */
import type { Unit } from './gazetteer.js';
import { namesSomething, type NameWord } from './unmatched.js';

export interface NameMatch {
  words: string[];
  units: Unit[];
  hint: 'district' | 'place' | 'region' | null;
  /** Position of its first word among the text's name words. */
  at: number;
}

/** A match the text gives as a region: an admin-1 unit not called a district, town or city. */
export const namesRegion = (m: NameMatch): boolean => m.hint !== 'district' && m.hint !== 'place' && m.units.some((u) => u.kind === 'admin1');

/** The admin-1 keys of the regions the matches name. */
export const regionsNamed = (matches: readonly NameMatch[]): Set<string> =>
  new Set(matches.filter(namesRegion).flatMap((m) => m.units.filter((u) => u.kind === 'admin1').map((u) => u.key)));

/**
 * Of `matches`, the districts and places not to take: every unit of them lies outside the regions
 * the text names (none where it names no region, or does not close with them). `others` are the
 * text's other names, taken already; `layout` is its name words (nameWords), whose positions the
 * matches' `at` count.
 */
export function outsideNamed<M extends NameMatch>(matches: readonly M[], layout: readonly NameWord[], others: readonly NameMatch[] = []): Set<M> {
  const all = [...others, ...matches];
  const regions = regionsNamed(all);
  const out = new Set<M>();
  if (regions.size === 0 || !closedByRegions(all, layout)) return out;
  const covered = new Set(all.flatMap((m) => m.words.map((_, i) => m.at + i)));
  const startingAt = new Map(all.map((m) => [m.at, m]));
  // a name that is also a region's ("Chandigarh city") is the text naming that region
  const outside = (m: NameMatch) => m.units.every((u) => u.kind !== 'admin1' && !regions.has(u.admin1));
  // a name word right beside it, no list separator or other word between, that no name matched
  const joined = (p: number) => {
    const w = layout[p];
    return !!w && w.t !== '' && !w.sep && w.before.length === 0;
  };
  const ofLonger = (m: NameMatch) => {
    const before = m.at - 1;
    const after = m.at + m.words.length;
    return (
      (before >= 0 && joined(m.at) && !covered.has(before) && namesSomething(layout[before]!.t)) ||
      (joined(after) && !covered.has(after) && namesSomething(layout[after]!.t))
    );
  };
  const located = (m: NameMatch): boolean => {
    const next = startingAt.get(m.at + m.words.length);
    if (!next) return false;
    if (namesRegion(next)) return next.units.some((u) => u.kind === 'admin1' && regions.has(u.key));
    return outside(next) && !ofLonger(next) && located(next);
  };
  for (const m of matches) if (outside(m) && (ofLonger(m) || !located(m))) out.add(m);
  return out;
}

/**
 * Whether the text ends with the regions its names lie in: its last names are regions, after at
 * least one other name, introduced by a comma or a locating word ("of", "in"), not by "and", "or"
 * or "/" as one more item of a list, and followed by no other name.
 */
function closedByRegions(matches: readonly NameMatch[], layout: readonly NameWord[]): boolean {
  const sorted = [...matches].sort((a, b) => a.at - b.at);
  let i = sorted.length - 1;
  const last = sorted[i];
  if (!last || !namesRegion(last) || layout.slice(last.at + last.words.length).some((w) => w.t !== '' && namesSomething(w.t))) return false;
  while (i > 0 && namesRegion(sorted[i - 1]!) && sorted[i - 1]!.at + sorted[i - 1]!.words.length === sorted[i]!.at) i--;
  return i > 0 && (layout[sorted[i]!.at]?.seps ?? []).every((s) => s === ',');
}
