// A detector's draft given its end (a revision by the detector) is announced once more as an event.draft notice to
// subscriptions already sent the open draft; a person's edit is not. SYNTHETIC ledger entry and receiver.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DETECTOR_UPDATE } from '../detect/index.js';
import { createEvent, editEvent, prepareRevise } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { addHook, deliverDue, enqueueNotices, type Sender } from './hooks.js';

let store: Store;
let cleanup: () => Promise<void>;
const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
const bodies: Record<string, unknown>[] = [];
const ok: Sender = (_u, _h, body) => (bodies.push(JSON.parse(body) as Record<string, unknown>), Promise.resolve({ status: 200 }));
const END = '2026-01-02T12:00:00.000Z';

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  bodies.length = 0;
  await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/drafts', notices: ['draft'] });
  await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'det-outage-x', status: 'draft', start: '2026-01-01T18:00:00Z', end: null }), {
    actor: 'tester',
    origin: 'detect',
  });
  await enqueueNotices(at('2026-01-02T00:00:01Z'));
  await deliverDue({ ...at('2026-01-02T00:00:02Z'), send: ok });
});
afterEach(() => cleanup());

const ended = async (iso: string) => {
  const rec = (await store.ledger.getEvent('det-outage-x'))!;
  const { write } = prepareRevise(at(iso), rec, { ...rec.doc, end: END }, DETECTOR_UPDATE, { actor: 'tester', reason: 'the detector saw the recovery' });
  await store.ledger.writeEvents([write]);
};

describe('a draft the detector gave its end', () => {
  it('is sent again as event.draft with the end, once, to a subscription that had the open draft', async () => {
    expect(bodies.map((b) => (b.event as { end: unknown }).end)).toEqual([null]);
    await ended('2026-01-02T13:00:00Z');
    expect((await enqueueNotices(at('2026-01-02T13:00:01Z'))).enqueued).toBe(1);
    expect((await enqueueNotices(at('2026-01-02T13:00:02Z'))).enqueued).toBe(0);
    await deliverDue({ ...at('2026-01-02T13:00:03Z'), send: ok });
    expect(bodies.map((b) => [b.type, (b.event as { revision: number }).revision, (b.event as { end: unknown }).end])).toEqual([
      ['event.draft', 1, null],
      ['event.draft', 2, END],
    ]);
    expect((await store.watch.listDeliveries({ limit: 10 })).map((d) => d.notice).sort()).toEqual(['draft', 'draft:r2']);
  });

  it("a person's edit of the draft is no detector revision: nothing more is queued", async () => {
    await editEvent(at('2026-01-02T13:00:00Z'), 'det-outage-x', { title: 'checked by hand' }, undefined, { actor: 'person' });
    expect((await enqueueNotices(at('2026-01-02T13:00:01Z'))).enqueued).toBe(0);
  });
});
