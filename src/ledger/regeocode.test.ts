// `events geocode` over a store whose STOP events an earlier build placed: a region only an
// earlier rule put there does not stay beside the right one, unless a person edited the event.
// Real record: the Punjab shutdown of 21 March 2023 ("…, parts of Sahibzada Ajit Singh Nagar and
// Amritsar Districts, Punjab", test/fixtures/stop/dated-windows.csv). The stale region is a
// SYNTHETIC revision standing for what an earlier geocode gave (Nagar of Rajasthan, IN-RJ).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { editedByPeople, SEED_ACTOR, STOP_ACTOR } from './actors.js';
import { GEOCODER, geocodeLedger } from './geocode.js';
import type { LedgerEvent } from './model.js';
import { buildEvent, toRecord } from './service.js';
import { importStop } from './stop/import.js';
import { stopFixture } from './stop/testing.js';

describe('events geocode on events an earlier build placed', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-02T00:00:00Z'), progress: silentProgress });

  const punjab = async () => {
    const rows = stopFixture('dated-windows.csv').filter((r) => r.area_name.includes('Sahibzada Ajit Singh Nagar'));
    expect(rows).toHaveLength(1);
    await importStop(deps(), rows, 'dated-windows.csv', '2026-05-20');
    const [rec] = await store.ledger.listEvents({ statuses: ['active'], limit: 10 });
    return rec!.doc as unknown as LedgerEvent;
  };
  /** A revision adding `region` to the event's regions, written by `actor`. */
  const addRegion = async (e: LedgerEvent, region: string, actor: string) => {
    const { id: _i, revision: _r, created_at: _c, updated_at: _u, status: _s, region_notes: _n, ...rest } = e;
    const next = buildEvent(
      { ...rest, regions: [...e.regions, region], status: 'active' },
      e.id,
      e.status,
      e.revision + 1,
      e.created_at,
      '2026-06-01T00:00:00Z',
    );
    await store.ledger.writeEvents([
      {
        record: toRecord(next, 'stop'),
        revision: { eventId: e.id, revision: next.revision, action: 'update', actor, reason: 'test', at: '2026-06-01T00:00:00Z', previous: e, current: next },
        expectedRevision: e.revision,
      },
    ]);
  };
  const regions = async (id: string) => ((await store.ledger.getEvent(id))!.doc as unknown as LedgerEvent).regions;

  it("counts a revision as a person's edit for the importer and the geocoder alike: every actor but the machine's", async () => {
    const e = await punjab();
    expect(await editedByPeople(store, e.id)).toBe(false);
    for (const machine of [GEOCODER, SEED_ACTOR, STOP_ACTOR]) {
      await addRegion((await store.ledger.getEvent(e.id))!.doc as unknown as LedgerEvent, 'IN-RJ', machine);
      expect(await editedByPeople(store, e.id)).toBe(false);
    }
    await addRegion((await store.ledger.getEvent(e.id))!.doc as unknown as LedgerEvent, 'IN-HR', 'cli:analyst');
    expect(await editedByPeople(store, e.id)).toBe(true);
    // and the geocoder, reading the same list, keeps that person's regions
    await geocodeLedger(deps(), { dryRun: false });
    expect(await regions(e.id)).toContain('IN-HR');
  });

  it('drops a region an earlier geocode added to a STOP event no person edited', async () => {
    const e = await punjab();
    expect(e.regions).toEqual(['IN-PB']);
    await addRegion(e, 'IN-RJ', GEOCODER);
    expect(await regions(e.id)).toEqual(['IN-PB', 'IN-RJ']);
    const r = await geocodeLedger(deps(), { dryRun: false });
    expect(r.changed).toBe(1);
    expect(await regions(e.id)).toEqual(['IN-PB']);
  });

  it('keeps a region a person added', async () => {
    const e = await punjab();
    await addRegion(e, 'IN-HR', 'cli:root');
    await geocodeLedger(deps(), { dryRun: false });
    expect(await regions(e.id)).toEqual(['IN-PB', 'IN-HR']);
  });
});
