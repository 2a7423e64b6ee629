/**
 * Geocoding ledger events: an event's area text (STOP's area_name, kept in `geocode.text`; for
 * our own events, the names of their regions) becomes ISO 3166-2 regions, districts and places
 * with populations, and the population of the affected area (src/geo/geocode.ts). `events
 * geocode` runs it over the whole ledger and reports coverage by scope; what cannot be geocoded
 * is listed with the reason. Writes are revisions like any edit, and never overwrite an event a
 * person geocoded by hand (geocode.status "manual").
 */
import { areaWords, exceptionOf, geocodeArea, geocodeRegionCodes, isoNames } from '../geo/index.js';
import { validationError, type ProgressReporter, type Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { EventFields, LedgerEvent } from './model.js';
import { parseEventInput } from './model.js';
import { buildEvent, toRecord } from './service.js';
import { countedAcross, stopAreaRegions } from './stop/map.js';
import type { EventWrite } from '../store/index.js';
import { GEOCODER, isMachineActor } from './actors.js';

export { GEOCODER };

export type GeoFields = Pick<EventFields, 'regions' | 'places' | 'population_affected' | 'geocode'>;

/**
 * Does the event's own text say the area was only parts of what it names ("disruptions … in areas
 * of Bushehr, Ilam, Isfahan, …" for the area "Bushehr, Ilam, Isfahan, …")? Then the area is
 * geocoded as parts of those units (geo/parts.ts); the area text itself is kept as it is.
 */
export function textSaysPartsOf(summary: string | undefined, area: string): boolean {
  const head = areaWords(area).slice(0, 2).join(' ');
  if (!summary || !head) return false;
  const text = ` ${areaWords(summary).join(' ')} `;
  return text.includes(` areas of ${head} `) || text.includes(` parts of ${head} `);
}

/** The geocoded fields of an event; `text` overrides the area text it carries. */
export function geocodeFields(
  e: Pick<EventFields, 'countries' | 'regions' | 'geocode'> & { scope: string; title?: string; summary?: string },
  text?: string,
): GeoFields {
  // Events imported before geocoding carry their area only in the title ("… in Jhunjhunu, Rajasthan (India)").
  const fromTitle = e.regions.length === 0 ? /^.+? in (.+) \([^()]+\)$/.exec(e.title ?? '')?.[1] : undefined;
  const names = regionsText(e.regions);
  const area = text ?? e.geocode?.text ?? fromTitle ?? names;
  // A regional event whose area is its own regions is placed by their codes, not by their names
  // (a local event's regions locate its place: it is placed by name, as its seat or a part).
  const byCodes = text === undefined && e.regions.length > 0 && area === names;
  if (e.countries.length !== 1) {
    // A share of the people cut off is one country's: such an event's area is not placed, and the
    // reason names the listed countries the text does name a place in.
    const within = e.countries.filter((cc) => area.trim() && geocodeArea(cc, area, 'local', isoNames).population_affected);
    return {
      regions: e.regions,
      places: [],
      population_affected: null,
      geocode: {
        status: 'failed',
        text: area,
        reason: `the event lists ${e.countries.length} countries (${e.countries.join(', ')}) and a share of the people cut off is one country's, so its area is not placed${within.length ? ` (the area names a place in ${within.join(', ')})` : ''}; cost it with --country`,
        unmatched: [],
      },
    };
  }
  const cc = e.countries[0]!;
  // A platform block names its area too: national unless the text names a part of the country.
  const nationalText = !area.trim() || (NATIONAL.test(area) && !countedAcross(area));
  const scope = e.scope === 'platform' ? (nationalText ? 'national' : 'regional') : e.scope;
  const opts = { allParts: textSaysPartsOf(e.summary, area) };
  let r = byCodes && scope === 'regional' ? geocodeRegionCodes(cc, e.regions, isoNames) : geocodeArea(cc, area, scope, isoNames, opts);
  if (e.scope === 'platform' && !r.population_affected) r = geocodeArea(cc, area, 'national', isoNames, opts);
  const regions = [...new Set([...e.regions, ...r.regions.filter((x) => x.startsWith(`${cc}-`))])];
  // A national area less a named exception ("Nationwide (except Kurdistan)") is placed like any other.
  const status =
    (scope === 'national' && !exceptionOf(area)) || (e.scope === 'platform' && r.population_affected?.share === 1)
      ? 'national'
      : !r.population_affected
        ? 'failed'
        : r.unmatched.length
          ? 'partial'
          : 'ok';
  return { regions, places: r.places, population_affected: r.population_affected, geocode: { status, text: area, reason: r.reason, unmatched: r.unmatched } };
}

/** The area text of an event that names only its regions: their names, in order. */
export const regionsText = (regions: readonly string[]): string => regions.map((r) => isoNames(r)[0] ?? r).join(', ');

export interface GeocodeReport {
  dry_run: boolean;
  events_read: number;
  changed: number;
  unchanged: number;
  kept_manual: number;
  /**
   * Per scope: events; those placed (with a population affected, the figure the cost reads, and
   * for a national or platform event a region, district or place with people too: a sub-national
   * event placed is not in not_geocoded); those with a population affected; of the placed, those a
   * person placed (geocode.status manual, counted by what they carry, as the cost reads them);
   * coverage share.
   */
  by_scope: Record<string, { events: number; geocoded: number; with_population: number; placed_by_hand: number; coverage: number }>;
  /** Sub-national events without a region or place with a population, and why. */
  not_geocoded: { id: string; country: string; scope: string; area: string; reason: string }[];
}

const SUBNATIONAL = new Set(['local', 'regional']);
const NATIONAL = /\b(national|nationwide|nation wide|countrywide|country-wide|entire country|whole country|across the country|all regions)\b/i;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of an edit with what the cost reads re-derived: an edit that changes the regions or
 * the area text, and gives no places or population of its own, is geocoded again: from the new
 * area text where it changed, else from the new regions (which become the area). An event placed
 * by hand (geocode.status "manual") is left as given. A new area text that places the event in a
 * region while the edit keeps a region none of its places lies in is refused, naming `regions`.
 */
export function followArea(cur: Pick<EventFields, 'regions' | 'places' | 'population_affected' | 'geocode'>, f: EventFields): EventFields {
  const textChanged = f.geocode?.text !== cur.geocode?.text;
  if (sameSet(cur.regions, f.regions) && !textChanged) return f;
  if (f.geocode?.status === 'manual' || !same(f.places, cur.places) || !same(f.population_affected, cur.population_affected)) return f;
  if (!textChanged) return { ...f, ...geocodeFields({ ...f, geocode: null }) };
  const placed = { ...f, ...geocodeFields(f) };
  const stray = strayRegions(f, placed);
  if (stray.length) throw validationError(stray, 'invalid event');
  return placed;
}

/**
 * The fields of an event being added, placed as an import places one. An event placed by hand
 * (geocode.status "manual") is kept as given; any other is geocoded at once from its area text,
 * else its regions, and the status, reason and unmatched words of a geocode block it carries are
 * the geocoder's (an "ok" with nothing placed is never stored). Places or a population sent with
 * it that are not what its area gives are refused, naming the field: a person's own placing says
 * so (geocode.status "manual"); what the geocoder gave, sent back as read, passes.
 */
export function placeAdded(f: EventFields): EventFields {
  if (f.geocode?.status === 'manual') return f;
  const placed = parseEventInput({ ...f, ...geocodeFields(f) });
  const gives = {
    places: `${placed.places.map((p) => `${p.name} (${p.population.toLocaleString('en-US')})`).join(', ') || 'no place'}`,
    population_affected: placed.population_affected ? `an estimate of ${placed.population_affected.estimate.toLocaleString('en-US')}` : 'no population',
  };
  const issues = (['places', 'population_affected'] as const)
    .filter((k) => (k === 'places' ? f.places.length > 0 : f.population_affected !== null) && !same(f[k], placed[k]))
    .map((k) => ({
      path: [k],
      message: `not what the event's area gives (${gives[k]}); to keep what you entered set geocode.status to "manual" (placed by hand), or leave ${k} out to have the area placed`,
    }));
  const all: { path: string[]; message: string }[] = [...issues, ...strayRegions(f, placed)];
  if (all.length) throw validationError(all, 'invalid event');
  return placed;
}

/**
 * The regions a person gave that the area contradicts: each region that none of the placed places
 * lies in and that the area text does not name, while the text places the event in some region.
 * Such an event would be filed (and counted) under a region nothing of it is in, and priced as the
 * text's place; listing the right region beside it does not change that.
 */
function strayRegions(f: EventFields, placed: EventFields): { path: string[]; message: string }[] {
  const text = f.geocode?.text;
  if (!text || f.regions.length === 0 || placed.places.length === 0) return [];
  const placedIn = new Set(placed.places.map((p) => p.region).filter((r): r is string => !!r));
  if (placedIn.size === 0) return [];
  // The regions the text itself names or places, read without the event's own regions.
  const named = new Set(geocodeFields({ ...f, regions: [] }).regions);
  const where = [...placedIn].join(', ');
  return f.regions
    .filter((r) => !placedIn.has(r) && !named.has(r))
    .map((r) => ({
      path: ['regions'],
      message: `${r}: none of the event's places lies in it (the area "${text}" is placed in ${where}); give the regions the area lies in, or an area text that names this region`,
    }));
}

/**
 * Whether a person changed the event's regions and left its area text as it was, since the
 * geocoder last placed it (an edit written before edits re-derived the area): the regions are
 * then the area. Reads the revisions only of an event revised since its creation whose area text
 * is not already its regions' names.
 */
async function regionsEditedByHand(store: Store, e: LedgerEvent): Promise<boolean> {
  if (e.revision < 2 || !e.geocode?.text || e.geocode.text === regionsText(e.regions)) return false;
  const revs = await store.ledger.listRevisions(e.id);
  for (let i = revs.length - 1; i >= 0; i--) {
    const r = revs[i]!;
    const prev = r.previous as Partial<LedgerEvent> | null;
    const next = r.current as Partial<LedgerEvent>;
    if (!prev || sameSet(prev.regions ?? [], next.regions ?? [])) continue;
    return !isMachineActor(r.actor) && prev.geocode?.text === next.geocode?.text;
  }
  return false;
}

/**
 * Whether a STOP event's regions are all the machine's: no person ever wrote a revision of it, so
 * its regions are what STOP's area text names outright plus what an earlier geocode placed. Such
 * an event is placed again from that text alone, as a fresh import places it: a region an earlier
 * rule placed wrongly does not stay beside the right one.
 */
async function machinePlaced(store: Store, e: LedgerEvent, origin: string | undefined): Promise<boolean> {
  if (origin !== 'stop' || !e.geocode?.text) return false;
  if (e.revision < 2) return true;
  return (await store.ledger.listRevisions(e.id)).every((r) => isMachineActor(r.actor));
}

/** Geocode every active event (cost-bearing categories first); write changes unless dry-run. */
export async function geocodeLedger(
  deps: { store: Store; clock: Clock; progress: ProgressReporter },
  opts: { dryRun: boolean; country?: string },
): Promise<GeocodeReport> {
  const recs = await deps.store.ledger.listEvents({ statuses: ['active', 'draft'], limit: 1_000_000 });
  const origin = new Map(recs.map((r) => [r.id, r.origin]));
  const events = recs.map((r) => r.doc as unknown as LedgerEvent).filter((e) => !opts.country || e.countries.includes(opts.country));
  const report: GeocodeReport = { dry_run: opts.dryRun, events_read: events.length, changed: 0, unchanged: 0, kept_manual: 0, by_scope: {}, not_geocoded: [] };
  const now = deps.clock.now().toISOString();
  deps.progress.start('geocode events', events.length, 'events');
  const writes: EventWrite[] = [];
  for (const [i, e] of events.entries()) {
    const manual = e.geocode?.status === 'manual';
    const g = manual
      ? { regions: e.regions, places: e.places, population_affected: e.population_affected, geocode: e.geocode }
      : (await regionsEditedByHand(deps.store, e))
        ? geocodeFields({ ...e, geocode: null })
        : geocodeFields((await machinePlaced(deps.store, e, origin.get(e.id))) ? { ...e, regions: stopAreaRegions(e.geocode!.text, e.countries) } : e);
    const s = (report.by_scope[e.scope] ??= { events: 0, geocoded: 0, with_population: 0, placed_by_hand: 0, coverage: 0 });
    s.events++;
    // With a population: the population affected the cost reads (places with people and no such figure are not priced by them).
    const withPopulation = (g.population_affected?.estimate ?? 0) > 0;
    if (withPopulation && (SUBNATIONAL.has(e.scope) || g.places.some((p) => p.population > 0))) {
      s.geocoded++;
      if (manual) s.placed_by_hand++;
    }
    if (withPopulation) s.with_population++;
    if (SUBNATIONAL.has(e.scope) && !withPopulation)
      report.not_geocoded.push({
        id: e.id,
        country: e.countries.join(', '),
        scope: e.scope,
        area: g.geocode?.text ?? '',
        reason: manual
          ? 'placed by hand (geocode.status manual) without a population_affected, the figure the cost reads'
          : (g.geocode?.reason ?? 'no population for the matched units'),
      });
    if (manual) report.kept_manual++;
    else if (
      JSON.stringify([e.regions, e.places, e.population_affected, e.geocode]) === JSON.stringify([g.regions, g.places, g.population_affected, g.geocode])
    )
      report.unchanged++;
    else {
      report.changed++;
      if (!opts.dryRun) {
        const { id: _i, revision: _r, created_at: _c, updated_at: _u, status, region_notes: _n, ...rest } = e;
        const fields = parseEventInput({ ...rest, ...g, status: status === 'draft' ? 'draft' : 'active' });
        const next = buildEvent(fields, e.id, e.status, e.revision + 1, e.created_at, now);
        const reason = 'geocoded the area: regions, places, population affected';
        writes.push({
          record: toRecord(next, origin.get(e.id) ?? 'api'),
          revision: { eventId: e.id, revision: next.revision, action: 'update', actor: GEOCODER, reason, at: now, previous: e, current: next },
          expectedRevision: e.revision,
        });
      }
    }
    if (i % 200 === 199 || i === events.length - 1) deps.progress.update(i + 1, { changed: report.changed });
  }
  deps.progress.stop();
  if (writes.length) await deps.store.ledger.writeEvents(writes);
  for (const s of Object.values(report.by_scope)) s.coverage = s.events ? Number((s.with_population / s.events).toFixed(4)) : 0;
  return report;
}
