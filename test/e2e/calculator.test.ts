/**
 * The cost calculator in a real browser: the figure shown is always the figure of the URL shown
 * (every scenario parameter of GET /api/cost kept in the form, the request, the API link and
 * after Estimate), and a URL it cannot price is refused with a visible error, never replaced.
 */
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

describe('cost calculator scenario parameters', () => {
  // Each URL prices a scenario the whole country would not: the page must show the API's own figure for it.
  for (const path of [
    '/cost?country=RU&type=full&hours=24&affected_share=0.1&method=ozi-regional',
    '/cost?country=RU&regions=RU-MOW,RU-SPE&type=full&hours=24&method=ozi-regional',
    '/cost?country=RU&type=mobile&hours=24&mobile_share=0.9&method=ozi-regional',
  ]) {
    it(`shows the figure of every parameter in the URL, in the form, the API link and after Estimate: ${path}`, async () => {
      const v = await visit(hx, path);
      const api = new URLSearchParams(path.split('?')[1]);
      const expected = (await (await fetch(`${hx.base}/api/cost?${api.toString()}`)).json()) as {
        estimates: { method: string; median: number; currency: string }[];
      };
      const est = expected.estimates.find((e) => e.method === 'ozi-regional');
      const whole = (await (await fetch(`${hx.base}/api/cost?country=RU&type=${api.get('type')}&hours=24&method=ozi-regional`)).json()) as typeof expected;
      // the scenario's figure differs from the default scenario's, so showing the latter fails
      expect(Math.abs((est?.median ?? 0) / whole.estimates[0]!.median - 1)).toBeGreaterThan(0.05);
      const figure = money(est?.median, est?.currency);
      const big = v.page.locator('.estimate[data-method=ozi-regional] .big');
      expect(await big.textContent()).toBe(figure);
      const link = new URL((await v.page.locator('.share a', { hasText: 'JSON' }).getAttribute('href')) ?? '', hx.base);
      for (const [k, val] of api) expect(link.searchParams.getAll(k === 'regions' ? 'region' : k).join(','), k).toBe(val);
      await v.page.locator('form.scenario button[type=submit]').click();
      await ready(v.page);
      const after = new URL(v.page.url());
      for (const [k, val] of api) expect(after.searchParams.getAll(k === 'regions' ? 'region' : k).join(','), k).toBe(val);
      expect(await big.textContent()).toBe(figure);
      await clean(v, 'cost-params');
    });
  }

  it("with no type in the URL shows the type unset, as the request sends it, beside the API's error", async () => {
    const v = await visit(hx, '/cost?country=RU&hours=24');
    expect(await v.page.locator('select[name=type]').inputValue()).toBe('');
    expect(await v.page.locator('.result .state.error').textContent()).toContain('type');
    const link = new URL((await v.page.locator('.share a', { hasText: 'JSON' }).getAttribute('href')) ?? '', hx.base);
    expect(link.searchParams.has('type')).toBe(false);
    await v.page.close();
  });

  it('refuses a parameter the calculator does not take, naming it, and prices nothing', async () => {
    const v = await visit(hx, '/cost?country=RU&type=full&hours=24&afected_share=0.1');
    expect(await v.page.locator('.result .state.error').textContent()).toContain('"afected_share" is not a parameter');
    expect(await v.page.locator('.estimate').count()).toBe(0);
    await clean(v, 'cost-unknown-param');
  });
});

/** The region codes the form has chosen (what Estimate sends). */
const chosenRegions = async (v: Visit) =>
  Promise.all((await v.page.locator('select[name=region] option:checked').all()).map(async (o) => await o.getAttribute('value')));

describe('regions from the URL', () => {
  it('reads a region code in either case, so Estimate prices that region again, never the whole country', async () => {
    const v = await visit(hx, '/cost?country=RU&region=ru-mow&type=full&hours=24&method=ozi-regional');
    expect(await chosenRegions(v)).toEqual(['RU-MOW']);
    const api = (await (await fetch(`${hx.base}/api/cost?country=RU&region=RU-MOW&type=full&hours=48&method=ozi-regional`)).json()) as {
      estimates: { median: number; currency: string }[];
    };
    await v.page.locator('input[name=hours]').fill('48');
    await v.page.locator('form.scenario button[type=submit]').click();
    await ready(v.page);
    expect(new URL(v.page.url()).searchParams.getAll('region')).toEqual(['RU-MOW']);
    expect(await v.page.locator('.estimate[data-method=ozi-regional] .big').textContent()).toBe(money(api.estimates[0]!.median, api.estimates[0]!.currency));
    await clean(v, 'cost-region-case');
  });

  it('keeps a region it does not know chosen beside the error, so Estimate never prices the rest unnoticed', async () => {
    for (const [path, regions] of [
      ['/cost?country=RU&region=RU-XXX&type=full&hours=24', ['RU-XXX']],
      ['/cost?country=RU&region=RU-MOW,RU-XXX&type=full&hours=24', ['RU-MOW', 'RU-XXX']],
    ] as const) {
      const v = await visit(hx, path);
      expect(await chosenRegions(v)).toEqual(regions);
      expect(await v.page.locator('.result .state.error').textContent()).toContain('RU-XXX');
      await v.page.locator('input[name=hours]').fill('48');
      await v.page.locator('form.scenario button[type=submit]').click();
      await ready(v.page);
      expect(new URL(v.page.url()).searchParams.getAll('region')).toEqual([...regions]);
      expect(await v.page.locator('.result .state.error').textContent()).toContain('RU-XXX');
      expect(await v.page.locator('.estimate').count()).toBe(0);
      await v.page.close();
    }
  });
});

describe('a bad calculator URL', () => {
  it('keeps the bad value in the form beside its error, so Estimate cannot price another country or type unnoticed', async () => {
    for (const [path, name, value, says] of [
      ['/cost?country=ZZ&type=full&hours=24', 'country', 'ZZ', 'ZZ'],
      ['/cost?country=RU&type=bogus&hours=24', 'type', 'bogus', 'bogus'],
    ] as const) {
      const v = await visit(hx, path);
      expect(await v.page.locator(`select[name=${name}]`).inputValue()).toBe(value);
      expect(await v.page.locator('.result .state.error').textContent()).toContain(says);
      await v.page.locator('form.scenario button[type=submit]').click();
      await ready(v.page);
      expect(new URL(v.page.url()).searchParams.get(name)).toBe(value);
      expect(await v.page.locator('.estimate').count()).toBe(0);
      await v.page.close();
    }
  });
});
