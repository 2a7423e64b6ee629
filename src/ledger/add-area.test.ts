// An event added (`events add`, POST /api/events) is placed at once, as an import or an edit
// of its area is. Real events: the shipped files data/ledger/events/ru-2019-ingushetia-internet-
// shutdown.json (regional, RU-IN, no area text) and ru-2024-baimak-protest-shutdown.json (local,
// an area text with geocode.status "ok" and nothing placed).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, isAppError, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { geocodeFields, geocodeLedger } from './geocode.js';
import { parseEventInput } from './model.js';
import { createEvent, editEvent, getEvent, updateEvent } from './service.js';

let store: Store;
let cleanup: () => Promise<void>;
const clock = fixedClock('2026-02-03T04:05:06.000Z');
const deps = () => ({ store, clock, progress: silentProgress });
const person = { actor: 'tester' };
const shipped = (id: string) => JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', `${id}.json`), 'utf8')) as Record<string, unknown>;
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
};

beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

describe('an event added is placed at once', () => {
  it('a regional event that names only its regions is placed by them: the cost reads its region, and events geocode finds nothing to change', async () => {
    const added = await createEvent(deps(), shipped('ru-2019-ingushetia-internet-shutdown'), person);
    expect(added.places.map((p) => p.region)).toEqual(['RU-IN']);
    expect(added.population_affected?.share).toBeGreaterThan(0);
    expect(added.geocode?.status).toBe('ok');
    expect((await getEvent(deps(), added.id)).population_affected).toEqual(added.population_affected);
    const r = await geocodeLedger(deps(), { dryRun: true });
    expect(r).toMatchObject({ changed: 0, unchanged: 1 });
  });

  it('an area text sent with status "ok" and nothing placed is placed from the text, never stored as placed without places', async () => {
    const added = await createEvent(deps(), shipped('ru-2024-baimak-protest-shutdown'), person);
    expect(added.places.map((p) => p.name)).toEqual(['Baymak']);
    expect(added.geocode).toMatchObject({ status: 'ok', text: 'Baimak, Bashkortostan' });
    // SYNTHETIC: the same event whose area text names nothing the gazetteer has, still claiming "ok"
    const nowhere = { ...shipped('ru-2024-baimak-protest-shutdown'), id: 'ru-2024-nowhere', geocode: { status: 'ok', text: 'Xyzabad' } };
    const failed = await createEvent(deps(), nowhere, person);
    expect(failed.places).toEqual([]);
    expect(failed.population_affected).toBeNull();
    expect(failed.geocode?.status).toBe('failed');
    expect(failed.geocode?.reason).toMatch(/Xyzabad/);
  });

  it('places or a population sent without geocode.status "manual" that are not what the area gives are refused, naming the field; "manual" keeps them', async () => {
    const base = shipped('ru-2019-ingushetia-internet-shutdown');
    const derived = geocodeFields(parseEventInput(base));
    // SYNTHETIC: a place of 1,000 people typed by hand
    const place = { ...derived.places[0]!, population: 1000 };
    const e = await refusal(createEvent(deps(), { ...base, places: [place] }, person));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/places/);
    expect(e.message).toMatch(/manual/);
    const pop = { ...derived.population_affected!, estimate: 1000, share: 1000 / derived.population_affected!.national_population };
    const manual = { ...base, places: [place], population_affected: pop, geocode: { status: 'manual', text: 'Ingushetia', reason: null, unmatched: [] } };
    const kept = await createEvent(deps(), manual, person);
    expect(kept.places[0]!.population).toBe(1000);
    expect(kept.population_affected?.estimate).toBe(1000);
    // what the geocoder itself gives may be sent back as it was read
    const again = await createEvent(deps(), { ...base, id: 'ru-2019-again', ...derived }, person);
    expect(again.places).toEqual(derived.places);
  });
});

describe("the regions of an added event and its area's", () => {
  // SYNTHETIC: the shipped Ingushetia event with its area text moved to Jammu and Kashmir and its regions to Rajasthan.
  const mismatched = () => ({
    ...shipped('ru-2019-ingushetia-internet-shutdown'),
    id: 'in-2024-synthetic-mismatch',
    countries: ['IN'],
    regions: ['IN-RJ'],
    geocode: { text: 'Pulwama district, Jammu and Kashmir', status: 'ok' },
  });
  it('refuses a region none of its places lies in, beside an area text naming another region, naming `regions`', async () => {
    const e = await refusal(createEvent(deps(), mismatched(), person));
    expect(e.code).toBe('VALIDATION');
    const issues = e.issues;
    expect(issues.map((i) => i.path)).toEqual([['regions']]);
    expect(issues[0]!.message).toMatch(/^IN-RJ: none of the event's places lies in it \(the area "Pulwama district, Jammu and Kashmir" is placed in IN-JK\)/);
  });
  it('refuses that region beside the region the area lies in too, naming only the stray one', async () => {
    for (const regions of [
      ['IN-RJ', 'IN-JK'],
      ['IN-JK', 'IN-RJ'],
    ]) {
      const e = await refusal(createEvent(deps(), { ...mismatched(), regions }, person));
      expect(e.issues.map((i) => i.path)).toEqual([['regions']]);
      expect(e.issues[0]!.message).toMatch(
        /^IN-RJ: none of the event's places lies in it \(the area "Pulwama district, Jammu and Kashmir" is placed in IN-JK\)/,
      );
    }
    expect(await store.ledger.getEvent('in-2024-synthetic-mismatch')).toBeNull();
  });
  it('refuses a replacement (PUT) and an edit of the area text that leave such a region', async () => {
    await createEvent(deps(), { ...mismatched(), regions: ['IN-JK'] }, person);
    const cur = await getEvent(deps(), 'in-2024-synthetic-mismatch');
    const { revision: _r, created_at: _c, updated_at: _u, region_notes: _n, ...fields } = cur;
    const put = { ...fields, regions: ['IN-JK', 'IN-RJ'], geocode: { ...cur.geocode!, text: 'Pulwama district' } };
    const e = await refusal(updateEvent(deps(), cur.id, put, cur.revision, person));
    expect(e.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^IN-RJ: none of the event's places lies in it \(the area "Pulwama district" is placed in IN-JK\)/),
    ]);
    // SYNTHETIC: an event placed in Jaipur whose area text alone is edited to a Kashmir district
    await createEvent(
      deps(),
      { ...mismatched(), id: 'in-2024-synthetic-jaipur', regions: ['IN-RJ'], geocode: { status: 'ok', text: 'Jaipur, Rajasthan' } },
      person,
    );
    const edit = await refusal(
      editEvent(deps(), 'in-2024-synthetic-jaipur', { geocode: { status: 'ok', text: 'Pulwama district, Jammu and Kashmir' } }, undefined, person),
    );
    expect(edit.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^IN-RJ: none of the event's places lies in it/)]);
    expect((await getEvent(deps(), cur.id)).revision).toBe(cur.revision);
    expect((await getEvent(deps(), 'in-2024-synthetic-jaipur')).revision).toBe(1);
  });
  it('takes the region the area lies in, and a region beside an area text it holds', async () => {
    const ok = await createEvent(deps(), { ...mismatched(), regions: ['IN-JK'] }, person);
    expect(ok.regions).toEqual(['IN-JK']);
    const both = await createEvent(
      deps(),
      {
        ...mismatched(),
        id: 'in-2024-synthetic-both',
        regions: ['IN-JK', 'IN-RJ'],
        geocode: { text: 'Pulwama district, Jammu and Kashmir; Jaipur, Rajasthan', status: 'ok' },
      },
      person,
    );
    expect([...both.regions].sort()).toEqual(['IN-JK', 'IN-RJ']);
  });
});
