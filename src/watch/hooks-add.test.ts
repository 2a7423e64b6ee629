// One live subscription per receiver URL: a second `hooks add` of the same URL (or of it with
// only a fragment added, which HTTP never sends) would deliver every notice twice under two ids
// and two secrets, which the receiver cannot tell apart. SYNTHETIC receiver URLs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { addHook } from './hooks.js';

let store: Store;
let cleanup: () => Promise<void>;
const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

describe('hooks add of a URL already subscribed', () => {
  it('is refused as a conflict naming the existing subscription, whatever its filters or fragment', async () => {
    const first = await addHook(at('2026-01-01T00:00:00Z'), { url: 'http://127.0.0.1:18833/dup', countries: ['IR'] });
    for (const again of [
      { url: 'http://127.0.0.1:18833/dup' },
      { url: 'http://127.0.0.1:18833/dup#frag' },
      { url: 'HTTP://127.0.0.1:18833/dup', countries: ['RU'], notices: ['confirmed' as const] },
    ]) {
      await expect(addHook(at('2026-01-02T00:00:00Z'), again)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`already subscribed as ${first.id}`),
      });
    }
    expect(await store.watch.listSubscriptions(false)).toHaveLength(1);
  });

  it('two adds of one URL at the same instant: one is stored, the other refused naming it', async () => {
    const tries = await Promise.allSettled(
      ['http://127.0.0.1:18833/race', 'http://127.0.0.1:18833/race#b', 'http://127.0.0.1:18833/race'].map((url) =>
        addHook(at('2026-01-01T00:00:00Z'), { url }),
      ),
    );
    const stored = tries.filter((t) => t.status === 'fulfilled');
    expect(stored).toHaveLength(1);
    const id = (stored[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    for (const t of tries.filter((x) => x.status === 'rejected'))
      expect(t.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`already subscribed as ${id}`) });
    expect(await store.watch.listSubscriptions(false)).toHaveLength(1);
  });

  it('is accepted once the existing subscription is removed, and for another path or query', async () => {
    const first = await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/hook' });
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/hook?cc=IR' });
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/other' });
    await store.watch.removeSubscription(first.id, '2026-01-02T00:00:00Z');
    const again = await addHook(at('2026-01-03T00:00:00Z'), { url: 'https://receiver.example/hook' });
    expect(again.id).not.toBe(first.id);
    expect(await store.watch.listSubscriptions(false)).toHaveLength(3);
  });
});
