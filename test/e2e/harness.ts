/**
 * Browser-test harness: copies the database seeded once from the shipped data (global-setup.ts;
 * with E2E_STORE it seeds that store itself), serves it on a free loopback port with the built CLI, and drives Debian's Chromium through
 * playwright-core (never a downloaded browser). Each page visit records console errors and
 * failed requests so a test can assert there were none.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { BIN, tempDir } from '../helpers/index.js';
import { copyDuckDb } from '../helpers/duckdb-files.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const SHOTS = join(process.cwd(), 'test-results');

export interface Harness {
  base: string;
  browser: Browser;
  apiPaths: Set<string>;
  stop: () => Promise<void>;
}

function run(cmd: string, args: string[], okCodes = [0]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

/** E2E_STORE: a store URL (clickhouse://...) to seed and serve the dashboard from a cluster. */
const STORE = process.env.E2E_STORE ? ['--store', process.env.E2E_STORE] : [];

function startServer(db: string): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, 'serve', '--db', db, ...STORE, '--port', '0', '--host', '127.0.0.1', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{') && l.includes('"url"'));
      if (line) {
        clearTimeout(timer);
        resolve({ proc, url: (JSON.parse(line) as { url: string }).url });
      }
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

/** `prepare` runs the built CLI against the seeded database before the server opens it (e.g. extra imports). */
export async function startHarness(opts: { prepare?: (cli: (args: string[], okCodes?: number[]) => string, db: string) => void } = {}): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  const t = tempDir('splinternet-e2e-');
  const db = join(t.dir, 'e2e.duckdb');
  const seeded = inject('e2eSeeded');
  if (seeded) {
    if (!existsSync(seeded)) throw new Error(`the seeded e2e database ${seeded} is missing (global-setup.ts makes it)`);
    copyDuckDb(seeded, db);
  } else {
    // only db migrate creates a server store's database
    if (STORE.length) run(process.execPath, [BIN, 'db', 'migrate', '--db', db, ...STORE], [0]);
    run(process.execPath, [BIN, 'db', 'seed', '--db', db, ...STORE], [0, 3]); // 3 = some shipped rows rejected (listed, kept)
  }
  opts.prepare?.((args, okCodes) => run(process.execPath, [BIN, ...args, '--db', db], okCodes), db);
  const { proc, url } = await startServer(db);
  const spec = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    base: url,
    browser,
    apiPaths: new Set(Object.keys(spec.paths)),
    stop: async () => {
      await browser.close();
      await new Promise<void>((r) => {
        proc.once('exit', () => r());
        proc.kill('SIGTERM');
      });
      t.cleanup();
    },
  };
}

/** Every API call the pages made: path and time to the last byte (ms), for the latency report. */
export const apiTimings: { url: string; ms: number }[] = [];

/**
 * Replays every distinct API call the pages made, one at a time from Node (median of 3, after
 * the browser run warmed the server), and lists those over `limit` ms: the latency each call
 * has on its own, without the page's parallel requests and Chromium competing for the CPU.
 */
export async function slowApiReport(base: string, limit = 100): Promise<string> {
  const urls = [...new Set(apiTimings.map((t) => t.url))].sort();
  const rows: [string, number][] = [];
  for (const u of urls) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await (await fetch(base + u)).arrayBuffer();
      times.push(performance.now() - t0);
    }
    rows.push([u, times.sort((a, b) => a - b)[1] ?? 0]);
  }
  const slow = rows.filter(([, ms]) => ms > limit).sort((a, b) => b[1] - a[1]);
  const all = rows.map(([, ms]) => ms).sort((a, b) => a - b);
  const p50 = all[Math.floor(all.length / 2)] ?? 0;
  return `API calls made by the pages: ${urls.length} distinct, median ${p50.toFixed(0)} ms on their own, ${slow.length} over ${limit} ms${slow.map(([u, ms]) => `\n  ${ms.toFixed(0).padStart(6)} ms  ${u}`).join('')}`;
}

export interface Visit {
  page: Page;
  errors: string[];
  failed: string[];
  ms: number;
}

/** Wait until the router has rendered and no block is still loading. */
export async function ready(page: Page, timeout = 60_000): Promise<void> {
  // Polled from the test side: the page's CSP (script-src 'self', no eval) refuses the string
  // predicates waitForFunction would evaluate in the page.
  const main = page.locator('main[aria-busy="false"]');
  await main.waitFor({ state: 'attached', timeout });
  await page.locator('.state.loading').first().waitFor({ state: 'detached', timeout });
  await main.waitFor({ state: 'attached', timeout });
}

/**
 * Open a page at a viewport width and wait for it to settle, recording errors on the way. In a
 * given browser context (its viewport, shared localStorage) for tests of return visits.
 */
export async function visit(h: Harness, path: string, width = 1280, context?: BrowserContext): Promise<Visit> {
  const page = context ? await context.newPage() : await h.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) apiTimings.push({ url: u.pathname + u.search, ms: r.timing().responseEnd - r.timing().requestStart });
  });
  const t0 = Date.now();
  await page.goto(h.base + path, { waitUntil: 'load' });
  await ready(page);
  return { page, errors, failed, ms: Date.now() - t0 };
}

/**
 * The page as a reader sees it, in test-results/. Whole pages locally; under CI (where nobody
 * looks at them) the viewport only: a whole country page costs over a second of CPU to encode.
 */
export async function shot(v: Visit, name: string): Promise<void> {
  const w = v.page.viewportSize()?.width ?? 0;
  await v.page.screenshot({ path: join(SHOTS, `${name}-${w}.png`), fullPage: !process.env.CI });
}

/** Screenshot, then require no console error and no failed request; closes the page unless `keep`. */
export async function clean(v: Visit, name: string, keep = false): Promise<void> {
  await shot(v, name);
  expect(v.errors, `console errors on ${name}`).toEqual([]);
  expect(v.failed, `failed requests on ${name}`).toEqual([]);
  if (!keep) await v.page.close();
}

/**
 * One visit per address (at 1280 px) shared by the tests of a file that read the same page: the
 * first test to ask opens it, the later ones assert on that page as it stands, and `close` ends
 * them all (afterAll). A test sharing a page checks it with `clean(v, name, true)`, so the errors
 * and failed requests it asserts to be none are those of every test that used the page so far.
 */
export function sharedVisits(h: () => Harness): { visit: (path: string) => Promise<Visit>; close: () => Promise<void> } {
  const open = new Map<string, Promise<Visit>>();
  return {
    visit: (path) => {
      let v = open.get(path);
      if (!v) open.set(path, (v = visit(h(), path)));
      return v;
    },
    close: async () => {
      for (const v of open.values()) await (await v.catch(() => null))?.page.close();
      open.clear();
    },
  };
}
