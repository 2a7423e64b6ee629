/**
 * Our costs against the public record: every cost-bearing ledger event priced with each method,
 * its periods summed per country and calendar year (the hours of a year go to that year, as in
 * Top10VPN's yearly reports), beside Top10VPN's yearly cost of shutdowns (loaded as the
 * `top10vpn-cost-*` indicators), with the ratio, their hours and users affected beside ours, the
 * events behind our figure and, where we differ by more than 3×, the cause: the factor among
 * hours, users affected and cost per user-hour that differs most. Nothing is fitted to their
 * figures: the comparison is a check, the numbers are the engine's.
 */
import { STOP_END_NOT_RECORDED, listIndicators, type LedgerEvent } from '../ledger/index.js';
import type { z } from 'zod';
import type { ProgressReporter } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { econData, type CountryData } from './data/econ-data.js';
import type { EventOverrides, EventPiece } from './event-scenario.js';
import { DEFAULT_DRAWS } from './scenario.js';
import { eachCountry, technicalEvents, ledgerPriors } from './ledger-events.js';
import { endNotRecorded } from './unknown-end.js';
import { G20 } from './brookings-2016/params.js';
import { nearestYear } from './method-kit.js';
import type { CostCompareSchema } from './schemas.js';
import { priceEvent, type EventCostResult } from './service.js';
import { unweightedTargets } from './platforms.js';
import { geocodeArea, isoNames } from '../geo/index.js';

export const COMPARE_METHOD = 'cost-escalated';

/** What the comparison does, without an end given, with events marked ongoing: one wording for the CLI help and the API notes. */
export const COMPARE_ONGOING_DEFAULT =
  "a network shutdown marked ongoing is priced by STOP's yearly accounting, a block marked ongoing to the end of the year it began; a throttle marked ongoing is not priced";

/** The report's types are those of its published schema (schemas.ts), declared once. */
export type CompareReport = z.infer<typeof CostCompareSchema>;
export type CompareRow = CompareReport['rows'][number];
type Cause = CompareRow['causes'][number];

const TOP10VPN = {
  title: 'Top10VPN, The Global Cost of Internet Shutdowns (2019–2025 reports)',
  url: 'https://www.top10vpn.com/research/cost-of-internet-shutdowns/',
};

function parseNote(note: string | null): { hours: number | null; users: number | null; area: string | null } {
  const h = /duration ([\d.]+) h/.exec(note ?? '');
  const u = /([\d.]+) users affected/.exec(note ?? '');
  const a = /(?:^|; )area: ([^;]+)/.exec(note ?? '');
  return { hours: h ? Number(h[1]) : null, users: u ? Number(u[1]) : null, area: a ? a[1]!.trim() : null };
}

/** The part of a country Top10VPN's rows of a year are for, when every one names an area ("Pakistan - Azad Kashmir"). */
interface TheirArea {
  name: string;
  /** Its ISO 3166-2 regions; empty when the name could not be placed (then the whole country is compared). */
  regions: Set<string>;
}

/**
 * Top10VPN's areas per country and year: set only where all of the year's rows of a country
 * name one, so that a whole-country row is never narrowed by an area row beside it.
 */
export function theirAreas(values: { country: string; period: string; note: string | null }[]): Map<string, TheirArea> {
  const names = new Map<string, (string | null)[]>();
  for (const v of values) {
    const k = `${v.country}|${Number(v.period)}`;
    names.set(k, [...(names.get(k) ?? []), parseNote(v.note).area]);
  }
  const out = new Map<string, TheirArea>();
  for (const [k, list] of names) {
    if (list.some((a) => a === null)) continue;
    const cc = k.split('|')[0]!;
    const named = [...new Set(list as string[])];
    const regions = new Set(named.flatMap((a) => geocodeArea(cc, a, 'regional', isoNames).regions));
    out.set(k, { name: named.join(', '), regions });
  }
  return out;
}

/** Whether an event lies within Top10VPN's area: every region it names is one of the area's. */
const withinArea = (e: LedgerEvent, area: TheirArea): boolean =>
  area.regions.size === 0 || (e.regions.length > 0 && e.regions.every((r) => area.regions.has(r)));

const times = (f: number) => (f >= 1 ? `×${f.toFixed(1)}` : `×1/${(1 / f).toFixed(1)}`);
const big = (n: number) => Math.round(n).toLocaleString('en-US');

/** What a row's events are, for naming the cause: platform blocks, and the events not priced by what they miss. */
export interface RowMix {
  platform_hours: number;
  /** Targets of the year's blocks that the platform table does not weigh, so not priced. */
  unweighted?: Set<string>;
  missing: Record<string, number>;
  /** People in each distinct area cut off in the year ("*" = the whole country): each person counted once. */
  areas: Map<string, number>;
  /** Events marked ongoing that were open in the year but that the comparison's accounting does not count in it. */
  left_out?: string[];
}

/** The events marked ongoing a row leaves out, in words ("" when none). */
const leftOut = (mix: RowMix | undefined): string =>
  mix?.left_out?.length
    ? `${mix.left_out.length} event(s) marked ongoing are open in this year but not counted in it (a block counts in the year it began, a network shutdown through the last year STOP counts it, a throttle only with --end): ${mix.left_out.slice(0, 3).join(', ')}${mix.left_out.length > 3 ? ', …' : ''}`
    : '';

/**
 * Why ours and Top10VPN's differ by more than 3×, factor by factor: hours (events or hours one
 * side counts and the other does not), users affected (who was cut off), and the price of a
 * user-hour (what is left: the economy's value of an hour online, the method, platform weights).
 * The product of the three factors is the ratio; the factors beyond 2× are named, largest first.
 */
export function causesOf(r: CompareRow, mix: RowMix): Cause[] {
  if (r.ratio === null || (r.ratio >= 1 / 3 && r.ratio <= 3)) return [];
  const out: Cause[] = [];
  const ours = r.ours[COMPARE_METHOD] ?? 0;
  const notPriced = Object.entries(mix.missing)
    .map(([f, n]) => `${n} missing ${f}`)
    .join(', ');
  let explained = 1;
  if (r.their_hours && r.our_hours > 0) {
    const f = r.our_hours / r.their_hours;
    explained *= f;
    const longest = r.events
      .filter((e) => e.hours > 0)
      .sort((a, b) => b.hours - a.hours)
      .slice(0, 2)
      .map((e) => `${e.title} (${big(e.hours)} h)`)
      .join('; ');
    const why =
      f > 1
        ? `we count hours Top10VPN does not (events it lacks, or a longer span); our longest: ${longest}`
        : `Top10VPN counts hours we have no event or no end for${notPriced ? `; our events not priced: ${notPriced}` : ''}${leftOut(mix) ? `; ${leftOut(mix)}` : ''}`;
    out.push({
      factor: 'hours',
      ours: Math.round(r.our_hours),
      theirs: r.their_hours,
      ratio: f,
      explanation: `hours: ours ${big(r.our_hours)} h, theirs ${big(r.their_hours)} h (${times(f)}): ${why}`,
    });
  }
  if (r.their_users && r.our_users > 0) {
    const f = r.our_users / r.their_users;
    explained *= f;
    const why =
      f > 1
        ? 'we count more people online in the areas cut off (a wider area, or events Top10VPN lacks)'
        : 'Top10VPN counts more people cut off (a whole region where we count the district or town, or events we lack)';
    out.push({
      factor: 'users affected',
      ours: Math.round(r.our_users),
      theirs: r.their_users,
      ratio: f,
      explanation: `users affected: ours ${big(r.our_users)}, theirs ${big(r.their_users)} (${times(f)}): ${why}`,
    });
  }
  const f = r.ratio / explained;
  const perOurs = r.our_hours > 0 && r.our_users > 0 ? ours / (r.our_hours * r.our_users) : null;
  const perTheirs = r.theirs && r.their_hours && r.their_users ? r.theirs / (r.their_hours * r.their_users) : null;
  const platform = r.our_hours > 0 && mix.platform_hours / r.our_hours >= 0.5;
  const why = platform
    ? `most of our hours are platform blocks: Facebook, Twitter, WhatsApp, Instagram and YouTube at COST's share of one service (4.49 % of a full shutdown each, from its Nigerian day figures of 2021), other platforms by our platform weight table (reach × non-substitutable share)${
        mix.unweighted?.size ? `; not priced, for want of a weight: ${[...mix.unweighted].join(', ')} (ours is a lower bound)` : ''
      }`
    : G20.includes(r.country)
      ? "the value of an hour online: BCG's internet-economy share of GDP (or the G-20 average) with COST's +10 %/year escalator"
      : "the value of an hour online: outside the G-20 our share of GDP is internet users × k, k calibrated on COST's two published day figures (Belarus 2020, Iran 2019), which themselves differ 3.7×; COST's formula for these countries is not public";
  out.push({ factor: 'price per user-hour', ours: perOurs, theirs: perTheirs, ratio: f, explanation: `price per user-hour ${times(f)}: ${why}` });
  const named = out.filter((c) => Math.abs(Math.log(c.ratio)) >= Math.log(2)).sort((a, b) => Math.abs(Math.log(b.ratio)) - Math.abs(Math.log(a.ratio)));
  return named.length ? named : out.slice(-1);
}

/** What a row for part of a country leaves out, in words (null for a whole-country row). */
function areaText(r: CompareRow): string | null {
  if (!r.their_area) return null;
  const out = r.events_outside_area;
  const usd = out.reduce((a, e) => a + (e.usd ?? 0), 0);
  return `Top10VPN's row is for ${r.their_area} only, so ours counts only our events there${
    out.length
      ? `; ${out.length} event(s) elsewhere in the country (${(usd / 1e6).toFixed(2)} M USD, cost-escalated) are listed beside it, in neither total`
      : ''
  }`;
}

/** The causes in words; a year only Top10VPN prices says which of our events it has and what they miss. */
function causeText(r: CompareRow, causes: Cause[], mix: RowMix | undefined): string | null {
  if (causes.length && r.ratio !== null)
    return `ours ${r.ratio > 1 ? 'higher' : 'lower'} by ${times(r.ratio > 1 ? r.ratio : 1 / r.ratio).slice(1)}: ${causes.map((c) => c.explanation).join('; ')}`;
  if (r.ratio === null && r.theirs !== null && r.events_not_priced.length) {
    const missing = Object.entries(mix?.missing ?? {})
      .map(([f, n]) => `${n} missing ${f}`)
      .join(', ');
    return `only Top10VPN prices this year: our ${r.events_not_priced.length} event(s) in it are not priced (${missing})`;
  }
  if (r.ratio === null && r.theirs !== null && !r.events.length && leftOut(mix)) return `only Top10VPN prices this year: ${leftOut(mix)}`;
  if (r.ratio === null && r.theirs !== null && !r.events.length)
    return 'only Top10VPN prices this year: our ledger has no event of this country in it (an event Top10VPN counts and we lack)';
  return null;
}

/**
 * The last year STOP's yearly accounting counts each event in: its Combined sheet repeats an
 * ongoing shutdown once per count_year it lasts (Access Now's annual reports count it in each).
 */
async function lastCountYears(store: Store): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const l of await store.ledger.linksOfKind('stop_row')) {
    const y = Number((l.doc as { count_year?: unknown } | null)?.count_year);
    if (Number.isInteger(y) && y > (out.get(l.eventId) ?? 0)) out.set(l.eventId, y);
  }
  return out;
}

/**
 * The end of year `y` as a timed instant, the next New Year's midnight UTC: spans end exclusively,
 * so the piece lasts to the year's last instant and not a second less, and no hour falls in y + 1.
 * A timed end is a boundary of the accounting, not a date recorded without a time.
 */
const yearEnd = (y: number): string => `${y + 1}-01-01T00:00:00Z`;

/**
 * The pieces of an event the comparison prices. A network shutdown STOP marks ongoing lasted,
 * by STOP's yearly accounting, through every year before the last count_year L (Access Now
 * counted it again in L), and into L for a time nobody recorded: that piece is given the
 * durations of the ended events of its country and kind (unknown-end.ts), like any unrecorded
 * end. When L is the snapshot's last count_year (`finalYear`), whose list was compiled after
 * that year ended and still marks it ongoing, it lasted the whole of L (Equatorial Guinea's
 * Annobón, Iraq's Korek suspension: Top10VPN counts 8,760 h and 7,685 h). Top10VPN's yearly reports count a continuing network shutdown in every year it lasts
 * (Tigray 2021: 8,864 h). A block marked ongoing is priced to the end of the year it began and
 * not after: Top10VPN's report of that year counts it to the year's end (Venezuela 2024:
 * 3,480 h, X blocked from 9 August; Russia 2022: 7,032 h, Facebook and Instagram blocked from
 * March), and its rows do not carry long-standing blocks into later years (Russia 2023:
 * 1,353 h although Facebook and Instagram stayed blocked all year). A throttle marked ongoing
 * stays unpriced without --end: Top10VPN does not count long-running throttling (Russia 2021:
 * 6 h, Twitter throttled from March; Russia 2024: 84 h, YouTube throttled from August).
 */
export function comparePieces(e: LedgerEvent, lastCountYear: number | undefined, finalYear?: number): EventPiece[] {
  const first = Number(e.start.slice(0, 4));
  if (e.category === 'block' && e.end === null && !endNotRecorded(e) && Number.isInteger(first)) return [{ ...e, end: yearEnd(first) }];
  if (e.category !== 'shutdown' || e.end !== null || endNotRecorded(e) || !lastCountYear || lastCountYear < first) return [e];
  // Still marked ongoing in the snapshot's last year, compiled after that year ended: it lasted the whole year.
  if (lastCountYear === finalYear) return [{ ...e, end: yearEnd(lastCountYear) }];
  const unknown: LedgerEvent = { ...e, notes: [e.notes, STOP_END_NOT_RECORDED].filter(Boolean).join(' ') };
  if (lastCountYear === first) return [unknown];
  return [
    { ...e, end: yearEnd(lastCountYear - 1) },
    { ...unknown, start: `${lastCountYear}-01-01`, whole_start: e.start },
  ];
}

/** Price the ledger and compare it with Top10VPN per country and year. */
export async function compareTop10vpn(
  deps: { store: Store; progress: ProgressReporter; ledgerBudget?: (scenarios: number, draws: number, unit?: 'events' | 'yearly pieces') => void },
  opts: { country?: string; overrides?: EventOverrides },
): Promise<CompareReport> {
  // Top10VPN counts throttling that makes the internet unusable as a shutdown: by default we price
  // throttles at severity 1 too, to compare like with like (--severity overrides).
  const overrides: EventOverrides = { severity: 1, ...(opts.overrides ?? {}) };
  const events = (await technicalEvents(deps, opts.country ? { country: opts.country } : {})).flatMap((e) => eachCountry(e, opts.country));
  const priors = await ledgerPriors(deps);
  const counted = overrides.end === undefined ? await lastCountYears(deps.store) : new Map<string, number>();
  const finalYear = Math.max(0, ...counted.values());
  const piecesOf = (e: LedgerEvent) => (overrides.end === undefined ? comparePieces(e, counted.get(e.id), finalYear) : [e]);
  // Each piece (an event's part in one counted year) is one scenario: the request's work, refused before any is priced.
  deps.ledgerBudget?.(
    events.reduce((sum, e) => sum + piecesOf(e).length, 0),
    overrides.draws ?? DEFAULT_DRAWS,
    'yearly pieces',
  );
  const series = await listIndicators(deps, opts.country ? { country: opts.country } : {});
  const theirs = series.items.filter((x) => x.id.startsWith('top10vpn-cost-') && x.country);
  const areas = theirAreas(theirs.flatMap((s) => s.values.map((v) => ({ country: s.country!, period: v.period, note: v.note }))));
  const rows = new Map<string, CompareRow>();
  // The events each method priced in each row (country|year|method), to name what a method's total leaves out.
  const pricedBy = new Map<string, Set<string>>();
  const mixes = new Map<string, RowMix>();
  // Events marked ongoing, per country, with the first year the comparison no longer counts them in.
  const ongoing = new Map<string, { id: string; from: number }[]>();
  const mixOf = (cc: string, y: number): RowMix => {
    const k = `${cc}|${y}`;
    let m = mixes.get(k);
    if (!m) mixes.set(k, (m = { platform_hours: 0, missing: {}, areas: new Map() }));
    return m;
  };
  const row = (country: string, year: number): CompareRow => {
    const k = `${country}|${year}`;
    let r = rows.get(k);
    if (!r)
      rows.set(
        k,
        (r = {
          country,
          year,
          ours: {},
          ours_leaves_out: {},
          theirs: null,
          ratio: null,
          within: null,
          their_hours: null,
          their_users: null,
          our_hours: 0,
          our_users: 0,
          events: [],
          events_not_priced: [],
          their_area: null,
          events_outside_area: [],
          cause: null,
          causes: [],
        }),
      );
    return r;
  };
  // World Bank figures of a country for the nearest year held: people online (IT.NET.USER.ZS, %), population.
  const wb = new Map<string, CountryData>();
  const nearest = async (cc: string, indicator: string, y: number): Promise<number | null> => {
    if (!wb.has(cc)) wb.set(cc, await econData(deps.store, cc));
    const d = wb.get(cc)!;
    const n = nearestYear(d.years(indicator, cc), y);
    return n === undefined ? null : (d.get(indicator, cc, n)?.value ?? null);
  };
  deps.progress.start('price events', events.length, 'events');
  for (const [i, e] of events.entries()) {
    const cc = e.countries[0]!;
    const pieces = piecesOf(e);
    const priced: EventCostResult[] = [];
    let last: EventCostResult | null = null;
    for (const piece of pieces) {
      last = await priceEvent(deps, piece, overrides, priors).catch(() => null);
      if (last?.estimates.length) priced.push(last);
    }
    if (e.end === null && !endNotRecorded(e)) {
      const years = priced.flatMap((r) => r.estimates.flatMap((x) => x.periods.map((p) => p.year ?? 0)));
      const from = (years.length ? Math.max(...years) : Number(e.start.slice(0, 4))) + 1;
      ongoing.set(cc, [...(ongoing.get(cc) ?? []), { id: e.id, from }]);
    }
    if (!priced.length) {
      const y = Number(e.start.slice(0, 4));
      // each field once, however many methods name it
      const missing = [...new Set((last?.missing ?? []).map((m) => m.field))].join(', ') || 'error';
      if (y >= 2019) {
        // An unpriced event outside Top10VPN's area is listed beside its row, not among the row's own.
        const theirArea = areas.get(`${cc}|${y}`);
        if (theirArea && !withinArea(e, theirArea)) row(cc, y).events_outside_area.push({ id: e.id, title: e.title, hours: 0, usd: null });
        else {
          row(cc, y).events_not_priced.push({ id: e.id, title: e.title, missing });
          const m = mixOf(cc, y);
          m.missing[missing] = (m.missing[missing] ?? 0) + 1;
        }
      }
    } else {
      // Who was cut off, as one area: the whole country, or the places (or text) the event names.
      const whole =
        (e.scope === 'national' && !((e.population_affected?.share ?? 1) < 1)) ||
        (e.population_affected?.share ?? 0) >= 1 ||
        (!e.population_affected && e.scope !== 'local' && e.scope !== 'regional' && e.regions.length === 0);
      const area = whole ? '*' : [...(e.places ?? []).map((p) => p.name)].sort().join('+') || e.regions.join('+') || (e.geocode?.text ?? e.id);
      for (const r of priced) {
        // A share the ledger imputed (an area nobody placed, the networks an outage names) is its own area.
        const imputed = e.population_affected ? undefined : (r.scenario?.affected as { share: number } | null | undefined)?.share;
        // An area that narrowed (its record names the place left cut off): a year wholly after it counts that place.
        const narrowed = r.scenario?.narrowed as { from: string; share: number } | null | undefined;
        const narrowedIn = (year: number) => !!narrowed && Date.parse(narrowed.from) <= Date.UTC(year, 0, 1);
        // Targets left unpriced for want of a weight; a block of unnamed social media is priced by its class (unnamed-platforms.ts).
        const unweighted = r.scenario?.platform_weight_class ? [] : unweightedTargets(e.targets);
        const main = r.estimates.find((x) => x.method === COMPARE_METHOD) ?? r.estimates[0]!;
        // Hours actually cut: the span's hours × the share its schedule says was cut, on average
        // (the share is triangular(low, mode, high); a one-day record without times is 8 h of 24).
        // A record cut for part of its span and slowed for the rest counts its cut hours, on average.
        const a = r.scenario?.active as { share: number; low: number; high: number } | null | undefined;
        const cp = r.scenario?.cut_part as { low: number; high: number } | null | undefined;
        const active = (a ? (a.low + a.share + a.high) / 3 : 1) * (cp ? (cp.low + cp.high) / 2 : 1);
        for (const est of r.estimates) {
          for (const p of est.periods) {
            if (p.year === null || !p.usd) continue;
            const rr = row(cc, p.year);
            // Top10VPN's row is for part of the country: an event elsewhere is listed beside it, in neither total.
            const theirArea = areas.get(`${cc}|${p.year}`);
            if (theirArea && !withinArea(e, theirArea)) {
              if (est === main) rr.events_outside_area.push({ id: e.id, title: e.title, hours: Math.round(p.hours * active * 10) / 10, usd: p.usd.median });
              continue;
            }
            rr.ours[est.method] = (rr.ours[est.method] ?? 0) + p.usd.median;
            pricedBy.set(`${cc}|${p.year}|${est.method}`, (pricedBy.get(`${cc}|${p.year}|${est.method}`) ?? new Set()).add(e.id));
            if (est === main) {
              rr.our_hours += p.hours * active;
              if (e.category === 'block' || e.subtype === 'platform') {
                const mix = mixOf(cc, p.year);
                mix.platform_hours += p.hours * active;
                for (const name of unweighted) (mix.unweighted ??= new Set()).add(name);
              }
              const m = mixOf(cc, p.year);
              const national = (await nearest(cc, 'SP.POP.TOTL', p.year)) ?? 0;
              const people = narrowedIn(p.year)
                ? narrowed!.share * national
                : imputed !== undefined
                  ? imputed * national
                  : whole
                    ? national
                    : (e.population_affected?.estimate ?? 0);
              const key = narrowedIn(p.year) ? `${e.id}:narrowed` : imputed !== undefined ? e.id : area;
              m.areas.set(key, Math.max(m.areas.get(key) ?? 0, people));
              rr.events.push({ id: e.id, title: e.title, hours: Math.round(p.hours * active * 10) / 10, usd: p.usd.median });
            }
          }
        }
      }
    }
    if (i % 100 === 99 || i === events.length - 1) deps.progress.update(i + 1, {});
  }
  deps.progress.stop();

  for (const s of theirs) {
    for (const v of s.values) {
      const r = row(s.country!, Number(v.period));
      const area = areas.get(`${s.country!}|${Number(v.period)}`);
      if (area) r.their_area = area.regions.size ? area.name : `${area.name} (not placed: compared with the whole country)`;
      const n = parseNote(v.note);
      r.theirs = (r.theirs ?? 0) + v.value;
      r.their_hours = n.hours === null ? r.their_hours : (r.their_hours ?? 0) + n.hours;
      r.their_users = n.users === null ? r.their_users : (r.their_users ?? 0) + n.users;
    }
  }
  const out = [...rows.values()]
    .filter((r) => r.theirs !== null || Object.keys(r.ours).length)
    .sort((a, b) => a.country.localeCompare(b.country) || a.year - b.year);
  for (const r of out) {
    const left = (ongoing.get(r.country) ?? []).filter((o) => o.from <= r.year).map((o) => o.id);
    if (left.length) mixOf(r.country, r.year).left_out = left;
    const mix = mixes.get(`${r.country}|${r.year}`);
    if (mix?.areas.size) {
      const national = (await nearest(r.country, 'SP.POP.TOTL', r.year)) ?? Infinity;
      const people = mix.areas.has('*')
        ? national
        : Math.min(
            national,
            [...mix.areas.values()].reduce((a, b) => a + b, 0),
          );
      r.our_users = Math.round(people * (((await nearest(r.country, 'IT.NET.USER.ZS', r.year)) ?? 100) / 100));
    }
    const ours = r.ours[COMPARE_METHOD];
    if (r.theirs && ours) {
      r.ratio = Number((ours / r.theirs).toPrecision(4));
      r.within = r.ratio >= 1 / 3 && r.ratio <= 3 ? '3x' : r.ratio >= 0.1 && r.ratio <= 10 ? '10x' : 'beyond 10x';
    }
    r.events.sort((a, b) => (b.usd ?? 0) - (a.usd ?? 0));
    const ids = [...new Set(r.events.map((e) => e.id))];
    for (const m of Object.keys(r.ours)) {
      const own = pricedBy.get(`${r.country}|${r.year}|${m}`) ?? new Set<string>();
      const out = ids.filter((id) => !own.has(id));
      if (out.length) r.ours_leaves_out[m] = out;
    }
    r.causes = causesOf(r, mixes.get(`${r.country}|${r.year}`) ?? { platform_hours: 0, missing: {}, areas: new Map() });
    r.events_outside_area.sort((a, b) => (b.usd ?? 0) - (a.usd ?? 0));
    r.cause = [areaText(r), causeText(r, r.causes, mixes.get(`${r.country}|${r.year}`))].filter(Boolean).join('; ') || null;
  }
  const both = out.filter((r) => r.ratio !== null);
  const w3 = both.filter((r) => r.within === '3x').length;
  const w10 = both.filter((r) => r.within !== 'beyond 10x').length;
  return {
    source: TOP10VPN,
    method: COMPARE_METHOD,
    overrides,
    rows: out,
    summary: {
      both: both.length,
      within_3x: w3,
      within_10x: w10,
      share_within_3x: both.length ? Number((w3 / both.length).toFixed(3)) : null,
      share_within_10x: both.length ? Number((w10 / both.length).toFixed(3)) : null,
      ours_only: out.filter((r) => r.theirs === null).length,
      theirs_only: out.filter((r) => r.theirs !== null && !r.ours[COMPARE_METHOD]).length,
    },
    notes: [
      "ours: the sum of each event's median (USD) over its periods in the year; an event spanning years counts in each year for its hours there",
      'ours_leaves_out: per method, the events of the row its total does not price (ozi-regional and deloitte-2016 do not price platform blocks, and ozi-regional prices Russia only): such a total is over part of the row and is not comparable with the others',
      `throttling, and the slowed hours of records STOP files as "Shutdown, Throttle", priced at severity ${overrides.severity} (Top10VPN counts unusable throttling as a shutdown)`,
      overrides.end === undefined
        ? "a network shutdown STOP marks ongoing is priced by STOP's yearly accounting (its Combined sheet repeats an ongoing shutdown once per count_year): whole through the years before its last count_year, and into that year for the durations of the ended events of its country and kind, or for the whole of it when that year is the snapshot's last (its list, compiled after the year ended, still marks it ongoing); a block marked ongoing is priced to the end of the year it began, as Top10VPN's report of that year counts it, and not after (Top10VPN does not carry long-standing blocks into later years); a throttle marked ongoing is not priced without --end (Top10VPN does not count long-running throttling)"
        : `events marked ongoing are priced up to ${overrides.end} (--end)`,
      'an end STOP did not record (not marked ongoing) is given the durations of the ended events of the same country and kind (median, quartiles); events not priced are listed with what they miss',
      'hours: the hours between the dated ends of the cuts the record states (their union), else the hours a schedule in the record says were cut (N occasions × hours each), or the length it states; else, for dates without times, the length the dates give on average (start and end uniform within their days); else the whole span',
      'a block of several platforms whose record says some were lifted before the rest prices each platform for the share of the span it was blocked',
      'a shutdown no government ordered that names the networks it hit is an outage of those networks, priced by their share of subscribers: k named of the K networks the ledger names in the country, each taken as an equal share (a proxy, triangular(k/2K, k/K, min(1, 2k/K))); not priced where the ledger names no other network (missing isp_share)',
      "a sub-national event whose area nobody placed is given the share of the country cut off by the placed events of its country and scope, or the median of each country's where its country has fewer than five, each drawn with equal chance; a record that names no area at all takes its country's shutdowns that reached more than one city, a national one as the whole country",
      'a record of several countries (Kenya, 25 June 2024, with Burundi, Rwanda, Tanzania and Uganda) counts in each country it lists, priced there as its scope says',
      "a cut whose networks were not recorded is the whole network with the chance its country's recorded cuts took it, else mobile data only",
      'our users affected: the people of the distinct areas cut off in the year, each area once and at most the whole country, × the share of people online (World Bank SP.POP.TOTL, IT.NET.USER.ZS)',
      'Top10VPN figures as transcribed from their yearly reports (data/events/SOURCES.md); Somaliland is counted under SO',
      'a Top10VPN row for part of a country (its table\'s "Pakistan - Azad Kashmir", 2019) is compared with our events within that area only (every region they name is in it); our other events of the country and year are listed beside the row (events_outside_area), in neither total',
    ],
  };
}
