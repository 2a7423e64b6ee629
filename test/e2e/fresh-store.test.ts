/**
 * The dashboard on a store that holds the STOP file only (no World Bank, Rosstat or NBS data):
 * every block says what is missing and the command that loads it, never an answer that reads as
 * "nothing to price" or an error that blames the address, and no link to a record it lacks.
 * Real data: the shipped STOP snapshot and Kobak's 2021 election table (test/fixtures/elections).
 * Tests that read the same page share one visit of it (harness.ts sharedVisits).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clean, sharedVisits, startHarness, visit, type Harness } from './harness.js';

let hx: Harness;
/** /country/RU, read for its cost block and then for its timeline, opened once. */
const pages = sharedVisits(() => hx);

beforeAll(async () => {
  hx = await startHarness({
    prepare: (cli, db) => {
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
      cli(['events', 'import', 'data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv'], [0, 3]);
      cli(['elections', 'import', 'test/fixtures/elections/kobak-2021.csv.zip'], [0, 3]);
      // a shipped event under a SYNTHETIC title carrying a right-to-left override
      const e = JSON.parse(readFileSync('data/ledger/events/ru-2018-telegram-block.json', 'utf8')) as Record<string, unknown>;
      const file = join(db, '..', 'rlo-event.json');
      writeFileSync(file, JSON.stringify({ ...e, id: 'rlo-test-event', title: 'RLO test <b>bold</b> event \u202e reversed' }));
      cli(['events', 'add', '--file', file]);
    },
  });
});
afterAll(async () => {
  await pages.close();
  await hx?.stop();
});

describe('a store without economic data', () => {
  it('/country/RU lists its events as not priced, year by year, with the missing data and the command', async () => {
    const costable = await Promise.all(
      ['shutdown', 'throttling', 'block'].map(
        async (c) => ((await (await fetch(`${hx.base}/api/events?country=RU&category=${c}&limit=1`)).json()) as { total: number }).total,
      ),
    );
    const n = costable.reduce((a, b) => a + b, 0);
    expect(n).toBeGreaterThan(0);
    const v = await pages.visit('/country/RU');
    const block = v.page.locator('h2:has-text("Cost of disruptions by year") + div');
    const text = (await block.textContent()) ?? '';
    expect(text).not.toContain('No priced events');
    expect(text).toContain('not priced: no GDP/users/regional GRP data for RU');
    expect(text).toContain('splinternet db seed');
    // every costable event is counted in one year's link, and the links open exactly them
    const counts = await block.locator('table.data tbody tr td a').allTextContents();
    expect(counts.reduce((a, t) => a + Number(t.replace(/\D/g, '')), 0)).toBe(n);
    await clean(v, 'fresh-country-RU', true);
  });

  it('the world map of our estimates says where the reasons are and what loads the data, not only that nothing is priced', async () => {
    const v = await visit(hx, '/?color=model');
    const text = (await v.page.locator('main').textContent()) ?? '';
    expect(text).toContain('A country page lists its events not priced, with what each misses');
    expect(text).toContain('splinternet db seed');
    await clean(v, 'fresh-world-model');
  });

  it('/regions/RU says Rosstat data is not loaded (HTTP 404) and how to load it, not that RU is the wrong country', async () => {
    const v = await visit(hx, '/regions/RU');
    const err = (await v.page.locator('main .state.error').textContent()) ?? '';
    expect(err).toContain('HTTP 404');
    expect(err).toContain('this database holds no regional GRP and regional internet penetration for RU');
    expect(err).toContain('splinternet db seed');
    expect(err).not.toContain('(not RU)');
    expect(await v.page.locator('main table').count()).toBe(0);
    await v.page.close();
  });

  it('/elections links no ledger event the store lacks', async () => {
    const v = await visit(hx, '/elections');
    expect(await v.page.locator('main table.data').count()).toBeGreaterThan(0);
    expect(await v.page.locator('a[href^="/events/"]').count()).toBe(0);
    await clean(v, 'fresh-elections');
  });

  it('/registry says once that no snapshot is imported, with the command, and asks nothing that needs one', async () => {
    const v = await visit(hx, '/registry');
    expect(await v.page.locator('main').textContent()).toContain('No registry snapshot imported yet: run `splinternet registry import FILE...`');
    expect(await v.page.locator('main .state.error').count()).toBe(0);
    // the summary's 404 is how the page learns there is no snapshot; nothing else is asked
    expect(v.failed.filter((f) => !f.includes('/api/registry/summary'))).toEqual([]);
    await v.page.close();
  });

  it('shows a bidi override in a stored title as a visible escape, in the heading, the tab title and the list', async () => {
    const shown = 'RLO test <b>bold</b> event \\u202e reversed';
    const v = await visit(hx, '/events/rlo-test-event');
    expect(await v.page.locator('h1').textContent()).toContain(shown);
    expect(await v.page.title()).not.toContain('\u202e');
    expect(await v.page.title()).toContain(shown);
    await clean(v, 'fresh-rlo-event');
    const list = await visit(hx, '/events?q=RLO');
    expect(await list.page.locator('table.data tbody').textContent()).toContain(shown);
    await clean(list, 'fresh-rlo-list');
  });

  it('shows it escaped in the country timeline too: its tooltip and its dot’s accessible name, with no raw control character on the page', async () => {
    const shown = 'RLO test <b>bold</b> event \\u202e reversed';
    const v = await pages.visit('/country/RU');
    const timeline = v.page.locator('h2:has-text("Timeline") + div');
    const titles = await timeline.locator('svg title').allTextContents();
    expect(titles.some((t) => t.includes(shown))).toBe(true);
    const labels = await timeline.locator('svg [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.some((t) => t.includes(shown))).toBe(true);
    // nowhere in the page's text or attributes
    const raw = await v.page
      .locator('main')
      .evaluate((m) =>
        [m.textContent ?? '', ...[...m.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value))].some((t) => t.includes('\u202e')),
      );
    expect(raw).toBe(false);
    await clean(v, 'fresh-rlo-country', true);
  });
});
