/**
 * The dashboard in a real browser (Debian Chromium via playwright-core) against a server seeded
 * from the shipped data on a free loopback port. Every page is opened, asserted on real
 * content, screenshotted into test-results/, and must log no console error and fail no request.
 * Pages whose API has not landed must say so (asserted through the server's own OpenAPI).
 * Tests that only read the same page share one visit of it (harness.ts sharedVisits).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clean, ready, sharedVisits, shot, slowApiReport, SHOTS, startHarness, visit, type Harness, type Visit } from './harness.js';

let hx: Harness;
const has = (p: string) => hx.apiPaths.has(p);
/** The country, comparison, regions and registry pages that several tests read, opened once each. */
const pages = sharedVisits(() => hx);

beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await pages.close();
  if (hx) console.log(await slowApiReport(hx.base, 100));
  await hx?.stop();
});

const unavailable = async (v: Visit) => v.page.locator('.state.unavailable').count();

/** Click a download control and read the file it saves: its name and its text. */
async function download(v: Visit, control: Locator): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([v.page.waitForEvent('download'), control.click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('world map', () => {
  it('draws at least 150 countries, colours Russia, and opens its profile on click', async () => {
    const v = await visit(hx, '/');
    const paths = await v.page.locator('svg[data-map=world] path.area[data-code]').count();
    const ru = v.page.locator('svg[data-map=world] path.area[data-code=RU]');
    const fill = await ru.getAttribute('fill');
    console.log(`world page first load: ${v.ms} ms (goal < 2000 ms), ${paths} country paths`);
    expect(paths).toBeGreaterThanOrEqual(150);
    expect(fill).toMatch(/^(#|rgb)/);
    expect(fill).not.toBe('#e8e8e4');
    expect(await v.page.locator('svg[data-map=world] .overlay path[data-code=UA-43]').count()).toBe(1);
    await shot(v, 'world');
    // A mouse click on a point inside Russia's shape (its bounding box spans the map, since
    // Chukotka crosses the antimeridian, so the box centre is in the Atlantic).
    const point = await v.page.evaluate<{ x: number; y: number } | null>(`(() => {
      const p = document.querySelector('svg[data-map=world] path[data-code=RU]');
      const b = p.getBBox(); const m = p.getScreenCTM();
      for (let fy = 0.3; fy < 0.8; fy += 0.05) for (let fx = 0.5; fx < 0.9; fx += 0.05) {
        const pt = new DOMPoint(b.x + b.width * fx, b.y + b.height * fy);
        if (p.isPointInFill(pt)) { const s = pt.matrixTransform(m); return { x: s.x, y: s.y }; }
      }
      return null;
    })()`);
    expect(point).not.toBeNull();
    await v.page.mouse.click(point!.x, point!.y);
    await v.page.waitForURL(/\/country\/RU$/);
    await v.page.waitForSelector('h1:has-text("Russian Federation")');
    await ready(v.page);
    // And by keyboard, as a screen-reader user would.
    await v.page.goBack();
    await ready(v.page);
    await v.page.locator('svg[data-map=world] a:has(> path[data-code=RU])').focus();
    await v.page.keyboard.press('Enter');
    await v.page.waitForURL(/\/country\/RU$/);
    await ready(v.page);
    expect(v.errors).toEqual([]);
    expect(v.failed).toEqual([]);
    await v.page.close();
  });

  it('colours by published cost when toggled, and the table view lists countries with links', async () => {
    const v = await visit(hx, '/?color=cost');
    expect(await v.page.locator('input[name=color][value=cost]').isChecked()).toBe(true);
    await v.page.getByRole('button', { name: 'Table' }).click();
    const rows = v.page.locator('.figure-table table.data tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await v.page.locator('.figure-table a[href="/country/RU"]').count()).toBe(1);
    // a filter change is a new history entry: Back returns to the previous view, as on the calculator
    // (the year range: the category filters event counts only and is disabled in cost modes)
    expect(await v.page.locator('select[name=category]').isDisabled()).toBe(true);
    await v.page.selectOption('select[name=from]', '2019');
    await v.page.waitForURL(/from=2019/);
    await ready(v.page);
    await v.page.goBack();
    await v.page.waitForURL(/\/\?color=cost$/);
    await clean(v, 'world-cost');
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const v = await visit(hx, '/', 390);
    expect(await v.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(391);
    await clean(v, 'world');
  });
});

describe('country profile', () => {
  it('shows Russia’s timeline with linked events, indicators, and each section’s state', async () => {
    const v = await pages.visit('/country/RU');
    expect(await v.page.locator('h1').textContent()).toContain('Russian Federation');
    expect(await v.page.locator('.chart svg a[href="/events/ru-2018-telegram-block"]').count()).toBe(1);
    expect(await v.page.locator('figure.fig figcaption', { hasText: 'violence' }).count()).toBeGreaterThan(0);
    expect(await v.page.locator('[aria-label]').count()).toBeGreaterThan(5);
    if (has('/api/measurements/summary')) expect(await v.page.locator('figcaption', { hasText: 'Key services in RU' }).count()).toBe(1);
    if (!has('/api/speedtests/summary')) expect(await unavailable(v)).toBeGreaterThan(0);
    else expect(await v.page.locator('figcaption', { hasText: 'Throttling in RU' }).count()).toBe(1);
    await clean(v, 'country-RU', true);
  });

  it("India's cost by year is priced by who was cut off: 2022 below $2 billion, beside Top10VPN's figure", async () => {
    const v = await pages.visit('/country/IN');
    const cell = v.page.locator('span[data-year="2022"][data-method="cost-escalated"]');
    await cell.waitFor({ state: 'attached', timeout: 120_000 });
    const usd = Number(await cell.getAttribute('data-usd'));
    console.log(`India 2022, cost-escalated, on the country page: $${(usd / 1e6).toFixed(1)} M`);
    expect(usd).toBeGreaterThan(1e7);
    expect(usd).toBeLessThan(2e9);
    expect(await v.page.locator('figcaption', { hasText: 'beside Top10VPN' }).count()).toBe(1);
    expect(await v.page.locator('table.data th', { hasText: 'Top10VPN (USD)' }).count()).toBe(1);
    await clean(v, 'country-IN-cost', true);
  });

  it('a country-year beyond 3× of Top10VPN names why, factor by factor: Russia 2024, hours Top10VPN does not count', async () => {
    const v = await pages.visit('/country/RU');
    const row = v.page.locator('tr', { has: v.page.locator('span[data-year="2024"][data-method="cost-escalated"]') });
    const first = row.locator('ul.causes li').first();
    await first.waitFor({ state: 'attached', timeout: 120_000 });
    expect(await first.getAttribute('data-factor')).toBe('hours');
    expect(Number(await first.getAttribute('data-ratio'))).toBeGreaterThan(3);
    expect(await first.textContent()).toMatch(/^hours ×[\d.]+ \(ours [\d,]+ h, theirs [\d,]+ h\): we count hours Top10VPN does not/);
    await clean(v, 'country-RU-causes', true);
  });

  it("a Top10VPN row for part of a country says so: Pakistan 2019 is Azad Kashmir's, beside our events there", async () => {
    const v = await visit(hx, '/country/PK');
    const year = v.page.locator('span[data-their-area="Azad Kashmir"]');
    await year.waitFor({ state: 'attached', timeout: 120_000 });
    expect(await year.textContent()).toBe('2019 (Azad Kashmir only)');
    const row = v.page.locator('tr', { has: year });
    // each number of the cell is its own link (the events it counts, by id)
    const cell = row.locator('td', { has: v.page.locator('a[href*="/events?country=PK"]') });
    expect(await cell.textContent()).toMatch(/^2 .*\(\+5 outside Azad Kashmir\)$/);
    expect(await cell.locator('a').count()).toBe(2);
    await clean(v, 'country-PK-area');
  });

  it('every event count of the cost table opens exactly the events it counts (Russia 2024, India 2019)', async () => {
    for (const [cc, year] of [
      ['RU', 2024],
      ['IN', 2019],
    ] as const) {
      const r = (await (await fetch(`${hx.base}/api/cost/compare?country=${cc}`)).json()) as {
        rows: { country: string; year: number; events: { id: string }[]; events_not_priced: { id: string }[] }[];
      };
      const api = r.rows.find((x) => x.country === cc && x.year === year)!;
      const v = await pages.visit(`/country/${cc}`);
      const row = v.page.locator('tr', { has: v.page.locator(`span[data-year="${year}"][data-method="cost-escalated"]`) });
      await row.waitFor({ state: 'attached', timeout: 120_000 });
      const links = row.locator(`a[href^="/events?"]`);
      const hrefs = await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href') ?? '', a.textContent ?? '']));
      // the priced events first, then those not priced
      const groups = [api.events, ...(api.events_not_priced.length ? [api.events_not_priced] : [])];
      expect(hrefs.length).toBe(groups.length);
      for (const [i, [href, n]] of hrefs.entries()) {
        const want = groups[i]!.map((e) => e.id).sort();
        expect(Number(n)).toBe(want.length);
        const list = await visit(hx, href);
        const got = await list.page.locator('table.data tbody a[href^="/events/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(8)));
        expect(got.map(decodeURIComponent).sort(), `${cc} ${year} ${href}`).toEqual(want);
        expect(await list.page.locator('table.data caption').textContent()).toMatch(new RegExp(`^${want.length} events`));
        await clean(list, `count-${cc}-${year}-${i}`);
      }
    }
  });

  it('the throttling table shows the tests read beside the tests counted, as the API names them', async () => {
    const r = (await (await fetch(`${hx.base}/api/speedtests/summary?cc=RU`)).json()) as {
      items: { asn: string; day: string; tests_read: number; n: number }[];
    };
    const day = r.items.find((x) => x.n === 0 && x.tests_read > 0)!;
    const v = await pages.visit('/country/RU');
    const table = v.page.locator('.table-wrap', { has: v.page.locator('caption', { hasText: 'Speed tests in RU' }) });
    await table.waitFor({ state: 'attached', timeout: 120_000 });
    const heads = await table.locator('thead th').allTextContents();
    const [read, counted] = [heads.indexOf('Tests read'), heads.indexOf('Counted tests')];
    expect(read).toBeGreaterThan(0);
    expect(counted).toBe(read + 1);
    expect(heads).not.toContain('Tests');
    // every shown row's two counts are the API's for its network-day (and target)
    const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
    const byKey = new Map<string, { tests_read: number; n: number }[]>();
    for (const x of r.items) byKey.set(`${x.day} ${x.asn}`, [...(byKey.get(`${x.day} ${x.asn}`) ?? []), x]);
    for (const c of shown) {
      const options = byKey.get(`${c[0]} ${c[1]!.split(' ')[0]}`) ?? [];
      expect(
        options.some((x) => String(x.tests_read) === c[read] && String(x.n) === c[counted]),
        c.join(' | '),
      ).toBe(true);
    }
    expect(day.tests_read).toBeGreaterThan(0);
    await clean(v, 'country-RU-throttling', true);
  });

  it('the world map colours countries by our estimate', async () => {
    const v = await visit(hx, '/?color=model');
    await ready(v.page, 120_000);
    const fill = await v.page.locator('svg[data-map=world] path.area[data-code=IN]').getAttribute('fill');
    expect(fill).toMatch(/^(#|rgb)/);
    expect(fill).not.toBe('#e8e8e4');
    expect(await v.page.locator('table.data th', { hasText: 'Our estimate (USD)' }).count()).toBe(1);
    // the caption credits the model, never the publisher: China has no published figure at all
    const caption = await v.page.locator('figure figcaption').first().textContent();
    expect(caption).toMatch(/^Our estimated shutdown cost by country \(cost-escalated, USD\)/);
    expect(caption).not.toMatch(/published/i);
    // the download names the view and carries currency, method and the events priced, lists joined with "; "
    await v.page.getByRole('button', { name: 'Table' }).click();
    const file = await download(v, v.page.locator('.figure-table a.download'));
    expect(file.name).toMatch(/^splinternet-world-our-estimate-cost-escalated-USD-\d{4}-\d{4}\.csv$/);
    const [head, ...lines] = file.text.trim().split(/\r?\n/);
    expect(head).toBe('cc,name,events,cost,series,currency,method,event_ids,source_urls');
    const cn = lines.find((l) => l.startsWith('CN,'))!;
    expect(cn).toContain(',USD,cost-escalated,');
    const compare = (await (await fetch(`${hx.base}/api/cost/compare?country=CN`)).json()) as { rows: { country: string; events: { id: string }[] }[] };
    const cnIds = compare.rows.filter((r) => r.country === 'CN').flatMap((r) => r.events.map((e) => e.id));
    expect(cnIds.length).toBeGreaterThan(1);
    expect(cn).toContain(cnIds.slice(0, 2).join('; '));
    await clean(v, 'world-model-cost');
  });

  it('every page fits 390 px without sideways scrolling', async () => {
    for (const [path, name] of [
      ['/country/CN', 'country-CN'],
      ['/compare/CN-RU', 'compare'],
      ['/regions/RU', 'regions-RU'],
      ['/events/ru-2018-telegram-block', 'event'],
      ['/cost?country=RU&region=RU-MOW&type=full&hours=24&method=all', 'cost'],
      ['/measurements?cc=RU', 'measurements'],
      ['/registry', 'registry'],
      ['/detections', 'detections'],
    ] as const) {
      const v = await visit(hx, path, 390);
      expect(await v.page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(391);
      await clean(v, name);
    }
  });
});

describe('event page', () => {
  it('shows every field, sources as links and the revision history', async () => {
    const v = await visit(hx, '/events/ru-2018-telegram-block');
    expect(await v.page.locator('h1').textContent()).toContain('Telegram');
    for (const f of ['category', 'start', 'end', 'scope', 'targets', 'actors', 'confidence', 'revision']) {
      expect(await v.page.locator(`dd[data-field=${f}]`).count(), f).toBe(1);
    }
    expect(await v.page.locator('ol.sources a[href^="http"]').count()).toBeGreaterThan(0);
    expect(await v.page.locator('table.data caption', { hasText: 'Revisions' }).count()).toBe(1);
    if (has('/api/events/{id}/cost')) expect(await v.page.locator('.estimate .big').count()).toBeGreaterThan(0);
    else expect(await unavailable(v)).toBeGreaterThan(0);
    if (has('/api/measurements/summary')) expect(await v.page.locator('.heatmap [aria-label^="telegram"]').count()).toBeGreaterThan(0);
    await clean(v, 'event');
  });

  it('turns an API error into a readable message', async () => {
    const v = await visit(hx, '/events/no-such-event');
    const msg = await v.page.locator('.state.error').textContent();
    expect(msg).toMatch(/no event with id "no-such-event"/);
    expect(msg).toMatch(/HTTP 404/);
    // The 404 is the point of this test: the browser logs it; nothing else may fail.
    expect(v.failed.filter((f) => !f.includes('/api/events/no-such-event'))).toEqual([]);
    expect(v.errors.filter((e) => !/404/.test(e))).toEqual([]);
    await shot(v, 'error');
    await v.page.close();
  });

  it("says which code was meant when the reader filters by one that is not a country's (UK)", async () => {
    const v = await visit(hx, '/events?country=UK');
    const msg = await v.page.locator('.state.error').textContent();
    expect(msg).toMatch(/unknown ISO 3166-1 alpha-2 country code "UK"; did you mean GB/);
    expect(msg).toMatch(/HTTP 400/);
    expect(v.failed.filter((f) => !f.includes('country=UK'))).toEqual([]);
    expect(v.errors.filter((e) => !/400/.test(e))).toEqual([]);
    await v.page.close();
  });
});

describe('China vs Russia', () => {
  it('compares counts by category and year, technical share and cooperation, with links', async () => {
    const v = await pages.visit('/compare/CN-RU');
    expect(await v.page.locator('.chart svg a[href^="/events?country=RU"]').count()).toBeGreaterThan(3);
    expect(await v.page.locator('.chart svg a[href^="/events?country=CN"]').count()).toBeGreaterThan(3);
    const coop = v.page.locator('table.data caption', { hasText: 'Cooperation events' }).locator('xpath=..').locator('tbody tr');
    expect(await coop.count()).toBeGreaterThanOrEqual(5);
    await clean(v, 'compare', true);
  });

  it("downloads the API's events export: every column, ids and sources, the cooperation file cut to the events listing both", async () => {
    const exported = await (await fetch(`${hx.base}/api/export/events.csv?country=RU`)).text();
    const header = exported.split(/\r?\n/)[0]!;
    expect(header).toMatch(/^id,.*\bsources\b/);
    const v = await pages.visit('/compare/CN-RU');
    const coop = v.page.locator('.table-wrap', { has: v.page.locator('caption', { hasText: /^Cooperation events listing/ }) });
    const shown = await coop.locator('tbody a[href^="/events/"]').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.slice(8))));
    const file = await download(v, coop.locator('a.download'));
    const lines = file.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(header);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([...shown].sort());
    await clean(v, 'compare-download', true);
    const c = await pages.visit('/country/RU');
    const fig = c.page.locator('figure', { has: c.page.locator('caption', { hasText: 'Ledger events listing RU' }) });
    await fig.getByRole('button', { name: 'Table' }).click();
    const events = await download(c, fig.locator('a.download'));
    expect(events.name).toBe('splinternet-RU-events.csv');
    expect(events.text).toBe(exported);
    await clean(c, 'country-RU-download', true);
  });

  it('heads a list filtered by a category the ledger lacks with the value as given, kept in the form', async () => {
    const v = await visit(hx, '/events?category=foo');
    expect(await v.page.locator('h1').textContent()).toBe('Ledger events: “foo”');
    expect(await v.page.locator('select[name=category]').inputValue()).toBe('foo');
    await v.page.close();
  });

  it('a profile of a code that names no country is one refusal, not a page of failing sections', async () => {
    const v = await visit(hx, '/country/XX');
    expect(await v.page.locator('h1').textContent()).toBe('No country “XX”');
    expect(await v.page.locator('.state.error').count()).toBe(1);
    expect(v.failed.filter((f) => f.includes('/api/'))).toHaveLength(1);
    await v.page.close();
  });

  it('links a count to the list of its events', async () => {
    const v = await visit(hx, '/events?country=RU&category=shutdown,throttling,block');
    expect(await v.page.locator('table.data tbody tr').count()).toBeGreaterThan(5);
    await clean(v, 'events-list');
  });
});

describe('regions', () => {
  it('draws Russia’s 85 regions with Crimea and Sevastopol distinct and noted', async () => {
    const v = await pages.visit('/regions/RU');
    const regions = await v.page.locator('svg[data-map=regions-RU] .areas path.area[data-code]').count();
    expect(regions).toBeGreaterThanOrEqual(85);
    expect(await v.page.locator('path.area.disputed[data-code=UA-43]').count()).toBe(1);
    expect(await v.page.locator('path.area.disputed[data-code=UA-40]').count()).toBe(1);
    expect(await v.page.locator('#disputed-note').textContent()).toContain('RU-CR');
    if (has('/api/cost/regions')) {
      const moscow = await v.page.locator('path.area[data-code=RU-MOW] title').textContent();
      expect(moscow).toMatch(/90%/);
    } else expect(await unavailable(v)).toBe(1);
    await clean(v, 'regions-RU', true);
  });

  it('in USD names the exchange rate, its date, the data year, vintage and sources the API returned', async () => {
    const api = (await (await fetch(`${hx.base}/api/cost/regions?country=RU&type=full&hours=24`)).json()) as {
      rates: { rate: number; date: string }[];
      data_years: number[];
      data_vintage: string[];
      sources: string[];
    };
    expect(api.rates.length).toBeGreaterThan(0);
    const v = await visit(hx, '/regions/RU?currency=USD');
    const text = await v.page.locator('dl.provenance').textContent();
    const rate = api.rates[0]!;
    expect(text).toContain(`Exchange rate${rate.rate.toFixed(4)} RUB/USD on ${rate.date}`);
    expect(text).toContain(`Data years${api.data_years.join(', ')}`);
    expect(text).toContain(`Data vintage${api.data_vintage.join('; ')}`);
    expect(text).toContain(api.sources[0]);
    await clean(v, 'regions-RU-usd');
  });

  it("names every region as the API does (Jewish Autonomous Oblast, not Jewish), on the map's table and in the calculator", async () => {
    const api = (await (await fetch(`${hx.base}/api/cost/regions?country=RU&type=full&hours=24`)).json()) as { items: { code: string; name: string }[] };
    const v = await pages.visit('/regions/RU');
    const fig = v.page.locator('figure', { has: v.page.locator('svg[data-map=regions-RU]') });
    const rows = await fig
      .locator('.figure-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.children[2]?.textContent?.split(' / ')[0] ?? '', tr.children[1]?.textContent?.replace(/ disputed$/, '') ?? '']),
      );
    const byCode = new Map(rows as [string, string][]);
    const named = api.items.filter((i) => byCode.has(i.code));
    expect(named.length).toBeGreaterThanOrEqual(80);
    for (const i of named) expect(byCode.get(i.code), i.code).toBe(i.name);
    await clean(v, 'regions-RU-names', true);
    const c = await visit(hx, '/cost?country=RU&type=full&hours=24');
    expect(await c.page.locator('select[name=region] option[value="RU-YEV"]').textContent()).toBe(
      `${api.items.find((i) => i.code === 'RU-YEV')!.name} (RU-YEV)`,
    );
    await clean(c, 'cost-RU-names');
  });

  it("draws legends whose first and last labels are whole, money in the tables' units (B, not G)", async () => {
    for (const path of ['/?color=cost', '/']) {
      const v = await visit(hx, path);
      const svg = v.page.locator('figure svg').first();
      const box = (await svg.boundingBox())!;
      const labels = svg.locator('g[aria-label="tick label"] text, text');
      const texts = (await labels.allTextContents()).filter((t) => /\d/.test(t));
      expect(texts.length).toBeGreaterThan(1);
      for (const t of await labels.all()) {
        if (!/\d/.test((await t.textContent()) ?? '')) continue;
        const b = (await t.boundingBox())!;
        expect(b.x, `${path} ${await t.textContent()}`).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(b.x + b.width, `${path} ${await t.textContent()}`).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
      if (path.includes('cost')) for (const t of texts) expect(t).not.toMatch(/G$/);
      await clean(v, `legend-${path.includes('cost') ? 'cost' : 'count'}`);
    }
  });

  it('draws China’s 31 provinces and Taiwan, Hong Kong, Macao as context only', async () => {
    const v = await visit(hx, '/regions/CN');
    expect(await v.page.locator('svg[data-map=regions-CN] path.area[data-code^="CN-"]:not(.context)').count()).toBe(31);
    expect(await v.page.locator('svg[data-map=regions-CN] path.area.context').count()).toBe(3);
    await clean(v, 'regions-CN');
  });
});

describe('cost calculator', () => {
  it('returns a figure for a one-day shutdown of Moscow, with a shareable URL', async () => {
    const v = await visit(hx, '/cost?country=RU&region=RU-MOW&type=full&hours=24&method=all');
    expect(await v.page.locator('select[name=region]').inputValue()).toBe('RU-MOW');
    if (has('/api/cost')) {
      const big = await v.page.locator('.estimate .big').first().textContent();
      expect(big).toMatch(/\d/);
      // The OZI-calibrated method puts a day of Moscow in the billions of roubles (chapter: 4.8 bn).
      expect(await v.page.locator('.estimate[data-method=ozi-regional] .big').textContent()).toMatch(/^[\d.]+B RUB$/);
      expect(await v.page.locator('.estimate').count()).toBeGreaterThanOrEqual(2);
      expect(await v.page.locator('.share a').first().getAttribute('href')).toContain('region=RU-MOW');
    } else expect(await unavailable(v)).toBe(1);
    await clean(v, 'cost');
  });

  it('offers India’s states, priced by their population share and named as a proxy', async () => {
    const v = await visit(hx, '/cost?country=IN&region=IN-JK&type=full&hours=24&method=cost-escalated');
    if (has('/api/cost') && has('/api/cost/regions')) {
      expect(await v.page.locator('select[name=region] option').count()).toBeGreaterThanOrEqual(30);
      expect(await v.page.locator('select[name=region]').inputValue()).toBe('IN-JK');
      expect(await v.page.locator('#region-hint').textContent()).toMatch(/population share/);
      expect(await v.page.locator('.estimate[data-method=cost-escalated] .badge.proxy').getAttribute('title')).toMatch(
        /regions priced by population share \(IN-JK/,
      );
      expect(await v.page.locator('.estimate[data-method=cost-escalated] .big').textContent()).toMatch(/INR$/);
    } else expect(await unavailable(v)).toBe(1);
    await clean(v, 'cost-IN');
  });
});

describe('measurement explorer', () => {
  it('shows an RU block when measurements exist, or says the pipeline is missing', async () => {
    const v = await visit(hx, '/measurements?cc=RU');
    if (has('/api/measurements/summary')) {
      // The RU telegram measurement loaded web.telegram.org (ok since app verdicts read the whole
      // measurement); the block shown is whichever RU cell the verdicts call blocked.
      const cells = v.page.locator('.heatmap [aria-label]');
      const labels = await cells.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const i = labels.findIndex((l) => /: (blocked|likely_blocked)$/.test(l));
      expect(i, labels.join('; ')).toBeGreaterThanOrEqual(0);
      await shot(v, 'measurements');
      // Click through: the cell's measurements, then one blocked measurement's verdict and evidence.
      await cells.nth(i).click();
      await v.page.waitForURL(/target=/);
      // Each click waits for the page it opened to settle: the router aborts the fetches of a
      // page the user leaves, and an aborted request would be reported as a failed one.
      await ready(v.page);
      await v.page.waitForSelector('table.data a[href*="id="]');
      await v.page
        .locator('table.data tr', { hasText: /blocked/ })
        .locator('a[href*="id="]')
        .first()
        .click();
      await v.page.waitForSelector('.measurement-detail h3:has-text("Verdict")');
      await ready(v.page);
      expect(await v.page.locator('.measurement-detail').textContent()).toMatch(/likely_blocked|blocked|anomaly/);
      await clean(v, 'measurement-detail');
    } else {
      expect(await unavailable(v)).toBe(1);
      await clean(v, 'measurements');
    }
  });
});

describe('registry and detections', () => {
  it('renders the registry page', async () => {
    const v = await pages.visit('/registry');
    expect(await v.page.locator('figcaption', { hasText: 'Register size' }).count()).toBe(1);
    if (has('/api/registry/summary')) {
      expect(await v.page.locator('.card .big').first().textContent()).toMatch(/\d/);
      expect(await v.page.locator('figcaption', { hasText: 'Whose networks' }).count()).toBe(1);
      expect(await v.page.locator('.telegram-2018 tbody tr').count()).toBeGreaterThan(0);
    } else expect(await unavailable(v)).toBe(1);
    await clean(v, 'registry', true);
  });

  it('answers a lookup with readable fields: listed since, the decisions and the network', async () => {
    const api = (await (await fetch(`${hx.base}/api/registry/lookup?q=149.154.167.99`)).json()) as {
      listed: boolean;
      since: { first_snapshot: string } | null;
      decisions: { decision_number: string }[];
    };
    const v = await visit(hx, '/registry?q=149.154.167.99');
    await v.page.locator('dl.lookup').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await v.page.locator('pre.raw').count()).toBe(0);
    const text = await v.page.locator('dl.lookup').textContent();
    if (api.listed) {
      expect(text).toContain(`Listed sincesnapshot ${api.since!.first_snapshot}`);
      for (const d of api.decisions) expect(text).toContain(d.decision_number);
    }
    await clean(v, 'registry-lookup');
  });

  it('a lookup from the form fetches only the lookup, not the snapshot sections again, and keeps q in the URL', async () => {
    const v = await pages.visit('/registry');
    const again: string[] = [];
    v.page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/') && u.pathname !== '/api/registry/lookup') again.push(u.pathname);
    });
    await v.page.fill('input[name=q]', '149.154.167.99');
    await v.page.locator('form[aria-label="Look up an address or domain"] button[type=submit]').click();
    await v.page.locator('dl.lookup').waitFor({ state: 'attached', timeout: 60_000 });
    expect(again).toEqual([]);
    expect(new URL(v.page.url()).searchParams.get('q')).toBe('149.154.167.99');
    await clean(v, 'registry-lookup-form', true);
  });

  it('offers every detection kind the API documents and keeps the one a link chose (outage)', async () => {
    const spec = (await (await fetch(`${hx.base}/openapi.json`)).json()) as {
      paths: Record<string, { get: { parameters: { name: string; schema?: { enum?: string[] } }[] } }>;
    };
    const kinds = spec.paths['/api/detections']!.get.parameters.find((p) => p.name === 'kind')?.schema?.enum ?? [];
    expect(kinds).toContain('outage');
    const v = await visit(hx, '/detections?kind=outage');
    expect(await v.page.locator('select[name=kind] option').evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''))).toEqual(['', ...kinds]);
    expect(await v.page.locator('select[name=kind]').inputValue()).toBe('outage');
    await clean(v, 'detections-outage');
  });

  it('renders the detections page', async () => {
    const v = await visit(hx, '/detections');
    if (has('/api/detections')) {
      expect(await v.page.locator('.card.detection').count()).toBeGreaterThan(0);
      expect(await v.page.locator('.card.detection figure.fig svg').count()).toBeGreaterThan(0);
    } else expect(await unavailable(v)).toBe(1);
    await clean(v, 'detections');
  });
});

describe('API docs', () => {
  it('lists every operation of /openapi.json at /docs, with no console error and no failed request', async () => {
    const spec = (await (await fetch(`${hx.base}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
    const operations = Object.values(spec.paths).flatMap((item) => Object.keys(item).filter((m) => methods.has(m))).length;
    const page = await hx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${hx.base}/docs`, { waitUntil: 'load' });
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect(operations).toBeGreaterThan(40);
    expect(await page.locator('.opblock').count()).toBe(operations);
    await page.screenshot({ path: join(SHOTS, 'docs-1280.png') });
    expect(errors, 'console errors on /docs').toEqual([]);
    expect(failed, 'failed requests on /docs').toEqual([]);
    await page.close();
  });
});

describe('bundle', () => {
  it('keeps the JavaScript under 500 KB gzipped', () => {
    const dir = join(process.cwd(), 'web/dist/assets');
    const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const raw = js.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
    const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
    console.log(`JS bundle: ${js.length} files, ${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzipped (limit 500 KB)`);
    expect(gz).toBeLessThan(500 * 1024);
  });
});
