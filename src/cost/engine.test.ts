// The engine's currency handling and summaries, on a synthetic plan whose cost is known.
import { describe, expect, it } from 'vitest';
import { runEstimate } from './engine.js';
import { oziRegional } from './ozi-regional/model.js';
import { rateFor } from './data/fx.js';
import { scenarioOf, shippedRates } from './testing.js';
import type { Plan } from './types.js';

/** Two segments of 100 and 300 local units × a factor drawn from triangular(0.5, 1, 1.5). */
const plan = (native: 'local' | 'USD', f: (p: Float64Array) => number = (p) => p[0]!): Plan => ({
  native,
  regions: [],
  params: [{ name: 'f', dist: { kind: 'triangular', low: 0.5, mode: 1, high: 1.5 }, unit: '', source: 'test' }],
  inputs: [],
  notes: [],
  proxy: null,
  segments: [
    { period_year: 2019, data_year: 2019, from: '2019-12-31T00:00:00.000Z', to: '2020-01-01T00:00:00.000Z', hours: 24 },
    { period_year: 2020, data_year: 2020, from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.000Z', hours: 24 },
  ],
  units: [{ key: `test ${f.toString()}`, reads: [0], fn: f, fill: (d, out) => out.forEach((_, j) => (out[j] = f(Float64Array.of(d[0]![j]!)))) }],
  terms: { coef: [100, 300], unit: [0, 0] },
});
const rate = (r: number, date: string, currency = 'RUB') => ({ rate: r, currency, kind: 'daily' as const, date, source: 'test', vintage: 'test' });
const rates = [{ local: rate(50, '2019-12-31') }, { local: rate(100, '2020-01-01') }];

describe('runEstimate', () => {
  it('converts each segment at its own rate; point = modes; interval brackets the median', () => {
    const { scenario } = scenarioOf({ country: 'RU', type: 'full', hours: 48, draws: 4000 });
    const e = runEstimate(oziRegional, plan('local'), scenario, rates);
    expect(e.currency).toBe('RUB');
    expect(e.point).toBe(400);
    expect(e.usd).toMatchObject({ point: 5, rate: 80, rate_unit: 'RUB/USD', rate_date: '2019-12-31; 2020-01-01' }); // 100/50 + 300/100 = 5 USD; 400/5 = 80
    expect(e.usd!.rate_kind).toMatch(/^effective over the periods/);
    // each period with its own rate: 100 RUB at 50 = 2 USD, 300 RUB at 100 = 3 USD
    expect(e.periods.map((p) => [p.point, p.usd?.point, p.usd?.rate])).toEqual([
      [100, 2, 50],
      [300, 3, 100],
    ]);
    expect(e.low).toBeLessThan(e.median);
    expect(e.high).toBeGreaterThan(e.median);
    expect(Math.abs(e.median - 400)).toBeLessThan(15);
    expect(e.rates.map((r) => r.rate)).toEqual([50, 100]);
  });

  it('converts a USD-native method to local currency and to a third currency', () => {
    const { scenario } = scenarioOf({ country: 'RU', type: 'full', hours: 48 });
    expect(runEstimate(oziRegional, plan('USD'), scenario, rates).point).toBe(100 * 50 + 300 * 100);
    const cny = scenarioOf({ country: 'RU', type: 'full', hours: 48, currency: 'CNY' }).scenario;
    const e = runEstimate(
      oziRegional,
      plan('USD'),
      cny,
      rates.map((r) => ({ ...r, other: rate(7, 'x', 'CNY') })),
    );
    expect([e.currency, e.point]).toEqual(['CNY', 400 * 7]);
    // the rate that made the CNY amounts is named, period by period, with its date and source
    expect(e.notes.filter((n) => /^CNY amounts/.test(n))).toEqual([
      'CNY amounts of 2019-12-31…: US dollars × 7 CNY/USD (daily, x; test)',
      'CNY amounts of 2020-01-01…: US dollars × 7 CNY/USD (daily, x; test)',
    ]);
  });

  it('amounts in a third currency: usd names the rate that turns them into US dollars (X/USD), and rates lists both legs', () => {
    const cny = scenarioOf({ country: 'RU', type: 'full', hours: 48, currency: 'CNY' }).scenario;
    const e = runEstimate(
      oziRegional,
      plan('local'),
      cny,
      rates.map((r, i) => ({ ...r, other: rate(i === 0 ? 7 : 8, i === 0 ? '2019-12-31' : '2020-01-01', 'CNY') })),
    );
    // 100 RUB at 50 RUB/USD = 2 USD = 14 CNY; 300 RUB at 100 RUB/USD = 3 USD = 24 CNY
    expect([e.currency, e.point, e.usd!.point]).toEqual(['CNY', 14 + 24, 5]);
    expect(e.usd).toMatchObject({ rate: Number((38 / 5).toFixed(4)), rate_unit: 'CNY/USD', rate_date: '2019-12-31; 2020-01-01' });
    expect(e.usd!.point * e.usd!.rate).toBeCloseTo(e.point, 2);
    expect(e.rates.map((l) => [l.rate, l.note?.slice(0, 7)])).toEqual([
      [50, 'RUB/USD'],
      [100, 'RUB/USD'],
      [7, 'CNY/USD'],
      [8, 'CNY/USD'],
    ]);
    expect(e.periods.map((p) => [p.point, p.usd!.point, p.usd!.rate])).toEqual([
      [14, 2, 7],
      [24, 3, 8],
    ]);
  });

  it('a USD-native method without a local rate still says what its US dollars are (nothing converted), never null', () => {
    const { scenario } = scenarioOf({ country: 'RU', type: 'full', hours: 48 });
    const none = [{ local: { rate: null, reason: 'no RU exchange rate for 1990' } }, { local: { rate: null, reason: 'no RU exchange rate for 1991' } }];
    const e = runEstimate(oziRegional, plan('USD'), scenario, none);
    expect(e.currency).toBe('USD');
    expect(e.usd).toMatchObject({ point: 400, rate: 1, rate_unit: 'USD/USD' });
    expect(e.usd!.rate_kind).toMatch(/^none: computed in US dollars/);
  });

  it('says so when a rate is missing, instead of guessing', () => {
    const { scenario } = scenarioOf({ country: 'RU', type: 'full', hours: 48 });
    const e = runEstimate(oziRegional, plan('USD'), scenario, [{ local: { rate: null, reason: 'no RU exchange rate for 2025' } }, rates[1]!]);
    expect(e.currency).toBe('USD');
    expect(e.notes.join(' ')).toMatch(/no RUB amounts: no RU exchange rate for 2025/);
    const l = runEstimate(oziRegional, plan('local'), scenario, [{ local: { rate: null, reason: 'no RU exchange rate for 2025' } }, rates[1]!]);
    expect(l.usd).toBeNull();
    expect(l.currency).toBe('RUB');
  });

  it('is reproducible by seed and never returns a non-finite number', () => {
    const a = scenarioOf({ country: 'RU', type: 'full', hours: 48, seed: 9 }).scenario;
    expect(runEstimate(oziRegional, plan('local'), a, rates)).toEqual(runEstimate(oziRegional, plan('local'), a, rates));
    expect(() =>
      runEstimate(
        oziRegional,
        plan('local', () => Number.NaN),
        a,
        rates,
      ),
    ).toThrow(/non-finite/);
  });
});

describe('runEstimate: the local currency is the one the rates are quoted in (shipped World Bank rates)', () => {
  const ve = shippedRates('VE');
  const seg = (d: string) => ({ year: Number(d.slice(0, 4)), from: `${d}T00:00:00Z`, to: new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString() });
  const oneDay = (d: string): Plan => ({
    ...plan('USD'),
    segments: [{ period_year: Number(d.slice(0, 4)), data_year: Number(d.slice(0, 4)), ...seg(d), from: seg(d).from, to: seg(d).to, hours: 24 }],
    terms: { coef: [100], unit: [0] },
  });

  it('Venezuela 2017: amounts in VEF at 9.975, named so', () => {
    const { scenario } = scenarioOf({ country: 'VE', type: 'full', hours: 24 });
    const e = runEstimate(oziRegional, oneDay('2017-03-01'), scenario, [{ local: rateFor(ve, seg('2017-03-01')) }]);
    expect([e.currency, e.point, e.usd?.rate_unit]).toEqual(['VEF', 998, 'VEF/USD']);
  });

  it('Venezuela 2019 (after the 2018 redenomination): no local amounts, US dollars, and the reason', () => {
    const { scenario } = scenarioOf({ country: 'VE', type: 'full', hours: 24 });
    const e = runEstimate(oziRegional, oneDay('2019-05-02'), scenario, [{ local: rateFor(ve, seg('2019-05-02')) }]);
    expect([e.currency, e.point]).toEqual(['USD', 100]);
    expect(e.notes.join(' ')).toMatch(/the 2017 average is in VEF; the currency changed since \(VEF→VES on 2018-08-20/);
  });

  it('SYNTHETIC periods whose rates are quoted in two currencies (Croatia 2022–2023) are not added in local units', () => {
    const hr = shippedRates('HR');
    const { scenario } = scenarioOf({ country: 'HR', type: 'full', hours: 48 });
    const p: Plan = {
      ...plan('USD'),
      segments: [
        { ...plan('USD').segments[0]!, period_year: 2022, data_year: 2022, from: '2022-12-31T00:00:00.000Z', to: '2023-01-01T00:00:00.000Z' },
        { ...plan('USD').segments[1]!, period_year: 2023, data_year: 2023, from: '2023-01-01T00:00:00.000Z', to: '2023-01-02T00:00:00.000Z' },
      ],
    };
    const e = runEstimate(
      oziRegional,
      p,
      scenario,
      p.segments.map((s) => ({ local: rateFor(hr, { year: s.period_year!, from: s.from, to: s.to }) })),
    );
    expect(e.currency).toBe('USD');
    expect(e.notes.join(' ')).toMatch(/quoted in different currencies \(HRK for 2022-12-31, EUR for 2023-01-01\)/);
  });
});
