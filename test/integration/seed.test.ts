/**
 * The seeded ledger from the data the repo ships (data/ledger, data/events): acceptance
 * checks of the seeded ledger on real data, run through the built CLI as a user would. The
 * ledger is a copy of the run's one `db seed --json` (test/helpers/seeded.ts) and the seed's
 * report is that run's; the re-seed test runs a real `db seed` again on the copy.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir();
const db = join(t.dir, 'seeded.duckdb');
let firstSeed: { ledger: { events: Record<string, number> }; stop: Record<string, unknown> & { events: Record<string, number> } };

beforeAll(async () => {
  // copySeeded fails unless the seed exited 0 or 3 (an internal error exits 1)
  firstSeed = JSON.parse(await copySeeded(db));
}, SEED_WAIT_MS);
afterAll(() => t.cleanup());

const json = async (args: string[], code = 0) => {
  const r = await runBin([...args, '--json', '--db', db]);
  expect(r.code, r.err).toBe(code);
  return JSON.parse(r.out);
};

describe('db seed', () => {
  it('loads every hand-written event and reconciles the STOP rows', () => {
    expect(firstSeed.ledger.events.files).toBeGreaterThanOrEqual(60);
    expect(firstSeed.ledger.events.rejected).toBe(0);
    const s = firstSeed.stop as unknown as { rows_read: number; rows_stored: number; rows_rejected: number; rejects: unknown[] };
    expect(s.rows_read).toBe(2102);
    expect(s.rows_stored + s.rows_rejected).toBe(s.rows_read);
    expect(s.rejects).toHaveLength(s.rows_rejected);
  });
  it('links STOP rows to the hand-written events instead of duplicating them', async () => {
    const tg = await json(['events', 'show', 'ru-2018-telegram-block']);
    expect(tg.links.filter((l: { kind: string }) => l.kind === 'stop_row').length).toBeGreaterThanOrEqual(1);
    const april = await json(['events', 'list', '--country', 'RU', '--category', 'block', '--from', '2018-04-01', '--to', '2018-04-30']);
    const started = april.items.filter((e: { start: string }) => e.start.startsWith('2018-04')).map((e: { id: string }) => e.id);
    expect(started).toContain('ru-2018-telegram-block');
    expect(started.filter((id: string) => id.startsWith('stop-'))).toEqual([]);
    // STOP records YouTube's 2024 slowdown as a service shutdown, the ledger as throttling: one restriction
    const yt = await json(['events', 'show', 'ru-2024-youtube-throttling']);
    expect(yt.links.filter((l: { kind: string }) => l.kind === 'stop_row').length).toBeGreaterThanOrEqual(1);
    const july = await json(['events', 'list', '--country', 'RU', '--from', '2024-07-11', '--to', '2024-07-11', '--limit', '100']);
    expect(july.items.filter((e: { id: string; start: string }) => e.id.startsWith('stop-') && e.start === '2024-07-11')).toEqual([]);
  });
  it('a re-seed creates nothing', async () => {
    // exit 3: the shipped STOP file has rows that are rejected (kept with reasons)
    const again = await json(['db', 'seed'], 3);
    expect(again.ledger.events.created).toBe(0);
    expect(again.ledger.events.updated).toBe(0);
    expect(again.ledger.events.unchanged).toBe(firstSeed.ledger.events.files);
    expect(again.stop.events.created).toBe(0);
    expect(again.stop.events.unchanged).toBe(firstSeed.stop.events.created);
  });
  it('geocodes the hand-written events as it loads them: events geocode then finds nothing to change', async () => {
    const moscow = await json(['events', 'list', '--country', 'RU', '--region', 'RU-MOW', '--limit', '200']);
    const written = moscow.items.filter((e: { id: string }) => !e.id.startsWith('stop-'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((e: { geocode: unknown }) => e.geocode !== null)).toBe(true);
    const r = await runBin(['events', 'geocode', '--dry-run', '--json', '--db', db]);
    expect([0, 3], r.err).toContain(r.code);
    expect(JSON.parse(r.out).changed).toBe(0);
  });
});

describe('acceptance: the seeded ledger', () => {
  it('RU blocks include the Telegram block with its sources, and the ledger holds the STOP events', async () => {
    const r = await json(['events', 'list', '--country', 'RU', '--category', 'block', '--limit', '200']);
    const tg = r.items.find((e: { id: string }) => e.id === 'ru-2018-telegram-block');
    expect(tg.end).toBe('2020-06-18');
    expect(tg.sources.length).toBeGreaterThanOrEqual(1);
    const stop = await json(['events', 'list', '-q', 'keepiton', '--limit', '1']);
    expect(stop.total).toBeGreaterThan(1800);
  });
  it('lists at least 15 Chinese events', async () => {
    const r = await json(['events', 'list', '--country', 'CN', '--limit', '200']);
    expect(r.items.length).toBeGreaterThanOrEqual(15);
  });
  it('shows the Telegram block history', async () => {
    const h = await json(['events', 'history', 'ru-2018-telegram-block']);
    expect(h.items[0]).toMatchObject({ revision: 1, action: 'create', actor: 'seed' });
  });
  it('keeps disagreeing indicator values side by side', async () => {
    const r = await json(['indicators', 'list', '--country', 'RU']);
    const all = r.items.flatMap((s: { values: { period: string; value: number; disputed: boolean }[] }) => s.values);
    const v2019 = r.items
      .filter((s: { id: string }) => /violence/.test(s.id))
      .flatMap((s: { values: { period: string; value: number; disputed: boolean }[] }) => s.values.filter((v) => v.period === '2019'));
    expect(v2019.map((v: { value: number }) => v.value).sort()).toEqual([53, 57]);
    expect(v2019.every((v: { disputed: boolean }) => v.disputed)).toBe(true);
    expect(all.length).toBeGreaterThan(10);
    expect(r.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['accessnow-shutdowns-ru', 'top10vpn-cost-ru']));
  });
  it('every event has at least one source', async () => {
    const r = await json(['events', 'export', '--format', 'json']);
    expect(r.items.length).toBeGreaterThan(1900);
    expect(r.items.every((e: { sources: unknown[] }) => e.sources.length >= 1)).toBe(true);
  });
});
