import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixedClock, packagePath, silentProgress } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { tempStore } from '../../../test/helpers/index.js';
import { importStop } from './import.js';
import { parseStopCsv } from './parse.js';
import { stopFixture } from './testing.js';

// Real records: every record of Sudan in the 2026-05-20 snapshot (test/fixtures/stop/sudan.csv,
// 25 records), standing here for a whole snapshot.
const sudan = () => stopFixture('sudan.csv');
// The fixture's header line alone: a file of the sheet's columns holding no record.
const headerOnly = () => parseStopCsv(readFileSync(packagePath('test', 'fixtures', 'stop', 'sudan.csv'), 'utf8').split('\n')[0]! + '\n', 'hdr.csv');

describe('a file that cannot be a whole snapshot retracts nothing', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-02T00:00:00Z'), progress: silentProgress });
  const activeStop = async () => (await store.ledger.listEvents({ statuses: ['active'], origin: 'stop', limit: 1000 })).length;

  it('a file with no record (the header alone) retracts nothing, and says why', async () => {
    await importStop(deps(), sudan(), 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    const before = await activeStop();
    expect(before).toBeGreaterThan(0);
    const r = await importStop(deps(), headerOnly(), 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true, allowShrink: true });
    expect(r.rows_read).toBe(0);
    expect(r.absent_retracted).toEqual([]);
    expect(r.absent_check).toBe('not done: the file holds no record, so it cannot be the whole snapshot');
    expect(await activeStop()).toBe(before);
  });

  it('a snapshot dated before the latest one imported retracts nothing, and names both dates', async () => {
    const rows = sudan();
    await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    const before = await activeStop();
    // the Sudan records that began by 2025-01-01, read as a snapshot of that day
    const old = rows.filter((r) => r.start_date <= '2024-12-31' && (r.end_date === '' || r.end_date <= '2024-12-31') && r.count_year <= '2024');
    expect(old.length).toBeGreaterThan(0);
    const r = await importStop(deps(), old, 'stop_snapshot-2025-01-01.csv', '2025-01-01', { full: true, allowShrink: true });
    expect(r.absent_check).toBe(
      'not done: the file is the 2025-01-01 snapshot, older than the 2026-05-20 snapshot the STOP events were last imported from, so it cannot be the whole of the latest one',
    );
    expect(r.absent_retracted).toEqual([]);
    expect(await activeStop()).toBe(before);
  });

  it('a file with fewer than half the records the store holds of the latest snapshot retracts nothing unless allowShrink says it is whole', async () => {
    const rows = sudan();
    await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    const before = await activeStop();
    const few = rows.slice(0, 12); // 12 of the 25 stored: under half
    const r = await importStop(deps(), few, 'stop_snapshot-2026-06-01.csv', '2026-06-01', { full: true });
    expect(r.absent_check).toBe(
      'not done: the file holds 12 records, fewer than half of the 25 the store holds of the 2026-05-20 snapshot; if it is the whole snapshot, say so with --allow-shrink (allow_shrink=true)',
    );
    expect(r.absent_retracted).toEqual([]);
    expect(await activeStop()).toBe(before);
    // half or more is a whole snapshot's size: 13 of 25
    const half = await importStop(deps(), rows.slice(0, 13), 'stop_snapshot-2026-06-01.csv', '2026-06-01', { full: true });
    expect(half.absent_check).toBe('done');
    expect(half.absent_retracted.length).toBeGreaterThan(0);
  });

  it('allowShrink: the caller says the small file is the whole snapshot, and what it no longer describes is retracted', async () => {
    const rows = sudan();
    await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    const r = await importStop(deps(), rows.slice(0, 12), 'stop_snapshot-2026-06-01.csv', '2026-06-01', { full: true, allowShrink: true });
    expect(r.absent_check).toBe('done');
    expect(r.absent_retracted.length).toBeGreaterThan(0);
    expect(await activeStop()).toBe(r.events.distinct - r.events.linked_to_seed);
  });
});
