// Dead letters and replay: a delivery is queued again only when its subscription can still receive it (SYNTHETIC ledger entry and receiver).
import { existsSync, renameSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { addHook, allDead, deliverDue, deliveryPage, enqueueNotices, replayDead, type Sender } from './hooks.js';

let store: Store;
let path: string;
let cleanup: () => Promise<void>;
const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
const gone: Sender = () => Promise.resolve({ status: 410 });

beforeEach(async () => ({ store, path, cleanup } = await tempStore()));
afterEach(() => cleanup());

describe('hooks replay', () => {
  it('refuses a dead delivery whose subscription was removed, naming it; --all leaves it dead and says why', async () => {
    const kept = await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/kept' });
    const removed = await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/gone' });
    await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'd1', status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(at('2026-01-02T00:00:01Z'));
    await store.watch.removeSubscription(removed.id, '2026-01-02T00:00:02Z');
    await deliverDue({ ...at('2026-01-02T00:00:03Z'), send: gone }, { maxAttempts: 1, backoffMs: 1000, maxBackoffMs: 1000, timeoutMs: 1000, concurrency: 1 });
    const dead = await store.watch.listDeliveries({ status: 'dead', limit: 10 });
    expect(dead).toHaveLength(2);
    const orphan = dead.find((d) => d.subscription_id === removed.id)!;
    const live = dead.find((d) => d.subscription_id === kept.id)!;

    await expect(replayDead(at('2026-01-03T00:00:00Z'), orphan.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `delivery ${orphan.id} cannot be sent again: its subscription ${removed.id} was removed`,
    });
    expect((await store.watch.getDelivery(orphan.id))!.status).toBe('dead');

    const all = await replayDead(at('2026-01-03T00:00:00Z'));
    expect(all.replayed).toEqual([live.id]);
    expect(all.skipped).toEqual([{ id: orphan.id, reason: `subscription ${removed.id} was removed` }]);
    expect((await store.watch.getDelivery(orphan.id))!).toMatchObject({ status: 'dead', attempts: orphan.attempts });
    expect((await store.watch.getDelivery(live.id))!).toMatchObject({ status: 'pending', attempts: 0, last_status: null });
  });
});

describe('hooks replay --all', () => {
  it('reads every dead delivery a page at a time, whatever their number', async () => {
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/gone' });
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id, status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(at('2026-01-02T00:00:01Z'));
    await deliverDue({ ...at('2026-01-02T00:00:03Z'), send: gone }, { maxAttempts: 1, backoffMs: 1000, maxBackoffMs: 1000, timeoutMs: 1000, concurrency: 1 });
    const ids = (await store.watch.listDeliveries({ status: 'dead', limit: 100 })).map((d) => d.id).sort();
    expect(ids).toHaveLength(5);
    for (const page of [1, 2, 5, 6]) expect((await allDead(store, page)).map((d) => d.id).sort()).toEqual(ids);
    expect((await replayDead(at('2026-01-03T00:00:00Z'))).replayed.sort()).toEqual(ids);
  });
});

describe('hooks deliver', () => {
  it('two passes at once send each due delivery once, and its attempt count is what the receiver saw', async () => {
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/ok' });
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/fails' });
    for (const id of ['c1', 'c2', 'c3']) await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id, status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(at('2026-01-02T00:00:01Z'));
    const seen: string[] = [];
    // a receiver slow enough that both passes have read the due list before either finishes a send
    const slow: Sender = async (url, headers) => {
      seen.push(headers['x-splinternet-delivery']!);
      await new Promise((r) => setTimeout(r, 20));
      return { status: url.endsWith('/ok') ? 200 : 500 };
    };
    const pass = () => deliverDue({ ...at('2026-01-02T00:00:02Z'), send: slow });
    const [a, b, c] = await Promise.all([pass(), pass(), pass()]);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(a.attempted + b.attempted + c.attempted).toBe(6);
    expect(a.delivered + b.delivered + c.delivered).toBe(3);
    const all = await store.watch.listDeliveries({ limit: 10 });
    expect(all.map((d) => d.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(all.filter((d) => d.status === 'delivered')).toHaveLength(3);
  });
});

describe('hooks add and rotate-key while the key file is missing', () => {
  it('refuse to start a new key while subscriptions are sealed under one the file does not hold, naming the file', async () => {
    const old = await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/old' });
    renameSync(`${path}.key`, `${path}.key.moved`);
    await expect(addHook(at('2026-01-02T00:00:00Z'), { url: 'https://receiver.example/new' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`${path}.key`),
    });
    await expect(store.watch.rotateSecretKey()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(existsSync(`${path}.key`)).toBe(false);
    // restoring the file is the way out: the old secret opens and a new subscription seals under the same key
    renameSync(`${path}.key.moved`, `${path}.key`);
    const added = await addHook(at('2026-01-03T00:00:00Z'), { url: 'https://receiver.example/new' });
    const listed = await store.watch.listSubscriptions(false);
    expect(listed.map((s) => [s.id, s.secret, s.secret_problem ?? null])).toEqual([
      [old.id, old.secret, null],
      [added.id, added.secret, null],
    ]);
  });

  it('once the subscriptions sealed under a lost key are removed, a new key is made', async () => {
    const old = await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/old' });
    renameSync(`${path}.key`, `${path}.key.lost`);
    await store.watch.removeSubscription(old.id, '2026-01-02T00:00:00Z');
    const added = await addHook(at('2026-01-03T00:00:00Z'), { url: 'https://receiver.example/new' });
    expect((await store.watch.listSubscriptions(false)).map((s) => s.secret)).toEqual([added.secret]);
  });
});

describe('queuing notices', () => {
  it('queues each notice once, and a pass with nothing new writes nothing: the data version, and every answer cached on it, stays', async () => {
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/kept' });
    await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'q1', status: 'draft' }), { actor: 'tester' });
    expect((await enqueueNotices(at('2026-01-02T00:00:01Z'))).enqueued).toBe(1);
    const version = store.dataVersion();
    // a pump looks again whenever the version moved: its own pass must not move it
    expect((await enqueueNotices(at('2026-01-02T00:00:02Z'))).enqueued).toBe(0);
    expect(store.dataVersion()).toBe(version);
    expect(await store.watch.countDeliveries({})).toBe(1);
  });
});

describe('hooks deliveries', () => {
  it('shows next_at only while a delivery is pending: a delivered or dead one has none (its claim lease is no next attempt)', async () => {
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/ok' });
    await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/gone' });
    await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'n1', status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(at('2026-01-02T00:00:01Z'));
    const send: Sender = (url) => Promise.resolve({ status: url.endsWith('/ok') ? 200 : 410 });
    await deliverDue({ ...at('2026-01-02T00:00:02Z'), send }, { maxAttempts: 1, backoffMs: 1000, maxBackoffMs: 1000, timeoutMs: 1000, concurrency: 1 });
    // a second event whose notices back off
    await createEvent(at('2026-01-03T00:00:00Z'), sampleEvent({ id: 'n2', status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(at('2026-01-03T00:00:01Z'));
    await deliverDue({ ...at('2026-01-03T00:00:02Z'), send: () => Promise.resolve({ status: 503 }) });
    const rows = (await deliveryPage(store, { limit: 10 })).items.map((d) => [d.event_id, d.status, d.next_at === null]);
    expect(rows.sort()).toEqual([
      ['n1', 'dead', true],
      ['n1', 'delivered', true],
      ['n2', 'pending', false],
      ['n2', 'pending', false],
    ]);
  });
});
