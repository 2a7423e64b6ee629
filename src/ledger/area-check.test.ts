// A hand-entered area is checked as `regions` is: its population's share, its estimate against
// the places it lists, and the region of each place. The area is what the geocoder gives the
// shipped event data/ledger/events/ru-2019-ingushetia-internet-shutdown.json (RU-IN); the values
// a person got wrong are SYNTHETIC changes of it, named in each test.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, isAppError, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { geocodeFields, geocodeLedger } from './geocode.js';
import { parseEventInput } from './model.js';
import { createEvent, editEvent } from './service.js';

const base = JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', 'ru-2019-ingushetia-internet-shutdown.json'), 'utf8')) as Record<string, unknown>;
const area = geocodeFields(parseEventInput(base));
const pop = area.population_affected!;
const manual = { status: 'manual' as const, text: 'Ingushetia', reason: null, unmatched: [] };
const byHand = (over: Record<string, unknown>) => ({ ...base, ...area, geocode: manual, ...over });
const issues = (input: unknown) => {
  try {
    parseEventInput(input);
    return [];
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
};
const n = (x: number) => x.toLocaleString('en-US');

describe('a population_affected entered by hand', () => {
  it('as the geocoder gives it passes, and so do its share and estimate rounded', () => {
    expect(issues(byHand({}))).toEqual([]);
    const share4 = Number(pop.share.toFixed(4));
    expect(issues(byHand({ population_affected: { ...pop, share: share4 } }))).toEqual([]);
    const est = Number(pop.estimate.toPrecision(2));
    expect(issues(byHand({ population_affected: { ...pop, estimate: est, share: est / pop.national_population } }))).toEqual([]);
  });

  it('whose share is not estimate / national_population is refused, naming the field and both values', () => {
    // SYNTHETIC: the share of the area with an estimate 60 times larger
    const estimate = pop.estimate * 60;
    const bad = issues(byHand({ population_affected: { ...pop, estimate }, places: [{ ...area.places[0]!, population: estimate }] }));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^population_affected\.share: /);
    expect(bad[0]).toContain(String(pop.share));
    expect(bad[0]).toContain(`${n(estimate)} / ${n(pop.national_population)}`);
    // SYNTHETIC: a share rounded to two decimals the wrong way
    expect(issues(byHand({ population_affected: { ...pop, share: Number(pop.share.toFixed(2)) + 0.01 } }))).toHaveLength(1);
  });

  it('whose estimate is not what the places it lists hold is refused, naming the field and both values', () => {
    // SYNTHETIC: an estimate of half the country, with the share that agrees with it, over the one region of the area
    const estimate = Math.round(pop.national_population / 2);
    const bad = issues(byHand({ population_affected: { ...pop, estimate, share: estimate / pop.national_population } }));
    expect(bad).toEqual([expect.stringMatching(/^population_affected\.estimate: /)]);
    expect(bad[0]).toContain(n(estimate));
    expect(bad[0]).toContain(n(area.places[0]!.population));
  });
});

describe('a place entered by hand', () => {
  it("whose region is outside the event's countries is refused naming it, as a region is", () => {
    // SYNTHETIC: the place moved to Pakistan's Punjab
    const bad = issues(byHand({ places: [{ ...area.places[0]!, region: 'PK-PB' }] }));
    const said = "PK-PB is not in any of the event's countries (RU)";
    expect(bad).toEqual([expect.stringMatching(/^places\.0\.region: /)]);
    expect(bad[0]).toContain(said);
    expect(issues({ ...base, regions: ['PK-PB'] })[0]).toContain(said);
    expect(issues(byHand({ places: [{ ...area.places[0]!, region: 'Ingushetia' }] }))).toEqual([
      expect.stringMatching(/^places\.0\.region: unknown ISO 3166-2 region code/),
    ]);
  });
});

describe('events geocode coverage of events placed by hand', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const deps = () => ({ store, clock: fixedClock('2026-02-03T04:05:06.000Z'), progress: silentProgress });
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());

  it('counts placed and with population only for events that have a population; says how many were placed by hand', async () => {
    await createEvent(deps(), byHand({}), { actor: 'tester' });
    // SYNTHETIC: the same area placed by hand with no population_affected
    await createEvent(deps(), byHand({ id: 'ru-2019-places-only', population_affected: null }), { actor: 'tester' });
    const r = await geocodeLedger(deps(), { dryRun: true });
    expect(r.kept_manual).toBe(2);
    expect(r.by_scope.regional).toMatchObject({ events: 2, geocoded: 1, with_population: 1, placed_by_hand: 1 });
    expect(r.not_geocoded.map((x) => x.id)).toEqual(['ru-2019-places-only']);
    expect(r.not_geocoded[0]!.reason).toMatch(/by hand/);
  });

  it('an edit that sets a population whose share disagrees is refused naming the field', async () => {
    await createEvent(deps(), byHand({}), { actor: 'tester' });
    const err = await editEvent(deps(), 'ru-2019-ingushetia-internet-shutdown', { population_affected: { ...pop, estimate: 900_000_000 } }, undefined, {
      actor: 'tester',
    }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('VALIDATION');
    expect(isAppError(err) && err.issues.map((i) => i.path.join('.'))).toEqual(['population_affected.share', 'population_affected.estimate']);
  });
});
