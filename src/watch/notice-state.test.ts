// A notice backing off is sent with the event as it is at that send: a draft confirmed or dismissed meanwhile arrives as
// confirmed or dismissed, never as the draft it was when queued. SYNTHETIC ledger entry and receiver.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DETECTOR_UPDATE } from '../detect/index.js';
import { createEvent, prepareRevise, setStatus } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { addHook, deliverDue, enqueueNotices, type Sender } from './hooks.js';

let store: Store;
let cleanup: () => Promise<void>;
const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
let answer = 500;
const got: { type: string; status: string; revision: number }[] = [];
const receiver: Sender = (_u, _h, body) => {
  const b = JSON.parse(body) as { type: string; event: { status: string; revision: number } };
  got.push({ type: b.type, status: b.event.status, revision: b.event.revision });
  return Promise.resolve({ status: answer });
};

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  got.length = 0;
  answer = 500;
  await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/ord' });
  await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'det-x', status: 'draft' }), { actor: 'tester', origin: 'detect' });
  await enqueueNotices(at('2026-01-02T00:00:01Z'));
  await deliverDue({ ...at('2026-01-02T00:00:02Z'), send: receiver }); // 500: backs off 30 s
  answer = 200;
});
afterEach(() => cleanup());

describe('a notice retried after the event changed', () => {
  it('a draft confirmed while its notice backed off: the retry carries the event as confirmed, never the draft', async () => {
    await setStatus(at('2026-01-02T00:00:10Z'), 'det-x', 'confirm', { actor: 'person', reason: 'order test' });
    await enqueueNotices(at('2026-01-02T00:00:11Z'));
    await deliverDue({ ...at('2026-01-02T00:00:12Z'), send: receiver }); // the confirmation, at once
    await deliverDue({ ...at('2026-01-02T00:01:00Z'), send: receiver }); // the draft notice's retry
    expect(got).toEqual([
      { type: 'event.draft', status: 'draft', revision: 1 },
      { type: 'event.confirmed', status: 'active', revision: 2 },
      { type: 'event.draft', status: 'active', revision: 2 },
    ]);
    // the outbox keeps what was sent
    const draft = (await store.watch.listDeliveries({ limit: 10 })).find((d) => d.notice === 'draft')!;
    expect((JSON.parse(draft.body) as { event: { status: string } }).event.status).toBe('active');
  });

  it('a draft dismissed while its notice backed off: the retry tells the receiver it was dismissed', async () => {
    await setStatus(at('2026-01-02T00:00:10Z'), 'det-x', 'dismiss', { actor: 'person', reason: 'not an outage' });
    await enqueueNotices(at('2026-01-02T00:00:11Z'));
    await deliverDue({ ...at('2026-01-02T00:01:00Z'), send: receiver });
    expect(got.at(-1)).toEqual({ type: 'event.draft', status: 'dismissed', revision: 2 });
  });

  it('a draft the detector gave its end while its first notice backed off: that notice carries the end, and no second one is queued', async () => {
    const rec = (await store.ledger.getEvent('det-x'))!;
    const end = '2020-01-05';
    const { write } = prepareRevise(at('2026-01-02T00:00:10Z'), rec, { ...rec.doc, end }, DETECTOR_UPDATE, {
      actor: 'tester',
      reason: 'the detector saw the recovery',
    });
    await store.ledger.writeEvents([write]);
    expect((await enqueueNotices(at('2026-01-02T00:00:11Z'))).enqueued).toBe(0);
    await deliverDue({ ...at('2026-01-02T00:01:00Z'), send: receiver });
    expect(got.at(-1)).toEqual({ type: 'event.draft', status: 'draft', revision: 2 });
  });
});
