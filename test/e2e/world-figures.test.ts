/**
 * The world map's figures, checked in a real browser against the API's own answers on the
 * seeded data: its totals and their labels, its download, its default range, its filters and
 * empty states, and money legends that can be read.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../web/src/format.js';
import { clean, ready, startHarness, visit, type Harness, type Visit } from './harness.js';

let hx: Harness;

beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await hx?.stop();
});

interface Row {
  country: string;
  year: number;
  ours: Record<string, number>;
  events: { id: string; usd: number | null }[];
  events_outside_area: { id: string; usd: number | null }[];
  their_area: string | null;
}
const compare = async (cc: string) => (await (await fetch(`${hx.base}/api/cost/compare?country=${cc}`)).json()) as { method: string; rows: Row[] };

async function download(v: Visit, control: Locator): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([v.page.waitForEvent('download'), control.click()]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

const title = async (v: Visit, cc: string) => (await v.page.locator(`svg[data-map=world] path.area[data-code=${cc}] title`).textContent()) ?? '';

describe('world map cost figures', () => {
  it("our estimate for a country-year keeps every priced event, Top10VPN's area or not (PK 2019)", async () => {
    const { method, rows } = await compare('PK');
    const r = rows.find((x) => x.country === 'PK' && x.year === 2019)!;
    expect(r.their_area).toBe('Azad Kashmir');
    const outside = r.events_outside_area.reduce((a, e) => a + (e.usd ?? 0), 0);
    expect(outside).toBeGreaterThan(0);
    const v = await visit(hx, '/?from=2019&to=2019&color=model');
    expect(await title(v, 'PK')).toContain(`our estimate ${money(r.ours[method]! + outside, 'USD')}`);
    await clean(v, 'world-model-PK-2019');
  });

  it('the published cost of part of a country is labelled with that part (PK 2019: Azad Kashmir)', async () => {
    const v = await visit(hx, '/?from=2019&to=2019&color=cost');
    expect(await title(v, 'PK')).toMatch(/published cost [\d.]+M USD \(2019: Azad Kashmir only\)/);
    // a whole-country figure carries no such label
    expect(await title(v, 'IN')).not.toMatch(/only\)/);
    await v.page.getByRole('button', { name: 'Table' }).click();
    expect(await v.page.locator('table.data tr', { hasText: 'Pakistan' }).textContent()).toContain('Azad Kashmir only');
    await clean(v, 'world-cost-PK-2019');
  });

  it("the download lists each event behind a country's figure once, those outside Top10VPN's area included", async () => {
    const v = await visit(hx, '/?from=1995&to=2025&color=model');
    await v.page.getByRole('button', { name: 'Table' }).click();
    const file = await download(v, v.page.locator('.figure-table a.download'));
    const [head, ...lines] = file.text.trim().split(/\r?\n/);
    const col = head!.split(',').indexOf('event_ids');
    const idsOf = (cc: string) => {
      const line = lines.find((l) => l.startsWith(`${cc},`))!;
      // event_ids holds no comma, so it is the field counted from the end as in the header
      const cells = line.split(',');
      return cells[cells.length - (head!.split(',').length - col)]!.split('; ');
    };
    for (const cc of ['RU', 'IN', 'MM', 'PK']) {
      const ids = idsOf(cc);
      expect(ids.length, cc).toBe(new Set(ids).size);
    }
    const { rows } = await compare('PK');
    const outsideIds = rows.filter((r) => r.year <= 2025).flatMap((r) => r.events_outside_area.filter((e) => e.usd).map((e) => e.id));
    expect(outsideIds.length).toBeGreaterThan(0);
    expect(idsOf('PK')).toEqual(expect.arrayContaining(outsideIds));
    await clean(v, 'world-model-download');
  });

  it('a link without years shows the same range and figures as choosing the colouring on the page', async () => {
    const linked = await visit(hx, '/?color=model');
    const range = [await linked.page.locator('select[name=from]').inputValue(), await linked.page.locator('select[name=to]').inputValue()];
    const ir = await title(linked, 'IR');
    await clean(linked, 'world-model-link');
    const chosen = await visit(hx, '/');
    await chosen.page.locator('input[name=color][value=model]').check();
    await chosen.page.waitForURL(/color=model/);
    expect(new URL(chosen.page.url()).search).toBe('?color=model');
    await ready(chosen.page, 120_000);
    expect([await chosen.page.locator('select[name=from]').inputValue(), await chosen.page.locator('select[name=to]').inputValue()]).toEqual(range);
    expect(await title(chosen, 'IR')).toBe(ir);
    await clean(chosen, 'world-model-chosen');
  });

  it('the category filter is visibly set aside in cost modes, never shown beside a figure it did not filter', async () => {
    for (const path of ['/?category=law&color=model', '/?category=block&from=2024&to=2024&color=cost']) {
      const v = await visit(hx, path);
      expect(await v.page.locator('select[name=category]').isDisabled(), path).toBe(true);
      expect(await v.page.locator('.category-note').textContent(), path).toMatch(/applies to event counts only/);
      await clean(v, 'world-cost-category');
    }
    // back in counts mode the category filters again
    const v = await visit(hx, '/?category=law&color=events');
    expect(await v.page.locator('select[name=category]').isDisabled()).toBe(false);
    expect(await v.page.locator('.category-note').count()).toBe(0);
    await clean(v, 'world-count-category');
  });

  it('an empty cost map says so instead of a one-value legend, and count legends use whole numbers', async () => {
    for (const path of ['/?from=2000&to=2000&color=model', '/?from=2000&to=2000&color=cost']) {
      const v = await visit(hx, path);
      expect(await v.page.locator('figure .state.empty').textContent(), path).toContain('2000');
      expect(await v.page.locator('figure svg[class$="-ramp"]').count(), path).toBe(0);
      expect(await title(v, 'RU'), path).not.toMatch(/no our estimate/);
      await clean(v, 'world-empty-cost');
    }
    const v = await visit(hx, '/?category=cooperation&from=2012&to=2012');
    const ticks = await v.page.locator('figure svg[class$="-ramp"] g.tick text').allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) expect(t).toMatch(/^\d+$/);
    await clean(v, 'world-count-legend');
  });
});

describe('legends', () => {
  it('money legends on log scales draw few labels that never overlap', async () => {
    for (const path of ['/regions/RU', '/regions/CN', '/?from=2024&to=2024&color=cost', '/?from=1995&to=2025&color=model']) {
      const v = await visit(hx, path);
      await ready(v.page, 120_000);
      const labels = await v.page.locator('figure svg[class$="-ramp"] g.tick text').all();
      expect(labels.length, path).toBeGreaterThan(1);
      expect(labels.length, path).toBeLessThanOrEqual(7);
      const boxes = await Promise.all(labels.map(async (l) => (await l.boundingBox())!));
      boxes.sort((a, b) => a.x - b.x);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x, path).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width);
      await clean(v, 'legend-log');
    }
  });
});
