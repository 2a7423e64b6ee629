// Exchange-rate choice. Rates are synthetic round numbers, placed on real CBR-style dates
// (setting days with a weekend gap).
import { describe, expect, it } from 'vitest';
import { countryData } from '../testing.js';
import { rateFor } from './fx.js';

const data = countryData('RU', [], [
  { kind: 'daily', period: '2020-12-18', rate: 73 },
  { kind: 'daily', period: '2020-12-19', rate: 74 },
  { kind: 'daily', period: '2020-12-22', rate: 75 },
  { kind: 'annual', period: '2020', rate: 72.1 },
  { kind: 'annual', period: '2024', rate: 92.55 },
]);

describe('rates', () => {
  it('uses the daily rate in force on the day (the last setting day before a weekend)', () => {
    expect(rateFor(data, { year: 2020, from: '2020-12-20T00:00:00Z', to: '2020-12-21T00:00:00Z' })).toMatchObject({ rate: 74, kind: 'daily', date: '2020-12-19' });
  });

  it('averages the daily rates over a multi-day span', () => {
    // days 18, 19, 20, 21, 22: 73, 74, 74, 74, 75
    const r = rateFor(data, { year: 2020, from: '2020-12-18T00:00:00Z', to: '2020-12-23T00:00:00Z' });
    expect(r).toMatchObject({ kind: 'daily-average', date: '2020-12-18/2020-12-22' });
    expect(r.rate).toBeCloseTo(74, 10);
  });

  it('falls back to the annual average outside the daily series, carries the latest one forward (noted), and says when there is none', () => {
    expect(rateFor(data, { year: 2024, from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:00Z' })).toMatchObject({ rate: 92.55, kind: 'annual', date: '2024' });
    const later = rateFor(data, { year: 2026, from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' });
    expect(later).toMatchObject({ rate: 92.55, kind: 'annual-latest', date: '2024' });
    expect((later as { note: string }).note).toMatch(/no RU exchange rate for 2026; the 2024 annual average/);
    const none = rateFor(data, { year: 2019, from: '2019-05-01T00:00:00Z', to: '2019-05-02T00:00:00Z' });
    expect(none.rate).toBeNull();
    expect((none as { reason: string }).reason).toMatch(/no RU exchange rate for 2019: annual averages cover 2020–2024; the daily series covers 2020-12-18–2020-12-22/);
  });

  it('a day after the daily series ends takes the annual average, every day alike, and says where the series ends', () => {
    for (const [from, to] of [
      ['2020-12-23T00:00:00Z', '2020-12-24T00:00:00Z'], // the day after the last setting
      ['2020-12-31T00:00:00Z', '2021-01-01T00:00:00Z'],
      ['2020-12-21T00:00:00Z', '2020-12-25T00:00:00Z'], // a span that runs past the end
    ] as const) {
      const r = rateFor(data, { year: 2020, from, to });
      expect(r).toMatchObject({ rate: 72.1, kind: 'annual', date: '2020' });
      expect((r as { note: string }).note).toBe('the daily series ends 2020-12-22 (no rate set after it is held); the 2020 annual average is used');
    }
  });

  it('does not carry an annual average forward more than five years (a series that stopped, e.g. TMT in 2001, before the 2009 redenomination)', () => {
    const tm = countryData('TM', [], [{ kind: 'annual', period: '2001', rate: 5200 }]);
    expect(rateFor(tm, { year: 2006, from: null, to: null })).toMatchObject({ rate: 5200, kind: 'annual-latest', date: '2001' });
    const r = rateFor(tm, { year: 2022, from: '2022-04-10T00:00:00Z', to: '2022-04-13T00:00:00Z' });
    expect(r.rate).toBeNull();
    expect((r as { reason: string }).reason).toMatch(/no TM exchange rate for 2022: annual averages cover 2001–2001, and the 2001 average is in TMM; the currency changed since \(TMM→TMT on 2009-01-01/);
    // a series that stopped with no change of currency after it: Cuba's, in 1974
    const cu = countryData('CU', [], [{ kind: 'annual', period: '1974', rate: 0.822 }]);
    expect((rateFor(cu, { year: 1985, from: null, to: null }) as { reason: string }).reason).toMatch(/no CU exchange rate for 1985: annual averages cover 1974–1974 \(the 1974 average is more than 5 years older/);
  });
});
