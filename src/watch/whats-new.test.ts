import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, setStatus } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { whatsNew } from './whats-new.js';

// SYNTHETIC ledger entries (sampleEvent), written at chosen instants.
let store: Store;
let cleanup: () => Promise<void>;
const at = (iso: string) => ({ store, clock: fixedClock(iso) });
const meta = { actor: 'tester' };

beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

describe('what is new since a watermark', () => {
  it('first look: the latest of each list, newest first, with the newest write as watermark', async () => {
    await createEvent(at('2026-01-01T00:00:00Z'), sampleEvent({ id: 'a-old', start: '2024-01-01' }), meta);
    await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'b-new', start: '2019-01-01' }), meta);
    await createEvent(at('2026-01-03T00:00:00Z'), sampleEvent({ id: 'c-draft', status: 'draft' }), meta);
    const r = await whatsNew(store, { limit: 1 });
    expect(r.since).toBeNull();
    expect(r.watermark).toBe('2026-01-03T00:00:00.000Z');
    expect(r.events).toMatchObject({ total: 2, items: [{ id: 'b-new', action: 'create', added: true }] });
    expect(r.drafts).toMatchObject({ total: 1, items: [{ id: 'c-draft', status: 'draft' }] });
  });

  it('lists exactly what was written after the watermark: added, confirmed; nothing twice', async () => {
    await createEvent(at('2026-01-01T00:00:00Z'), sampleEvent({ id: 'seen' }), meta);
    await createEvent(at('2026-01-01T00:00:00Z'), sampleEvent({ id: 'draft-seen', status: 'draft' }), meta);
    const first = await whatsNew(store, { limit: 20 });
    expect(first.watermark).toBe('2026-01-01T00:00:00.000Z');

    await createEvent(at('2026-01-05T00:00:00Z'), sampleEvent({ id: 'added-later' }), meta);
    await setStatus(at('2026-01-06T00:00:00Z'), 'draft-seen', 'confirm', { ...meta, reason: 'checked' });
    const second = await whatsNew(store, { since: first.watermark!, limit: 20 });
    expect(second.events.items.map((i) => [i.id, i.action, i.added])).toEqual([
      ['draft-seen', 'confirm', false],
      ['added-later', 'create', true],
    ]);
    expect(second.drafts).toEqual({ total: 0, items: [] });
    expect(second.watermark).toBe('2026-01-06T00:00:00.000Z');

    const third = await whatsNew(store, { since: second.watermark!, limit: 20 });
    expect(third.events.total + third.drafts.total).toBe(0);
    expect(third.watermark).toBe(second.watermark); // nothing newer: the watermark stays
  });

  it('an offset instant means the same moment', async () => {
    await createEvent(at('2026-01-05T00:00:00Z'), sampleEvent({ id: 'x' }), meta);
    expect((await whatsNew(store, { since: '2026-01-05T00:59:59+01:00', limit: 5 })).events.total).toBe(1);
    expect((await whatsNew(store, { since: '2026-01-05T01:00:00+01:00', limit: 5 })).events.total).toBe(0);
  });

  it('a watermark never passes a new item the answer leaves out: while a list holds more than limit, it stays at since', async () => {
    await createEvent(at('2026-01-01T00:00:00Z'), sampleEvent({ id: 'seen' }), meta);
    const first = await whatsNew(store, { limit: 20 });
    for (const [i, day] of ['02', '03', '04'].entries()) await createEvent(at(`2026-01-${day}T00:00:00Z`), sampleEvent({ id: `new-${i}` }), meta);
    const cut = await whatsNew(store, { since: first.watermark!, limit: 2 });
    expect(cut.events).toMatchObject({ total: 3, items: [{ id: 'new-2' }, { id: 'new-1' }] });
    expect(cut.watermark).toBe(first.watermark);
    const all = await whatsNew(store, { since: cut.watermark!, limit: 3 });
    expect(all.events.items.map((i) => i.id)).toEqual(['new-2', 'new-1', 'new-0']);
    expect(all.watermark).toBe('2026-01-04T00:00:00.000Z');
  });
});

describe('a since later than the newest write', () => {
  it('cannot be a watermark of this ledger: answered as a first look, its watermark the newest write, never the since given', async () => {
    await createEvent(at('2026-01-01T00:00:00Z'), sampleEvent({ id: 'kept' }), meta);
    await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'kept-draft', status: 'draft' }), meta);
    const r = await whatsNew(store, { since: '2030-01-01T00:00:00Z', limit: 20 });
    expect(r.watermark).toBe('2026-01-02T00:00:00.000Z');
    expect(r.since).toBeNull();
    expect([r.events.items.map((i) => i.id), r.drafts.items.map((i) => i.id)]).toEqual([['kept'], ['kept-draft']]);
    // the watermark it hands back is one the ledger gave: the next look lists what is written after it
    await createEvent(at('2026-01-03T00:00:00Z'), sampleEvent({ id: 'later' }), meta);
    expect((await whatsNew(store, { since: r.watermark!, limit: 20 })).events.items.map((i) => i.id)).toEqual(['later']);
  });

  it('on an empty ledger the watermark is null, not the since given', async () => {
    expect((await whatsNew(store, { since: '2030-01-01T00:00:00Z', limit: 20 })).watermark).toBeNull();
  });
});
