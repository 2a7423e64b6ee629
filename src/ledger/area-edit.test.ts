// An edit of an event's area, and `events geocode` after it. SYNTHETIC events in Tajikistan (real
// ISO 3166-2 codes); the widened one carries the real area text of the STOP record
// stop-tj-2022-05-17-gorno-badakhshan-autonomous-obla-9bd6a2 (Access Now #KeepItOn STOP, 2026-05-20).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { geocodeFields, geocodeLedger } from './geocode.js';
import { parseEventInput, type LedgerEvent } from './model.js';
import { buildEvent, createEvent, editEvent, getEvent, toRecord } from './service.js';

let store: Store;
let cleanup: () => Promise<void>;
const clock = fixedClock('2026-02-03T04:05:06.000Z');
const deps = () => ({ store, clock, progress: silentProgress });
const person = { actor: 'tester', reason: 'the area was corrected' };

beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

const tjEvent = (id: string, over: Record<string, unknown>) => {
  const base = parseEventInput(
    sampleEvent({ id, category: 'shutdown', subtype: 'full', countries: ['TJ'], scope: 'regional', start: '2023-03-03', end: '2023-03-03', ...over }),
  );
  return { ...base, ...geocodeFields(base) };
};
const shareOf = (regions: string[]) => geocodeFields({ countries: ['TJ'], regions, geocode: null, scope: 'regional' }).population_affected!.share;

describe('an edit of the regions of an event', () => {
  it('re-derives its places and population: narrowed to Dushanbe, it is Dushanbe', async () => {
    await createEvent(deps(), tjEvent('tj-2023-su-du', { regions: ['TJ-SU', 'TJ-DU'] }), person);
    const { event } = await editEvent(deps(), 'tj-2023-su-du', { regions: ['TJ-DU'] }, undefined, person);
    expect(event.regions).toEqual(['TJ-DU']);
    expect(event.places.map((p) => p.region)).toEqual(['TJ-DU']);
    expect(event.population_affected!.share).toBe(shareOf(['TJ-DU']));
    // and `events geocode` keeps the person's regions
    const r = await geocodeLedger(deps(), { dryRun: false });
    expect(r.changed).toBe(0);
    expect((await getEvent(deps(), 'tj-2023-su-du')).regions).toEqual(['TJ-DU']);
  });

  it('an area text edited with the regions is what is placed; places given with the edit are kept', async () => {
    await createEvent(deps(), tjEvent('tj-2023-du', { regions: ['TJ-DU'] }), person);
    const withText = await editEvent(
      deps(),
      'tj-2023-du',
      { regions: ['TJ-SU'], geocode: { status: 'ok', text: 'Khujand', reason: null, unmatched: [] } },
      undefined,
      person,
    );
    expect(withText.event.places.map((p) => [p.name, p.kind])).toEqual([['Khujand', 'place']]);
    const cur = await getEvent(deps(), 'tj-2023-du');
    const pop = cur.population_affected!;
    const manual = {
      places: [{ ...cur.places[0]!, population: 1000 }],
      population_affected: { ...pop, estimate: 1000, share: 1000 / pop.national_population },
    };
    const kept = await editEvent(deps(), 'tj-2023-du', { regions: ['TJ-SU', 'TJ-DU'], ...manual }, undefined, person);
    expect(kept.event.places[0]!.population).toBe(1000);
  });
});

describe('events geocode after an edit of the regions that left the area as it was', () => {
  it('places the event by the regions the person gave, not by the area text it kept', async () => {
    const text = 'Gorno-Badakhshan Autonomous Oblast (GBAO)';
    const e = tjEvent('stop-tj-gbao', { regions: [], geocode: { status: 'ok', text, reason: null, unmatched: [] } });
    await createEvent(deps(), e, person);
    const cur = await getEvent(deps(), 'stop-tj-gbao');
    expect(cur.population_affected!.share).toBe(shareOf(['TJ-GB']));
    // The edit as a store written before edits re-derived the area holds it: regions widened, all else kept.
    const { revision: _r, created_at: _c, updated_at: _u, status: _s, id: _i, region_notes: _n, ...fields } = cur;
    const wide = ['TJ-SU', 'TJ-KT', 'TJ-DU', 'TJ-GB'];
    const next = buildEvent(
      { ...fields, regions: wide, status: 'active' } as never,
      cur.id,
      'active',
      cur.revision + 1,
      cur.created_at,
      clock.now().toISOString(),
    );
    await store.ledger.writeEvents([
      {
        record: toRecord(next, 'api'),
        revision: {
          eventId: cur.id,
          revision: next.revision,
          action: 'update',
          actor: 'tester',
          reason: 'widened',
          at: next.updated_at,
          previous: cur,
          current: next,
        },
        expectedRevision: cur.revision,
      },
    ]);
    const r = await geocodeLedger(deps(), { dryRun: false });
    expect(r.changed).toBe(1);
    const after: LedgerEvent = await getEvent(deps(), 'stop-tj-gbao');
    expect(after.regions).toEqual(wide);
    expect(after.population_affected!.share).toBe(shareOf(wide));
    expect((await geocodeLedger(deps(), { dryRun: true })).changed).toBe(0);
  });
});

describe('events geocode coverage', () => {
  it('counts as geocoded only the events it placed: geocoded + not geocoded = events', async () => {
    await createEvent(deps(), tjEvent('tj-2023-du', { regions: ['TJ-DU'] }), person);
    await createEvent(
      deps(),
      tjEvent('tj-2023-nowhere', { regions: ['TJ-DU'], geocode: { status: 'ok', text: 'Xyzabad', reason: null, unmatched: [] } }),
      person,
    ); // synthetic name
    const r = await geocodeLedger(deps(), { dryRun: true });
    expect(r.not_geocoded.map((x) => x.id)).toEqual(['tj-2023-nowhere']);
    expect(r.by_scope.regional).toMatchObject({ events: 2, geocoded: 1, with_population: 1 });
  });
});
