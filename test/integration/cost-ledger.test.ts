// Pricing STOP events the way a journalist sums them: real STOP rows (test/fixtures/stop/
// cost-sample.csv: Iran 2019, Chad's ongoing shutdown, Ethiopia 2020, India 2022) imported into
// a fresh ledger with the shipped economic data. `--end` prices only what is ongoing, every
// USD figure names its rate and date, and each shutdown is counted once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costLedgerDb } from '../helpers/cost-ledger.js';
import { duckReader } from '../helpers/duck.js';
import { appWithToken, cli, clock, sampleEvent, tempDir } from '../helpers/index.js';
import { geocodeLedger, importStopFile } from '../../src/ledger/index.js';
import { COMPARE_COLUMNS } from '../../src/cost/compare-export.js';
import { createApp } from '../../src/server/app.js';
import { fixedClock, packagePath, silentProgress } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';

const t = tempDir('splinternet-cost-ledger-');
const db = join(t.dir, 'cost.duckdb');
const run = async (args: string[]) => {
  const r = await cli([...args, '--db', db]);
  return { ...r, json: r.out ? (JSON.parse(r.out) as unknown) : null };
};
type Row = Record<string, string | number | null>;
type Report = { items: Row[]; events_read: number; events_priced: number };
const rows = async (args: string[]) => {
  const r = await run(['cost', 'events', '--method', 'cost-escalated', '--format', 'json', ...args]);
  expect([0, 3]).toContain(r.code);
  return r.json as Report;
};

beforeAll(() => costLedgerDb(db, 'cost-sample.csv'), 120_000);
afterAll(() => t.cleanup());

describe('--end prices only what is ongoing', () => {
  it("Iran's 16–23 November 2019 shutdown costs the same with and without --end; an ongoing event is priced to the --end date", async () => {
    const without = await rows(['--country', 'IR']);
    const withEnd = await rows(['--country', 'IR', '--end', '2026-11-26']);
    const nov = (r: Report) => r.items.filter((i) => i.start === '2019-11-16');
    expect(nov(without).length).toBeGreaterThan(0);
    expect(nov(withEnd).map((i) => [i.end, i.usd_median])).toEqual(nov(without).map((i) => [i.end, i.usd_median]));
    // the eight-day shutdown costs more than the one-day one
    const june = withEnd.items.find((i) => i.start === '2019-06-26')!;
    expect(Number(nov(withEnd)[0]!.usd_median)).toBeGreaterThan(5 * Number(june.usd_median));

    const chad = await rows(['--country', 'TD', '--end', '2026-11-26']);
    const ongoing = chad.items.find((i) => i.start === '2018-03-28')!;
    expect(ongoing.end).toBeNull();
    expect(ongoing.usd_median).toBeGreaterThan(0);
    // Each row says the span its price covers: an ongoing event up to the end of --end's day,
    // an ended one its own dates (end day included).
    expect([ongoing.priced_from, ongoing.priced_to]).toEqual(['2018-03-28T00:00:00.000Z', '2026-11-27T00:00:00.000Z']);
    expect([nov(withEnd)[0]!.priced_from, nov(withEnd)[0]!.priced_to]).toEqual(['2019-11-16T00:00:00.000Z', '2019-11-24T00:00:00.000Z']);
    const one = (await run(['cost', 'event', String(ongoing.event_id), '--end', '2026-11-26', '--method', 'cost-escalated', '--json'])).json as {
      estimates: { periods: { year: number; hours: number }[] }[];
      mapping: string[];
    };
    const periods = one.estimates[0]!.periods;
    expect(periods.map((p) => p.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(periods.reduce((s, p) => s + p.hours, 0) / 24).toBe((Date.parse('2026-11-27') - Date.parse('2018-03-28')) / 86_400_000);
    expect(one.mapping.join(' ')).toMatch(/priced up to 2026-11-26/);
  });

  it('every USD figure names its rate and date, period by period, never null', async () => {
    const r = await rows(['--end', '2026-11-26']);
    const priced = r.items.filter((i) => i.usd_median !== null);
    expect(priced.length).toBeGreaterThan(50);
    for (const i of priced) {
      expect(i.usd_rate, String(i.event_id)).not.toBeNull();
      expect(String(i.usd_rate_date)).not.toMatch(/\?/);
    }
  });
});

describe('an end nobody recorded', () => {
  it('India, 21 April 2022 (STOP: no end, status Unknown): priced up to the upper quartile of the ended Indian shutdowns, for their median share of it; --end does not extend it', async () => {
    const list = (await run(['events', 'list', '--country', 'IN', '--limit', '500', '--json'])).json as {
      items: { id: string; start: string; end: string | null }[];
    };
    const id = list.items.find((e) => e.start === '2022-04-21' && e.end === null)!.id;
    type One = {
      mapping: string[];
      missing: unknown[];
      scenario: { start: string; end: string; hours: number; active: { share: number; low: number; high: number } | null };
    };
    const one = (await run(['cost', 'event', id, '--method', 'cost-escalated', '--json'])).json as One;
    expect(one.missing).toEqual([]);
    const m = /duration of the (\d+) ended events of IN of the same kind, median (\d+) d \(quartiles (\d+)–(\d+) d\)/.exec(one.mapping.join(' '))!;
    expect(m).not.toBeNull();
    const [n, median, q1, q3] = m.slice(1).map(Number) as [number, number, number, number];
    expect(n).toBeGreaterThan(40);
    expect(one.scenario.hours).toBe(q3 * 24);
    if (median < q3) expect(one.scenario.active).toEqual({ share: median / q3, low: q1 / q3, high: 1, basis: expect.any(String) as string });
    const withEnd = (await run(['cost', 'event', id, '--method', 'cost-escalated', '--end', '2026-11-26', '--json'])).json as One;
    expect(withEnd.scenario.hours).toBe(one.scenario.hours);
  });
});

describe('who was cut off', () => {
  it('events geocode reports coverage by scope; at least 90 % of sub-national events have a region or place with a population, the rest listed with why', async () => {
    const r = await run(['events', 'geocode', '--dry-run', '--json']);
    const x = r.json as {
      by_scope: Record<string, { events: number; with_population: number }>;
      not_geocoded: { id: string; scope: string; reason: string }[];
      changed: number;
    };
    const sub = ['local', 'regional'].map((s) => x.by_scope[s] ?? { events: 0, with_population: 0 });
    const events = sub.reduce((n, s) => n + s.events, 0);
    expect(events).toBeGreaterThan(50);
    expect(sub.reduce((n, s) => n + s.with_population, 0) / events).toBeGreaterThanOrEqual(0.9);
    expect(x.not_geocoded.length).toBe(events - sub.reduce((n, s) => n + s.with_population, 0));
    for (const n of x.not_geocoded) expect(n.reason).toBeTruthy();
    // Each listed event names its scope, and the list per scope is what by_scope leaves uncovered.
    for (const s of ['local', 'regional'])
      expect(x.not_geocoded.filter((n) => n.scope === s).length).toBe((x.by_scope[s]?.events ?? 0) - (x.by_scope[s]?.with_population ?? 0));
    expect(x.changed).toBe(0); // the import geocoded already
    expect([0, 3]).toContain(r.code);
  });

  it('India 2022: priced by the districts cut off, within a factor of 3 of Top10VPN (cost compare), with hours, users and the events behind it', async () => {
    const r = await run(['cost', 'compare', 'top10vpn', '--country', 'IN', '--json']);
    expect(r.code, r.err).toBe(0);
    const x = r.json as {
      rows: {
        year: number;
        ours: Record<string, number>;
        theirs: number;
        ratio: number;
        their_hours: number;
        our_hours: number;
        our_users: number;
        events: { id: string }[];
        cause: string | null;
      }[];
      summary: { both: number };
    };
    const y2022 = x.rows.find((w) => w.year === 2022)!;
    expect(y2022.theirs).toBe(184_300_000);
    expect(y2022.ratio).toBeGreaterThan(1 / 3);
    expect(y2022.ratio).toBeLessThan(3);
    expect(Object.keys(y2022.ours).sort()).toEqual(['brookings-2016', 'cost-escalated', 'deloitte-2016']);
    expect(y2022.their_hours).toBe(1461);
    expect(y2022.our_hours).toBeGreaterThan(500);
    expect(y2022.our_users).toBeGreaterThan(0);
    expect(y2022.events.length).toBeGreaterThan(40);
    // the whole-country pricing this replaces was ~$177 bn for India's 2022 events
    expect(y2022.ours['cost-escalated']).toBeLessThan(2e9);
  });

  it("an ongoing network shutdown is compared by STOP's yearly accounting: Tigray, still marked ongoing in the snapshot's last year, whole through 2025; an ongoing platform block to the end of its first year", async () => {
    type Cmp = {
      rows: { year: number; events: { id: string; hours: number; usd: number }[]; events_not_priced: { id: string; missing: string }[] }[];
      notes: string[];
    };
    const et = (await run(['cost', 'compare', 'top10vpn', '--country', 'ET', '--json'])).json as Cmp;
    // STOP repeats the Tigray shutdown of 2020-11-04 for count_year 2020 to 2025 (cost-sample.csv).
    const tigray = (y: number) => et.rows.find((w) => w.year === y)?.events.filter((e) => e.id.includes('tigray')) ?? [];
    for (const y of [2021, 2022, 2023])
      expect(
        tigray(y).reduce((s, e) => s + e.hours, 0),
        String(y),
      ).toBeCloseTo(8760, -1);
    expect(tigray(2024).reduce((s, e) => s + e.hours, 0)).toBeCloseTo(8784, -1);
    // 2025 is the snapshot's last count_year, compiled after it ended, and still marks Tigray ongoing: the whole year.
    expect(tigray(2025).reduce((s, e) => s + e.hours, 0)).toBeCloseTo(8760, -1);
    expect(et.notes.join(' ')).toMatch(/yearly accounting/);
    // India's ban of TikTok and 57 other apps (2020-06-29, marked ongoing): priced from 29 June to
    // 31 December 2020 (186 days), as Top10VPN's 2020 report counts it, and in no later year.
    const india = (await run(['cost', 'compare', 'top10vpn', '--country', 'IN', '--json'])).json as Cmp;
    const tiktok = india.rows.flatMap((w) => w.events.filter((e) => e.id.startsWith('stop-in-2020-06-29')).map((e) => ({ year: w.year, ...e })));
    expect(tiktok.map((e) => e.year)).toEqual([2020]);
    expect(tiktok[0]!.hours).toBeCloseTo(186 * 24, -1);
    expect(tiktok[0]!.usd).toBeGreaterThan(0);
    expect(india.rows.flatMap((w) => w.events_not_priced).filter((e) => e.id.startsWith('stop-in-2020-06-29'))).toEqual([]);
  });

  it('the table of cost compare prints our total by each method, Top10VPN, the ratio, hours and users on both sides', async () => {
    const r = await cli(['cost', 'compare', 'top10vpn', '--country', 'IN', '--db', db]);
    expect(r.code).toBe(0);
    const [header, , ...lines] = r.out.split('\n');
    for (const col of ['ours (cost-escalated)', 'deloitte-2016', 'brookings-2016', 'theirs', 'ratio', 'hours ours/theirs', 'users M ours/theirs', 'events'])
      expect(header).toContain(col);
    expect(lines.find((l) => l.startsWith('IN       2022'))).toMatch(/184M USD .* \d+\.\d\/\d+\.\d /);
  });

  it('a year only Top10VPN prices names the events marked ongoing that the comparison leaves out of it, instead of saying the ledger has none', async () => {
    type Cmp = { rows: { year: number; theirs: number | null; ratio: number | null; events: unknown[]; cause: string | null }[] };
    // Chad's shutdown of 2018-03-28 is marked ongoing (cost-sample.csv); Top10VPN prices Chad in 2023.
    const td = (await run(['cost', 'compare', 'top10vpn', '--country', 'TD', '--json'])).json as Cmp;
    const y2023 = td.rows.find((r) => r.year === 2023)!;
    expect(y2023.ratio).toBeNull();
    expect(y2023.theirs).toBeGreaterThan(0);
    expect(y2023.events).toEqual([]);
    expect(y2023.cause).toMatch(/marked ongoing are open in this year but not counted in it .*stop-td-2018-03-28/);
    expect(y2023.cause).not.toMatch(/no event/);
  });

  it('a comparison with no country-year on both sides gives no share (null), not a share of 0; the text says so too', async () => {
    type Sum = { summary: { both: number; within_3x: number; share_within_3x: number | null; share_within_10x: number | null } };
    const se = (await run(['cost', 'compare', 'top10vpn', '--country', 'SE', '--json'])).json as Sum;
    expect(se.summary).toMatchObject({ both: 0, within_3x: 0, share_within_3x: null, share_within_10x: null });
    const text = await cli(['cost', 'compare', 'top10vpn', '--country', 'SE', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/0 country-years both have; within 3×: 0, within 10×: 0;/);
    const india = (await run(['cost', 'compare', 'top10vpn', '--country', 'IN', '--json'])).json as Sum;
    expect(india.summary.share_within_3x).toBeGreaterThan(0);
  });
});

describe('cost compare as a file: CSV, Parquet and NDJSON hold the rows --json gives, each with its method and source', () => {
  type Cmp = {
    method: string;
    source: { title: string; url: string };
    rows: {
      country: string;
      year: number;
      ours: Record<string, number>;
      theirs: number | null;
      ratio: number | null;
      events: { id: string }[];
      cause: string | null;
    }[];
  };
  it('India: one flat row per country-year, read back by DuckDB; GET /api/cost/compare?format=csv is the same file', async () => {
    const want = (await run(['cost', 'compare', 'top10vpn', '--country', 'IN', '--json'])).json as Cmp;
    expect(want.rows.length).toBeGreaterThan(0);
    const csv = join(t.dir, 'compare-in.csv');
    const pq = join(t.dir, 'compare-in.parquet');
    const c = await run(['cost', 'compare', 'top10vpn', '--country', 'IN', '--format', 'csv', '--out', csv, '--json']);
    expect(c.code, c.err).toBe(0);
    expect(c.json).toMatchObject({ file: csv, format: 'csv', rows: want.rows.length, method: 'cost-escalated' });
    expect((await run(['cost', 'compare', 'top10vpn', '--country', 'IN', '--format', 'parquet', '--out', pq])).code).toBe(0);
    // an existing file is not overwritten without --force
    expect((await run(['cost', 'compare', 'top10vpn', '--country', 'IN', '--format', 'csv', '--out', csv])).code).not.toBe(0);
    expect((await run(['cost', 'compare', 'top10vpn', '--format', 'parquet'])).code).toBe(2);

    const duck = await duckReader();
    try {
      for (const file of [`read_csv('${csv}', header = true, all_varchar = true)`, `read_parquet('${pq}')`]) {
        const cols = (await duck.rows(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${file})`)).map((r) => r.column_name);
        expect(cols, file).toEqual([...COMPARE_COLUMNS]);
        const got = await duck.rows(`SELECT * FROM ${file} ORDER BY year`);
        const rows = [...want.rows].sort((a, b) => a.year - b.year);
        expect(got.length, file).toBe(rows.length);
        for (const [i, w] of rows.entries()) {
          const g = got[i]!;
          expect(Number(g.year), file).toBe(w.year);
          // an empty cell is an absent figure (a year only one side prices), never 0
          const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(Number(v).toPrecision(12)));
          const want12 = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toPrecision(12)));
          expect(num(g.ours_usd), file).toBe(want12(w.ours['cost-escalated']));
          expect(num(g['ours_usd_brookings-2016']), file).toBe(want12(w.ours['brookings-2016']));
          expect(num(g.theirs_usd), file).toBe(want12(w.theirs));
          expect(num(g.ratio), file).toBe(want12(w.ratio));
          expect(g.event_ids ?? '', file).toBe(w.events.map((e) => e.id).join('; '));
          expect(g.cause ?? null, file).toBe(w.cause);
          expect([g.method, g.source, g.source_url], file).toEqual(['cost-escalated', want.source.title, want.source.url]);
        }
      }
    } finally {
      duck.close();
    }
    const nd = await cli(['cost', 'compare', 'top10vpn', '--country', 'IN', '--format', 'ndjson', '--db', db]);
    const docs = nd.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Cmp['rows'][number] & { method: string });
    expect(docs.map((d) => [d.year, d.ratio, d.method])).toEqual(want.rows.map((w) => [w.year, w.ratio, 'cost-escalated']));

    const store = await openStore(db);
    try {
      const res = await createApp({ store, clock, dbPath: db }).request('/api/cost/compare?country=IN&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="cost-compare-top10vpn.csv"');
      expect(await res.text()).toBe((await cli(['cost', 'compare', 'top10vpn', '--country', 'IN', '--format', 'csv', '--db', db])).out);
      // the same file by Accept, and JSON when ?format=json says so
      const app = createApp({ store, clock, dbPath: db });
      const byAccept = await app.request('/api/cost/compare?country=IN', { headers: { accept: 'text/csv' } });
      expect([byAccept.headers.get('content-type'), byAccept.headers.get('vary')]).toEqual(['text/csv; charset=utf-8', 'Accept']);
      expect(await byAccept.text()).toBe((await cli(['cost', 'compare', 'top10vpn', '--country', 'IN', '--format', 'csv', '--db', db])).out);
      expect((await app.request('/api/cost/compare?country=IN&format=json', { headers: { accept: 'text/csv' } })).headers.get('content-type')).toMatch(/json/);
      const bad = await createApp({ store, clock, dbPath: db }).request('/api/cost/compare?format=xml');
      expect(bad.status).toBe(400);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('a seed out of range is refused before any event is priced', () => {
  it('cost events: exit 2 naming seed and the value; GET /api/cost/events: 400 the same; never every event "not priced" for a seed', async () => {
    for (const v of ['-1', '4294967296']) {
      const r = await cli(['cost', 'events', '--country', 'IR', '--seed', v, '--db', db]);
      expect([v, r.code, r.out]).toEqual([v, 2, '']);
      expect(r.err).toContain(`seed: must be a whole number from 0 to 4294967295, got ${v}`);
    }
    for (const [flag, v] of [
      ['--draws', '1e3'],
      ['--draws', ' 1000.0'],
      ['--seed', '1.0'],
    ]) {
      const r = await cli(['cost', 'events', '--country', 'IR', flag!, v!, '--db', db]);
      expect([flag, v, r.code]).toEqual([flag, v, 2]);
      expect(r.err).toContain(`${flag!.slice(2)}: must be a whole number`);
    }
    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      for (const url of ['/api/cost/events?country=IR&seed=-1', '/api/cost/events?country=IR&seed=4294967296&format=csv']) {
        const res = await app.request(url);
        const p = (await res.json()) as { detail: string };
        expect([url, res.status]).toEqual([url, 400]);
        expect(p.detail).toMatch(/seed: must be a whole number from 0 to 4294967295, got (-1|4294967296)/);
      }
      expect((await app.request('/api/cost/events?country=IR&seed=4294967295')).status).toBe(200);
      // draws, seed and year are whole numbers in digits on every pricing route: 1e3, 1.0 and " 2020" are not read as 1000, 1, 2020
      for (const url of [
        '/api/cost?country=RU&type=full&hours=24&draws=1e3',
        '/api/cost?country=RU&type=full&hours=24&seed=1.0',
        '/api/cost?country=RU&type=full&hours=24&year=%202020',
        '/api/cost/regions?country=RU&type=full&hours=24&draws=1e3',
        '/api/events/ru-2018-telegram-block/cost?seed=1.0',
        '/api/cost/events?country=RU&draws=1e3',
        '/api/cost/compare?source=top10vpn&country=RU&draws=1e3',
      ]) {
        const res = await app.request(url);
        expect([url, res.status]).toEqual([url, 400]);
        expect(((await res.json()) as { detail: string }).detail, url).toMatch(/(draws|seed|year): must be a whole number/);
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('an event added is priced by the regions it carries, at once', () => {
  // SYNTHETIC events: a regional shutdown of Jammu and Kashmir (IN-JK), as the CLI and the API add it.
  const jk = (id: string) =>
    sampleEvent({
      id,
      category: 'shutdown',
      subtype: 'full',
      countries: ['IN'],
      regions: ['IN-JK'],
      scope: 'regional',
      start: '2024-03-01',
      end: '2024-03-02',
    });
  it('events add and POST /api/events place the area; cost event prices IN-JK, not an area "not geocoded"', async () => {
    const file = join(t.dir, 'in-jk.json');
    writeFileSync(file, JSON.stringify(jk('in-2024-jk-cli')));
    const added = await run(['events', 'add', '--file', file, '--json']);
    expect(added.code, added.err).toBe(0);
    const store = await openStore(db);
    let posted: Record<string, unknown>;
    try {
      const { app, token } = await appWithToken(store, db, ['write']);
      const res = await app.request('/api/events', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(jk('in-2024-jk-api')),
      });
      expect(res.status).toBe(201);
      posted = (await res.json()) as Record<string, unknown>;
    } finally {
      await store.close();
    }
    const cliEvent = added.json as Record<string, unknown>;
    expect((cliEvent.places as { region: string }[]).map((p) => p.region)).toEqual(['IN-JK']);
    expect(posted.places).toEqual(cliEvent.places);
    expect(posted.population_affected).toEqual(cliEvent.population_affected);
    for (const id of ['in-2024-jk-cli', 'in-2024-jk-api']) {
      const r = await run(['cost', 'event', id, '--json']);
      expect(r.code, r.err).toBe(0);
      const s = (r.json as { scenario: { affected: { share: number; basis: string } } }).scenario;
      // India has no regional output: the region is priced by its people, named in the basis
      expect(s.affected.basis).toContain((cliEvent.places as { name: string }[])[0]!.name);
      expect(s.affected.basis).not.toMatch(/not placed|not geocoded/);
      expect(s.affected.share).toBe((cliEvent.population_affected as { share: number }).share);
    }
  }, 120_000);
});

describe('events geocode names the scope of what it could not place', () => {
  it('the record of two countries (Tachileik township; Laos, Myanmar) is listed as local, with why', async () => {
    const store = await openStore(join(t.dir, 'two-countries.duckdb'));
    try {
      const deps = { store, clock: fixedClock('2026-05-21T00:00:00Z'), progress: silentProgress };
      await importStopFile(deps, packagePath('test', 'fixtures', 'stop', 'multi-country-unknown-end.csv'), '2026-05-20');
      const r = await geocodeLedger(deps, { dryRun: true });
      expect(r.not_geocoded).toHaveLength(1);
      expect(r.not_geocoded[0]).toMatchObject({ country: 'LA, MM', scope: 'local' });
      expect(r.not_geocoded[0]!.reason).toMatch(/names a place in MM/);
      expect(r.by_scope.local).toMatchObject({ events: 1, with_population: 0 });
    } finally {
      await store.close();
    }
  });
});

describe('an area that narrowed, in the comparison', () => {
  it("Nigeria from 2 September 2021: the four states to about 25 November, then Birnin Gwari alone, in Top10VPN's years and ours", async () => {
    const narrowDb = join(t.dir, 'narrowed.duckdb');
    await costLedgerDb(narrowDb, 'area-steps.csv');
    const r = await cli(['cost', 'compare', 'top10vpn', '--country', 'NG', '--json', '--db', narrowDb]);
    expect(r.code, r.err).toBe(0);
    type Year = { year: number; ours: Record<string, number>; our_users: number; events: { id: string; hours: number }[] };
    const year = (y: number) => (JSON.parse(r.out) as { rows: Year[] }).rows.find((w) => w.year === y)!;
    // 2021: the four states (7.9 % of Nigeria) for 12 weeks of the 17 priced
    expect(year(2021).ours['cost-escalated']).toBeGreaterThan(1e8);
    expect(year(2021).our_users).toBeGreaterThan(1e6);
    // 2022 on: Birnin Gwari alone, a place GeoNames gives no population, so the mean district of
    // Kaduna State (389,077 people; no longer Sofo-Birnin-Gwari, a town of 22,380 that has the
    // name only as an alternate); as the four states all year it was $2.5 billion
    expect(year(2022).ours['cost-escalated']).toBeLessThan(2.5e8);
    expect(year(2022).ours['cost-escalated']).toBeGreaterThan(0);
    expect(year(2023).our_users).toBeLessThan(389_077);
    expect(year(2022).events.map((e) => e.id)).toEqual([expect.stringContaining('kaduna-katsina')]);
  }, 120_000);
});
