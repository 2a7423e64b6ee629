/**
 * The country page's cost and indicator tables and an event's cost, checked in a real browser
 * against the API's own answers on the seeded data: partial totals marked, ratios and published
 * notes written as the tables write numbers, and no rate line where no rate was used. Tests that
 * read the same page share one visit of it (harness.ts sharedVisits).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../web/src/format.js';
import { clean, ready, sharedVisits, startHarness, visit, type Harness } from './harness.js';

let hx: Harness;
/** Pakistan's page, read by the cost table's test and then the indicators' test, opened once. */
const pages = sharedVisits(() => hx);

beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await pages.close();
  await hx?.stop();
});

interface Row {
  country: string;
  year: number;
  ours: Record<string, number>;
  ours_leaves_out: Record<string, string[]>;
  causes: { factor: string; ratio: number; ours: number | null; theirs: number | null }[];
}
const compare = async (cc: string) => (await (await fetch(`${hx.base}/api/cost/compare?country=${cc}`)).json()) as { method: string; rows: Row[] };

describe('country cost table', () => {
  it('marks a method total over part of the row as a lower bound, naming the events it leaves out', async () => {
    const { rows } = await compare('RU');
    const partial = rows.filter((r) => r.country === 'RU').flatMap((r) => Object.entries(r.ours_leaves_out).map(([m, ids]) => ({ r, m, ids })));
    expect(partial.length).toBeGreaterThan(0);
    const v = await visit(hx, '/country/RU');
    await ready(v.page, 120_000);
    for (const { r, m, ids } of partial) {
      const cell = v.page.locator(`span[data-year="${r.year}"][data-method="${m}"]`);
      expect(await cell.textContent()).toBe(`≥ ${money(r.ours[m])}`);
      expect(await cell.getAttribute('title')).toContain(ids.join(', '));
    }
    // a method that priced every event of its row is not marked
    const full = rows.find((r) => r.ours['cost-escalated'] !== undefined && !r.ours_leaves_out['cost-escalated'])!;
    expect(await v.page.locator(`span[data-year="${full.year}"][data-method="cost-escalated"]`).textContent()).toBe(money(full.ours['cost-escalated']));
    await clean(v, 'country-RU-partial');
  });

  it('writes factor ratios in grouped digits and no ratio against a figure Top10VPN does not give (PK)', async () => {
    const { rows } = await compare('PK');
    const v = await pages.visit('/country/PK');
    await ready(v.page, 120_000);
    const table = v.page.locator('table.data', { has: v.page.locator('li[data-factor]') });
    expect(await table.textContent()).not.toMatch(/\de[+-]\d/);
    const big = rows.flatMap((r) => r.causes.filter((c) => c.ratio >= 1000).map((c) => ({ r, c })));
    expect(big.length).toBeGreaterThan(0);
    for (const { r, c } of big) {
      const li = table.locator(`tr:has(span[data-year="${r.year}"]) li[data-factor="${c.factor}"]`);
      expect(await li.textContent()).toContain(`×${Math.round(c.ratio).toLocaleString('en')}`);
    }
    const unknown = rows.flatMap((r) => r.causes.filter((c) => c.theirs === null).map((c) => ({ r, c })));
    expect(unknown.length).toBeGreaterThan(0);
    for (const { r, c } of unknown) {
      const li = table.locator(`tr:has(span[data-year="${r.year}"]) li[data-factor="${c.factor}"]`);
      const t = (await li.textContent()) ?? '';
      expect(t).toContain('the remainder of the other factors');
      expect(t).not.toMatch(/theirs —/);
    }
    await clean(v, 'country-PK-causes', true);
  });

  it("writes the published series' values and notes as the cost table does (IN, PK)", async () => {
    for (const cc of ['IN', 'PK']) {
      const v = cc === 'PK' ? await pages.visit('/country/PK') : await visit(hx, `/country/${cc}`);
      await ready(v.page, 120_000);
      const fig = v.page
        .locator('figure', { hasText: 'Top10VPN' })
        .filter({ has: v.page.locator('table.data th', { hasText: 'Note' }) })
        .first();
      await fig.getByRole('button', { name: 'Table' }).click();
      const cells = await fig.locator('table.data td').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      for (const t of cells) {
        expect(t, cc).not.toMatch(/\d\.0\b/);
        expect(t, cc).not.toMatch(/\d{7,}/);
        expect(t, cc).not.toMatch(/\?/);
      }
      await clean(v, `country-${cc}-indicators`, cc === 'PK');
    }
  });
});

describe('event cost', () => {
  it('says amounts are in US dollars where no rate is used, never a 1:1 rate line (VE 2023)', async () => {
    const v = await visit(hx, '/events/stop-ve-2023-10-22-caracas-2c5cc5');
    await ready(v.page, 120_000);
    const text = (await v.page.locator('main').textContent()) ?? '';
    expect(text).toContain('Cost');
    expect(text).not.toMatch(/USD\/USD/);
    expect(text).toMatch(/amounts in US dollars \(no exchange rate used/);
    await clean(v, 'event-VE-usd');
  });
});
