// Exchange-rate choice. Rates are synthetic round numbers, placed on real CBR-style dates
// (setting days with a weekend gap).
import { describe, expect, it } from 'vitest';
import { countryData, shippedRates } from '../testing.js';
import { rateFor } from './fx.js';
import { localDayStart } from '../span.js';

const data = countryData('RU', [], [
  { kind: 'daily', period: '2020-12-18', rate: 73 },
  { kind: 'daily', period: '2020-12-19', rate: 74 },
  { kind: 'daily', period: '2020-12-22', rate: 75 },
  { kind: 'annual', period: '2020', rate: 72.1 },
  { kind: 'annual', period: '2024', rate: 92.55 },
]);

describe('rates', () => {
  it('uses the daily rate in force on the day (the last setting day before a weekend)', () => {
    expect(rateFor(data, { year: 2020, from: '2020-12-20T00:00:00+03:00', to: '2020-12-21T00:00:00+03:00' })).toMatchObject({ rate: 74, kind: 'daily', date: '2020-12-19' });
  });

  it('averages the daily rates over a multi-day span', () => {
    // days 18, 19, 20, 21, 22: 73, 74, 74, 74, 75
    const r = rateFor(data, { year: 2020, from: '2020-12-18T00:00:00+03:00', to: '2020-12-23T00:00:00+03:00' });
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
    expect((none as { reason: string }).reason).toMatch(/no RU exchange rate for 2019: annual averages cover 2020 and 2024 \(none for 2021–2023\); the daily series covers 2020-12-18–2020-12-22/);
  });

  it('a day after the daily series ends takes the annual average, every day alike, and says where the series ends', () => {
    for (const [from, to] of [
      ['2020-12-23T00:00:00+03:00', '2020-12-24T00:00:00+03:00'], // the day after the last setting
      ['2020-12-31T00:00:00+03:00', '2021-01-01T00:00:00Z'],
    ] as const) {
      const r = rateFor(data, { year: 2020, from, to });
      expect(r).toMatchObject({ rate: 72.1, kind: 'annual', date: '2020' });
      expect((r as { note: string }).note).toBe('the daily series ends 2020-12-22 (no rate set after it is held); the 2020 annual average is used');
    }
  });

  it('a span that runs past the end keeps its covered days at their daily rates, the others at the annual average', () => {
    // days 21, 22 at 74 and 75; 23, 24 at 72.1
    const r = rateFor(data, { year: 2020, from: '2020-12-21T00:00:00+03:00', to: '2020-12-25T00:00:00+03:00' });
    expect(r).toMatchObject({ kind: 'daily-and-annual', date: '2020-12-21/2020-12-22 daily; 2020 annual average for 2020-12-23/2020-12-24' });
    expect(r.rate).toBeCloseTo((74 + 75 + 72.1 + 72.1) / 4, 10);
  });

  it('does not carry an annual average forward more than five years (a series that stopped, e.g. TMT in 2001, before the 2009 redenomination)', () => {
    const tm = countryData('TM', [], [{ kind: 'annual', period: '2001', rate: 5200 }]);
    expect(rateFor(tm, { year: 2006, from: null, to: null })).toMatchObject({ rate: 5200, kind: 'annual-latest', date: '2001' });
    const r = rateFor(tm, { year: 2022, from: '2022-04-10T00:00:00Z', to: '2022-04-13T00:00:00Z' });
    expect(r.rate).toBeNull();
    expect((r as { reason: string }).reason).toMatch(/no TM exchange rate for 2022: annual averages cover 2001, and the 2001 average is in TMM; the currency changed since \(TMM→TMT on 2009-01-01/);
    // a series that stopped with no change of currency after it: Cuba's, in 1974
    const cu = countryData('CU', [], [{ kind: 'annual', period: '1974', rate: 0.822 }]);
    expect((rateFor(cu, { year: 1985, from: null, to: null }) as { reason: string }).reason).toMatch(/no CU exchange rate for 1985: annual averages cover 1974 \(the 1974 average is more than 5 years older/);
  });
});

describe('a span across the end of the Bank of Russia daily series (shipped data: it ends 2023-11-30)', () => {
  const ru = shippedRates('RU');
  const seg = (from: string, to: string) => ({ year: 2023, from: `${from}T00:00:00+03:00`, to: `${to}T00:00:00+03:00` });
  const rubPerDay = (r: ReturnType<typeof rateFor>, days: number) => (r.rate ?? NaN) * days;

  it('keeps each covered day at its daily rate and gives only the uncovered days the 2023 average: the halves add up', () => {
    const before = rateFor(ru, seg('2023-11-29', '2023-12-01'));
    const after = rateFor(ru, seg('2023-12-01', '2023-12-03'));
    const whole = rateFor(ru, seg('2023-11-29', '2023-12-03'));
    expect(before).toMatchObject({ kind: 'daily-average', date: '2023-11-29/2023-11-30' });
    expect(after).toMatchObject({ rate: ru.annualRates.get(2023)!.rate, kind: 'annual', date: '2023' });
    expect(rubPerDay(whole, 4)).toBeCloseTo(rubPerDay(before, 2) + rubPerDay(after, 2), 6);
    expect(whole).toMatchObject({ kind: 'daily-and-annual', date: '2023-11-29/2023-11-30 daily; 2023 annual average for 2023-12-01/2023-12-02' });
    expect((whole as { note: string }).note).toMatch(/^the daily series ends 2023-11-30 \(no rate set after it is held\); the 2023 annual average is used for 2023-12-01\/2023-12-02/);
  });

  it('weights a part day by its hours', () => {
    // 6 h of 30 November at its daily rate and 18 h of 1 December at the average
    const r = rateFor(ru, { year: 2023, from: '2023-11-30T18:00:00+03:00', to: '2023-12-01T18:00:00+03:00' });
    const nov30 = rateFor(ru, seg('2023-11-30', '2023-12-01')).rate!;
    expect(r.rate).toBeCloseTo((6 * nov30 + 18 * ru.annualRates.get(2023)!.rate) / 24, 9);
  });
});

describe('a day within the Bank of Russia daily series takes the rate in force, however long ago it was set (shipped data)', () => {
  const ru = shippedRates('RU');
  // one Moscow day, the day the Bank of Russia sets its rate for
  const day = (d: string) => {
    const n = Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    return rateFor(ru, { year: Number(d.slice(0, 4)), from: iso(localDayStart(n, 'Europe/Moscow')), to: iso(localDayStart(n + 1, 'Europe/Moscow')) });
  };

  it('12 January 2015 converts at the 1 January rate, in force until 13 January (a 12-day holiday gap)', () => {
    expect(day('2015-01-11')).toMatchObject({ rate: 56.2376, kind: 'daily', date: '2015-01-01' });
    expect(day('2015-01-12')).toMatchObject({
      rate: 56.2376,
      kind: 'daily',
      date: '2015-01-01',
      note: 'the rate set on 2015-01-01, in force on 2015-01-12 (no rate was set in between)',
    });
    expect(day('2015-01-13')).not.toHaveProperty('note');
    expect(day('2015-01-13')).toMatchObject({ rate: 62.7363, kind: 'daily', date: '2015-01-13' });
  });

  it('every day from the first setting to the last is daily, at the last setting on or before it', () => {
    const days = ru.dailyDays;
    let wrong = 0;
    for (let d = days[0]!, i = 0; d <= days[days.length - 1]!; d++) {
      while (i + 1 < days.length && days[i + 1]! <= d) i++;
      const r = day(new Date(d * 86_400_000).toISOString().slice(0, 10));
      if (r.rate !== ru.dailyRates[i]!.rate || !('kind' in r) || r.kind !== 'daily' || r.date !== ru.dailyRates[i]!.period) wrong++;
    }
    expect(wrong).toBe(0);
  });
});

describe("the Bank of Russia's rate is that of the Moscow day an hour falls on, whatever the scenario's zone (shipped data)", () => {
  const ru = shippedRates('RU');
  it('the first 3 hours of 1 June 2021, Moscow time (21:00–24:00 UTC on 31 May), convert at the 1 June rate, dated 1 June', () => {
    expect(rateFor(ru, { year: 2021, from: '2021-05-31T21:00:00Z', to: '2021-06-01T00:00:00Z' })).toMatchObject({ rate: 73.2965, kind: 'daily', date: '2021-06-01' });
  });
  it('one Moscow day is one day, not two UTC days', () => {
    expect(rateFor(ru, { year: 2021, from: '2021-06-01T00:00:00+03:00', to: '2021-06-02T00:00:00+03:00' })).toMatchObject({ rate: 73.2965, kind: 'daily', date: '2021-06-01' });
  });
  it('a UTC day is 21 hours of its Moscow date and 3 of the next, each at its own rate', () => {
    const r = rateFor(ru, { year: 2021, from: '2021-06-01T00:00:00Z', to: '2021-06-02T00:00:00Z' });
    const day = (d: string) => ru.dailyRates.filter((x) => x.period <= d).pop()!.rate;
    expect(r).toMatchObject({ kind: 'daily-average', date: '2021-06-01/2021-06-02' });
    expect(r.rate).toBeCloseTo((21 * day('2021-06-01') + 3 * day('2021-06-02')) / 24, 9);
  });
});

describe('a period that starts before the daily series, in a year with no annual average (shipped data: RU 1992)', () => {
  const ru = shippedRates('RU');
  it('names the days without a rate, not the whole year', () => {
    const r = rateFor(ru, { year: 1992, from: '1992-06-30T00:00:00+04:00', to: '1992-07-02T00:00:00+04:00' });
    expect(r.rate).toBeNull();
    expect((r as { reason: string }).reason).toMatch(
      /^no RU exchange rate for 1992-06-30 \(before the daily series begins, and no 1992 annual average: annual averages cover 1993 and 1996–20\d\d \(none for 1994–1995\)\); the daily series covers 1992-07-01–2023-11-30, which gives 1992-07-01 of this period its rates, but a period is converted whole$/,
    );
  });
});
