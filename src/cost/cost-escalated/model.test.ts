// cost-escalated on hand-computed cases (synthetic GDP of 1e9 USD a day, except the Russia
// 2019 cross-check and the COST anchors, which use World Bank data copied from data/costs).
import { describe, expect, it } from 'vitest';
import { daysInYear } from '../span.js';
import { countryData, evalPlan, oneDay, scenarioOf, shippedWorldBank } from '../testing.js';
import { costEscalated } from './model.js';
import { COST_ANCHORS, COST_PROXY_K } from './params.js';
import { COST_KENYA_TELEGRAM_2023 } from './service-share.js';

const day = (cc: string, year: number) => oneDay(costEscalated, cc, year);

const wb = shippedWorldBank;

describe('cost-escalated', () => {
  it('adds 10 % a year after 2016 to G-20 shares: Russia 2019 = 2.8 % × 1.1³ of daily GDP (≈ $173 M)', () => {
    expect(day('RU', 2019).cost).toBeCloseTo(0.028 * 1.1 ** 3 * 1e9, 0);
    expect(day('RU', 2016).cost).toBeCloseTo(0.028 * 1e9, 0);
    // cost-methods.md cross-check with WB GDP 2019 (data/costs): $1,693.1 bn / 365 = $4,638.7 M a day
    expect(((1693114811200 / 365) * 0.028 * 1.1 ** 3) / 1e6).toBeCloseTo(172.9, 1);
  });

  it("prices countries outside the G-20 by internet users × k, k from COST's day figures, with no escalator", () => {
    const ke = day('KE', 2020);
    expect(COST_PROXY_K.dist).toEqual({ kind: 'lognormal', median: 0.2069, sigma: 0.505 });
    expect(ke.cost).toBeCloseTo(0.4 * 0.2069 * 1e9, 0);
    expect(day('KE', 2024).cost).toBeCloseTo(0.4 * 0.2069 * 1e9, 0);
    expect(ke.plan.proxy).toMatch(/k calibrated on COST's published day figures/);
  });

  it("recomputes each anchor's k from the shipped World Bank GDP and internet users of its year", () => {
    for (const a of COST_ANCHORS) {
      const gdp = wb('worldbank_gdp_current_usd__datasets-gdp.csv', 'NY.GDP.MKTP.CD', a.country, a.year);
      const users = wb('worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv', 'IT.NET.USER.ZS', a.country, a.year);
      expect(a.usd_per_day / ((gdp / daysInYear(a.year)) * (users / 100)), a.what).toBeCloseTo(a.k, 4);
    }
  });

  it("reproduces each anchor within the interval's spread: a day of Belarus 2020 and Iran 2019 at the median k is between ½ and 2× COST's figure", () => {
    for (const a of COST_ANCHORS) {
      const ratio = COST_PROXY_K.dist.kind === 'lognormal' ? COST_PROXY_K.dist.median / a.k : NaN;
      expect(ratio, a.what).toBeGreaterThan(0.5);
      expect(ratio, a.what).toBeLessThan(2);
    }
  });

  it("prices a day without Telegram in Kenya, November 2023, within 4× of COST's published $3.4 M (the reach rule was 9.8× below it)", () => {
    const gdp = wb('worldbank_gdp_current_usd__datasets-gdp.csv', 'NY.GDP.MKTP.CD', 'KE', 2023);
    const online = wb('worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv', 'IT.NET.USER.ZS', 'KE', 2022);
    const data = countryData('KE', [
      ['NY.GDP.MKTP.CD', 'KE', 2023, gdp],
      ['IT.NET.USER.ZS', 'KE', 2022, online],
    ]);
    const plan = costEscalated.plan({ ...scenarioOf({ country: 'KE', type: 'platform', platform: 'Telegram', start: '2023-11-10', hours: 24 }), data });
    const [ours] = evalPlan(plan);
    const full = (gdp / 365) * 0.2069 * (online / 100);
    expect(ours).toBeCloseTo(full * 0.0449, 0);
    const ratio = COST_KENYA_TELEGRAM_2023.usd_per_day / ours!;
    expect(ratio).toBeGreaterThan(1 / 4);
    expect(ratio).toBeLessThan(4); // 3.05: below COST, as its Nigerian full day is (COST prices sub-Saharan Africa with CIPESA's model)
    expect(COST_KENYA_TELEGRAM_2023.usd_per_day / (full * 0.014)).toBeGreaterThan(9); // Telegram's worldwide reach × 10 %
  });

  it("reads who is online in the event's own year when GDP is years old: Eritrea 2019 (World Bank GDP ends in 2011)", () => {
    const gdp = 'worldbank_gdp_current_usd__datasets-gdp.csv';
    const users = 'worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv';
    const rec = (ind: string, file: string, y: number): [string, string, number, number] => [ind, 'ER', y, wb(file, ind, 'ER', y)];
    const data = countryData('ER', [
      rec('NY.GDP.MKTP.CD', gdp, 2011),
      rec('IT.NET.USER.ZS', users, 2011),
      rec('IT.NET.USER.ZS', users, 2019),
      rec('IT.NET.USER.ZS', users, 2022),
    ]);
    const plan = costEscalated.plan({ ...scenarioOf({ country: 'ER', type: 'full', start: '2019-06-15', hours: 24 }), data });
    const [cost] = evalPlan(plan);
    // GDP of 2011 ($2.07 bn) a day × k × 11.2 % online in 2019, not the 0.7 % of 2011
    expect(cost).toBeCloseTo((2065001626.0162601 / 365) * 0.2069 * 0.112, 0);
    expect(plan.inputs.find((i) => i.name === 'internet users ER')).toMatchObject({ value: 11.2, year: 2019 });
    expect(plan.notes).toContain('no GDP (current US$) for 2019; used 2011 (latest available)');
    // a year past the last users figure takes the latest one (2022: 26.6 %)
    const late = costEscalated.plan({ ...scenarioOf({ country: 'ER', type: 'full', start: '2024-06-15', hours: 24 }), data });
    expect(late.inputs.find((i) => i.name === 'internet users ER')).toMatchObject({ value: 26.5942, year: 2022 });
  });
  it("reads the mobile share of subscriptions for the event's own year too (SYNTHETIC subscription counts)", () => {
    const data = countryData('ER', [
      ['NY.GDP.MKTP.CD', 'ER', 2011, 2e9],
      ['IT.NET.USER.ZS', 'ER', 2019, 11.2],
      ['IT.CEL.SETS.P2', 'ER', 2011, 5],
      ['IT.NET.BBND.P2', 'ER', 2011, 5],
      ['IT.CEL.SETS.P2', 'ER', 2019, 19],
      ['IT.NET.BBND.P2', 'ER', 2019, 1],
    ]);
    const plan = costEscalated.plan({ ...scenarioOf({ country: 'ER', type: 'mobile', start: '2019-06-15', hours: 24 }), data });
    expect(plan.inputs.find((i) => i.name === 'mobile cellular subscriptions')).toMatchObject({ value: 19, year: 2019 });
    // a scenario that fixes its year keeps that year for every input
    const fixed = costEscalated.plan({ ...scenarioOf({ country: 'ER', type: 'mobile', start: '2019-06-15', hours: 24, year: 2011 }), data });
    expect(fixed.inputs.find((i) => i.name === 'mobile cellular subscriptions')).toMatchObject({ value: 5, year: 2011 });
  });
});
