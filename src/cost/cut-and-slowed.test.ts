// A record STOP files as "Shutdown, Throttle": real records (test/fixtures/stop/cut-and-slowed.csv;
// Access Now #KeepItOn STOP, 2026-05-20 snapshot) mapped by the importer's own code, and priced
// by cost-escalated on a SYNTHETIC economy.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent, StopRow } from '../ledger/index.js';
import { SHUTDOWN_AND_THROTTLE_TAG } from '../ledger/index.js';
import { geocodeFields } from '../ledger/geocode.js';
import { mapStopRow } from '../ledger/stop/map.js';
import { costEscalated } from './cost-escalated/model.js';
import { CUT_PART, cutAndSlowed } from './cut-and-slowed.js';
import { eventScenario } from './event-scenario.js';
import { parseScenario, type ScenarioInput } from './scenario.js';
import { countryData, evalPlan, scenarioOf } from './testing.js';

const rows = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/cut-and-slowed.csv', import.meta.url)), { columns: true });
const eventOf = (country: string): LedgerEvent => {
  const r = rows.find((x) => x.country === country)!;
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  const f = m.fields as unknown as LedgerEvent;
  return { ...f, id: `cs-${r.start_date}`, ...geocodeFields({ ...f, title: f.title }) };
};

describe('a record cut for part of its span and slowed for the rest', () => {
  it('prices Belarus 2020 (121 days, no text) at a share of the span cut, uniform 0–1, the slowed hours not', () => {
    for (const country of ['Belarus']) {
      const e = eventOf(country);
      expect(e.tags).toContain(SHUTDOWN_AND_THROTTLE_TAG);
      const { input, mapping } = eventScenario(e);
      expect(input.cut_part, country).toMatchObject({ low: 0, high: 1, slowed: null });
      expect(mapping.join(' ')).toMatch(/"Shutdown, Throttle".*share of the span cut uniform\(0, 1\); the slowed hours are not priced/);
      expect(parseScenario(input).scenario.cut_part?.basis).toMatch(/how long each is not recorded/);
    }
  });

  it('prices the slowed hours at the severity the request gives; at severity 1 the span is cut throughout', () => {
    const e = eventOf('Belarus');
    expect(eventScenario(e, { severity: 0.4 }).input.cut_part).toMatchObject({ slowed: 0.4 });
    const whole = eventScenario(e, { severity: 1 });
    expect(whole.input.cut_part).toBeUndefined();
    expect(whole.mapping.join(' ')).toMatch(/priced as cut throughout: the slowed hours at severity 1/);
  });

  it('gives an end nobody recorded its imputed days first (Jordan, 29 July 2020), then the share cut', () => {
    const durations = new Map([['*|network', { n: 1185, q1: 1, median: 2, q3: 6, of: 'all countries' }]]);
    const { input, mapping } = eventScenario(eventOf('Jordan'), {}, { durations });
    expect(input.end).toBe('2020-08-03');
    expect(input.cut_part).toMatchObject({ low: 0, high: 1, slowed: null });
    expect(mapping.findIndex((m) => m.includes('end not recorded'))).toBeLessThan(mapping.findIndex((m) => m.includes('"Shutdown, Throttle"')));
  });

  it('leaves a record priced by what it states: exam hours (Algeria 2020) or how far traffic fell (Ukraine, November 2022)', () => {
    for (const [country, what] of [
      ['Algeria', 'the hours cut'],
      ['Ukraine', 'how far its traffic fell'],
    ] as const) {
      const { input, mapping } = eventScenario(eventOf(country));
      expect(input.cut_part, country).toBeUndefined();
      expect(mapping.join(' '), country).toContain(`"Shutdown, Throttle": the network was cut for part of it and slowed for part; its text states ${what}`);
    }
  });

  it("the hours its text says service was up leave the rest of each day cut or slowed: still split (Kyainseikgyi's real text on the Kazakh record's 8 days)", () => {
    const ranges = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/hour-ranges.csv', import.meta.url)), { columns: true });
    const up = ranges.find((r) => r.area_name.startsWith('Kyainseikgyi'))!.event; // "only available for 2-3 hours per day"
    const e = { ...eventOf('Kazakhstan'), summary: up };
    const { input, mapping } = eventScenario(e);
    expect(input.active_share).toBeCloseTo(21.5 / 24, 12);
    expect(input.cut_part).toMatchObject({ low: 0, high: 1, slowed: null });
    expect(mapping.join(' ')).toMatch(/the hours it was up: the rest of each day down/);
    // Filed as a shutdown alone, the rest of each day is cut.
    const cut = eventScenario({ ...e, tags: e.tags.filter((t) => t !== SHUTDOWN_AND_THROTTLE_TAG) });
    expect(cut.input.active_share).toBeCloseTo(21.5 / 24, 12);
    expect(cut.input.cut_part).toBeUndefined();
  });

  it('prices Kazakhstan 2022 for the blackout its text states ("a blackout of nearly 5 days straight between Jan. 5 - Jan. 11"), the rest of its 8 days slowed', () => {
    const e = eventOf('Kazakhstan');
    const { input, mapping } = eventScenario(e);
    expect(input.active_share).toBeCloseTo(120 / 192, 12);
    expect(input.cut_part).toBeUndefined();
    expect(mapping.join(' ')).toMatch(/priced for 120 h of the 192 h between start and end \("blackout of nearly 5 days": the blackout's length/);
    expect(mapping.join(' ')).toMatch(/its text states the hours cut, priced as stated/);
    // Filed as a shutdown alone, a length days short of the record's dates is not read as the whole cut (013, Decision 1).
    const plain = eventScenario({ ...e, tags: e.tags.filter((t) => t !== SHUTDOWN_AND_THROTTLE_TAG) });
    expect(plain.mapping.join(' ')).toMatch(/dates only, no times/);
  });

  it('leaves blocks and throttles alone', () => {
    const block: ScenarioInput = { country: 'BY', type: 'platform', platform: 'Facebook' };
    cutAndSlowed(block, [], null);
    expect(block.cut_part).toBeUndefined();
  });

  it('prices the span × the share cut (its mean ½), plus the rest × the severity given (SYNTHETIC economy)', () => {
    const data = countryData('BY', [
      ['NY.GDP.MKTP.CD', 'BY', 2020, 365e9],
      ['IT.NET.USER.ZS', 'BY', 2020, 80],
    ]);
    const span = { country: 'BY', type: 'full', start: '2020-08-09', hours: 240 } as const;
    const run = (cut_part?: ScenarioInput['cut_part']) => {
      const plan = costEscalated.plan({ ...scenarioOf({ ...span, cut_part }), data });
      return evalPlan(plan).reduce((a, b) => a + b, 0);
    };
    const whole = run();
    // the point estimate takes each parameter's central value: the share cut at ½
    expect(run({ ...CUT_PART, slowed: null, basis: 'test' }) / whole).toBeCloseTo(0.5, 9);
    expect(run({ ...CUT_PART, slowed: 0.4, basis: 'test' }) / whole).toBeCloseTo(0.4 + 0.6 * 0.5, 9);
  });

  it('refuses a range outside [0,1], a severity outside it, or a block, naming the field', () => {
    const bad =
      (cut_part: ScenarioInput['cut_part'], type = 'full') =>
      () =>
        scenarioOf({ country: 'BY', type, start: '2020-08-09', hours: 24, ...(type === 'platform' ? { platform: 'Facebook' } : {}), cut_part });
    expect(bad({ low: 0.6, high: 0.2, slowed: null, basis: 'x' })).toThrow(/cut_part/);
    expect(bad({ low: 0, high: 1, slowed: 1.5, basis: 'x' })).toThrow(/cut_part/);
    expect(bad({ low: 0, high: 1, slowed: null, basis: 'x' }, 'platform')).toThrow(/cut_part/);
  });
});
