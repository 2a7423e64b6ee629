/**
 * US-dollar amounts that no rate converted (a method computing in US dollars, with no local rate,
 * or a third currency without a rate that fell back to US dollars) say `1 USD/USD` and carry no
 * rate date: the date of a rate that does not exist is empty, never the GDP year. Real data:
 * every shipped file, parsed as `db seed` stores it (shippedCountry).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from './scenario.js';
import { priceScenarioWith, thirdCurrencyHolder } from './service.js';
import { shippedCountry } from './testing.js';

const price = (input: ScenarioInput) => {
  const { scenario, span } = parseScenario({ draws: 200, ...input });
  const third = thirdCurrencyHolder(scenario);
  return priceScenarioWith(scenario, span, [shippedCountry(scenario.country), ...(third ? [shippedCountry(third)] : [])]).estimates[0]!;
};

describe('US dollars with no rate', () => {
  it('Venezuela, Cuba and Turkmenistan after their series end: 1 USD/USD, no rate date, in the total and in each period', () => {
    for (const [country, start] of [
      ['VE', '2025-01-10'],
      ['CU', '2021-07-11'],
      ['TM', '2020-03-01'],
    ] as const) {
      const e = price({ country, type: 'full', start, hours: 24, method: 'cost-escalated' });
      expect(e.currency, country).toBe('USD');
      expect(e.usd).toMatchObject({ rate: 1, rate_unit: 'USD/USD', rate_date: null });
      expect(e.usd!.rate_kind).toMatch(/^none: computed in US dollars/);
      for (const p of e.periods) expect(p.usd, country).toMatchObject({ rate: 1, rate_date: null });
    }
  });

  it('RU 1996 in EUR (no euro rate): the US-dollar amounts shown are not labelled with a rouble rate', () => {
    const e = price({ country: 'RU', type: 'full', hours: 24, year: 1996, currency: 'EUR', method: 'deloitte-2016' });
    expect(e.currency).toBe('USD');
    expect(e.usd).toMatchObject({ rate: 1, rate_unit: 'USD/USD', rate_date: null });
    expect(e.usd!.rate_kind).toMatch(/^none: /);
    expect(e.usd!.median).toBe(e.median);
    // with a local currency asked for, the rouble rate is the one that converted: it is named
    expect(price({ country: 'RU', type: 'full', hours: 24, year: 1996, method: 'deloitte-2016' }).usd).toMatchObject({
      rate_unit: 'RUB/USD',
      rate_date: '1996',
    });
  });
});
