/**
 * The dashboard when the server fails under it: a page whose code or data does not arrive shows
 * the one error display (ui/state.ts#errorBox) naming the failure, never the previous page under
 * the new address, never a blank, and no uncaught error. SYNTHETIC failures: the browser's
 * requests are refused or answered by the test (playwright routing) against the seeded server.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ready, shot, startHarness, visit, type Harness, type Visit } from './harness.js';

let hx: Harness;

beforeAll(async () => {
  hx = await startHarness();
});
afterAll(async () => {
  await hx?.stop();
});

/** From now on every request matching `which` is refused, as by a server that stopped. */
const stopServer = (page: Page, which: (path: string) => boolean = () => true) =>
  page.route(
    (u) => which(u.pathname),
    (r: Route) => r.abort('connectionrefused'),
  );

const pageErrors = (v: Visit) => v.errors.filter((e) => e.startsWith('page error'));

/** Go to `path` inside the running app (as back/forward does), without reloading it. */
const goInApp = (page: Page, path: string) =>
  page.evaluate((p) => {
    const w = globalThis as unknown as {
      history: { pushState: (state: null, unused: string, url: string) => void };
      dispatchEvent: (e: unknown) => boolean;
      PopStateEvent: new (type: string) => unknown;
    };
    w.history.pushState(null, '', p);
    w.dispatchEvent(new w.PopStateEvent('popstate'));
  }, path);

describe('the server stops while a page is open', () => {
  it('a nav click shows the new page’s error, not the old page under the new address', async () => {
    const v = await visit(hx, '/events?country=RU');
    expect(await v.page.locator('main').textContent()).toContain('RU');
    await stopServer(v.page);
    await v.page.locator('header nav a[href="/detections"]').click();
    await v.page.waitForURL(/\/detections$/);
    await ready(v.page);
    const main = v.page.locator('main');
    expect(await main.locator('h1').textContent()).toBe('This page could not be shown');
    const err = (await main.locator('.state.error').textContent()) ?? '';
    expect(err).toContain("Could not load this page's code");
    expect(err).toContain('Is `splinternet serve` running?');
    expect(await main.locator('table.data').count()).toBe(0);
    expect(await v.page.title()).toBe('Error · Splinternet Observatory');
    expect(pageErrors(v)).toEqual([]);
    await shot(v, 'unreachable-nav');
    await v.page.close();
  });

  it('a page whose code is loaded but whose first fetch fails shows its error, not a blank (country page)', async () => {
    const v = await visit(hx, '/events?country=IN');
    // the country page's code arrives, its data (the country names first) does not
    await stopServer(v.page, (p) => !p.startsWith('/assets/'));
    await goInApp(v.page, '/country/IN');
    await ready(v.page);
    const main = v.page.locator('main');
    const err = (await main.locator('.state.error').first().textContent()) ?? '';
    expect(err).toContain('Could not reach the Splinternet server');
    expect((await main.textContent())?.trim()).not.toBe('');
    expect(pageErrors(v)).toEqual([]);
    await shot(v, 'unreachable-country');
    await v.page.close();
  });
});

describe('a failed or unreadable answer goes to the same error display', () => {
  for (const [what, answer, expected] of [
    ['a 503 without a problem body', { status: 503, contentType: 'text/plain', body: 'Service Unavailable' }, 'HTTP 503'],
    ['a 200 that is not JSON', { status: 200, contentType: 'text/html', body: '<html>proxy login</html>' }, 'is not JSON (HTTP 200, text/html)'],
  ] as const) {
    it(`${what}: every page shows it, no page is blank and nothing is uncaught`, async () => {
      for (const path of ['/country/IN', '/events', '/compare/CN-RU', '/detections']) {
        const page = await hx.browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.route(
          (u) => u.pathname.startsWith('/api/') || u.pathname.startsWith('/geo/'),
          (r) => r.fulfill(answer),
        );
        await page.goto(hx.base + path, { waitUntil: 'load' });
        await ready(page);
        const err = (await page.locator('main .state.error').first().textContent()) ?? '';
        expect(err, path).toContain(expected);
        expect(errors, path).toEqual([]);
        await page.close();
      }
    });
  }
});
