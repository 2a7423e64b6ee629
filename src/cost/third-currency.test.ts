/**
 * `--currency X`, X neither local nor USD: the amounts are US dollars × X's own rate. For a
 * currency the World Bank publishes a currency-wide row for (the euro area, EMU), that row is
 * X's rate, the one every member is priced at, never the row of one member that happens to use
 * it. Real data: every shipped file, parsed as `db seed` stores it (shippedCountry).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from './scenario.js';
import { priceScenarioWith, thirdCurrencyHolder } from './service.js';
import { shippedCountry } from './testing.js';

const price = (input: ScenarioInput) => {
  const { scenario, span } = parseScenario({ draws: 200, ...input });
  const third = thirdCurrencyHolder(scenario);
  return priceScenarioWith(scenario, span, [shippedCountry(scenario.country), ...(third ? [shippedCountry(third)] : [])]);
};

const deloitte = (country: string, year: number, currency?: string) =>
  price({ country, type: 'full', hours: 24, year, method: 'deloitte-2016', ...(currency ? { currency } : {}) }).estimates[0]!;

describe('--currency EUR converts at the euro area rate', () => {
  it('2020–2023: RU priced in EUR takes the rate France and Germany are priced at (EMU row, not Montenegro or Kosovo)', () => {
    for (const year of [2020, 2021, 2022, 2023]) {
      const fr = deloitte('FR', year);
      const de = deloitte('DE', year);
      const ru = deloitte('RU', year, 'EUR');
      expect(ru.currency).toBe('EUR');
      expect(fr.usd!.rate, `${year}`).toBe(de.usd!.rate);
      expect(ru.usd!.rate, `${year}`).toBe(fr.usd!.rate);
      // the amounts are the US dollars times that rate (to rounding), not times Montenegro's
      expect(ru.median / ru.usd!.median).toBeCloseTo(shippedCountry('FR').annualRates.get(year)!.rate, 6);
      expect(ru.usd!.rate).not.toBe(Number(shippedCountry('ME').annualRates.get(year)!.rate.toFixed(4)));
    }
  });

  it('the label names the euro area rate and its date; a year without one speaks of the euro, not of a member', () => {
    const ru = deloitte('RU', 2020, 'EUR');
    expect(ru.notes.join(' ')).toMatch(/EUR amounts: US dollars × 0\.8755 EUR\/USD \(annual, 2020; .*euro area/);
    const old = deloitte('RU', 1996, 'EUR');
    const note = old.notes.find((n) => /no EUR amounts/.test(n))!;
    expect(note).toMatch(/no euro area \(EUR\) exchange rate for 1996: annual averages cover 1999–2023/);
    expect(note).not.toMatch(/\bME\b/);
  });
});
