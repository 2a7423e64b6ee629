/**
 * Currency changes (redenominations, the euro, dollarisation) that the shipped World Bank rate
 * series (PA.NUS.FCRF) does not restate, so that every rate is labelled with the currency it is
 * quoted in and no rate is carried across a change. The World Bank restates most series in
 * today's unit (RUB 1998, TRY 2005, STN 2018, ...); those need no entry. Listed here: the
 * changes the shipped series shows as a break (every year-on-year fall of more than 2.5× in the
 * file is one of them: tested), the euro changeovers (each member's years before it are in its
 * old currency), and the changes after a series stops (Venezuela's ends in 2017, in VEF;
 * Turkmenistan's in 2001, in TMM).
 */

export interface CurrencyChange {
  country: string;
  /** When the new currency took effect (ISO date, or year-month where the day is not known). */
  date: string;
  from: string;
  to: string;
  /** How many `from` make one `to`, as published. */
  ratio: string;
  /** The first year whose annual average in the shipped series is quoted in `to`; earlier ones are in `from`. */
  firstYear: number;
}

const euro = (country: string, from: string, year: number, ratio: string): CurrencyChange => ({
  country,
  date: `${year}-01-01`,
  from,
  to: 'EUR',
  ratio,
  firstYear: year,
});

export const CURRENCY_CHANGES: readonly CurrencyChange[] = [
  euro('AT', 'ATS', 1999, '13.7603'),
  euro('BE', 'BEF', 1999, '40.3399'),
  euro('DE', 'DEM', 1999, '1.95583'),
  euro('ES', 'ESP', 1999, '166.386'),
  euro('FI', 'FIM', 1999, '5.94573'),
  euro('FR', 'FRF', 1999, '6.55957'),
  euro('MC', 'FRF', 1999, '6.55957'),
  euro('MF', 'FRF', 1999, '6.55957'),
  euro('IE', 'IEP', 1999, '0.787564'),
  euro('IT', 'ITL', 1999, '1936.27'),
  euro('SM', 'ITL', 1999, '1936.27'),
  euro('LU', 'LUF', 1999, '40.3399'),
  euro('NL', 'NLG', 1999, '2.20371'),
  euro('PT', 'PTE', 1999, '200.482'),
  euro('GR', 'GRD', 2001, '340.750'),
  euro('SI', 'SIT', 2007, '239.640'),
  euro('CY', 'CYP', 2008, '0.585274'),
  euro('MT', 'MTL', 2008, '0.429300'),
  euro('SK', 'SKK', 2009, '30.1260'),
  euro('EE', 'EEK', 2011, '15.6466'),
  euro('LV', 'LVL', 2014, '0.702804'),
  euro('LT', 'LTL', 2015, '3.45280'),
  euro('HR', 'HRK', 2023, '7.53450'),
  { country: 'EC', date: '2000-01-09', from: 'ECS', to: 'USD', ratio: '25000', firstYear: 2000 },
  { country: 'SV', date: '2001-01-01', from: 'SVC', to: 'USD', ratio: '8.75', firstYear: 2001 },
  { country: 'LA', date: '1979-12', from: 'LAJ', to: 'LAK', ratio: '100', firstYear: 1980 },
  // The series restates 1972 onward in the 2013 kwacha (ZMW) and leaves 1960–1971 in the old units.
  { country: 'ZM', date: '2013-01-01', from: 'ZMK', to: 'ZMW', ratio: '1000', firstYear: 1972 },
  { country: 'ZW', date: '2009-04-12', from: 'ZWD', to: 'USD', ratio: 'none (dollarisation)', firstYear: 2009 },
  { country: 'ZW', date: '2019-02-22', from: 'USD', to: 'ZWL', ratio: '1', firstYear: 2020 },
  { country: 'ZW', date: '2024-04-05', from: 'ZWL', to: 'ZWG', ratio: '2498.7242', firstYear: 2025 },
  { country: 'TM', date: '2009-01-01', from: 'TMM', to: 'TMT', ratio: '5000', firstYear: 2009 },
  { country: 'VE', date: '2018-08-20', from: 'VEF', to: 'VES', ratio: '100000', firstYear: 2019 },
  { country: 'VE', date: '2021-10-01', from: 'VES', to: 'VED', ratio: '1000000', firstYear: 2022 },
];

const byCountry = new Map<string, CurrencyChange[]>();
for (const c of CURRENCY_CHANGES) byCountry.set(c.country, [...(byCountry.get(c.country) ?? []), c]);
for (const cs of byCountry.values()) cs.sort((a, b) => a.date.localeCompare(b.date));

/** The changes of a country's currency, oldest first. */
export const changesOf = (country: string): readonly CurrencyChange[] => byCountry.get(country) ?? [];

/**
 * The currency the shipped annual average of `year` is quoted in, given the country's code
 * today: walking back through the changes, a year before a change's first year is in its `from`.
 */
export function quotedCurrency(country: string, year: number, today: string): string {
  let code = today;
  for (const c of [...changesOf(country)].reverse()) if (year < c.firstYear) code = c.from;
  return code;
}

/** The changes that took effect after the end of `year` and on or before `until` (an ISO date or a year). */
export function changesAfter(country: string, year: number, until: string): CurrencyChange[] {
  const end = /^\d{4}$/.test(until) ? `${until}-12-31` : until.slice(0, 10);
  return changesOf(country).filter((c) => c.date > `${year}-12-31` && c.date <= end);
}
