// Platforms lifted before the rest: the share of the span each platform of a block is priced
// for, read from real STOP records (test/fixtures/stop/platform-steps.csv; Access Now #KeepItOn
// STOP, 2026-05-20 snapshot) mapped by the STOP importer's own mapper. The one-line texts in
// the last block are SYNTHETIC variations, labelled as such.
import { describe, expect, it } from 'vitest';
import { stopEvent, stopFixture } from '../ledger/stop/testing.js';
import { brookings2016 } from './brookings-2016/model.js';
import { eventScenario } from './event-scenario.js';
import { platformPhases } from './phases.js';
import { oneDay } from './testing.js';

const rows = stopFixture('platform-steps.csv');
const events = rows.map((r, i) => stopEvent(r, `ps-${i}`, { ungeocoded: true }));
const record = (country: string, countYear: number) => events[rows.findIndex((r) => r.country.startsWith(country) && Number(r.count_year) === countYear)]!;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('platforms lifted before the rest (real STOP records)', () => {
  it('Uganda 2021: "Some platforms were restored by Feb 10. Facebook remained blocked." prices the others to 10 February', () => {
    const { input, mapping } = eventScenario(record('Uganda', 2021), { end: '2021-12-31' });
    const others = days('2021-01-12', '2021-02-10') / days('2021-01-12', '2022-01-01');
    expect(input.platform_phases?.shares.facebook).toBeUndefined();
    for (const id of ['twitter', 'whatsapp', 'instagram', 'telegram', 'youtube']) expect(input.platform_phases?.shares[id], id).toBeCloseTo(others, 6);
    expect(input.platform_phases?.basis).toMatch(/"Some platforms were restored by Feb 10"; "Facebook remained blocked"/);
    expect(mapping.join(' ')).toMatch(/lifted at different times/);
  });

  it('Uganda, count_year 2025: "Other platforms were restored in 2021" prices them to the end of 2021 at the latest, and changes nothing within 2021', () => {
    const e = record('Uganda', 2025);
    const s = eventScenario(e, { end: '2026-11-26' }).input.platform_phases!;
    expect(s.shares.facebook).toBeUndefined();
    expect(s.shares.twitter).toBeCloseTo(days('2021-01-12', '2022-01-01') / days('2021-01-12', '2026-11-27'), 6);
    expect(eventScenario(e, { end: '2021-12-31' }).input.platform_phases).toBeUndefined();
  });

  it('Senegal 2023: most blocks lifted by 8 June, Telegram blocked to 6 August (the record’s end)', () => {
    const { input } = eventScenario(record('Senegal', 2023));
    const span = days('2023-06-01', '2023-08-07');
    expect(input.platform_phases?.shares.telegram).toBeUndefined();
    for (const id of ['facebook', 'twitter', 'whatsapp', 'instagram', 'youtube']) expect(input.platform_phases?.shares[id], id).toBeCloseTo(7 / span, 6);
  });

  it('Tanzania 2024: "access to X returned the same day, Telegram remained blocked"', () => {
    const { input } = eventScenario(record('Tanzania', 2025), { end: '2024-12-31' });
    expect(input.platform_phases?.shares.twitter).toBeCloseTo(1 / days('2024-08-30', '2025-01-01'), 6);
    expect(input.platform_phases?.shares.telegram).toBeUndefined();
  });

  it('Iran 2022: WhatsApp "restored in 2024 on Dec. 24, but the rest were ongoing": only WhatsApp moves, and only when the span passes that day', () => {
    const e = record('Iran', 2024);
    expect(eventScenario(e, { end: '2022-12-31' }).input.platform_phases).toBeUndefined();
    const s = eventScenario(e, { end: '2026-11-26' }).input.platform_phases!;
    expect(Object.keys(s.shares)).toEqual(['whatsapp']);
    expect(s.shares.whatsapp).toBeCloseTo(days('2022-09-21', '2024-12-24') / days('2022-09-21', '2026-11-27'), 6);
  });

  it('Tanzania 2025: platforms given their own dated windows are priced for them; TikTok (no window) and Facebook ("FB Messenger" is not Facebook) keep the whole span', () => {
    const { input, mapping } = eventScenario(events[rows.findIndex((r) => r.start_date === '2025-10-28')]!);
    const span = days('2025-10-28', '2025-12-30');
    expect(input.platform_phases?.shares.whatsapp).toBeCloseTo(days('2025-10-29', '2025-11-07') / span, 6);
    expect(input.platform_phases?.shares.signal).toBeCloseTo(days('2025-10-28', '2025-11-05') / span, 6);
    expect(input.platform_phases?.shares.tiktok).toBeUndefined();
    expect(input.platform_phases?.shares.facebook).toBeUndefined();
    expect(input.platform_phases?.basis).toContain('"WhatsApp was blocked from Oct. 29 to Nov. 6"; "Signal was blocked from Oct. 28 to Nov. 4"');
    expect(mapping.join(' ')).toMatch(/lifted at different times/);
  });

  it('Uzbekistan 2021–22: "Twitter, WeChat, and VKontakte were blocked … from Nov. 3, 2021 until Aug. 1, 2022" leaves the others an unrecorded time, the median of the ended blocks', () => {
    // The durations of the ended blocks are SYNTHETIC here (the ledger's, 3 d of 167, in the integration suite's seeded store).
    const durations = new Map([['*|service', { n: 167, q1: 2, median: 3, q3: 12, of: 'all countries' }]]);
    const { input, mapping } = eventScenario(record('Uzbekistan', 2022), {}, { durations });
    const span = days('2021-11-03', '2022-08-02') * 24;
    for (const id of ['twitter', 'vk']) expect(input.platform_phases?.shares[id], id).toBeUndefined();
    for (const id of ['facebook', 'instagram', 'telegram', 'youtube', 'linkedin', 'odnoklassniki'])
      expect(input.platform_phases?.shares[id], id).toBeCloseTo(72 / span, 9);
    expect(input.platform_phases?.basis).toMatch(
      /not named as blocked over the span, so each 3 d, the median duration of the 167 ended blocks of all countries/,
    );
    expect(mapping.join(' ')).toMatch(/lifted at different times/);
  });

  it('records that state no step keep every platform for the whole span', () => {
    expect(eventScenario(record('Kazakhstan', 2019)).input.platform_phases).toBeUndefined();
    expect(eventScenario(record('Uzbekistan', 2022)).input.platform_phases).toBeUndefined();
  });

  it('a weight given in the request prices the set as one and is left alone', () => {
    expect(eventScenario(record('Senegal', 2023), { platform_weight: 0.1 }).input.platform_phases).toBeUndefined();
  });
});

describe('the price of a block whose platforms were lifted at different times', () => {
  it('scales each platform weight by its share of the span (mode: Σ share × weight)', () => {
    const both = { type: 'platform', platform: 'Facebook,Telegram' } as const;
    const whole = oneDay(brookings2016, 'NG', 2021, both).cost;
    const stepped = oneDay(brookings2016, 'NG', 2021, { ...both, platform_phases: { shares: { facebook: 0.25 }, basis: 'test' } }).cost;
    const fb = oneDay(brookings2016, 'NG', 2021, { type: 'platform', platform: 'Facebook' }).cost;
    const tg = oneDay(brookings2016, 'NG', 2021, { type: 'platform', platform: 'Telegram' }).cost;
    expect(whole).toBeCloseTo(fb + tg, 6);
    expect(stepped).toBeCloseTo(0.25 * fb + tg, 6);
  });

  it('refuses a share outside (0,1] or for a platform the scenario does not block', () => {
    const bad = (shares: Record<string, number>) => () =>
      oneDay(brookings2016, 'NG', 2021, { type: 'platform', platform: 'Facebook,Telegram', platform_phases: { shares, basis: 'test' } });
    expect(bad({ facebook: 0 })).toThrow(/platform_phases/);
    expect(bad({ facebook: 1.5 })).toThrow(/platform_phases/);
    expect(bad({ youtube: 0.5 })).toThrow(/platform_phases/);
  });
});

describe('what the text must say (SYNTHETIC one-line texts)', () => {
  const all = ['facebook', 'whatsapp', 'instagram'];
  const at = (text: string) => platformPhases(text, all, '2019-05-10T00:00:00Z', '2019-05-20T00:00:00Z');

  it('a lifting that names every platform, or no platform, or no date, is no step', () => {
    expect(at('Facebook, WhatsApp and Instagram were blocked and restored on May 13.')).toBeNull();
    expect(at('Access was restored on May 13.')).toBeNull();
    expect(at('Some platforms were restored later. Facebook remained blocked.')).toBeNull();
    expect(at('Facebook remained blocked until May 20.')).toBeNull();
  });

  it('a list of remaining platforms keeps all of them', () => {
    const p = at('Most blocks were lifted on 12 May, but Facebook, WhatsApp remained blocked.')!;
    expect(Object.keys(p.shares)).toEqual(['instagram']);
    expect(p.shares.instagram).toBeCloseTo(0.2, 12);
  });

  it("a platform's own dated window prices it for the days it covers within the span, each day included", () => {
    const p = at('Facebook was blocked from May 12 to May 13, and WhatsApp was restricted between May 18 and May 25.')!;
    expect(p.shares.facebook).toBeCloseTo(0.2, 12);
    expect(p.shares.whatsapp).toBeCloseTo(0.2, 12); // May 18 and 19: the span ends on the 20th
    expect(p.shares.instagram).toBeUndefined();
    expect(at('Facebook, WhatsApp and Instagram were blocked from May 10 to May 19.')).toBeNull(); // one window for all: no step
    expect(at('Facebook was blocked from May 15 to May 12.')).toBeNull(); // an end before its start is no window
  });

  it('a window over the whole span leaves the platforms it does not name an unrecorded time, only when one is given', () => {
    const text = 'Facebook was blocked from May 10 to May 19.';
    expect(at(text)).toBeNull();
    const p = platformPhases(text, all, '2019-05-10T00:00:00Z', '2019-05-20T00:00:00Z', { share: 0.3, basis: 'test' })!;
    expect(p.shares).toEqual({ whatsapp: 0.3, instagram: 0.3 });
  });

  it('a date without a year before the start falls in the next year', () => {
    const p = platformPhases(
      'Some apps were unblocked on Jan. 5. WhatsApp remained blocked.',
      ['facebook', 'whatsapp'],
      '2019-12-20T00:00:00Z',
      '2020-02-18T00:00:00Z',
    )!;
    expect(p.shares.facebook).toBeCloseTo(16 / 60, 12);
  });
});
