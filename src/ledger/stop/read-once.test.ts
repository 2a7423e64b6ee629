/**
 * The import reads the stored events its file makes in one query, not one query per event: on
 * the real 2026-05-20 snapshot records of Sudan (test/fixtures/stop/sudan.csv) a first import and
 * a re-import ask the store for single events only for what the file does not make itself, and
 * both give what reading them one by one gives (the same counts, nothing written twice).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { tempStore } from '../../../test/helpers/index.js';
import { importStop } from './import.js';
import { stopFixture } from './testing.js';

describe('importStop reads the stored events of its file at once', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());

  it('asks for single events only outside the file, on a first import and a re-import', async () => {
    const counted = { one: [] as string[], many: 0 };
    const ledger = store.ledger;
    const spied: Store = {
      ...store,
      ledger: {
        ...ledger,
        getEvent: (id) => (counted.one.push(id), ledger.getEvent(id)),
        getEvents: (ids) => (counted.many++, ledger.getEvents(ids)),
      },
    };
    const deps = { store: spied, clock: fixedClock('2026-06-02T00:00:00Z'), progress: silentProgress };
    const rows = stopFixture('sudan.csv');
    const first = await importStop(deps, rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    expect(first.events.created).toBeGreaterThan(10);
    // the one single read: the event a duplicate record would have made (Sudan's 6 February 2024
    // record, listed twice), checked before it is retired; it is none of the file's own events
    expect(first.duplicates_merged).toBe(1);
    expect(counted).toEqual({ one: ['stop-sd-2024-02-06-nationwide-78e6d2'], many: 1 });
    const again = await importStop(deps, rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    expect(again.events).toMatchObject({ created: 0, updated: 0, unchanged: first.events.created });
    expect(counted).toEqual({ one: ['stop-sd-2024-02-06-nationwide-78e6d2', 'stop-sd-2024-02-06-nationwide-78e6d2'], many: 2 });
  });

  it('getEvents answers the stored events among the ids, none for an unknown or empty list', async () => {
    const deps = { store, clock: fixedClock('2026-06-02T00:00:00Z'), progress: silentProgress };
    await importStop(deps, stopFixture('sudan.csv'), 'stop_snapshot-2026-05-20.csv', '2026-05-20', {});
    const ids = (await store.ledger.listEvents({ statuses: ['active'], limit: 1000 })).map((e) => e.id);
    const got = await store.ledger.getEvents([ids[0]!, 'no-such-event', ids[1]!]);
    expect(got.map((e) => e.id).sort()).toEqual([ids[0]!, ids[1]!].sort());
    expect(got[0]).toEqual(await store.ledger.getEvent(got[0]!.id));
    expect(await store.ledger.getEvents([])).toEqual([]);
    expect(await store.ledger.getEvents(["x' OR 1=1 --"])).toEqual([]);
  });
});
