/**
 * A span over several years is priced year by year with each year's data: whole, it costs what
 * its parts cost priced alone (the point estimate, deterministic), in every method. Real data:
 * every shipped file, parsed as `db seed` stores it (shippedCountry).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from './scenario.js';
import { priceScenarioWith } from './service.js';
import { shippedCountry, syntheticEvent } from './testing.js';
import { eventScenario } from './event-scenario.js';

const price = (input: ScenarioInput) => {
  const { scenario, span } = parseScenario({ draws: 200, ...input });
  const datasets = [shippedCountry(scenario.country)];
  return priceScenarioWith(scenario, span, datasets);
};

/** Each method's point and US-dollar point, whole and as the sum of the two halves. */
function wholeAndHalves(input: ScenarioInput, start: string, mid: string, end: string) {
  const whole = price({ ...input, start, end });
  const a = price({ ...input, start, end: mid });
  const b = price({ ...input, start: mid, end });
  return whole.estimates.map((w) => {
    const [x, y] = [a, b].map((r) => r.estimates.find((e) => e.method === w.method)!);
    return {
      method: w.method,
      currency: [w.currency, x!.currency, y!.currency],
      whole: w.point,
      parts: x!.point + y!.point,
      usdWhole: w.usd?.point ?? null,
      usdParts: x!.usd && y!.usd ? x!.usd.point + y!.usd.point : null,
      inputs: w.inputs,
    };
  });
}

const near = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(Math.max(3, Math.abs(y) * 1e-9));

describe('a span over several years: the whole is the sum of its years', () => {
  const cases: [string, ScenarioInput, string, string, string][] = [
    ['PK fixed, one day either side of New Year 2014', { country: 'PK', type: 'fixed' }, '2013-12-31T00:00', '2014-01-01T00:00', '2014-01-02T00:00'],
    ['PK fixed, 2009-06 to 2014-06', { country: 'PK', type: 'fixed' }, '2009-06-01T00:00', '2014-01-01T00:00', '2014-06-01T00:00'],
    ['BY mobile, New Year 2010', { country: 'BY', type: 'mobile' }, '2009-12-31T00:00', '2010-01-01T00:00', '2010-01-02T00:00'],
    ['IN mobile, 2016 to 2019, split mid-2017', { country: 'IN', type: 'mobile' }, '2016-03-01T00:00', '2017-07-01T00:00', '2019-02-01T00:00'],
    ['IR fixed, a region-less cut over 2019/2020', { country: 'IR', type: 'fixed' }, '2019-11-16T00:00', '2020-01-01T00:00', '2020-01-05T00:00'],
  ];
  for (const [name, input, start, mid, end] of cases)
    it(`${name}: every method, local and US dollars`, () => {
      const rows = wholeAndHalves({ ...input, method: 'all' }, start, mid, end);
      expect(rows.map((r) => r.method)).toEqual(expect.arrayContaining(['deloitte-2016', 'brookings-2016', 'cost-escalated']));
      for (const r of rows) {
        expect(new Set(r.currency).size).toBe(1);
        near(r.whole, r.parts);
        if (r.usdParts !== null) near(r.usdWhole!, r.usdParts);
      }
    });

  it("lists each year's subscriptions and its own mobile share: BY 2009 and 2010", () => {
    const [r] = wholeAndHalves({ country: 'BY', type: 'mobile', method: 'deloitte-2016' }, '2009-12-31T00:00', '2010-01-01T00:00', '2010-01-02T00:00');
    const subs = r!.inputs.filter((i) => i.name === 'mobile cellular subscriptions').map((i) => i.year);
    expect(subs).toEqual([2009, 2010]);
    const shares = r!.inputs.filter((i) => String(i.name).startsWith('mobile share'));
    expect(shares.map((i) => i.name)).toEqual(['mobile share (subscriptions 2009)', 'mobile share (subscriptions 2010)']);
    expect(shares.map((i) => Number(i.value).toFixed(4))).toEqual(['0.8987', '0.8611']);
  });

  it('one year keeps one parameter named "mobile share"', () => {
    const r = price({ country: 'BY', type: 'mobile', method: 'deloitte-2016', start: '2010-03-01', end: '2010-03-02' });
    expect(r.estimates[0]!.inputs.filter((i) => String(i.name).startsWith('mobile share')).map((i) => i.name)).toEqual(['mobile share']);
  });
});

describe('ozi-regional across 2021→2022: each year with its own internet-use table', () => {
  const cases: [string, ScenarioInput, string, string, string][] = [
    ['RU full, 30 Dec 2021 – 2 Jan 2022', { country: 'RU', type: 'full' }, '2021-12-30T00:00', '2022-01-01T00:00', '2022-01-03T00:00'],
    ['RU-CE mobile over New Year 2022', { country: 'RU', type: 'mobile', regions: ['RU-CE'] }, '2021-12-31T00:00', '2022-01-01T00:00', '2022-01-02T00:00'],
    ['RU full in euros', { country: 'RU', type: 'full', currency: 'EUR' }, '2021-12-30T00:00', '2022-01-01T00:00', '2022-01-03T00:00'],
    [
      'RU-MOW and RU-AL full, 2020 to 2023',
      { country: 'RU', type: 'full', regions: ['RU-MOW', 'RU-AL'] },
      '2020-06-01T00:00',
      '2022-01-01T00:00',
      '2023-06-01T00:00',
    ],
  ];
  for (const [name, input, start, mid, end] of cases)
    it(name, () => {
      const [r] = wholeAndHalves({ ...input, method: 'ozi-regional' }, start, mid, end);
      near(r!.whole, r!.parts);
      if (r!.usdParts !== null) near(r!.usdWhole!, r!.usdParts);
    });

  it('lists the 2022 table for the 2022 period', () => {
    const [r] = wholeAndHalves({ country: 'RU', type: 'full', method: 'ozi-regional' }, '2021-12-30T00:00', '2022-01-01T00:00', '2022-01-03T00:00');
    const years = r!.inputs.filter((i) => String(i.name).startsWith('internet users 15–74 RU-')).map((i) => i.year);
    expect(years.filter((y) => y === 2021).length).toBeGreaterThan(80);
    expect(years.filter((y) => y === 2022).length).toBeGreaterThan(80);
  });
});

describe('periods are labelled by the dates of the scenario zone', () => {
  it('New Year in Moscow: 22:00 31 December to 02:00 1 January is 2021-12-31/2022-01-01 and 2022-01-01/2022-01-01', () => {
    const r = price({ country: 'RU', type: 'full', method: 'deloitte-2016', start: '2021-12-31T22:00', end: '2022-01-01T02:00', tz: 'Europe/Moscow' });
    expect(r.estimates[0]!.rates.map((l) => l.period)).toEqual(['2021-12-31/2022-01-01', '2022-01-01/2022-01-01']);
    expect(r.estimates[0]!.periods.map((p) => [p.year, p.hours])).toEqual([
      [2021, 2],
      [2022, 2],
    ]);
  });
});

describe('a period without an exchange rate does not take the others’ amounts with it', () => {
  it('ozi-regional, RU, 29 June 1992 – 1 January 1993: the 1993 period keeps its US dollars; the total has none, and says which days lack a rate', () => {
    const r = price({ country: 'RU', type: 'full', method: 'ozi-regional', start: '1992-06-29', end: '1993-01-01', tz: 'Europe/Moscow' });
    const e = r.estimates[0]!;
    expect(e.usd).toBeNull();
    expect(e.periods.map((p) => p.year)).toEqual([1992, 1993]);
    expect(e.periods[0]!.usd).toBeNull();
    expect(e.periods[1]!.usd?.point).toBeGreaterThan(0);
    expect(e.periods[1]!.usd!.point).toBeCloseTo(e.periods[1]!.point / e.periods[1]!.usd!.rate!, -2);
    expect(e.notes.join(' ')).toMatch(/no RU exchange rate for 1992-06-29\/1992-06-30 \(before the daily series begins/);
  });
});

describe('the spread of methods when one is left in its own currency', () => {
  it('RU, 2030 (no rouble rate): ozi-regional in roubles, the three GDP methods in US dollars, their spread given', () => {
    const r = price({ country: 'RU', type: 'full', method: 'all', start: '2029-12-31', end: '2030-01-01' });
    expect(r.estimates.map((e) => [e.method, e.currency])).toEqual([
      ['ozi-regional', 'RUB'],
      ['deloitte-2016', 'USD'],
      ['brookings-2016', 'USD'],
      ['cost-escalated', 'USD'],
    ]);
    const usd = r.estimates.filter((e) => e.currency === 'USD').map((e) => e.median);
    expect(r.spread).toMatchObject({ currency: 'USD', methods: 3, min_median: Math.min(...usd), max_median: Math.max(...usd) });
  });
});

describe('a ledger event over several years is priced with each year’s data too', () => {
  // SYNTHETIC event (the ledger's fields only, with times so no dates-only rule applies), priced on
  // the shipped data: a nationwide mobile shutdown across New Year 2014 in Pakistan, whole and as
  // two events of one day each.
  const event = (start: string, end: string) =>
    syntheticEvent({ category: 'shutdown', subtype: 'mobile', countries: ['PK'], scope: 'national', start, end, targets: [] });
  const priced = (start: string, end: string) => {
    const s = eventScenario(event(start, end), { method: 'all' });
    expect(s.missing).toEqual([]);
    return price(s.input);
  };
  it('PK mobile, 31 December 2013 – 1 January 2014: whole = the two days, every method', () => {
    const whole = priced('2013-12-31T00:00:00Z', '2014-01-02T00:00:00Z');
    const [a, b] = [priced('2013-12-31T00:00:00Z', '2014-01-01T00:00:00Z'), priced('2014-01-01T00:00:00Z', '2014-01-02T00:00:00Z')];
    expect(whole.estimates.length).toBeGreaterThanOrEqual(3);
    for (const w of whole.estimates) {
      const [x, y] = [a, b].map((r) => r.estimates.find((e) => e.method === w.method)!);
      near(w.point, x!.point + y!.point);
    }
    const subs = whole.estimates[0]!.inputs.filter((i) => i.name === 'mobile cellular subscriptions').map((i) => i.year);
    expect(subs).toEqual([2013, 2014]);
  });
});
