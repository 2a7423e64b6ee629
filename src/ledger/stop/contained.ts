/**
 * One shutdown STOP records at two scales: Ethiopia, January 2020, "Kellem Wellega, West
 * Wellega, Horo Gudru Wellega zones" (3 January – 1 April) and "Oromia" (8 January – 31 March),
 * both citing Human Rights Watch's report of the cut in those three zones. The near-duplicate
 * rule (duplicates.ts) compares area names and cannot see it; summed, the shutdown is priced
 * once for the zones and again for the whole region.
 *
 * A record group is the same shutdown as another, finer one when all of these hold:
 *   - one country each, the same; the same category and subtype; for blocks and throttling the
 *     same services;
 *   - the outer group's area is whole first-level regions, every word of it placed (geocode
 *     "ok": no district or town left unplaced that would make it smaller than the region);
 *   - the inner group's places all lie in those regions, at least one below region level;
 *   - both ended, and their day ranges overlap by at least 2 days and by at least half of the
 *     LONGER one (nearly the same dates, not a short order inside a long one);
 *   - they cite a source in common besides STOP itself and Access Now's own pages.
 * The finer group is kept (its area says who was cut off); the outer one is folded into it as a
 * duplicate, like a near-duplicate record. A group already in a near-duplicate pair is left
 * alone. Not linked, on purpose: areas inside a nationwide record (Iraq's Kurdistan exam
 * shutdowns and the federal ones, June 2025, are separate orders), and overlapping orders that
 * cite separate sources (Kashmir Valley, 2 and 3 September 2021: orders 41 and 42 of 2021).
 *
 * The other direction, an order nested in another (rule "nested"): India, 10 September 2025,
 * "Gandoh tehsil, Doda District" cut "on top of the existing shutdown order ... for all of Doda
 * District on the same day". Summed, the place is cut off twice on one day. A record group is
 * folded into another that covers it when:
 *   - one country each, the same; the same category; a shutdown of the same networks or a full
 *     one outside (a full cut covers a mobile one), blocks and throttling of the same services;
 *     neither nationwide (see above);
 *   - both ended, beginning the same day, the inner one ending no later than the outer one;
 *   - the outer area has every word placed (geocode "ok"), and every place of the inner area is
 *     a place of it or lies in a region it names whole.
 * The outer group is kept (its area covers both) and cites the inner record; no common source is
 * needed, as the inner order adds no place and no day to the outer one.
 * The figures are in docs/design/002-stop-import.md.
 */
import type { MappedRow } from './map.js';
import { STOP_SHEET_URL } from './map.js';

const DAY = 86_400_000;

interface Place {
  name: string;
  kind: string;
  region: string | null;
}
interface Fields {
  countries: string[];
  category: string;
  subtype: string;
  scope: string;
  targets: { name: string }[];
  places: Place[];
  geocode: { status: string; text: string } | null;
  start: string;
  end: string | null;
  sources: { url: string }[];
}

const day = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** The sources a group cites besides STOP and Access Now, compared without scheme, "www." or a final "/". */
export function cited(f: Pick<Fields, 'sources'>): Set<string> {
  return new Set(
    f.sources
      .map((s) => s.url)
      .filter((u) => !u.startsWith(STOP_SHEET_URL) && !/^https?:\/\/([a-z0-9-]+\.)*accessnow\.org\//i.test(u))
      .map((u) => u.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/+$/, '')),
  );
}

const kindOf = (f: Fields) =>
  [
    f.countries.join(';'),
    f.category,
    f.subtype,
    f.category === 'shutdown' ? '' : [...new Set(f.targets.map((t) => t.name.toLowerCase()))].sort().join(','),
  ].join('|');

/** The first-level regions an area is, whole; null when it is not only whole regions. */
function wholeRegions(f: Fields): Set<string> | null {
  if (f.scope !== 'regional' || f.geocode?.status !== 'ok' || !f.places.length) return null;
  if (!f.places.every((p) => p.kind === 'region' && p.region)) return null;
  return new Set(f.places.map((p) => p.region!));
}

/** Does `inner` lie in `regions`, below their level somewhere? */
const insideOf = (inner: Fields, regions: Set<string>) =>
  inner.scope !== 'national' &&
  inner.places.length > 0 &&
  inner.places.every((p) => p.region !== null && regions.has(p.region)) &&
  inner.places.some((p) => p.kind !== 'region');

function nearlySameDates(a: Fields, b: Fields): boolean {
  if (a.end === null || b.end === null) return false;
  const [as, ae, bs, be] = [day(a.start), day(a.end), day(b.start), day(b.end)];
  if (![as, ae, bs, be].every(Number.isFinite)) return false;
  const overlap = (Math.min(ae, be) - Math.max(as, bs)) / DAY + 1;
  const longer = Math.max(ae - as, be - bs) / DAY + 1;
  return overlap >= 2 && overlap >= longer / 2;
}

/** Does every place of `inner` lie in `outer`'s area: one of its places, or in a region it names whole? */
function nestedIn(inner: Fields, outer: Fields): boolean {
  // An outer area with words left unplaced ("a bunch of cell towers in Kashmir Valley") may be smaller than its places.
  if (inner.scope === 'national' || outer.scope === 'national' || outer.geocode?.status !== 'ok' || !inner.places.length || !outer.places.length) return false;
  const key = (p: Place) => `${p.kind}|${p.region}|${p.name}`;
  const places = new Set(outer.places.map(key));
  const regions = new Set(outer.places.filter((p) => p.kind === 'region' && p.region).map((p) => p.region));
  return inner.places.every((p) => places.has(key(p)) || (p.region !== null && regions.has(p.region)));
}

/** Both ended, beginning the same day, `inner` ending no later than `outer`. */
function sameDayWithin(inner: Fields, outer: Fields): boolean {
  if (inner.end === null || outer.end === null) return false;
  return day(inner.start) === day(outer.start) && day(inner.end) <= day(outer.end) && Number.isFinite(day(inner.start));
}

/** Larger areas first: more places, then the longer span, then the shorter area text (the one naming no part of the other). */
const wider = (a: { key: string; f: Fields }, b: { key: string; f: Fields }) =>
  b.f.places.length - a.f.places.length ||
  day(b.f.end ?? b.f.start) - day(a.f.end ?? a.f.start) ||
  (a.f.geocode?.text.length ?? 0) - (b.f.geocode?.text.length ?? 0) ||
  a.key.localeCompare(b.key);

export type Fold = { kept: string; rule: 'contained' | 'nested' };

/**
 * For the mapped groups (key → the mapped latest record), the groups folded into another as the
 * same shutdown: folded key → the kept key and the rule ("contained": a finer group's shutdown
 * recorded for a whole region, the finer kept; "nested": an order inside another's area from the
 * same day, the outer kept). Keys in `taken` (groups of a near-duplicate pair) are neither side;
 * a kept group is never folded, so no group is lost through a chain.
 */
export function findContained(mapped: ReadonlyMap<string, MappedRow>, taken: ReadonlySet<string>): Map<string, Fold> {
  const byKind = new Map<string, { key: string; f: Fields }[]>();
  for (const [key, m] of mapped) {
    const f = m.fields as unknown as Fields;
    if (taken.has(key) || f.countries.length !== 1 || f.end === null) continue;
    const k = kindOf(f);
    byKind.set(k, [...(byKind.get(k) ?? []), { key, f }]);
  }
  const out = new Map<string, Fold>();
  const kept = new Set<string>();
  for (const list of byKind.values()) {
    for (const outer of list) {
      const regions = wholeRegions(outer.f);
      if (!regions) continue;
      const sources = cited(outer.f);
      const inner = list.find(
        (x) => x !== outer && !out.has(x.key) && insideOf(x.f, regions) && nearlySameDates(x.f, outer.f) && [...cited(x.f)].some((u) => sources.has(u)),
      );
      if (!inner || kept.has(outer.key)) continue;
      out.set(outer.key, { kept: inner.key, rule: 'contained' });
      kept.add(inner.key);
    }
  }
  // A shutdown's networks: the outer one covers the inner one when they are the same, or the outer is full.
  const byCategory = new Map<string, { key: string; f: Fields }[]>();
  for (const list of byKind.values())
    for (const x of list) {
      const k = x.f.category === 'shutdown' ? `${x.f.countries.join(';')}|shutdown` : kindOf(x.f);
      byCategory.set(k, [...(byCategory.get(k) ?? []), x]);
    }
  const covers = (outer: Fields, inner: Fields) => outer.subtype === inner.subtype || (outer.category === 'shutdown' && outer.subtype === 'full');
  for (const list of byCategory.values()) {
    for (const outer of [...list].sort(wider)) {
      if (out.has(outer.key)) continue;
      for (const inner of list) {
        if (inner === outer || out.has(inner.key) || kept.has(inner.key)) continue;
        if (!covers(outer.f, inner.f) || !sameDayWithin(inner.f, outer.f) || !nestedIn(inner.f, outer.f)) continue;
        out.set(inner.key, { kept: outer.key, rule: 'nested' });
        kept.add(outer.key);
      }
    }
  }
  return out;
}
