/**
 * Every page honours each parameter its address carries, or refuses the address naming the one it
 * does not take: a shared link never shows another answer than the one it asks for (the whole
 * ledger for a region's events, RU's measurements for IR's, a full RUB shutdown for a fixed EUR one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clean, startHarness, visit, type Harness } from './harness.js';

let hx: Harness;

beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await hx?.stop();
});

const apiJson = async <T>(path: string): Promise<T> => (await (await fetch(hx.base + path)).json()) as T;

describe('the events list takes every filter of GET /api/events', () => {
  for (const qs of ['region=RU-MOW', 'subtype=mobile', 'country=RU&subtype=mobile&status=active', 'origin=seed&category=block']) {
    it(`lists exactly the API's events for ${qs}`, async () => {
      const api = await apiJson<{ total: number; items: { id: string }[] }>(`/api/events?${qs}&limit=1000`);
      const all = await apiJson<{ total: number }>('/api/events?limit=1');
      // the filter narrows the ledger, so the whole ledger shown in its place fails
      expect(api.total).toBeGreaterThan(0);
      expect(api.total).toBeLessThan(all.total);
      const v = await visit(hx, `/events?${qs}`);
      const caption = await v.page.locator('table.data caption').textContent();
      expect(caption).toMatch(new RegExp(`^${api.total.toLocaleString('en')} events?\\b`));
      const shown = await v.page.locator('table.data tbody tr td a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(new Set(shown)).toEqual(new Set(api.items.map((e) => `/events/${e.id}`)));
      await clean(v, `events-${qs.replace(/[^a-z0-9]+/gi, '-')}`);
    });
  }
});

describe('an address with a parameter its page does not take is refused by name, and nothing is shown', () => {
  for (const [path, name, hint] of [
    ['/events?contry=RU', 'contry', 'did you mean country?'],
    ['/measurements?country=IR', 'country', 'did you mean cc?'],
    ['/detections?country=XX', 'country', 'did you mean cc?'],
    ['/?contry=RU', 'contry', ''],
    ['/country/RU?foo=1', 'foo', 'it takes no query parameters'],
    ['/regions/RU?region=RU-MOW', 'region', ''],
  ] as const) {
    it(path, async () => {
      const v = await visit(hx, path);
      const alert = await v.page.locator('main .state.error').textContent();
      expect(alert).toContain(`"${name}"`);
      expect(alert).toContain(hint);
      // no figure, table or map of another answer beside it
      expect(await v.page.locator('main table, main svg, main figure').count()).toBe(0);
      await clean(v, `refused-${name}`);
    });
  }
});

describe('the regions page prices the scenario its address names', () => {
  it('type=fixed&currency=EUR: the API figures for fixed in EUR, and a calculator link that keeps them', async () => {
    const api = await apiJson<{ items: { code: string; median: number; currency: string }[] }>('/api/cost/regions?country=RU&type=fixed&hours=24&currency=EUR');
    const full = await apiJson<typeof api>('/api/cost/regions?country=RU&type=full&hours=24');
    expect(api.items[0]!.currency).toBe('EUR');
    expect(api.items[0]!.median).not.toBe(full.items[0]!.median);
    const v = await visit(hx, '/regions/RU?type=fixed&currency=EUR&hours=24');
    expect(await v.page.locator('input[name=type]:checked').getAttribute('value')).toBe('fixed');
    expect(await v.page.locator('input[name=currency]:checked').getAttribute('value')).toBe('EUR');
    expect(await v.page.locator('main').textContent()).toContain('amounts in EUR for 24 hours');
    const link = new URL((await v.page.locator('a', { hasText: 'Compare methods in the calculator' }).getAttribute('href')) ?? '', hx.base);
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ country: 'RU', type: 'fixed', hours: '24', currency: 'EUR' });
    await clean(v, 'regions-fixed-eur');
  });

  for (const [qs, words] of [
    ['type=bogus', '"bogus" is not a type'],
    ['method=bogus', '"bogus" is not a method'],
    ['hours=-5', 'must be a positive number of hours'],
  ] as const) {
    it(`${qs}: the API's refusal, the value kept in the form, and no table of blanks`, async () => {
      const v = await visit(hx, `/regions/RU?${qs}`);
      expect(await v.page.locator('main .state.error').textContent()).toContain(words);
      expect(await v.page.locator('main table').count()).toBe(0);
      await v.page.close();
    });
  }
});

describe('a country code that is not two letters is refused on the page, without a failing request', () => {
  for (const [path, where] of [
    ['/country/%3Cimg%3E', 'main .state.error'],
    ['/events?country=%3Cimg%3E', 'main .state.error'],
    ['/measurements?cc=123', 'main .state.error'],
  ] as const) {
    it(path, async () => {
      const v = await visit(hx, path);
      expect(await v.page.locator(where).first().textContent()).toContain('is not an ISO 3166-1 alpha-2 country code (two letters)');
      await clean(v, `two-letters-${path.replace(/[^a-z0-9]+/gi, '-')}`);
    });
  }
});

describe('a comparison address that is not a pair of country codes is refused, naming the bad part', () => {
  for (const [path, named] of [
    ['/compare/IR-USA', '"USA" is not an ISO 3166-1 alpha-2 country code'],
    ['/compare/foo', '"foo" is not two country codes joined by a hyphen'],
    ['/compare/IN', '"IN" is not two country codes joined by a hyphen'],
  ] as const) {
    it(`${path} compares no other countries`, async () => {
      const v = await visit(hx, path);
      const main = (await v.page.locator('main').textContent()) ?? '';
      expect(await v.page.locator('main .state.error').textContent()).toContain(named);
      expect(main).not.toContain('Russia');
      expect(await v.page.locator('main figure').count()).toBe(0);
      await clean(v, `compare-refused-${path.split('/').pop()}`);
    });
  }
});
