// An area cut off that narrowed: the instant and the place left cut off, read from real STOP
// records (test/fixtures/stop/area-steps.csv; Access Now #KeepItOn STOP, 2026-05-20 snapshot)
// mapped and geocoded by the importer's own code, and priced period by period. The one-line
// texts in the "phrasings" block and the hand-picked numbers of the pricing block are SYNTHETIC.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent, StopRow } from '../ledger/index.js';
import { geocodeFields } from '../ledger/geocode.js';
import { mapStopRow } from '../ledger/stop/map.js';
import { areaNarrowing } from './area-steps.js';
import { brookings2016 } from './brookings-2016/model.js';
import { comparePieces } from './compare.js';
import { eventScenario } from './event-scenario.js';
import { oziRegional } from './ozi-regional/model.js';
import { parseScenario } from './scenario.js';
import { countryData, evalPlan, scenarioOf } from './testing.js';

const rows = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/area-steps.csv', import.meta.url)), { columns: true });
const eventOf = (r: StopRow, i: number): LedgerEvent => {
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  const f = m.fields as unknown as LedgerEvent;
  return { ...f, id: `as-${i}`, ...geocodeFields({ ...f, title: f.title }) };
};
const nigeria = rows.findIndex((r) => r.country === 'Nigeria' && r.count_year === '2025');
const ng = eventOf(rows[nigeria]!, nigeria);
const myanmar = rows.findIndex((r) => r.country === 'Myanmar');
const DAY = 86_400_000;

describe('an area that narrowed (real STOP records)', () => {
  it('Nigeria, from 2 September 2021: "restored in most states around 12 weeks later", Birnin Gwari left cut off', () => {
    const n = areaNarrowing(ng.summary, ng.start)!;
    expect(new Date(n.at).toISOString()).toBe(new Date(Date.parse('2021-09-02') + 84 * DAY).toISOString());
    expect(n).toMatchObject({ remainder: 'Birnin Gwari, Kaduna State', approximate: true });
    expect(n.quote).toMatch(/restored in most states around 12 weeks later; Birnin Gwari, Kaduna State, has remained cutoff/);
  });

  it('prices the four states to 25 November 2021 and the place left cut off after, and says so', () => {
    expect(ng.population_affected!.share).toBeGreaterThan(0.05);
    const { input, mapping } = eventScenario(ng, { end: '2022-12-31' });
    expect(input.affected_share).toBe(ng.population_affected!.share);
    expect(input.narrowed!.from).toBe('2021-11-25T00:00:00.000Z');
    expect(input.narrowed!.share).toBeGreaterThan(0);
    // Birnin Gwari alone: a place GeoNames gives no population, the mean district of Kaduna State
    expect(input.narrowed!.share).toBeLessThan(ng.population_affected!.share / 20);
    expect(input.narrowed!.low).toBeLessThan(input.narrowed!.share);
    expect(input.narrowed!.basis).toMatch(/Birnin Gwari/);
    expect(mapping.join(' ')).toMatch(/the area cut off narrowed from 2021-11-25 \(approximately, as the record says\)/);
    expect(parseScenario(input).scenario.narrowed?.from).toBe('2021-11-25T00:00:00.000Z');
  });

  it("a later year of STOP's accounting counts the delay from the whole event's start, and is priced as the place alone", () => {
    const [, later] = comparePieces(ng, 2025);
    expect(later).toMatchObject({ start: '2025-01-01', whole_start: '2021-09-02' });
    // Priced here to a given end (the comparison gives this piece an imputed one).
    const { input } = eventScenario({ ...ng, start: later!.start, whole_start: later!.whole_start }, { end: '2025-06-30' });
    expect(input.narrowed!.from).toBe('2021-11-25T00:00:00.000Z');
    // A narrowing before the span's start gives the whole span the smaller area.
    expect(parseScenario(input).scenario.narrowed?.from).toBe('2021-11-25T00:00:00.000Z');
    // Priced before the narrowing, nothing changes.
    expect(eventScenario(ng, { end: '2021-10-31' }).input.narrowed).toBeUndefined();
  });

  it('Myanmar, Hpakant: "restored in some areas of Hpakant" is a part of a named place, no narrowing', () => {
    const mm = eventOf(rows[myanmar]!, myanmar);
    expect(areaNarrowing(mm.summary, mm.start)).toBeNull();
    expect(eventScenario(mm, { end: '2025-12-31', country: 'MM' }).input.narrowed).toBeUndefined();
  });
});

describe('phrasings (SYNTHETIC texts)', () => {
  const at = (text: string, start = '2024-02-20') => {
    const n = areaNarrowing(text, start);
    return n && { at: new Date(n.at).toISOString().slice(0, 10), remainder: n.remainder, approximate: n.approximate };
  };
  it.each([
    ['Mobile internet was restored across the region on Mar. 3, except in Bhiwani district, where it stayed off.', '2024-03-03', 'Bhiwani district', false],
    ['Internet was restored in some districts on 5 March. Nuh remained offline until 10 March.', '2024-03-05', 'Nuh', false],
    ['The government restored internet in most districts after two weeks, but Srinagar remained cut off.', '2024-03-05', 'Srinagar', false],
    ['Services were restored in other states about 10 days later; Manipur is still offline.', '2024-03-01', 'Manipur', true],
  ])('%s', (text, day, remainder, approximate) => {
    expect(at(text)).toEqual({ at: day, remainder, approximate });
  });
  it.each([
    'Access was restored on Feb 10.', // everywhere at once
    'Internet was restored in most districts on Mar. 3.', // no place named as left cut off
    'Bhiwani district remained offline.', // nothing restored
    'Facebook was restored on Feb 10 except in Kampala.', // a platform, not an area
    'Internet was restored in most districts on Feb. 1, 2024, but Nuh remained offline.', // before the start
  ])('no narrowing: %s', (text) => {
    expect(areaNarrowing(text, '2024-02-20')).toBeNull();
  });
});

describe('pricing a narrowed area period by period (SYNTHETIC data)', () => {
  const data = countryData('NG', [
    ['NY.GDP.MKTP.CD', 'NG', 2021, 365e9],
    ['NY.GDP.MKTP.CD', 'NG', 2022, 730e9],
    ['IT.NET.USER.ZS', 'NG', 2021, 40],
    ['IT.NET.USER.ZS', 'NG', 2022, 40],
  ]);
  const terms = (extra: object) => {
    const s = scenarioOf({ country: 'NG', type: 'full', start: '2021-09-02', end: '2022-12-31T23:59:59Z', ...extra });
    return evalPlan(brookings2016.plan({ ...s, data }));
  };
  const narrowed = { from: '2021-11-25T00:00:00.000Z', share: 0.001, low: 0.0005, high: 0.002, basis: 'test' };

  it('a period straddling the narrowing takes each share for its hours; a later period the smaller share alone', () => {
    const before = terms({ affected_share: 0.08 });
    const after = terms({ affected_share: 0.001 });
    const both = terms({ affected_share: 0.08, narrowed });
    const b = (Date.parse(narrowed.from) - Date.parse('2021-09-02')) / (Date.parse('2022-01-01') - Date.parse('2021-09-02'));
    expect(both[0]! / (before[0]! * b + after[0]! * (1 - b))).toBeCloseTo(1, 6);
    expect(both[1]! / after[1]!).toBeCloseTo(1, 9);
  });

  it('a narrowing of the whole country (no area before) and one after the span', () => {
    const whole = terms({});
    const both = terms({ narrowed });
    expect(both[1]! / (whole[1]! * 0.001)).toBeCloseTo(1, 9);
    expect(scenarioOf({ country: 'NG', type: 'full', start: '2021-09-02', end: '2021-10-01', narrowed }).scenario.narrowed).toBeNull();
  });

  it('ozi-regional prices each period with its own share too (Moscow GRP synthetic)', () => {
    const ru = countryData('RU', [
      ['GRP', 'RU-MOW', 2020, 20e12],
      ['GRP', 'RU-MOW', 2021, 24e12],
      ['rosstat.population_15_74_internet_users_pct', 'RU-MOW', 2021, 97.9],
    ]);
    const price = (extra: object) => {
      const s = scenarioOf({ country: 'RU', type: 'full', start: '2020-12-01', end: '2021-02-01', method: 'ozi-regional', ...extra });
      return evalPlan(oziRegional.plan({ ...s, data: ru }), { 'beta (penetration elasticity)': 1, 'epsilon (residual)': 1 });
    };
    const from = '2020-12-16T00:00:00.000Z';
    const both = price({ affected_share: 0.5, narrowed: { ...narrowed, from, share: 0.1, low: 0.05, high: 0.2 } });
    const half = price({ affected_share: 0.5 });
    const tenth = price({ affected_share: 0.1 });
    const b = 15 / 31;
    expect(both[0]! / (half[0]! * b + tenth[0]! * (1 - b))).toBeCloseTo(1, 6);
    expect(both[1]! / tenth[1]!).toBeCloseTo(1, 9);
  });

  it('refuses a share outside its range, naming the field', () => {
    expect(() => scenarioOf({ country: 'NG', type: 'full', start: '2021-09-02', end: '2022-01-01', narrowed: { ...narrowed, share: 2 } })).toThrow(/narrowed/);
  });
});
