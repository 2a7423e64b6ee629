/**
 * Near-duplicate STOP records: the sheet sometimes lists one shutdown twice (Iran, 16 November
 * 2019, once ending on the 23rd and once on the 24th). Two record groups are the same shutdown
 * when they have the same identity (country, type, network, extent, normalised area, affected
 * services) and
 *   - the same start date, with ends at most 3 days apart (or both still open), or
 *   - both ended, and their day ranges overlap by at least 2 days and by at least half of the
 *     shorter one.
 * Renewals (a new order starting on the day the last one ended) overlap by one day only and stay
 * separate shutdowns; so do open-ended records with different starts. The rule is documented in
 * docs/design/002-stop-import.md.
 */
import { keepOrder } from './order.js';
import type { StopRow } from './parse.js';

const DAY = 86_400_000;
const MAX_END_GAP_DAYS = 3;

/** Lower case, every run of other characters one space: how area and service texts compare. */
export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
/** Area names that mean the whole country ("Nationwide", "National", "Entire country", ...). */
const NATIONAL_AREA =
  /^(nationwide|national|nation wide|entire country|whole country|the whole country|countrywide|country wide|across the country|all regions)$/;

/** Words that say what kind of area a name is, not which: "Saharanpur district, Uttar Pradesh state" is "Saharanpur (Uttar Pradesh)". */
const AREA_DESIGNATORS = new Set(['and', 'in', 'of', 'the', 'district', 'districts', 'state', 'province', 'region', 'city', 'town', 'area', 'areas']);

/**
 * An area name as the set of its naming words, in any order ("Kherson, Melitopol" is
 * "Melitopol, Kherson"); every name of the whole country is one area.
 */
export function areaIdentity(area: string): string {
  const a = norm(area);
  if (NATIONAL_AREA.test(a)) return 'nationwide';
  const words = [...new Set(a.split(' ').filter((w) => w && !AREA_DESIGNATORS.has(w)))].sort();
  return words.length ? words.join(' ') : a;
}

/** What must match for two record groups to be one shutdown (dates aside). */
export function stopIdentity(r: StopRow): string {
  const area = areaIdentity(r.area_name);
  const services = [
    r.facebook_affected,
    r.twitter_affected,
    r.whatsapp_affected,
    r.instagram_affected,
    r.telegram_affected,
    r.other_affected,
    r.sms_affected,
    r.phonecall_affected,
  ]
    .map(norm)
    .join(',');
  // A shutdown of the full network cuts every service: the services a record also lists
  // ("Full network, Service-based", social media) do not make it another shutdown.
  const full = /full network/i.test(r.shutdown_extent);
  return [r.country, r.shutdown_type, r.affected_network, full ? 'full network' : r.shutdown_extent, area, full ? '*' : services].join('|');
}

interface Span {
  key: string;
  start: number;
  end: number | null;
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

function same(a: Span, b: Span): boolean {
  if (a.start === b.start) return (a.end === null && b.end === null) || (a.end !== null && b.end !== null && Math.abs(a.end - b.end) <= MAX_END_GAP_DAYS * DAY);
  if (a.end === null || b.end === null) return false;
  const overlap = (Math.min(a.end, b.end) - Math.max(a.start, b.start)) / DAY + 1;
  const shorter = Math.min(a.end - a.start, b.end - b.start) / DAY + 1;
  return overlap >= 2 && overlap >= shorter / 2;
}

/**
 * For groups of records (key → rows, each group one event), the groups that duplicate another:
 * duplicate key → kept key. The kept group is the one whose latest record ranks first by
 * `keepOrder` (the latest count_year, then the earlier start, the earlier end, the cells): its
 * dates are the event's, the others are cited beside it. Neither the choice nor the pairs depend
 * on the order of the groups or of the file's rows.
 */
export function findDuplicates(groups: Map<string, StopRow[]>): Map<string, string> {
  const byIdentity = new Map<string, (Span & { latest: StopRow })[]>();
  for (const [key, rows] of groups) {
    const latest = [...rows].sort((a, b) => b.count_year.localeCompare(a.count_year))[0]!;
    const start = day(latest.start_date);
    const end = latest.end_date ? day(latest.end_date) : null;
    if (!Number.isFinite(start) || (end !== null && (!Number.isFinite(end) || end < start))) continue;
    const id = stopIdentity(latest);
    byIdentity.set(id, [...(byIdentity.get(id) ?? []), { key, start, end, latest }]);
  }
  const out = new Map<string, string>();
  const rank = (x: { key: string; latest: StopRow }, y: { key: string; latest: StopRow }) => keepOrder(x.latest, y.latest) || x.key.localeCompare(y.key);
  for (const spans of byIdentity.values()) {
    if (spans.length < 2) continue;
    // Best-ranked first: a group is kept before any it matches is looked at, so the kept group of
    // a pair is never folded into a third one afterwards (no chain).
    for (const a of [...spans].sort(rank)) {
      if (out.has(a.key)) continue;
      const matches = spans.filter((b) => b !== a && !out.has(b.key) && same(a, b));
      for (const m of matches) out.set(m.key, a.key);
    }
  }
  // Repeats whose services were revised, then repeats whose area was corrected, where no rule
  // before already joined them.
  for (const revised of [revisedRepeats(groups, servicesRevised), revisedRepeats(groups, areaCorrected)]) {
    const joined = new Set([...out.keys(), ...out.values()]);
    for (const [dup, kept] of revised) if (!joined.has(dup) && !joined.has(kept)) out.set(dup, kept);
  }
  return out;
}

/** What a later year's listing of an ongoing shutdown keeps when it revises one part of the record, and whether it must also cite a source in common. */
interface Revision {
  identity: (r: StopRow) => string;
  sharedSource: boolean;
}

/** The identity without the services: a later listing revising its list of services. */
const servicesRevised: Revision = { identity: (r) => stopIdentity(r).replace(/\|[^|]*$/, ''), sharedSource: false };

/**
 * The identity without the area (the services kept): a later listing correcting the area
 * ("Nationwide" in 2023, "Jammu & Kashmir" from 2024, "Later court proceedings confirmed that the
 * blocks were in fact limited to Jammu & Kashmir"). Another area could be another shutdown
 * begun the same day, so the two listings must also cite a source in common.
 */
const areaCorrected: Revision = {
  identity: (r) =>
    stopIdentity(r)
      .split('|')
      .filter((_, i) => i !== 4)
      .join('|'),
  sharedSource: true,
};

/** The pages a record cites (its `info_source_link` cell), by address. */
const sourcesOf = (r: StopRow) => new Set(r.info_source_link.match(/https?:\/\/[^\s;,"<>]+/g)?.map((u) => u.replace(/[).]+$/, '')) ?? []);

/**
 * A record still open in its count_year and listed again from a later count_year with the same
 * start and kind and one part revised (the list of services, or the area: `revision`) is one
 * ongoing shutdown, not two:
 * Uzbekistan's blocks from 3 November 2021 are "Entire country" (2021: Facebook, Instagram,
 * Telegram, …) and "Nationwide" (2022: Twitter, WeChat, VKontakte added, ended 1 August 2022).
 * The yearly-repeat key keeps them apart (the services differ), and both were priced for 2021.
 * The later listing is kept: as with any repeat, the latest year's record gives the fields (its
 * end). Duplicate key → kept key.
 */
function revisedRepeats(groups: Map<string, StopRow[]>, revision: Revision): Map<string, string> {
  const byRepeat = new Map<string, { key: string; open: boolean; from: number; to: number; sources: Set<string> }[]>();
  for (const [key, rows] of groups) {
    const years = rows.map((r) => Number(r.count_year)).filter(Number.isFinite);
    if (!years.length) continue;
    const latest = [...rows].sort((a, b) => b.count_year.localeCompare(a.count_year))[0]!;
    const id = `${revision.identity(latest)}|${latest.start_date}`;
    const sources = new Set(rows.flatMap((r) => [...sourcesOf(r)]));
    byRepeat.set(id, [...(byRepeat.get(id) ?? []), { key, open: !latest.end_date, from: Math.min(...years), to: Math.max(...years), sources }]);
  }
  const out = new Map<string, string>();
  for (const listings of byRepeat.values()) {
    if (listings.length < 2) continue;
    for (const a of listings) {
      // The listing that follows an open one: the earliest that begins after its last year.
      const follows = (b: (typeof listings)[number]) =>
        b !== a && a.open && b.from > a.to && (!revision.sharedSource || [...b.sources].some((u) => a.sources.has(u)));
      const next = listings.filter(follows).sort((x, y) => x.from - y.from || x.key.localeCompare(y.key))[0];
      if (next) out.set(a.key, next.key);
    }
  }
  // A chain (2021 → 2022 → 2023) ends at its last listing.
  for (const [dup, kept] of out) {
    let k = kept;
    while (out.has(k)) k = out.get(k)!;
    out.set(dup, k);
  }
  return out;
}
