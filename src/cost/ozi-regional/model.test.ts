// ozi-regional on hand-computed cases. Moscow and Altai GRP 2020 and penetration 2021 are
// copied from data/costs (Rosstat); the second region in the span test is synthetic.
import { describe, expect, it } from 'vitest';
import { countryData, evalPlan, scenarioOf } from '../testing.js';
import { Unavailable } from '../types.js';
import { oziRegional } from './model.js';
import { CALIBRATION_DATA as C, PUBLISHED, calibrationReport, kappa } from './params.js';

const PEN = 'rosstat.population_15_74_internet_users_pct';
const data = countryData('RU', [
  ['GRP', 'RU-MOW', 2020, C.moscow.grp],
  ['GRP', 'RU-AL', 2020, C.altai.grp],
  ['GRP', 'RU-MOW', 2021, 24e12],
  ['GRP', 'RU-AL', 2021, 70e9],
  [PEN, 'RU-MOW', 2021, 97.9],
  [PEN, 'RU-AL', 2021, 83.7],
]);
const at = evalPlan;

describe('ozi-regional', () => {
  it('κ(β) is the geometric mean of the two implied coefficients', () => {
    const m = 4.8e9 / (C.moscow.grp / 366) / 0.979;
    const a = 13.7e6 / (C.altai.grp / 366) / 0.837;
    expect(kappa(1)).toBeCloseTo(Math.sqrt(m * a), 12);
    expect(kappa(1)).toBeCloseTo(0.0931, 4);
    // At the exact-fit β both anchors are reproduced.
    const b = calibrationReport().exact_fit_beta;
    expect(kappa(b) * 0.979 ** b * (C.moscow.grp / 366)).toBeCloseTo(PUBLISHED.moscow.rub, -6);
  });

  it("prices a one-day Moscow shutdown at κ(1)·pen·GRP/366, within 10 % of OZI's 4.8 bn RUB", () => {
    const { scenario, span } = scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', hours: 24 });
    const plan = oziRegional.plan({ scenario, data, span });
    const cost = at(plan, { 'beta (penetration elasticity)': 1, 'epsilon (residual)': 1 })[0]!;
    expect(cost).toBeCloseTo(kappa(1) * 0.979 * (C.moscow.grp / 366), 0);
    expect(Math.abs(cost / 4.8e9 - 1)).toBeLessThan(0.1);
    expect(plan.segments[0]!.data_year).toBe(2020);
  });

  it('a note on the data year says how it was chosen: the calibration year with no date and no year, nothing with --year (the 2021 GRP here is SYNTHETIC)', () => {
    const none = scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', hours: 24 });
    expect(oziRegional.plan({ ...none, data }).notes.filter((n) => /no date given/.test(n))).toEqual([
      "no date given: GRP of 2020, the method's reference year",
    ]);
    for (const year of [2020, 2021]) {
      const given = scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', hours: 24, year });
      const plan = oziRegional.plan({ ...given, data });
      expect(plan.segments[0]!.data_year).toBe(year);
      expect(plan.notes.filter((n) => /no date given|calibrated on/.test(n))).toEqual([]);
    }
  });

  it('mobile is half of full; throttling scales by severity', () => {
    const full = scenarioOf({ country: 'RU', regions: ['RU-AL'], type: 'full', hours: 24 });
    const mob = scenarioOf({ country: 'RU', regions: ['RU-AL'], type: 'mobile', hours: 24 });
    const thr = scenarioOf({ country: 'RU', regions: ['RU-AL'], type: 'throttling', severity: 0.25, hours: 24 });
    const f = at(oziRegional.plan({ ...full, data }), {})[0]!;
    expect(at(oziRegional.plan({ ...mob, data }), {})[0]!).toBeCloseTo(f / 2, 3);
    expect(at(oziRegional.plan({ ...thr, data }), {})[0]!).toBeCloseTo(f / 4, 3);
  });

  it("splits a span at New Year and uses each year's GRP and day count", () => {
    const { scenario, span } = scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', start: '2020-12-31T12:00', end: '2021-01-01T12:00' });
    const plan = oziRegional.plan({ scenario, data, span });
    const out = at(plan, { 'beta (penetration elasticity)': 1, 'epsilon (residual)': 1 });
    const k = kappa(1) * 0.979;
    expect(out[0]).toBeCloseTo(k * (C.moscow.grp / 366) * 0.5, 0);
    expect(out[1]).toBeCloseTo(k * (24e12 / 365) * 0.5, 0);
    expect(plan.segments.map((s) => s.data_year)).toEqual([2020, 2021]);
  });

  it("a year after the last GRP is in that year's prices and names the GRP year it read", () => {
    // SYNTHETIC national GDP in roubles, to carry 2021 GRP to 2023.
    const withGdp = countryData('RU', [
      ['GRP', 'RU-MOW', 2021, 24e12],
      [PEN, 'RU-MOW', 2021, 97.9],
      ['NY.GDP.MKTP.CN', 'RU', 2021, 100e12],
      ['NY.GDP.MKTP.CN', 'RU', 2023, 150e12],
    ]);
    const { scenario, span } = scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', start: '2023-03-01', end: '2023-03-01' });
    const plan = oziRegional.plan({ scenario, data: withGdp, span });
    expect(plan.segments.map((s) => [s.data_year, s.source_year])).toEqual([[2023, 2021]]);
    expect(plan.notes.join('\n')).toMatch(/no GRP for 2023; 2021 GRP × 1\.5000/);
    const same = oziRegional.plan({
      ...scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', start: '2021-03-01', end: '2021-03-01' }),
      data: withGdp,
    });
    expect(same.segments[0]!.source_year).toBeUndefined();
  });

  it('a national figure is the sum of all regions', () => {
    const { scenario, span } = scenarioOf({ country: 'RU', type: 'full', hours: 24 });
    const plan = oziRegional.plan({ scenario, data, span });
    expect(plan.regions).toEqual(['RU-AL', 'RU-MOW']);
  });

  it('refuses platform blocks and countries without regional penetration', () => {
    const plat = scenarioOf({ country: 'RU', type: 'platform', platform: 'Telegram', hours: 24 });
    expect(() => oziRegional.plan({ ...plat, data })).toThrow(Unavailable);
    const cn = scenarioOf({ country: 'CN', type: 'full', hours: 24 });
    expect(() => oziRegional.plan({ ...cn, data: countryData('CN', [['GRP', 'CN-XJ', 2009, 1]]) })).toThrow(/Russia's regions \(RU\) only/);
  });

  it('a --year without GRP is unavailable, naming the year', () => {
    const s = scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', hours: 24, year: 2005 });
    try {
      oziRegional.plan({ ...s, data });
      throw new Error('no throw');
    } catch (e) {
      expect((e as Unavailable).param).toBe('year');
      expect((e as Error).message).toMatch(/2020–2021/);
    }
  });
});
