import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { tempStore } from '../../../test/helpers/index.js';
import type { LedgerEvent } from '../model.js';
import { editEvent } from '../service.js';
import { importStop } from './import.js';
import type { StopRow } from './parse.js';
import { stopFixture } from './testing.js';

// Real records: every record of Sudan in the 2026-05-20 snapshot (test/fixtures/stop/sudan.csv),
// standing here for a whole snapshot.
const sudan = () => stopFixture('sudan.csv');
const feb = (rows: StopRow[], start: string) => rows.find((r) => r.start_date === start)!;

describe('what a STOP import retracts', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-02T00:00:00Z'), progress: silentProgress });
  const active = async () => (await store.ledger.listEvents({ statuses: ['active'], limit: 1000 })).map((x) => x.doc as unknown as LedgerEvent);

  it('never retracts an event a person has edited: a duplicate record edited is left and reported', async () => {
    const rows = sudan();
    // the 6 February 2024 record alone first: its own event, which a person then edits
    const first = await importStop(deps(), [feb(rows, '2024-02-06')], 'sudan.csv', '2026-05-20');
    const id = (await active())[0]!.id;
    expect(first.events.created).toBe(1);
    await editEvent({ ...deps() }, id, { tags: ['keepiton', 'verified'] }, undefined, { actor: 'cli:root', reason: 'checked' });
    // with the 2 February record it is a near-duplicate, which the import would retract
    const r = await importStop(deps(), [feb(rows, '2024-02-02'), feb(rows, '2024-02-06')], 'sudan.csv', '2026-05-20');
    expect(r.user_edits_kept).toEqual([{ event: id, would_retract: expect.stringMatching(/^duplicate STOP record of the shutdown in stop-sd-2024-02-02-/) }]);
    expect((await store.ledger.getEvent(id))!.status).toBe('active');
    expect((await store.ledger.listRevisions(id)).map((v) => v.actor)).toEqual(['stop-import', 'cli:root']);
  });

  it('a whole snapshot retracts the events of records removed or re-keyed (start corrected), naming the record; a part or an edited event is never retracted (SYNTHETIC: one start moved, one record removed)', async () => {
    const rows = sudan();
    await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    const before = await active();
    const moved = feb(rows, '2025-07-25');
    const removed = feb(rows, '2024-09-26');
    const next = rows.filter((r) => r !== removed).map((r) => (r === moved ? { ...r, start_date: '2025-07-24' } : r));
    const oldIds = before.filter((e) => e.start === '2025-07-25' || e.start === '2024-09-26').map((e) => e.id);
    expect(oldIds).toHaveLength(2);

    // a part (no --full): nothing is retracted for being absent
    const part = await importStop(deps(), next.slice(0, 24), 'part.csv', '2026-06-01');
    expect(part.absent_retracted).toEqual([]);
    expect(part.absent_check).toMatch(/^not asked/);
    expect((await active()).length).toBe(before.length + 1);

    const whole = await importStop(deps(), next, 'stop_snapshot-2026-06-01.csv', '2026-06-01', { full: true });
    expect(whole.absent_retracted.map((a) => a.event).sort()).toEqual([...oldIds].sort());
    const reasonOf = (id: string) => whole.absent_retracted.find((a) => a.event === id)!.reason;
    expect(reasonOf(oldIds.find((i) => i.includes('2024-09-26'))!)).toMatch(
      /^no record of the 2026-06-01 snapshot \(stop_snapshot-2026-06-01.csv, imported as the whole snapshot\) describes this event any more: it was read from count_year 2024, record 22 \(line \d+\) of the 2026-05-20 snapshot$/,
    );
    const now = await active();
    expect(now.length).toBe(whole.events.distinct - whole.events.linked_to_seed);
    expect(now.filter((e) => e.start === '2025-07-24')).toHaveLength(1);
    for (const id of oldIds) expect((await store.ledger.getEvent(id))!.status).toBe('retracted');
    // again: nothing more to retract
    expect((await importStop(deps(), next, 'stop_snapshot-2026-06-01.csv', '2026-06-01', { full: true })).absent_retracted).toEqual([]);
  });

  it('a whole snapshot leaves an edited event, and the event of a record it rejects, and reports the edited one', async () => {
    const rows = sudan();
    await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    const events = await active();
    const edited = events.find((e) => e.start === '2024-09-26')!.id;
    await editEvent({ ...deps() }, edited, { tags: ['keepiton', 'verified'] }, undefined, { actor: 'cli:root', reason: 'checked' });
    const rejectedId = events.find((e) => e.start === '2025-07-25')!.id;
    // SYNTHETIC: the 2024-09-26 record removed, the 2025-07-25 record ending before it starts
    const next = rows.filter((r) => r.start_date !== '2024-09-26').map((r) => (r.start_date === '2025-07-25' ? { ...r, end_date: '2025-07-01' } : r));
    const r = await importStop(deps(), next, 'stop_snapshot-2026-06-01.csv', '2026-06-01', { full: true });
    expect(r.absent_check).toBe('done');
    expect(r.absent_retracted).toEqual([]);
    expect(r.user_edits_kept.map((k) => k.event)).toEqual([edited]);
    expect(r.rejects).toHaveLength(1);
    expect((await store.ledger.getEvent(edited))!.status).toBe('active');
    expect((await store.ledger.getEvent(rejectedId))!.status).toBe('active');
  });
});
