// Rates and redenominations on the shipped World Bank series (data/costs/extra, PA.NUS.FCRF).
import { describe, expect, it } from 'vitest';
import { shippedRateCountries, shippedRates } from '../testing.js';
import { rateFor } from './fx.js';
import { changesOf } from './redenominations.js';

const day = (d: string) => ({ year: Number(d.slice(0, 4)), from: `${d}T00:00:00Z`, to: new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString() });

describe('a rate is labelled with the currency it is quoted in and never carried across a currency change', () => {
  it('Venezuela: the 2017 average is in VEF; 2019, 2020 and 2022 (after VEF→VES 2018 and VES→VED 2021) have no rate, and say why', () => {
    const ve = shippedRates('VE');
    expect(rateFor(ve, day('2017-03-01'))).toMatchObject({ rate: 9.975, currency: 'VEF', kind: 'annual' });
    for (const d of ['2019-05-02', '2020-05-31', '2022-01-10']) {
      const r = rateFor(ve, day(d));
      expect(r.rate, d).toBeNull();
      expect((r as { reason: string }).reason).toMatch(/the 2017 average is in VEF; the currency changed since \(VEF→VES on 2018-08-20/);
    }
    // a day before the first change takes the 2017 average, still in VEF
    expect(rateFor(ve, day('2018-08-19'))).toMatchObject({ rate: 9.975, currency: 'VEF', kind: 'annual-latest' });
    expect(rateFor(ve, { year: 2018, from: null, to: null }).rate).toBeNull();
  });

  it('Turkmenistan: the 2001 average is in TMM and is not carried past the 2009 redenomination', () => {
    const tm = shippedRates('TM');
    expect(rateFor(tm, { year: 2004, from: null, to: null })).toMatchObject({ rate: 5200, currency: 'TMM', kind: 'annual-latest' });
    expect(rateFor(tm, day('2009-06-01')).rate).toBeNull();
  });

  it('years before a change the series shows are labelled in the old currency (euro members, Ecuador, Zimbabwe)', () => {
    expect(rateFor(shippedRates('DE'), { year: 1998, from: null, to: null })).toMatchObject({ currency: 'DEM' });
    expect(rateFor(shippedRates('DE'), { year: 1999, from: null, to: null })).toMatchObject({ currency: 'EUR' });
    expect(rateFor(shippedRates('HR'), day('2022-06-01'))).toMatchObject({ currency: 'HRK' });
    expect(rateFor(shippedRates('HR'), day('2023-06-01'))).toMatchObject({ currency: 'EUR' });
    expect(rateFor(shippedRates('EC'), { year: 1999, from: null, to: null })).toMatchObject({ currency: 'ECS' });
    expect(rateFor(shippedRates('ZW'), { year: 2008, from: null, to: null })).toMatchObject({ currency: 'ZWD' });
    expect(rateFor(shippedRates('ZW'), { year: 2021, from: null, to: null })).toMatchObject({ currency: 'ZWL' });
    // ZWL 2023 is carried into 2024 only up to the ZWG of 5 April 2024
    expect(rateFor(shippedRates('ZW'), day('2024-02-01'))).toMatchObject({ currency: 'ZWL', kind: 'annual-latest' });
    expect(rateFor(shippedRates('ZW'), day('2024-06-01')).rate).toBeNull();
  });

  it('every fall of the shipped series by more than 2.5× from one year to the next is a listed currency change', () => {
    const falls: string[] = [];
    for (const cc of shippedRateCountries()) {
      const years = [...shippedRates(cc).annualRates.entries()].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < years.length; i++) {
        const [y0, a] = years[i - 1]!;
        const [y1, b] = years[i]!;
        if (a.rate / b.rate > 2.5) falls.push(`${cc} ${y0}→${y1}`);
        if (a.rate / b.rate > 2.5) expect(changesOf(cc).some((c) => c.firstYear > y0 && c.firstYear <= y1), `${cc} ${y0}→${y1}`).toBe(true);
      }
    }
    expect(falls.length).toBeGreaterThan(15);
    expect(shippedRateCountries().length).toBeGreaterThan(200);
  });
});

describe('a missing year is named with what the series does cover', () => {
  it('Zimbabwe 2017 lies in the series gap 2009–2019: the reason gives its runs of years, not 1960–2023', () => {
    const r = rateFor(shippedRates('ZW'), day('2017-03-01'));
    expect(r.rate).toBeNull();
    expect((r as { reason: string }).reason).toBe('no ZW exchange rate for 2017: annual averages cover 1960–2008 and 2020–2023 (none for 2009–2019)');
  });

  it('every country with a shipped rate has an ISO 4217 code (São Tomé: STN, the unit of the rebased series)', () => {
    expect(rateFor(shippedRates('ST'), day('2017-03-01'))).toMatchObject({ currency: 'STN', kind: 'annual' });
    const codes = shippedRateCountries().map((cc) => [...shippedRates(cc).annualRates.keys()].map((y) => rateFor(shippedRates(cc), { year: y, from: null, to: null })));
    const unnamed = codes.flat().filter((r) => r.rate !== null && /^LCU:/.test(r.currency));
    expect(unnamed).toEqual([]);
  });
});
