// COST's published day figures (published-figures.ts) against the shipped World Bank data of
// data/costs: the anchors are the ones k is calibrated on, and the k every national figure
// implies spans the range docs/design/014 (Decision 1) quotes.
import { describe, expect, it } from 'vitest';
import { daysInYear } from '../span.js';
import { shippedWorldBank } from '../testing.js';
import { COST_ANCHORS, COST_PROXY_K } from './params.js';
import { COST_PUBLISHED_FIGURES, impliedK, usdPerDay, type PublishedFigure } from './published-figures.js';

const GDP = 'worldbank_gdp_current_usd__datasets-gdp.csv';
const USERS = 'worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv';

/** k = a day's cost ÷ (a day of GDP × share online), from the shipped data of the figure's year. */
function kOf(f: PublishedFigure): number {
  const year = Number(f.day.slice(0, 4));
  const gdp = shippedWorldBank(GDP, 'NY.GDP.MKTP.CD', f.country, year);
  const online = shippedWorldBank(USERS, 'IT.NET.USER.ZS', f.country, year);
  return usdPerDay(f) / ((gdp / daysInYear(year)) * (online / 100));
}

describe("COST's published day figures", () => {
  it('hold the anchors of k exactly as params.ts calibrates on them', () => {
    const anchors = COST_PUBLISHED_FIGURES.filter((f) => f.role === 'anchor');
    expect(anchors.map((f) => [f.country, Number(f.day.slice(0, 4)), f.usd])).toEqual(COST_ANCHORS.map((a) => [a.country, a.year, a.usd_per_day]));
    for (const a of COST_ANCHORS) expect(kOf(anchors.find((f) => f.country === a.country)!)).toBeCloseTo(a.k, 4);
  });

  it('say where each was published and quote the words that give it', () => {
    for (const f of COST_PUBLISHED_FIGURES) {
      expect(f.source.length, f.id).toBeGreaterThan(10);
      expect(f.quote, f.id).toMatch(/\d/);
      if (f.per === 'total') expect(f.hours, f.id).toBeGreaterThan(0);
    }
    expect(new Set(COST_PUBLISHED_FIGURES.map((f) => f.id)).size).toBe(COST_PUBLISHED_FIGURES.length);
  });

  it('spread totals over their hours: Gabon ~$1 M for 28 h is $0.857 M a day; Iraq $951 M for 7 days $135.9 M', () => {
    const by = (id: string) => COST_PUBLISHED_FIGURES.find((f) => f.id === id)!;
    expect(usdPerDay(by('ga-2019-01')) / 1e6).toBeCloseTo(0.857, 3);
    expect(usdPerDay(by('iq-2019-10')) / 1e6).toBeCloseTo(135.86, 2);
    expect(() => usdPerDay({ ...by('ga-2019-01'), hours: undefined })).toThrow(/needs its hours/);
    // k scales a day linearly: a figure twice what cost-escalated gives implies twice its k
    expect(impliedK(by('zw-2020-07'), 5742421 / 2, 0.2069)).toBeCloseTo(0.4138, 6);
  });

  it('imply a k from 0.027 (Gabon 2019) to 0.48 (Iraq 2019, the country but Kurdistan, so a lower bound): 18 times apart, which no one k spans within 3×', () => {
    const national = COST_PUBLISHED_FIGURES.filter((f) => f.id !== 'iq-2018-07');
    const ks = Object.fromEntries(national.map((f) => [f.id, kOf(f)]));
    expect(ks['ga-2019-01']).toBeCloseTo(0.027, 3);
    expect(ks['iq-2019-10']).toBeCloseTo(0.479, 3);
    expect(Math.min(...Object.values(ks))).toBe(ks['ga-2019-01']);
    expect(Math.max(...Object.values(ks))).toBe(ks['iq-2019-10']);
    // the median k of cost-escalated sits inside the range, and the range is wider than 3× either side of it
    const median = COST_PROXY_K.dist.kind === 'lognormal' ? COST_PROXY_K.dist.median : NaN;
    expect(median / ks['ga-2019-01']!).toBeGreaterThan(3);
    expect(ks['iq-2019-10']! / median).toBeLessThan(3);
  });
});
