/**
 * The watch page in real Chromium. The database is seeded, then one watch cycle (`watch --once`)
 * takes in the real IODA signals of IranCell around Iran's November 2019 blackout
 * (test/fixtures/outages, CC BY 3.0) dropped into a watched folder and proposes the outage
 * draft. The page must show that cycle's figures as the server recorded them, and "new since
 * your last visit" must list exactly what was written after the previous visit of the same
 * browser: first the latest items (and say so), then the one event added in between, then the
 * draft confirmed in between, then nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { BIN, sampleEvent, tempDir } from '../helpers/index.js';
import { clean, startHarness, visit, type Harness, type Visit } from './harness.js';

const IODA = packagePath('test', 'fixtures', 'outages', 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const t = tempDir('splinternet-e2e-watch-');
const inbox = join(t.dir, 'incoming');

interface Once {
  cycle: {
    id: string;
    started_at: string;
    finished_at: string;
    next_at: string | null;
    inputs_new: number;
    points_stored: number;
    detections: number;
    drafts_created: number;
    errors: string[];
  };
}

let hx: Harness;
let db = '';
let once: Once;
let context: BrowserContext;

/** The built CLI against the served database (it goes through the server that holds it). */
function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`splinternet ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The page's day() format: "2019-11-16 14:25". */
const minute = (iso: string) => iso.replace(/T(\d\d:\d\d).*$/, ' $1');

beforeAll(async () => {
  mkdirSync(inbox);
  // IODA's export has no country column: the documented CSV with a header and cc (as the README shows).
  const rows = readFileSync(IODA, 'utf8').trim().split(/\r?\n/);
  const file = join(inbox, 'ioda-as44244.csv');
  writeFileSync(file, ['datasource,value,asn,as_name,timestamp,cc', ...rows.map((l) => `${l},IR`)].join('\n'));
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past); // settled: not a file still being written
  hx = await startHarness({
    prepare: (run, path) => {
      db = path;
      once = JSON.parse(run(['watch', '--once', '--signals-dir', inbox, '--json'])) as Once;
    },
  });
  context = await hx.browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await context?.close();
  await hx?.stop();
  t.cleanup();
});

const field = (v: Visit, k: string) => v.page.locator(`.watch-status [data-k="${k}"]`).innerText();
const rowsOf = async (v: Visit, list: 'new-events' | 'new-drafts') =>
  (await v.page.locator(`.${list} table.data tbody tr`).all()).length
    ? await v.page.locator(`.${list} table.data tbody tr td:nth-child(3) a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    : [];

describe('watch page', () => {
  it('one cycle on the real IODA fixture: the status panel shows its figures; a first visit lists the latest items', async () => {
    expect(once.cycle).toMatchObject({ inputs_new: 1, points_stored: 3996, detections: 1, drafts_created: 1, errors: [] });
    const v = await visit(hx, '/watch', 1280, context);
    expect(await v.page.locator('header nav a[href="/watch"]').getAttribute('aria-current')).toBe('page');
    expect(await field(v, 'last-cycle')).toBe(`${minute(once.cycle.started_at)} UTC, done (finished ${minute(once.cycle.finished_at)})`);
    // A --once cycle schedules no next one, and no watch holds the lease.
    expect(once.cycle.next_at).toBeNull();
    expect(await field(v, 'next-cycle')).toBe('none: no watch is running');
    expect(await field(v, 'last-figures')).toBe(
      '1 new input(s), 3,996 signal points stored, 0 rejected, 1 detection(s), 1 new draft(s), 0 webhook notice(s) queued',
    );
    expect(await field(v, 'ooni-window')).toBe('not watched (start with --ooni-sync)');
    expect(await field(v, 'inputs-seen')).toBe('1');
    expect(await field(v, 'errors')).toBe('none');
    expect(await field(v, 'deliveries')).toBe('0 delivered, 0 pending, 0 dead-lettered');
    const input = await v.page.locator('.watch-panel table.data tbody tr').first().locator('td').allInnerTexts();
    // a server file outside the reader's import folders is named by its file name only
    expect(input.slice(1)).toEqual(['signals_file', 'ioda-as44244.csv', 'imported', '']);

    // This browser's first visit: the latest items, said so; the outage draft among the drafts.
    expect(await v.page.locator('.watch-new [data-k="since"]').innerText()).toMatch(/^First visit from this browser: the latest 20 /);
    const drafts = await rowsOf(v, 'new-drafts');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatch(/^\/events\/det-outage-ir-as44244-2019111614-/);
    expect(await rowsOf(v, 'new-events')).toHaveLength(20);
    const stored = (await context.storageState()).origins.find((o) => o.origin === hx.base)?.localStorage ?? [];
    const seen = stored.find((e) => e.name === 'splinternet.watch.seen')?.value;
    const api = JSON.parse(cli(['watch-new', '--limit', '1'])) as { watermark: string };
    expect(seen).toBe(api.watermark);
    await clean(v, 'watch-first-visit');
  });

  it('after an event is added, the next visit lists exactly that one', async () => {
    // SYNTHETIC ledger entry (test/helpers sampleEvent): an event written between two visits.
    const file = join(t.dir, 'event.json');
    writeFileSync(
      file,
      JSON.stringify(sampleEvent({ id: 'ir-2019-synthetic-watch-visit', title: 'Synthetic event added between two visits', countries: ['IR'] })),
    );
    cli(['events', 'add', '--file', file]);
    const v = await visit(hx, '/watch', 1280, context);
    expect(await v.page.locator('.watch-new [data-k="since"]').innerText()).toMatch(
      /since your last visit .*: 1 confirmed event\(s\), 0 draft detection\(s\)\.$/,
    );
    expect(await rowsOf(v, 'new-events')).toEqual(['/events/ir-2019-synthetic-watch-visit']);
    expect(await v.page.locator('.new-events tbody tr td:nth-child(2)').innerText()).toBe('added');
    expect(await v.page.locator('.new-drafts .state.empty').innerText()).toBe('No new drafts.');
    await clean(v, 'watch-one-new');
  });

  it('a draft confirmed in between is new as a confirmed event; a reload shows nothing new', async () => {
    const draft = (JSON.parse(cli(['watch-new', '--limit', '1'])) as { drafts: { items: { id: string }[] } }).drafts.items[0]!.id;
    cli(['events', 'confirm', draft, '--reason', 'IODA signals checked against the November 2019 blackout reports']);
    const v = await visit(hx, '/watch', 1280, context);
    expect(await rowsOf(v, 'new-events')).toEqual([`/events/${draft}`]);
    expect(await v.page.locator('.new-events tbody tr td:nth-child(2)').innerText()).toBe('confirmed');
    await v.page.close();
    const again = await visit(hx, '/watch', 1280, context);
    expect(await again.page.locator('.new-events .state.empty').innerText()).toBe('No new events.');
    expect(await again.page.locator('.new-drafts .state.empty').innerText()).toBe('No new drafts.');
    await clean(again, 'watch-nothing-new');
  });
});
