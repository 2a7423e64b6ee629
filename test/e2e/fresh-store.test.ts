/**
 * The dashboard on a store that holds the STOP file only (no World Bank, Rosstat or NBS data):
 * every block says what is missing and the command that loads it, never an answer that reads as
 * "nothing to price" or an error that blames the address. Real data: the shipped STOP snapshot.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clean, startHarness, visit, type Harness } from './harness.js';

let hx: Harness;

beforeAll(async () => {
  hx = await startHarness({
    prepare: (cli, db) => {
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
      cli(['events', 'import', 'data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv'], [0, 3]);
    },
  });
});
afterAll(async () => {
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
    const v = await visit(hx, '/country/RU');
    const block = v.page.locator('h2:has-text("Cost of disruptions by year") + div');
    const text = (await block.textContent()) ?? '';
    expect(text).not.toContain('No priced events');
    expect(text).toContain('not priced: no GDP/users/regional GRP data for RU');
    expect(text).toContain('splinternet db seed');
    // every costable event is counted in one year's link, and the links open exactly them
    const counts = await block.locator('table.data tbody tr td a').allTextContents();
    expect(counts.reduce((a, t) => a + Number(t.replace(/\D/g, '')), 0)).toBe(n);
    await clean(v, 'fresh-country-RU');
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
});
