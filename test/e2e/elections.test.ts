/**
 * Election pages in real Chromium against a server whose database holds the shipped election
 * fixtures (Moscow 2021 with its DEG pseudo-stations, the single-mandate table, the DEG series,
 * a 2016 national cut): the histograms' bars, the heat map, Shpilkin's curve, the integer test,
 * the 15-district paper-vs-electronic table with changed winners, and the ledger link both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTION_FIXTURES, electionFixture } from '../helpers/elections.js';
import { clean, startHarness, visit, type Harness } from './harness.js';

let hx: Harness;

beforeAll(async () => {
  hx = await startHarness({
    prepare: (cli) => {
      cli(['elections', 'import', ...ELECTION_FIXTURES]);
      cli(['elections', 'import', electionFixture('kobak-2024-electronic-voting.csv')]);
    },
  });
});
afterAll(async () => {
  await hx?.stop();
});

describe('elections pages', () => {
  it('lists the imported elections with links and the ledger event', async () => {
    const v = await visit(hx, '/elections');
    const links = await v.page.locator('table.data a[href^="/elections/"]').allTextContents();
    expect(links).toEqual(['duma-2016', 'duma-2021', 'president-2024']);
    expect(await v.page.locator('a[href="/events/ru-2021-moscow-e-voting"]').count()).toBe(1);
    // a cell with several events separates them, so two ids never read as one
    const cell = v.page.locator('td', { has: v.page.locator('a[href="/events/ru-2021-moscow-e-voting"]') });
    const ids = await cell.locator('a').allTextContents();
    expect(ids.length).toBeGreaterThan(1);
    expect(await cell.textContent()).toBe(ids.join(', '));
    await clean(v, 'elections');
  });

  it('Moscow 2021: histograms with integer bars, heat map, Shpilkin curve, 15 districts with changed winners', async () => {
    const v = await visit(hx, '/elections/duma-2021');
    const p = v.page;
    const turnoutBars = await p.locator('g.hist-turnout rect').count();
    const integerBars = await p.locator('g.hist-turnout rect[fill="#c0392b"]').count();
    console.log(`duma-2021 page: ${v.ms} ms; turnout bars ${turnoutBars} (integer ${integerBars})`);
    expect(turnoutBars).toBeGreaterThan(300);
    expect(integerBars).toBeGreaterThan(20);
    expect(await p.locator('g.hist-leader rect').count()).toBeGreaterThan(300);
    expect(await p.locator('g.heat-cell rect').count()).toBeGreaterThan(100);
    expect(await p.locator('g.shpilkin-line path').count()).toBe(3);
    // The district table: 15 rows, district 196's paper leader lost to the DEG-backed winner.
    const rows = p.locator('.districts table.data tbody tr');
    expect(await rows.count()).toBe(15);
    const first = await rows.first().locator('td').allTextContents();
    expect(first.slice(0, 4)).toEqual(['ОИК №196', 'Рашкин Валерий Федорович', 'Баженов Тимофей Тимофеевич', 'Баженов Тимофей Тимофеевич']);
    const changed = await p.locator('.districts [data-changed="true"]').count();
    expect(changed).toBeGreaterThanOrEqual(5);
    expect(await p.locator('.districts .lede').textContent()).toContain(`changed by the electronic votes in ${changed} of 15`);
    expect(await p.locator('a[href="/events/ru-2021-moscow-e-voting"]').count()).toBeGreaterThanOrEqual(1);
    expect(await p.locator('main').textContent()).toContain('1,943,590 DEG ballots issued');
    // DEG timeline: party-list and single-mandate votes per 20-minute bin on a Moscow-time axis,
    // every bin a vertex; each large party's share of every bin; the note states the re-vote gap.
    const tl = p.locator('.deg-timeline');
    expect(await tl.locator('g.deg-ballots path').count()).toBe(2);
    const d = (await tl.locator('g.deg-ballots path').first().getAttribute('d')) ?? '';
    expect(d.split('L').length).toBeGreaterThanOrEqual(181);
    expect(await tl.locator('g.deg-share path').count()).toBe(7);
    expect(await tl.locator('g[aria-label="x-axis label"]').first().textContent()).toContain('Moscow time (UTC+3), 20-minute bins');
    const notes = await tl.locator('.note').allTextContents();
    expect(notes[0]).toContain('2,105,472 party-list ballots and 2,003,956 single-mandate ballots decrypted in 182 bins');
    expect(notes[0]).toContain('against 1,893,197 electronic party-list ballots in the final count: the bins include ballots that a later re-vote superseded');
    expect(notes[1]).toContain('denull/elections-2021');
    await clean(v, 'election-duma-2021');
  });

  it('president 2024: the DEG table is per region, each row named by its region (the 2024 DEG file, real)', async () => {
    const v = await visit(hx, '/elections/president-2024');
    const rows = v.page.locator('.districts table.data tbody tr');
    expect(await rows.count()).toBe(29);
    const names = await rows.locator('td:first-child').allTextContents();
    expect(names).toContain('город Москва');
    expect(names.every((n) => n.trim() !== '' && n !== '—')).toBe(true);
    const lede = (await v.page.locator('.districts .lede').textContent()) ?? '';
    expect(lede).toMatch(
      /^29 regions with electronic votes \(8,165,524 DEG ballots issued\)\. No single-mandate results imported for them; leader changed in 0\./,
    );
    await clean(v, 'election-president-2024');
  });

  it('the ledger’s Moscow 2021 DEG event links back to the election', async () => {
    const v = await visit(hx, '/events/ru-2021-moscow-e-voting');
    expect(await v.page.locator('.election-links a[href="/elections/duma-2021"]').count()).toBe(1);
    await clean(v, 'event-moscow-e-voting');
  });

  it('an unknown election shows the server’s message', async () => {
    const v = await visit(hx, '/elections/duma-1999');
    expect(await v.page.locator('.state.error').first().textContent()).toContain('no election "duma-1999"');
    await v.page.close();
  });
});
