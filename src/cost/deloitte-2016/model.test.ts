// deloitte-2016 on hand-computed cases (synthetic: GDP 365e9 USD in a 365-day year = 1e9 a day).
import { describe, expect, it } from 'vitest';
import { countryData, evalPlan, scenarioOf } from '../testing.js';
import { deloitte2016 } from './model.js';
import { tierFor } from './params.js';

const GDP = 'NY.GDP.MKTP.CD';
const point = evalPlan;
const usersData = (users: number) =>
  countryData('RU', [
    [GDP, 'RU', 2021, 365e9],
    ['IT.NET.USER.ZS', 'RU', 2021, users],
    ['IT.CEL.SETS.P2', 'RU', 2021, 100],
    ['IT.NET.BBND.P2', 'RU', 2021, 25],
    ['GRP', 'RU-MOW', 2021, 3],
    ['GRP', 'RU-AL', 2021, 1],
  ]);

describe('deloitte-2016', () => {
  it('1.9 / 1.0 / 0.4 % of daily GDP by connectivity tier', () => {
    const s = scenarioOf({ country: 'RU', type: 'full', hours: 24 });
    expect(point(deloitte2016.plan({ ...s, data: usersData(80) }))[0]).toBeCloseTo(19e6, 0);
    expect(point(deloitte2016.plan({ ...s, data: usersData(50) }))[0]).toBeCloseTo(10e6, 0);
    expect(point(deloitte2016.plan({ ...s, data: usersData(10) }))[0]).toBeCloseTo(4e6, 0);
    expect([tierFor(70).tier, tierFor(69.9).tier, tierFor(30).tier, tierFor(29.9).tier]).toEqual(['high', 'medium', 'medium', 'low']);
  });

  it("scales by hours, the regions' share of output and the mobile share of subscriptions", () => {
    const s = scenarioOf({ country: 'RU', regions: ['RU-MOW'], type: 'full', hours: 12 });
    // 1e9 · 0.019 · 12/24 · 3/4
    expect(point(deloitte2016.plan({ ...s, data: usersData(80) }))[0]).toBeCloseTo(7.125e6, 0);
    const m = scenarioOf({ country: 'RU', type: 'mobile', hours: 24 });
    // mobile share = 100 / (100 + 25) = 0.8
    expect(point(deloitte2016.plan({ ...m, data: usersData(80) }))[0]).toBeCloseTo(15.2e6, 0);
    const f = scenarioOf({ country: 'RU', type: 'fixed', hours: 24 });
    expect(point(deloitte2016.plan({ ...f, data: usersData(80) }))[0]).toBeCloseTo(3.8e6, 0);
    const isp = scenarioOf({ country: 'RU', type: 'isp', isp_share: 0.2, hours: 24 });
    expect(point(deloitte2016.plan({ ...isp, data: usersData(80) }))[0]).toBeCloseTo(3.8e6, 0);
  });

  it('uses the latest GDP before a year without data, and says so', () => {
    const s = scenarioOf({ country: 'RU', type: 'full', start: '2023-03-01', hours: 24 });
    const plan = deloitte2016.plan({ ...s, data: usersData(80) });
    expect(plan.segments[0]!.data_year).toBe(2021);
    expect(plan.notes.join(' ')).toMatch(/no GDP \(current US\$\) for 2023; used 2021/);
  });
});
