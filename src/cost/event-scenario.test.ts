// Who a shutdown cut: an attack on named networks is not the country's shutdown. Real STOP
// records (test/fixtures/stop/non-government.csv; Access Now #KeepItOn STOP, 2026-05-20
// snapshot), mapped by the STOP importer's own mapper.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEvent, StopRow } from '../ledger/index.js';
import { importStop, parseStopCsv } from '../ledger/index.js';
import { mapStopRow } from '../ledger/stop/map.js';
import { stopEvent, stopFixture } from '../ledger/stop/testing.js';
import { fixedClock, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { eventScenario, textsOf } from './event-scenario.js';
import { syntheticEvent } from './testing.js';
import { geocodeArea, isoNames } from '../geo/index.js';
import { durationTable } from './unknown-end.js';
import { EXAM_HOURS } from './schedule.js';
import { parseSpan } from './span.js';
import { ledgerPriors, recordTexts } from './ledger-events.js';

const rows = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/non-government.csv', import.meta.url)), { columns: true });
const event = (country: string, start: string): LedgerEvent => {
  const r = rows.find((x) => x.country.startsWith(country) && x.start_date === start)!;
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  return { id: `test-${start}`, ...m.fields, regions: [], places: [], population_affected: null } as unknown as LedgerEvent;
};

describe('shutdowns no government ordered, on named networks', () => {
  it('Russia 2024-10-07 (STOP: nationwide; a cyberattack on VGTRK, a broadcaster) cut no access network: priced only with a share of subscribers given', () => {
    const e = event('Russian', '2024-10-07');
    expect(e.scope).toBe('national');
    const s = eventScenario(e);
    expect(s.input.type).toBe('isp');
    expect(s.missing.map((m) => m.field)).toEqual(['isp_share']);
    expect(s.missing[0]!.reason).toMatch(/\(Russia: VGTRK\) is a broadcaster or a state body, not a network that serves subscribers/);
    // No proxy share either, whatever networks the ledger names in Russia.
    const known = new Map([['RU', new Set(['vgtrk', 'mts', 'beeline', 'megafon'])]]);
    expect(eventScenario(e, {}, { networks: known }).missing.map((m) => m.field)).toEqual(['isp_share']);
    const priced = eventScenario(e, { isp_share: 0.01 });
    expect(priced.missing).toEqual([]);
    expect(priced.input).toMatchObject({ type: 'isp', isp_share: 0.01 });
  });

  it('Ukraine 2023-12-12 (the cyberattack on Kyivstar) likewise', () => {
    expect(eventScenario(event('Ukraine', '2023-12-12')).missing.map((m) => m.field)).toEqual(['isp_share']);
  });

  it('a government-ordered nationwide shutdown that names its operators (Iran 2019-11-16) stays the country', () => {
    const s = eventScenario(event('Iran', '2019-11-16'));
    expect(s.input.type).toBe('full');
    expect(s.missing).toEqual([]);
  });

  it('--end leaves an event that ended as it is, and says so', () => {
    const e = event('Iran', '2019-11-16');
    const s = eventScenario(e, { end: '2026-11-26' });
    expect([s.input.start, s.input.end]).toEqual([eventScenario(e).input.start, eventScenario(e).input.end]);
    expect(s.mapping[0]).toBe(`--end 2026-11-26 not applied: it prices only events marked ongoing, and this one ended ${e.end}`);
  });

  it('an attack with a sub-national area (Gaza, 2023-10-26) keeps its area, not an ISP share', () => {
    const e = event('Palestine', '2023-10-26');
    expect(e.scope).not.toBe('national');
    expect(eventScenario(e).input.type).toBe('full');
  });
});

describe('--end before an ongoing event began', () => {
  // SYNTHETIC: an ongoing block (only the fields the mapping reads).
  const e = syntheticEvent({
    countries: ['IR'],
    scope: 'platform',
    start: '2022-09-21',
    end: null,
    notes: 'Marked ongoing in the 2026-05-20 STOP snapshot.',
    targets: [{ kind: 'platform', name: 'WhatsApp' }],
  });

  it('says none of it falls before that date, naming both dates, and prices it from the day it began', () => {
    const before = eventScenario(e, { end: '2019-11-20' });
    expect(before.missing).toEqual([{ field: 'end', reason: 'the event began 2022-09-21, after --end 2019-11-20: none of it falls before that date' }]);
    expect(eventScenario(e, { end: '2022-09-21' }).missing).toEqual([]); // the day it began holds a day of it
    expect(eventScenario(e, { end: '2026-11-26' }).input).toMatchObject({ start: '2022-09-21', end: '2026-11-26' });
  });
});

describe('regions priced by their output, and an area that counts more than it names', () => {
  // The geocoder's answer for the ledger's own area text of Russia's May 2025 mobile shutdowns,
  // "At least 40 regions including Moscow" (src/geo/counted.ts), on the shipped gazetteer.
  const { regions, places, population_affected } = geocodeArea('RU', 'At least 40 regions including Moscow', 'regional', isoNames);
  const may = syntheticEvent({ countries: ['RU'], scope: 'regional', category: 'shutdown', subtype: 'mobile', start: '2025-05-05', end: '2025-05-09' });

  it('Moscow alone is priced by its output; Moscow among 40 regions by the population share of all 40', () => {
    const moscow = geocodeArea('RU', 'Moscow', 'regional', isoNames);
    expect(eventScenario({ ...may, regions: moscow.regions, places: moscow.places, population_affected: moscow.population_affected }).mapping).toContain(
      'priced as RU-MOW by regional output (GRP)',
    );
    const s = eventScenario({ ...may, regions, places, population_affected });
    expect(s.input.regions).toBeUndefined();
    expect(s.input.affected_share).toBeCloseTo(population_affected!.share, 6);
    expect(population_affected!.share).toBeGreaterThan(0.4);
  });
});

describe('an end nobody recorded, cut for part of each day', () => {
  // SYNTHETIC events (the fields the rules read) carrying real STOP texts of the 2026-05-20
  // snapshot; the ended events that give the imputed duration are synthetic too.
  const notes = 'End date not recorded (shutdown_status "Unknown").';
  const ended = (cc: string, days: number[]) =>
    days.map((d) =>
      syntheticEvent({
        countries: [cc],
        category: 'shutdown',
        subtype: 'full',
        start: '2024-01-01',
        end: new Date(Date.parse('2024-01-01') + (d - 1) * 86_400_000).toISOString().slice(0, 10),
      }),
    );
  const priors = { durations: durationTable([...ended('DZ', [2, 5, 5, 5, 6, 6]), ...ended('MM', [3, 6, 6, 32, 32])]) };
  const open = (cc: string, summary: string, tags: string[] = []) =>
    syntheticEvent({ countries: [cc], category: 'shutdown', subtype: 'full', start: '2016-06-19', end: null, notes, summary, tags });

  it('an exam shutdown (STOP cause "Exam cheating"; Algeria, 19 June 2016, "baccalaureate exams") is cut for the exam hours of each imputed day', () => {
    const s = eventScenario(open('DZ', 'baccalaureate exams', ['exam-cheating']), {}, priors);
    // 5 of 6 imputed days (median / upper quartile), the exam hours' median (3.25 h) of each.
    expect(s.input.active_share).toBeCloseTo((5 / 6) * (EXAM_HOURS.mode / 24), 6);
    expect(s.mapping.join(' ')).toMatch(/each of those days priced for 3\.3 h of 24/);
  });

  it('a stated daily schedule (Myanmar, Kanpauk, from 3 January 2025: "down daily for about 5 hours") is 5 h of each imputed day', () => {
    const s = eventScenario(
      open('MM', 'Service was down daily for about 5 hours, and was completely unavailable in low-lying villages and neighborhoods.'),
      {},
      priors,
    );
    expect(s.input.active_share).toBeCloseTo((6 / 32) * (5 / 24), 6);
  });

  it('a text that only names an exam, on a record STOP gives another cause, keeps whole days (Rajasthan, 26 September 2020)', () => {
    const s = eventScenario(open('DZ', 'violent protests in Dungarpur district by tribal youth over teacher recruitment examination.'), {}, priors);
    expect(s.input.active_share).toBeCloseTo(5 / 6, 6);
  });
});

describe('a block of targets the weight table does not know', () => {
  // SYNTHETIC, after Eritrea's record of 15 June 2019 ("Facebook, Other social media platforms").
  const e = syntheticEvent({
    countries: ['ER'],
    scope: 'platform',
    start: '2019-06-15',
    end: '2019-06-25',
    targets: [
      { kind: 'platform', name: 'Facebook' },
      { kind: 'platform', name: 'Other social media platforms' },
    ],
  });

  it('prices the known ones and says the others are not priced, so the figure is a lower bound', () => {
    const s = eventScenario(e);
    expect(s.input).toMatchObject({ type: 'platform', platform: 'facebook' });
    expect(s.mapping).toContain(
      'not priced: Other social media platforms (no weight in the platform table), so the figure is a lower bound; --platform-weight W prices the block as a whole',
    );
    expect(eventScenario(e, { platform_weight: 0.3 }).mapping.join(' ')).not.toMatch(/lower bound/);
  });
});

describe('a block marked ongoing, priced with --end', () => {
  // SYNTHETIC, after our ledger's record of China's block of Twitter, Facebook and YouTube from July 2009.
  const e = syntheticEvent({
    countries: ['CN'],
    scope: 'platform',
    start: '2009-07-06',
    end: null,
    targets: [{ kind: 'platform', name: 'Facebook' }],
  });
  const caveat =
    /a block (\d+) years long, priced every day of it at the platform's whole share: .* an upper bound; Top10VPN counts a block only to the end of the year it began/;

  it('over more than a year says its figure is an upper bound: years of substitution are not modelled', () => {
    expect(eventScenario(e, { end: '2026-11-26' }).mapping.join(' ').match(caveat)?.[1]).toBe('17');
  });

  it('says nothing of it over a year or less, or for a shutdown', () => {
    expect(eventScenario(e, { end: '2010-06-30' }).mapping.join(' ')).not.toMatch(caveat);
    const cut = syntheticEvent({ countries: ['CN'], scope: 'national', category: 'shutdown', subtype: 'full', start: '2009-07-06', end: null });
    expect(eventScenario(cut, { end: '2026-11-26' }).mapping.join(' ')).not.toMatch(caveat);
  });
});

// A real record of two countries whose end STOP did not record (shutdown_status "Unknown"):
// test/fixtures/stop/multi-country-unknown-end.csv (Access Now #KeepItOn STOP, 2026-05-20).
describe('an end nobody recorded, on a record of two countries', () => {
  const e = stopEvent(stopFixture('multi-country-unknown-end.csv')[0]!, 'test-tachileik', { ungeocoded: true });

  it('is not called ongoing, and --end does not price it to a date', () => {
    expect(e.countries).toEqual(['LA', 'MM']);
    expect(e.end).toBeNull();
    const s = eventScenario(e);
    const end = s.missing.find((x) => x.field === 'end')!;
    expect(end.reason).not.toMatch(/ongoing in the ledger/);
    expect(end.reason).toMatch(/no end/);
    expect(end.reason).toMatch(/--country/);
    const withEnd = eventScenario(e, { end: '2026-11-26' });
    expect(withEnd.input.end).toBeUndefined();
    expect(withEnd.missing.map((x) => x.field)).toContain('end');
    expect(withEnd.mapping.join(' ')).toMatch(/--end 2026-11-26 not applied/);
  });
});

// STOP repeats an ongoing event once per count_year and rewrites its text; the event's summary is
// the latest text. Real records: test/fixtures/stop/platform-steps.csv (Uganda's block from
// 2021-01-12, count_year 2021 and 2025) and exam-shutdowns.csv (Access Now #KeepItOn STOP,
// 2026-05-20 snapshot).
describe("the texts of an event's records", () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/stop/${name}`, import.meta.url), 'utf8');
  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

  it('Uganda 2021: the 2021 record\'s "Some platforms were restored by Feb 10" is read, not the summary\'s vaguer "restored in 2021"', async () => {
    const deps = { store, clock: fixedClock('2026-01-01T00:00:00Z'), progress: silentProgress };
    await importStop(deps, parseStopCsv(fixture('platform-steps.csv'), 'platform-steps.csv'), 'platform-steps.csv', '2026-05-20');
    const rec = (await store.ledger.listEvents({ statuses: ['active'], country: 'UG', limit: 10 }))[0]!;
    const e = { ...(rec.doc as unknown as LedgerEvent), regions: [], places: [], population_affected: null };
    expect(e.summary).toMatch(/Other platforms were restored in 2021/);
    // The summary alone: the others are lifted at the end of 2021, no step within it.
    expect(eventScenario(e, { end: '2021-12-31' }).input.platform_phases).toBeUndefined();
    for (const priors of [await recordTexts({ store }, e.id), await ledgerPriors({ store })]) {
      const { input } = eventScenario(e, { end: '2021-12-31' }, priors);
      expect(input.platform_phases?.shares.facebook).toBeUndefined();
      expect(input.platform_phases?.shares.twitter).toBeCloseTo(days('2021-01-12', '2021-02-10') / days('2021-01-12', '2022-01-01'), 6);
      expect(input.platform_phases?.basis).toMatch(/"Some platforms were restored by Feb 10"/);
    }
  });

  it('reads a summary no record holds (hand-written or edited) first, then the records earliest first', () => {
    const texts = new Map([['ev', ['2021 text', '2025 text']]]);
    expect(textsOf({ id: 'ev', summary: '2025 text' }, texts)).toEqual(['2021 text', '2025 text']);
    expect(textsOf({ id: 'ev', summary: 'edited by hand' }, texts)).toEqual(['edited by hand', '2021 text', '2025 text']);
    expect(textsOf({ id: 'other', summary: '' }, texts)).toEqual(['']);
  });

  it("hours a record states win over an exam shutdown's default hours read from a vaguer text (later text SYNTHETIC)", () => {
    const r = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/exam-shutdowns.csv', import.meta.url)), { columns: true }).find(
      (x) => x.country === 'Sudan' && x.start_date === '2021-06-19',
    )!;
    const m = mapStopRow(r, '2026-05-20');
    if ('reject' in m) throw new Error(m.reject);
    // SYNTHETIC: a later record of the same event whose text states no hours.
    const later = 'The Sudanese Ministry of Education ordered shutdowns of mobile services during the national school exams.';
    const e = { id: 'test-sd-exams', ...m.fields, summary: later, regions: [], places: [], population_affected: null } as unknown as LedgerEvent;
    const vague = eventScenario(e).input.active_basis!;
    expect(vague).toMatch(/hours each not stated/);
    // Whichever record comes first: a text that states hours is read before the exam default.
    for (const texts of [
      [r.event.trim(), later],
      [later, r.event.trim()],
    ]) {
      const read = eventScenario(e, {}, { texts: new Map([[e.id, texts]]) }).input;
      expect(read.active_basis).toMatch(/"8am to 11am" \(3 h each\)/);
      expect(read.active_share).toBeCloseTo((15 * 3) / (15 * 24), 6);
    }
  });
});

// A real record whose area is "Most of the country": test/fixtures/stop/most-of-country.csv
// (Cuba, 11–15 July 2021; Access Now #KeepItOn STOP, 2026-05-20).
describe('an area stated as most of the country', () => {
  const e = stopEvent(stopFixture('most-of-country.csv')[0]!, 'test-cuba', { ungeocoded: true });

  it('is more than half of the country and up to all of it, not the share of an unplaced area', () => {
    expect(e.scope).toBe('regional');
    const s = eventScenario(e);
    expect([s.input.affected_low, s.input.affected_share, s.input.affected_high]).toEqual([0.5, 0.75, 1]);
    expect(s.input.affected_values).toBeUndefined();
    expect(s.mapping.join(' ')).toMatch(/"Most of the country": more than half of the country and up to all of it/);
  });

  it('reads only the whole country so stated, not "most of" a region (SYNTHETIC area texts)', () => {
    for (const text of ['most of Tigray', 'Most parts of the country and the capital'])
      expect(eventScenario({ ...e, geocode: { ...e.geocode!, text } }).input.affected_share).not.toBe(0.75);
    expect(eventScenario({ ...e, geocode: { ...e.geocode!, text: 'the majority of the country' } }).input.affected_share).toBe(0.75);
  });
});

// SYNTHETIC events: --country picks one of the event's countries, never prices it in another.
describe('the country an event is priced in', () => {
  const block = syntheticEvent({ countries: ['RU'], targets: [{ kind: 'platform', name: 'Telegram' }] as LedgerEvent['targets'] });
  const both = syntheticEvent({ countries: ['RU', 'BY'], category: 'shutdown', subtype: 'full' });

  it('is refused when the event does not list it, naming country and the countries it lists', () => {
    for (const [e, cc, listed] of [
      [block, 'CN', 'RU'],
      [both, 'KZ', 'RU, BY'],
    ] as const) {
      let err: unknown;
      try {
        eventScenario(e, { country: cc });
      } catch (x) {
        err = x;
      }
      expect(err, cc).toMatchObject({
        code: 'VALIDATION',
        message: `country: ${cc} is not a country of event test-event; it lists ${listed}`,
        issues: [{ path: ['country'], message: `one of the event's countries: ${listed}` }],
      });
    }
  });

  it("is one of the event's countries when given", () => {
    expect(eventScenario(both, { country: 'BY' }).input.country).toBe('BY');
    expect(eventScenario(block, { country: 'RU' }).input.country).toBe('RU');
    expect(eventScenario(block).input.country).toBe('RU');
  });
});

// SYNTHETIC event: a shutdown that began on a known day and was lifted "sometime in June".
describe('an end known to the month or year only', () => {
  it('is priced to the end of its period (exclusive, as a date-only end of a day), and the mapping says which date is known to what', () => {
    const e = syntheticEvent({ category: 'shutdown', subtype: 'full', countries: ['RU'], start: '2025-06-06', end: '2025-06' });
    const s = eventScenario(e);
    expect([s.input.start, s.input.end]).toEqual(['2025-06-06', '2025-06-30']);
    expect(parseSpan(s.input).hours).toBe(25 * 24);
    expect(parseSpan(eventScenario({ ...e, end: '2025-06-30' }).input).hours).toBe(25 * 24);
    expect(s.mapping).toContain('end known to the month only (2025-06): priced to the latest end it allows (2025-06-30)');
    const y = eventScenario({ ...e, end: '2025' });
    expect(y.input.end).toBe('2025-12-31');
    expect(parseSpan(y.input).hours).toBe(209 * 24);
    expect(y.mapping).toContain('end known to the year only (2025): priced to the latest end it allows (2025-12-31)');
  });
});

// SYNTHETIC events: --severity prices throttling and the slowed hours of a "Shutdown, Throttle"
// record; on any other event it is reported as not applied, as --end on an ended event is.
describe('--severity on an event it does not apply to', () => {
  const shutdown = syntheticEvent({
    category: 'shutdown',
    subtype: 'full',
    countries: ['RU'],
    regions: ['RU-MOW'],
    start: '2023-12-30',
    end: '2024-01-02',
    scope: 'regional',
  });
  it('is named in the mapping as not applied, and changes nothing', () => {
    const s = eventScenario(shutdown, { severity: 0.3 });
    expect(s.input.severity).toBeUndefined();
    expect(s.mapping).toContain(
      '--severity 0.3 not applied: it prices throttling and the slowed hours of a "Shutdown, Throttle" record; this event is priced as a full shutdown',
    );
    expect(eventScenario(shutdown).mapping).toEqual(s.mapping.filter((m) => !m.startsWith('--severity')));
  });
  it('is applied, with no such line, to throttling and to a "Shutdown, Throttle" record', () => {
    const throttle = eventScenario(syntheticEvent({ category: 'throttling', subtype: 'full', countries: ['RU'] }), { severity: 0.3 });
    expect(throttle.input.severity).toBe(0.3);
    const both = eventScenario({ ...shutdown, tags: ['shutdown-and-throttle'] }, { severity: 0.3 });
    expect(both.input.cut_part?.slowed).toBe(0.3);
    for (const s of [throttle, both]) expect(s.mapping.filter((m) => m.startsWith('--severity'))).toEqual([]);
  });
});

// SYNTHETIC events: --platform-weight and --isp-share reach only the events whose type uses them;
// on any other they are named as not applied and never reach the scenario (which would refuse them).
describe('--platform-weight and --isp-share on an event they do not apply to', () => {
  const shutdown = syntheticEvent({ category: 'shutdown', subtype: 'full', countries: ['RU'], start: '2023-12-30', end: '2024-01-02', scope: 'national' });
  it('are named in the mapping as not applied, and left out of the scenario', () => {
    const s = eventScenario(shutdown, { platform_weight: 0.3, isp_share: 0.4 });
    expect(s.input.platform_weight).toBeUndefined();
    expect(s.input.isp_share).toBeUndefined();
    expect(s.mapping).toContain('--platform-weight 0.3 not applied: it weighs a block or a throttle of services; this event is priced as a full shutdown');
    expect(s.mapping).toContain("--isp-share 0.4 not applied: it prices an outage of named networks' subscribers; this event is priced as a full shutdown");
  });
  it('reach a block of services the table does not weigh', () => {
    const block = eventScenario(syntheticEvent({ countries: ['RU'], targets: [{ name: 'SomeForum', kind: 'website' }] as never }), { platform_weight: 0.3 });
    expect(block.input.platform_weight).toBe(0.3);
    expect(block.mapping.filter((m) => m.startsWith('--platform-weight'))).toEqual([]);
  });
});

describe('an ongoing event and an --end before it began', () => {
  it('is listed as missing its end, and its mapping never says it was priced up to that date (ru-2024-youtube-block, data/ledger)', () => {
    const e = JSON.parse(readFileSync(new URL('../../data/ledger/events/ru-2024-youtube-block.json', import.meta.url), 'utf8')) as LedgerEvent;
    expect(e.end).toBeNull();
    const before = eventScenario(e, { end: '2024-12-01' });
    expect(before.missing.map((m) => m.reason)).toEqual([`the event began ${e.start.slice(0, 10)}, after --end 2024-12-01: none of it falls before that date`]);
    expect(before.mapping.filter((m) => /priced up to/.test(m))).toEqual([]);
    const after = eventScenario(e, { end: '2025-03-01' });
    expect(after.missing).toEqual([]);
    expect(after.mapping).toContain('ongoing in the ledger: priced up to 2025-03-01 (--end)');
  });
});

describe('a national record less a named exception (Iraq 2016-05-16, "nationwide (except Kurdistan)": test/fixtures/stop/exam-shutdowns.csv)', () => {
  it('is priced by the share of the country outside the exception, not as the whole country', () => {
    const r = stopFixture('exam-shutdowns.csv').find((x) => x.country === 'Iraq' && x.start_date === '2016-05-16')!;
    const e = stopEvent(r, 'iq-exam-2016');
    expect(e.scope).toBe('national');
    const share = e.population_affected!.share;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(1);
    expect(eventScenario(e).input.affected_share).toBe(share);
  });
});

describe("a shutdown of scope isp naming its networks (a detector's network outage, confirmed)", () => {
  // SYNTHETIC event shaped as the draft of MCI's (AS197207) outage, confirmed and edited to mobile
  const mci = syntheticEvent({
    category: 'shutdown',
    subtype: 'mobile',
    countries: ['IR'],
    scope: 'isp',
    networks: ['AS197207'],
    start: '2019-11-15T00:00:00.000Z',
    end: '2019-11-21T00:00:00Z',
    date_precision: 'hour',
  });

  it("is priced as those networks' share of subscribers (isp), missing the share until one is given, never as the country's mobile network", () => {
    const s = eventScenario(mci);
    expect(s.input.type).toBe('isp');
    expect(s.missing.map((m) => m.field)).toEqual(['isp_share']);
    expect(s.missing[0]!.reason).toContain('AS197207');
    const given = eventScenario(mci, { isp_share: 0.3 });
    expect([given.input.type, given.input.isp_share, given.missing]).toEqual(['isp', 0.3, []]);
  });

  it("a national shutdown naming networks is still the country's (a state can order every operator)", () => {
    expect(eventScenario({ ...mci, scope: 'national' }).input.type).toBe('mobile');
  });
});
