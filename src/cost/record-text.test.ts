// What a shutdown record's own text says was cut, read from real STOP records
// (test/fixtures/stop/record-text.csv; Access Now #KeepItOn STOP, 2026-05-20 snapshot) mapped by
// the STOP importer's own mapper. The one-line texts in the last block are SYNTHETIC, labelled.
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { stopEvent, stopFixture, stopRecord } from '../ledger/stop/testing.js';
import { eventScenario } from './event-scenario.js';
import type { CountryData } from './data/econ-data.js';
import { ParamSet } from './method-kit.js';
import { networkCutPhrase, readShutdownText } from './record-text.js';
import { costEscalated } from './cost-escalated/model.js';
import { parseScenario, type ScenarioInput } from './scenario.js';
import { countryData, evalPlan, scenarioOf } from './testing.js';
import { typeWeight } from './weights.js';

const rows = stopFixture('record-text.csv');
const record = (country: string, start: string): LedgerEvent => {
  const r = stopRecord(rows, country, start);
  return stopEvent(r, `rt-${rows.indexOf(r)}`, { ungeocoded: true });
};

describe('records filed as network shutdowns whose text describes no cut of a network (real STOP records)', () => {
  it('Togo 2025: platforms blocked and lifted in steps, throttling unpriced: a block of the platforms, not the country offline', () => {
    const e = record('Togo', '2025-06-26');
    expect(e.category).toBe('shutdown');
    const { input, missing, mapping } = eventScenario(e);
    expect(missing).toEqual([]);
    expect(input.type).toBe('platform');
    expect(input.platform).toBe('facebook,telegram,signal,youtube');
    expect(mapping.join(' ')).toMatch(/no cut of a network \("Facebook, Telegram, Signal, YouTube, and DuckDuckGo were blocked in Togo/);
    expect(mapping.join(' ')).toMatch(/throttling its text also describes is not priced/);
    // "access to YouTube and Signal was unblocked by Jul. 27": 31 of the 92 days.
    expect(input.platform_phases?.shares.youtube).toBeCloseTo(31 / 92, 6);
    expect(input.platform_phases?.shares.signal).toBeCloseTo(31 / 92, 6);
  });

  it('Benin 2019: "Benin Shuts Down Social Media Access" is a block of the platforms STOP marks', () => {
    const { input } = eventScenario(record('Benin', '2019-04-27'));
    expect(input.type).toBe('platform');
    expect(input.platform).toMatch(/^facebook,twitter,whatsapp,instagram/);
  });

  it('Iran 2025: a ban on using Starlink is not the country cut off; its users’ share is missing', () => {
    const { input, missing, mapping } = eventScenario(record('Iran', '2025-06-30'), { end: '2026-11-26' });
    expect(input.type).toBe('isp');
    expect(missing.map((m) => m.field)).toEqual(['isp_share']);
    expect(missing[0]!.reason).toMatch(/ban on using Starlink/);
    expect(mapping[0]).toMatch(/"Iranian authorities banned the use of Starlink on Jun\. 30/);
    // --isp-share prices it.
    expect(eventScenario(record('Iran', '2025-06-30'), { end: '2026-11-26', isp_share: 0.001 }).missing).toEqual([]);
  });

  it('Iran 2017–18: "Telegram and Instagram blocked, and a brief complete shutdown" is the blocks over its 15 days, with a brief cut of the whole network beside them', () => {
    const e = record('Iran', '2017-12-30');
    expect(readShutdownText([e.summary], ['Telegram', 'Instagram'])).toMatchObject({ kind: 'services-only', brief_cut: 'brief complete shutdown' });
    const { input, missing, mapping } = eventScenario(e);
    expect(missing).toEqual([]);
    expect(input).toMatchObject({ type: 'platform', platform: 'instagram,telegram' });
    expect(input.brief_cut?.basis).toMatch(/^"brief complete shutdown": a cut of the whole network the text calls brief/);
    expect(mapping.join(' ')).toMatch(/priced beside the blocks as a cut of the whole network of 0–24 h/);
    const scn = parseScenario(input).scenario;
    const ps = new ParamSet();
    const unit = typeWeight(scn, { country: 'IR' } as CountryData, 2018, 'subscriptions', ps, [], []);
    const names = ps.specs.map((p) => p.name);
    expect(names).toEqual(['platform weight (instagram)', 'platform weight (telegram)', 'brief whole-network cut, share of the span']);
    // 0–24 h of the 360 h span (30 December to 13 January, both days whole), its mode at 0
    expect(ps.specs[2]!.dist).toEqual({ kind: 'triangular', low: 0, mode: 0, high: 24 / 360 });
    // the blocks' weights and the brief cut's share add up
    expect(unit.fn(Float64Array.from([0.02, 0.03, 0.01]))).toBeCloseTo(0.06, 12);
  });

  it('Myanmar 2025 (Man San, Namtu): the TNLA restricting the use of Starlink is a satellite ban too', () => {
    expect(readShutdownText([record('Myanmar', '2025-10-15').summary], ['Starlink'])?.kind).toBe('satellite-ban');
  });

  it.each([
    ['Myanmar', '2025-07-24'],
    ['Tanzania', '2025-10-29'],
    ['Bangladesh', '2024-08-04'],
    ['Burkina', '2022-01-10'],
    ['Mozambique', '2024-10-26'],
    ['Kazakhstan', '2022-01-04'],
    ['Guinea-Bissau', '2025-11-27'],
    ['Belarus', '2020-08-09'],
  ])('%s %s names a cut of a network (or has no text of its own) and keeps its filing', (country, start) => {
    const e = record(country, start);
    expect(
      readShutdownText(
        [e.summary],
        e.targets.map((t) => t.name),
      ),
    ).toBeNull();
    expect(['full', 'mobile', 'fixed']).toContain(eventScenario(e, { end: '2026-11-26' }).input.type);
  });

  it('Belarus 2020 ("Shutdown, Throttle", 121 days, no text): priced as cut, and the mapping says how little the record states', () => {
    const e = record('Belarus', '2020-08-09');
    expect(e.tags).toContain('shutdown-and-throttle');
    expect(eventScenario(e).mapping.join(' ')).toMatch(/STOP files it as "Shutdown, Throttle": the network was cut for part of it and slowed for part/);
    // A record filed as a shutdown alone carries neither.
    const tz = record('Tanzania', '2025-10-29');
    expect(tz.tags).not.toContain('shutdown-and-throttle');
    expect(eventScenario(tz).mapping.join(' ')).not.toMatch(/Shutdown, Throttle/);
  });
});

// STOP repeats an ongoing event once per count_year and rewrites its text; the event's summary is
// the latest text and each record's own text is passed in `priors.texts` (earliest first). The
// Togo and Iran records are real; each repeated record's text set beside them is SYNTHETIC.
describe("an event whose records' texts disagree: every text is read, as the schedule readers read them", () => {
  const togo = record('Togo', '2025-06-26');
  const iran = record('Iran', '2025-06-30');
  const withTexts = (e: LedgerEvent, texts: string[]) => ({ texts: new Map([[e.id, texts]]) });

  it('a repeated record whose text describes a cut of the network keeps the shutdown filing, whatever the summary says', () => {
    // SYNTHETIC: a later record of the same event describing a network cut.
    const cut = 'Internet access was cut off across Togo on Jun. 28 as the protests spread.';
    for (const texts of [
      [togo.summary, cut],
      [cut, togo.summary],
    ]) {
      const { input, mapping } = eventScenario(togo, {}, withTexts(togo, texts));
      expect(input.type).toBe('full');
      expect(input.platform).toBeUndefined();
      expect(mapping.join(' ')).not.toMatch(/no cut of a network/);
    }
    expect(readShutdownText([togo.summary, cut], ['Facebook'])).toBeNull();
  });

  it("an earlier record's text is read beside a summary that says less: its quote and the throttling it describes", () => {
    // SYNTHETIC: the latest record's text (the summary), which names no throttling.
    const later = { ...togo, summary: 'Telegram and Facebook remained blocked in Togo until Sep. 25.' };
    const { input, mapping } = eventScenario(later, {}, withTexts(later, [togo.summary, later.summary]));
    expect(input.type).toBe('platform');
    expect(mapping.join(' ')).toMatch(/no cut of a network \("Facebook, Telegram, Signal, YouTube, and DuckDuckGo were blocked in Togo/);
    expect(mapping.join(' ')).toMatch(/throttling its text also describes is not priced/);
  });

  it('a ban on using Starlink is not read as such when a repeated record states a cut of the network in its first sentence', () => {
    // SYNTHETIC: a later record of the same event whose first sentence describes a network cut.
    const cut = 'Iranian authorities shut down mobile internet across the country on Jan. 8.';
    const { input, missing } = eventScenario(iran, { end: '2026-11-26' }, withTexts(iran, [iran.summary, cut]));
    expect(input.type).toBe('full');
    expect(missing).toEqual([]);
    expect(readShutdownText([iran.summary, cut], ['Starlink'])).toBeNull();
  });

  it("reads past texts of no record's own (the import's placeholder) and texts that name nothing blocked", () => {
    const placeholder = "Internet shutdown recorded by Access Now's #KeepItOn STOP in Nationwide.";
    const neutral = 'Protests continued in Lomé.'; // SYNTHETIC
    expect(readShutdownText([placeholder, neutral, togo.summary], ['Facebook'])?.kind).toBe('services-only');
    expect(readShutdownText([placeholder, neutral], ['Facebook'])).toBeNull();
    expect(readShutdownText([], ['Facebook'])).toBeNull();
  });
});

describe('a cut the text calls brief (SYNTHETIC one-line texts)', () => {
  it('is read beside the blocks only when the text names no other cut', () => {
    expect(readShutdownText(['Facebook was blocked for a week, with a short internet outage on the first day.'], ['Facebook'])).toMatchObject({
      kind: 'services-only',
      brief_cut: 'short internet outage',
    });
    expect(readShutdownText(['Facebook was blocked, and a brief shutdown; mobile internet was cut in the capital.'], ['Facebook'])).toBeNull();
    expect(readShutdownText(['A brief complete shutdown followed.'], ['Facebook'])).toBeNull(); // nothing blocked: keeps its filing
  });
});

// A real record whose only cut is dated to one day: test/fixtures/stop/dated-cut.csv (Kazakhstan,
// from 19 October 2022; Access Now #KeepItOn STOP, 2026-05-20 snapshot).
describe('a cut the text dates to one day, beside blocks', () => {
  const e = stopEvent(stopFixture('dated-cut.csv')[0]!, 'rt-kz', { ungeocoded: true });

  it('Kazakhstan 2022 ("blocks … as well as a reported shutdown on Nov. 26 in Astana") is the blocks, with that day\'s cut beside them', () => {
    expect(e.category).toBe('shutdown');
    expect(
      readShutdownText(
        [e.summary],
        e.targets.map((t) => t.name),
      ),
    ).toMatchObject({
      kind: 'services-only',
      brief_cut: 'a reported shutdown on Nov. 26',
      brief_place: 'Astana',
    });
    const { input, mapping } = eventScenario(e);
    expect(input.type).toBe('platform');
    expect(input.brief_cut?.basis).toMatch(/^"a reported shutdown on Nov\. 26"/);
    // the cut reached Astana, not the country: its population share, geocoded (GeoNames' Astana, 512,491 people)
    const a = input.brief_cut!.area!;
    expect(a.share).toBeGreaterThan(0.01);
    expect(a.share).toBeLessThan(0.1);
    expect(a.low / a.share).toBeCloseTo(1 / 1.25, 9);
    expect(a.high / a.share).toBeCloseTo(1.25, 9);
    expect(a.basis).toMatch(/population share of Astana/);
    expect(mapping.join(' ')).toMatch(/priced beside the blocks as a cut of the network in Astana \(2\.5 % of KZ\) of 0–24 h/);
    // (ongoing in the ledger: a span given here)
    expect(parseScenario({ ...input, start: '2022-10-19', end: '2022-12-31' }).scenario.brief_cut?.area?.share).toBe(a.share);
  });

  it('prices the cut of a named place at its share: the brief term × that share (SYNTHETIC economy)', () => {
    const data = countryData('KZ', [
      ['NY.GDP.MKTP.CD', 'KZ', 2022, 365e9],
      ['IT.NET.USER.ZS', 'KZ', 2022, 90],
    ]);
    const base = { country: 'KZ', type: 'platform', platform: 'Facebook', start: '2022-11-25', end: '2022-11-28', draws: 200 } as const;
    const brief = { basis: 'test' };
    // the brief cut's share of the span at a tenth (its mode, 0, would price nothing)
    const run = (b: ScenarioInput['brief_cut']) =>
      evalPlan(costEscalated.plan({ ...scenarioOf({ ...base, brief_cut: b }), data }), { 'brief whole-network cut, share of the span': 0.1 }).reduce(
        (x, y) => x + y,
        0,
      );
    const blocks = run(undefined);
    const whole = run({ ...brief, area: null }) - blocks;
    const place = run({ ...brief, area: { share: 0.1, low: 0.08, high: 0.125, basis: 'test' } }) - blocks;
    expect(whole).toBeGreaterThan(0);
    expect(place / whole).toBeCloseTo(0.1, 9);
  });

  it('leaves the whole country where no place is named, or the one named is not found', () => {
    expect(readShutdownText(['Facebook was blocked, as well as a shutdown on Nov. 26.'], ['Facebook'])).not.toHaveProperty('brief_place');
    const mapping: string[] = [];
    const t = 'Facebook was blocked, as well as a reported shutdown on Nov. 26 in Xyzzyville.';
    expect(readShutdownText([t], ['Facebook'])).toMatchObject({ brief_place: 'Xyzzyville' });
    const { input, mapping: m } = eventScenario({ ...e, summary: t });
    mapping.push(...m);
    expect(input.brief_cut?.area).toBeNull();
    expect(mapping.join(' ')).toMatch(/Xyzzyville, could not be placed .*priced as the whole country/);
  });

  it('a cut over several days is no brief cut (SYNTHETIC one-line texts)', () => {
    expect(readShutdownText(['Facebook was blocked, as well as a shutdown on Nov. 26-28 in Astana.'], ['Facebook'])).toBeNull();
    expect(readShutdownText(['Facebook was blocked, as well as a shutdown on Nov. 26 to 28.'], ['Facebook'])).toBeNull();
    expect(readShutdownText(['Facebook was blocked, as well as a shutdown on Nov. 26.'], ['Facebook'])).toMatchObject({ brief_cut: 'a shutdown on Nov. 26' });
  });
});

describe('networkCutPhrase (SYNTHETIC one-line texts)', () => {
  it.each([
    ['Mobile internet was cut in the capital.', true],
    ['Authorities blocked mobile internet across the region.', true],
    ['A brief complete shutdown followed.', true],
    ['Platforms were blocked, as well as a reported shutdown on Nov. 26 in Astana.', true],
    ['Services were restored the next day after the blackout.', true],
    ['Facebook and WhatsApp were blocked from Jun. 3.', false],
    ['TikTok was banned for a year.', false],
    ['The government prohibited SMS services as well as Mobile Internet for two days.', true],
  ])('%s -> %s', (text, cut) => {
    expect(networkCutPhrase(text) !== null).toBe(cut);
  });
});
