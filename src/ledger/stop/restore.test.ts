import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { tempStore } from '../../../test/helpers/index.js';
import type { LedgerEvent } from '../model.js';
import { setStatus } from '../service.js';
import { importStop } from './import.js';
import { stopFixture } from './testing.js';

// Real records: every record of Sudan in the 2026-05-20 snapshot (test/fixtures/stop/sudan.csv),
// standing here for a whole snapshot.
const sudan = () => stopFixture('sudan.csv');

describe('a record of the file brings back the event the importer retracted', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-02T00:00:00Z'), progress: silentProgress });
  const active = async () => (await store.ledger.listEvents({ statuses: ['active'], origin: 'stop', limit: 1000 })).map((x) => x.doc as unknown as LedgerEvent);

  // SYNTHETIC: a whole snapshot without the 2024-09-26 and 2025-07-25 records retracts their events
  const retractTwo = async () => {
    const rows = sudan();
    await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    const before = await active();
    const gone = before.filter((e) => e.start === '2024-09-26' || e.start === '2025-07-25').map((e) => e.id);
    const without = rows.filter((r) => r.start_date !== '2024-09-26' && r.start_date !== '2025-07-25');
    const r = await importStop(deps(), without, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    expect(r.absent_retracted.map((a) => a.event).sort()).toEqual([...gone].sort());
    return { rows, before, gone };
  };

  for (const full of [false, true])
    it(`importing the snapshot again ${full ? 'with' : 'without'} --full restores them, reported and counted as restored, not unchanged`, async () => {
      const { rows, before, gone } = await retractTwo();
      const r = await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full });
      expect(r.events.restored).toBe(2);
      expect(r.restored.map((x) => x.event).sort()).toEqual([...gone].sort());
      expect(r.restored[0]!.retracted).toMatch(/^no record of the 2026-05-20 snapshot .* describes this event any more/);
      expect(r.events.unchanged).toBe(r.events.distinct - r.events.linked_to_seed - 2);
      expect((await active()).map((e) => e.id).sort()).toEqual(before.map((e) => e.id).sort());
      for (const id of gone) {
        const revs = await store.ledger.listRevisions(id);
        expect(revs.map((v) => [v.action, v.actor])).toEqual([
          ['create', 'stop-import'],
          ['retract', 'stop-import'],
          ['restore', 'stop-import'],
        ]);
        expect(revs[2]!.reason).toMatch(/^record \d+ \(line \d+\) of stop_snapshot-2026-05-20.csv \(the 2026-05-20 snapshot\) describes this event again/);
      }
      // again: nothing left to restore
      const again = await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full });
      expect(again.events.restored).toBe(0);
      expect(again.restored).toEqual([]);
    });

  it('a restored event whose record also changed takes the change in a revision after the restore (SYNTHETIC: its end date moved a day, 2024-11-19 to 2024-11-20)', async () => {
    const { rows, gone } = await retractTwo();
    const sept = rows.find((r) => r.start_date === '2024-09-26')!;
    const id = gone.find((g) => g.includes('2024-09-26'))!;
    const corrected = rows.map((r) => (r === sept ? { ...r, end_date: '2024-11-20', duration: '56' } : r));
    expect(sept.end_date).toBe('2024-11-19');
    const r = await importStop(deps(), corrected, 'stop_snapshot-2026-05-20.csv', '2026-05-20');
    expect(r.restored.map((x) => x.event)).toContain(id);
    const revs = await store.ledger.listRevisions(id);
    expect(revs.map((v) => v.action)).toEqual(['create', 'retract', 'restore', 'update']);
    const now = (await store.ledger.getEvent(id))!;
    expect(now.status).toBe('active');
    expect((now.doc as unknown as LedgerEvent).end).toBe('2024-11-20');
  });

  it('an event a person retracted stays retracted, listed with who retracted it; the one the importer retracted comes back', async () => {
    const { rows, gone } = await retractTwo();
    const byPerson = (await active()).find((e) => !gone.includes(e.id))!.id;
    await setStatus(deps(), byPerson, 'retract', { actor: 'cli:root', reason: 'not a shutdown' });
    const r = await importStop(deps(), rows, 'stop_snapshot-2026-05-20.csv', '2026-05-20', { full: true });
    expect(r.restored.map((x) => x.event).sort()).toEqual([...gone].sort());
    expect(r.events.kept_retracted).toBe(1);
    expect(r.retracted_kept).toEqual([{ event: byPerson, retracted_by: 'cli:root', reason: 'not a shutdown' }]);
    expect((await store.ledger.getEvent(byPerson))!.status).toBe('retracted');
    expect(r.absent_retracted).toEqual([]);
  });
});
