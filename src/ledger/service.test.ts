import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, isAppError } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { createEvent, deriveEventId, editEvent, eventHistory, getEvent, listEvents, setStatus, updateEvent } from './service.js';
import { countEvents } from './stats.js';

let store: Store;
let cleanup: () => Promise<void>;
const clock = fixedClock('2026-02-03T04:05:06.000Z');
const deps = () => ({ store, clock });
const meta = { actor: 'tester' };

beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
};

describe('ledger service', () => {
  it('a region filter finds the events filed under its equivalent codes too: UA-43 and RU-CR, UA-40 and RU-SEV (SYNTHETIC events)', async () => {
    const add = (id: string, regions: string[]) => createEvent(deps(), sampleEvent({ id, countries: ['UA'], regions, scope: 'regional' }), meta);
    await add('ua-crimea', ['UA-43']);
    await add('ru-crimea', ['RU-CR']);
    await add('ua-sevastopol', ['UA-40']);
    await add('ua-kyiv', ['UA-30']);
    const ids = async (region: string) => (await listEvents(deps(), { region })).items.map((e) => e.id).sort();
    expect(await ids('RU-CR')).toEqual(['ru-crimea', 'ua-crimea']);
    expect(await ids('UA-43')).toEqual(['ru-crimea', 'ua-crimea']);
    expect(await ids('RU-SEV')).toEqual(['ua-sevastopol']);
    expect(await ids('UA-30')).toEqual(['ua-kyiv']);
    expect((await listEvents(deps(), { region: 'RU-CR' })).total).toBe(2);
  });
  it('derives a readable id when none is given', async () => {
    const { id: _omit, ...noId } = sampleEvent({ title: 'Roskomnadzor blocks Telegram', start: '2018-04-16' });
    const e = await createEvent(deps(), noId, meta);
    expect(e.id).toBe('ru-2018-roskomnadzor-blocks-telegram');
    expect(deriveEventId({ countries: ['RU', 'CN'], start: '2019', title: 'Joint fund!' })).toBe('ru-cn-2019-joint-fund');
  });
  it('refuses a second create with the same id (CONFLICT) and keeps the first', async () => {
    await createEvent(deps(), sampleEvent(), meta);
    expect(await code(createEvent(deps(), sampleEvent({ title: 'Another title' }), meta))).toBe('CONFLICT');
    expect((await getEvent(deps(), 'xx-2020-test-event')).title).toBe('A synthetic test event');
  });
  it('of two concurrent edits at the same revision exactly one wins; the other gets PRECONDITION_FAILED', async () => {
    await createEvent(deps(), sampleEvent(), meta);
    const results = await Promise.all(
      ['first', 'second'].map((t) => code(updateEvent(deps(), 'xx-2020-test-event', sampleEvent({ title: `Edit ${t}` }), 1, meta))),
    );
    expect(results.sort()).toEqual(['PRECONDITION_FAILED', 'ok']);
    const h = await eventHistory(deps(), 'xx-2020-test-event');
    expect(h.map((r) => r.revision)).toEqual([1, 2]);
  });
  it('an update that changes nothing adds no revision and says so; a stale one is still refused', async () => {
    const created = await createEvent(deps(), sampleEvent(), meta);
    const same = await updateEvent(deps(), created.id, sampleEvent(), 1, { ...meta, reason: 'no change' });
    expect(same).toEqual({ event: created, changed: false });
    // key order and an absent optional key do not make a change
    const { regions: _r, ...reordered } = Object.fromEntries(Object.entries(sampleEvent()).reverse()) as Record<string, unknown>;
    expect((await updateEvent(deps(), created.id, { ...reordered, regions: [] }, 1, meta)).changed).toBe(false);
    expect((await eventHistory(deps(), created.id)).map((r) => r.action)).toEqual(['create']);
    const moved = await updateEvent(deps(), created.id, sampleEvent({ end: '2020-02-01' }), 1, meta);
    expect([moved.changed, moved.event.revision]).toEqual([true, 2]);
    expect(await code(updateEvent(deps(), created.id, sampleEvent({ end: '2020-02-01' }), 1, meta))).toBe('PRECONDITION_FAILED');
    expect((await eventHistory(deps(), created.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });
  it('an edit that sets the id or a ledger timestamp is refused (VALIDATION) naming the field, another revision is PRECONDITION_FAILED as over HTTP; the same values sent back are fine', async () => {
    const created = await createEvent(deps(), sampleEvent(), meta);
    const other = await editEvent(deps(), created.id, { revision: 10 }, undefined, meta).catch((e: unknown) => e);
    expect(isAppError(other) && [other.code, other.message]).toEqual([
      'PRECONDITION_FAILED',
      `event ${created.id} is at revision 1, not 10: reload it and apply your change again`,
    ]);
    for (const [field, value] of [
      ['id', 'renamed'],
      ['created_at', '2020-01-01T00:00:00.000Z'],
      ['updated_at', '2020-01-01T00:00:00.000Z'],
    ] as const) {
      const err = await editEvent(deps(), created.id, { [field]: value }, undefined, meta).catch((e: unknown) => e);
      expect(isAppError(err) && err.code === 'VALIDATION' && err.issues.map((i) => i.path[0])).toEqual([field]);
      expect(isAppError(err) && err.message).toMatch(/cannot be edited/);
    }
    const { id, revision, created_at, updated_at } = created;
    expect((await editEvent(deps(), id, { id, revision, created_at, updated_at, title: 'Renamed title' }, undefined, meta)).event.revision).toBe(2);
    expect((await eventHistory(deps(), id)).map((r) => r.action)).toEqual(['create', 'update']);
  });
  it('walks draft -> confirm, retract -> restore, each a revision with a reason', async () => {
    await createEvent(deps(), sampleEvent({ status: 'draft' }), meta);
    expect((await listEvents(deps(), {})).items).toHaveLength(0);
    expect(await code(setStatus(deps(), 'xx-2020-test-event', 'confirm', { ...meta, reason: '' }))).toBe('VALIDATION');
    await setStatus(deps(), 'xx-2020-test-event', 'confirm', { ...meta, reason: 'checked the measurements' });
    expect((await listEvents(deps(), {})).items).toHaveLength(1);
    await setStatus(deps(), 'xx-2020-test-event', 'retract', { ...meta, reason: 'duplicate' });
    expect((await listEvents(deps(), {})).items).toHaveLength(0);
    expect((await listEvents(deps(), { include_retracted: true })).items).toHaveLength(1);
    expect(await code(setStatus(deps(), 'xx-2020-test-event', 'confirm', { ...meta, reason: 'not a draft' }))).toBe('CONFLICT');
    await setStatus(deps(), 'xx-2020-test-event', 'restore', { ...meta, reason: 'not a duplicate after all' });
    const h = await eventHistory(deps(), 'xx-2020-test-event');
    expect(h.map((r) => `${r.action}:${(r.current as { status: string }).status}`)).toEqual([
      'create:draft',
      'confirm:active',
      'retract:retracted',
      'restore:active',
    ]);
    expect(h[2]!.previous).toMatchObject({ status: 'active', revision: 2 });
  });
  it('restore returns an event to the status it had before it was dismissed or retracted: a draft stays a draft', async () => {
    await createEvent(deps(), sampleEvent({ status: 'draft' }), meta);
    await setStatus(deps(), 'xx-2020-test-event', 'dismiss', { ...meta, reason: 'false positive' });
    expect((await setStatus(deps(), 'xx-2020-test-event', 'restore', { ...meta, reason: 'undo dismiss' })).status).toBe('draft');
    await setStatus(deps(), 'xx-2020-test-event', 'retract', { ...meta, reason: 'duplicate' });
    expect((await setStatus(deps(), 'xx-2020-test-event', 'restore', { ...meta, reason: 'undo retract' })).status).toBe('draft');
    await setStatus(deps(), 'xx-2020-test-event', 'confirm', { ...meta, reason: 'checked' });
    await setStatus(deps(), 'xx-2020-test-event', 'retract', { ...meta, reason: 'duplicate' });
    expect((await setStatus(deps(), 'xx-2020-test-event', 'restore', { ...meta, reason: 'undo retract' })).status).toBe('active');
  });
  it('records the ambiguity of Crimea codes on the event', async () => {
    const e = await createEvent(deps(), sampleEvent({ regions: ['UA-43'] }), meta);
    expect(e.region_notes?.[0]).toMatchObject({ code: 'UA-43', equivalents: ['RU-CR'] });
  });
  it('rejects a cursor it did not issue', async () => {
    expect(await code(listEvents(deps(), { cursor: 'garbage' }))).toBe('VALIDATION');
  });
  it('started_from with to lists exactly the events the counts by start year count in that range', async () => {
    await createEvent(deps(), sampleEvent({ id: 'xx-2016-long', start: '2016-04-16', end: null }), meta);
    await createEvent(deps(), sampleEvent({ id: 'xx-2019-in', start: '2019-03-01', end: '2019-03-02' }), meta);
    await createEvent(deps(), sampleEvent({ id: 'xx-2021-after', start: '2021-01-01', end: '2021-01-02' }), meta);
    const counted = (await countEvents(deps(), { country: 'RU' })).items.filter((c) => c.year >= 2019 && c.year <= 2020);
    const listed = await listEvents(deps(), { country: 'RU', started_from: '2019', to: '2020' });
    expect(listed.items.map((e) => e.id)).toEqual(['xx-2019-in']);
    expect(listed.total).toBe(counted.reduce((n, c) => n + c.count, 0));
    const err = await listEvents(deps(), { started_from: '2022', to: '2021' }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code === 'VALIDATION' && err.issues[0]?.path).toEqual(['to']);
  });
  it('rejects a date range that ends before it begins, naming to; a range within one day or year is fine', async () => {
    const err = await listEvents(deps(), { from: '2022', to: '2021' }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code === 'VALIDATION' && err.issues[0]?.path).toEqual(['to']);
    expect((await listEvents(deps(), { from: '2021-06-01', to: '2021-06-01' })).items).toEqual([]);
    expect((await listEvents(deps(), { from: '2021', to: '2021-06' })).items).toEqual([]);
  });
});
