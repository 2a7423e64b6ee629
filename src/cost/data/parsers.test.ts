// Parser tests on rows copied from the shipped files in data/costs (real data), plus a few
// malformed lines written for the reject paths (synthetic, marked as such).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCbrDaily, parseNbsGrp, parseRosstat } from './parse-regional.js';
import { parseWorldBank } from './parse-worldbank.js';

const o = { file: 'test.csv', source: 'test source', vintage: 'test vintage', today: '2026-12-06' };

describe('World Bank files', () => {
  it('reads the long datasets/* format with --indicator, skipping aggregates', () => {
    const text = 'Country Name,Country Code,Year,Value\nRussian Federation,RUS,2019,1693114811200.0\nWorld,WLD,2019,87000000000000\n';
    const p = parseWorldBank(text, { ...o, indicator: 'NY.GDP.MKTP.CD' });
    expect(p.values).toEqual([{ indicator: 'NY.GDP.MKTP.CD', country: 'RU', geo: 'RU', year: 2019, value: 1693114811200, unit: 'USD', source: 'test source', vintage: 'test vintage', file: 'test.csv' }]);
    expect(p.skipped).toEqual({ 'no ISO 3166-1 alpha-2 code (aggregate or non-ISO economy)': 1 });
  });

  it('never reads an empty or malformed year cell as year 0 (synthetic rows)', () => {
    const long = parseWorldBank('Country Name,Country Code,Year,Value\nChina,CHN,,1\nChina,CHN,20x1,2\nChina,CHN,2010,3\n', { ...o, indicator: 'SP.POP.TOTL' });
    expect(long.values.map((v) => [v.year, v.value])).toEqual([[2010, 3]]);
    expect(long.rejects.map((r) => r.line)).toEqual([2, 3]);
    // an unclosed quote swallows the rest of the file into one header cell: no column of the format, refused
    const wide = () => parseWorldBank('Country Name,Country Code,Indicator Name,Indicator Code,2019,,"2020\nChina,CHN,Population,SP.POP.TOTL,5,6,7\n', o);
    expect(wide).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('is no column of this format') }));
  });

  it('needs --indicator for long files: a VALIDATION error naming it and the file, before any line', () => {
    let err: unknown;
    try {
      parseWorldBank('Country Name,Country Code,Year,Value\nChina,CHN,2010,1\nIndia,IND,2010,2\n', o);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['indicator'], message: expect.stringMatching(/test\.csv .*--indicator/) }] });
  });

  it('reads the wide bulk format, its vintage, and sends PA.NUS.FCRF to rates', () => {
    const text =
      '"Data Source","World Development Indicators",\n\n"Last Updated Date","2026-07-13",\n\n' +
      '"Country Name","Country Code","Indicator Name","Indicator Code","2023","2024","2025",\n' +
      '"Russian Federation","RUS","Official exchange rate (LCU per US$, period average)","PA.NUS.FCRF","85.1620083333333","92.5524","",\n';
    const p = parseWorldBank(text, o);
    expect(p.vintage).toBe('World Bank WDI, last updated 2026-07-13');
    expect(p.values).toHaveLength(0);
    expect(p.rates.map((r) => [r.country, r.currency, r.kind, r.period, r.rate])).toEqual([
      ['RU', 'RUB', 'annual', '2023', 85.1620083333333],
      ['RU', 'RUB', 'annual', '2024', 92.5524],
    ]);
  });

  it('counts a wide cell that says "no value" (n/a, ..) as a missing value, as the long format does; an empty cell is not counted (synthetic row)', () => {
    const p = parseWorldBank('Country Name,Country Code,Indicator Name,Indicator Code,2019,2020,2021\nChina,CHN,Population,SP.POP.TOTL,n/a,..,\n', o);
    expect([p.values, p.rejects, p.skipped]).toEqual([[], [], { 'missing value': 2 }]);
  });

  it('maps OWID columns to WB codes', () => {
    const p = parseWorldBank('Entity,Code,Year,Fixed broadband subscriptions (per 100 people)\nRussia,RUS,2019,22.524923\nWorld,OWID_WRL,2019,15\n', o);
    expect(p.values.map((v) => [v.indicator, v.geo, v.value])).toEqual([['IT.NET.BBND.P2', 'RU', 22.524923]]);
  });
});

describe('Rosstat tables', () => {
  const grp =
    'region_ru,grp_mln_rub,grp_per_capita_rub,region_en\n' +
    'Российская Федерация,93810284.5,640519.0,Russian Federation\n' +
    'Центральный федеральный округ,33636785.5,854978.5,Central Federal District\n' +
    'г. Москва,19856674.5,1567644.8,Moscow city\n' +
    'Тюменская область,4651637.5,1232140.3,Tyumen Region\n' +
    'Тюменская область без автономных округов,1024460.1,655862.3,Tyumen Region less autonomous areas\n' +
    'Республика Алтай,62520.3,283596.8,Republic of Altay\n' +
    'Атлантида,1,1,Atlantis (synthetic bad row)\n' +
    'Республика Тыва,abc,1,Republic of Tuva (synthetic bad number)\n';

  it('stores GRP in roubles per ISO code, skips aggregates and the okrug-inclusive oblast, rejects the unknown', () => {
    const p = parseRosstat(grp, { ...o, year: 2020 }, ['GRP']);
    expect(p.values.map((v) => [v.geo, v.value, v.unit, v.year])).toEqual([
      ['RU-MOW', 19856674.5e6, 'RUB', 2020],
      ['RU-TYU', 1024460.1e6, 'RUB', 2020],
      ['RU-AL', 62520.3e6, 'RUB', 2020],
    ]);
    expect(p.skipped).toEqual({ 'aggregate row (country)': 1, 'aggregate row (federal_district)': 1, 'aggregate row (oblast_with_okrugs)': 1 });
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [8, 'unknown region name "Атлантида"'],
      [9, 'not a number in grp_mln_rub: "abc"'],
    ]);
    expect(p.checks.GRP).toMatchObject({ regions: 3, country_row: 93810284.5e6 });
  });

  it('needs the year of the table: a usage error before any line is read', () => {
    expect(() => parseRosstat(grp, o)).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/--year/) }));
  });

  it('keeps "…" as missing, never zero', () => {
    const t = 'region_ru,fixed_broadband_active_subs_per100,mobile_broadband_active_subs_per100,region_en\nНенецкий автономный округ,23.5,…,Nenets Autonomous Area\n';
    const p = parseRosstat(t, { ...o, year: 2022 });
    expect(p.values.map((v) => [v.indicator, v.geo, v.value])).toEqual([['rosstat.fixed_broadband_active_subs_per100', 'RU-NEN', 23.5]]);
    expect(p.skipped).toEqual({ 'missing value': 1 });
  });
});

describe('NBS and CBR', () => {
  it('reads provinces × years in yuan', () => {
    const p = parseNbsGrp('region,2010,2009\nXinjiang,5360.2,4237.0\nNowhere,1,2\n', o);
    expect(p.values.map((v) => [v.geo, v.year, v.value])).toEqual([
      ['CN-XJ', 2010, 5360.2e8],
      ['CN-XJ', 2009, 4237.0e8],
    ]);
    expect(p.rejects[0]!.reason).toBe('unknown province name "Nowhere"');
  });

  it('reads M/D/YYYY daily rates', () => {
    const p = parseCbrDaily('date,rate\n11/30/2023,88.8841\n7/1/1992,0.12526\n13/45/2020,1\n', o);
    expect(p.rates.map((r) => [r.period, r.rate, r.kind])).toEqual([
      ['2023-11-30', 88.8841, 'daily'],
      ['1992-07-01', 0.12526, 'daily'],
    ]);
    expect(p.rejects).toHaveLength(1);
  });

  it('rejects a rate outside the plausible band, naming it (the shipped series spans 0.12526 in 1992 to 120.3785 in 2022; SYNTHETIC rows beside real ones)', () => {
    const p = parseCbrDaily('date,rate\n11/25/2023,1e9\n11/24/2023,1001\n11/23/2023,0.05\n11/30/2023,88.8841\n7/1/1992,0.12526\n', o);
    expect(p.rates.map((r) => r.rate)).toEqual([88.8841, 0.12526]);
    const why = (cell: string) => `the RUB per USD rate must be from 0.1 to 1000 (the Bank of Russia's rates since July 1992, in roubles after the 1998 redenomination, lie from 0.125 to 121): "${cell}"`;
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, why('1e9')],
      [3, why('1001')],
      [4, why('0.05')],
    ]);
  });

  it('rejects a day the calendar does not have (never rolled over into the next month), naming the cell', () => {
    const p = parseCbrDaily('date,rate\n02/30/2020,99\n2/29/2020,66.99\n2019-02-29,1\n4/31/2021,73\n2020-13-01,1\n', o);
    expect(p.rates.map((r) => r.period)).toEqual(['2020-02-29']);
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'not a date the calendar has: "02/30/2020"'],
      [4, 'not a date the calendar has: "2019-02-29"'],
      [5, 'not a date the calendar has: "4/31/2021"'],
      [6, 'not a date the calendar has: "2020-13-01"'],
    ]);
  });
});

// Synthetic lines, written for the value checks every parser applies before a value is stored.
describe('values that cannot be true are rejected by line, never stored', () => {
  it('World Bank long file: a negative GDP, hex, a comma, a future year, two values for one country-year', () => {
    const text =
      'Country Name,Country Code,Year,Value\n' +
      'Russia,RUS,2019,1.7e12\nRussia,RUS,2019,1.8e12\nRussia,RUS,2018,-5\nRussia,RUS,2016,0x10\nRussia,RUS,2030,5e12\n' +
      'Russia,RUS,2017,1.5e12\nRussia,RUS,2017,1.5e12\nRussia,RUS,2015,0\nRussia,RUS,2014,"1,234"\nRussia,RUS,2013,Infinity\n';
    const p = parseWorldBank(text, { ...o, indicator: 'NY.GDP.MKTP.CD' });
    expect(p.values.map((v) => [v.year, v.value])).toEqual([[2017, 1.5e12]]);
    expect(p.skipped).toEqual({ 'same value given again on a later line': 1, 'a 0 where the quantity is above 0 (printed for a figure too small for its unit)': 1 });
    const conflict = 'NY.GDP.MKTP.CD for RU in 2019 has different values: "1.7e12" on line 2, "1.8e12" on line 3; none is stored';
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, conflict],
      [3, conflict],
      [4, 'NY.GDP.MKTP.CD in USD must be above 0: "-5"'],
      [5, 'not a number in column Value: "0x10"'],
      [6, 'year 2030 is in the future (today is 2026-12-06)'],
      [10, 'not a number in column Value: "1,234" (this format writes decimals with a point and takes no comma, as a decimal mark or a thousands separator)'],
      [11, 'not a number in column Value: "Infinity"'],
    ]);
  });

  it('World Bank wide file: a negative rate and a value in a future year column', () => {
    const text =
      '"Country Name","Country Code","Indicator Name","Indicator Code","2024","2027",\n' +
      '"Russian Federation","RUS","Official exchange rate","PA.NUS.FCRF","-92.5","95",\n';
    const p = parseWorldBank(text, o);
    expect(p.rates).toEqual([]);
    expect(p.rejects.map((r) => r.reason)).toEqual(['the RUB per USD rate must be above 0: "-92.5" (column 2024)', 'year 2027 is in the future (today is 2026-12-06)']);
  });

  it('a percentage outside 0-100, a negative count per 100 people, a population of 0 counted as skipped', () => {
    const p = parseWorldBank('Entity,Code,Year,Value\nRussia,RUS,2019,101\nChina,CHN,2019,-1\nIndia,IND,2019,100\n', { ...o, indicator: 'IT.NET.USER.ZS' });
    expect(p.values.map((v) => v.country)).toEqual(['IN']);
    expect(p.rejects.map((r) => r.reason)).toEqual(['IT.NET.USER.ZS in % of population must be from 0 to 100: "101"', 'IT.NET.USER.ZS in % of population must be from 0 to 100: "-1"']);
    const q = parseWorldBank('Entity,Code,Year,Value\nRussia,RUS,2019,-3\nChina,CHN,2019,130\n', { ...o, indicator: 'IT.CEL.SETS.P2' });
    expect(q.values.map((v) => v.country)).toEqual(['CN']);
    expect(q.rejects.map((r) => r.reason)).toEqual(['IT.CEL.SETS.P2 in per 100 people must be at least 0: "-3"']);
    const r = parseWorldBank('Country Name,Country Code,Year,Value\nRussia,RUS,2019,0\n', { ...o, indicator: 'SP.POP.TOTL' });
    expect([r.values, r.rejects, r.skipped]).toEqual([[], [], { 'a 0 where the quantity is above 0 (printed for a figure too small for its unit)': 1 }]);
  });

  it('Rosstat: a negative GRP, a region given twice with different values, a table of a future year', () => {
    const t =
      'region_ru,grp_mln_rub,region_en\n' +
      'г. Москва,-1,Moscow city\n' +
      'Республика Алтай,62520.3,Republic of Altay\n' +
      'Республика Алтай,"62520,4",Republic of Altay\n' +
      'Республика Тыва,"1.234,5",Republic of Tuva\n';
    const p = parseRosstat(t, { ...o, year: 2020 }, ['GRP']);
    expect(p.values).toEqual([]);
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'GRP in RUB must be above 0: "-1" (column grp_mln_rub)'],
      [3, 'GRP for RU-AL in 2020 has different values: "62520.3" on line 3, "62520,4" on line 4; none is stored'],
      [4, 'GRP for RU-AL in 2020 has different values: "62520.3" on line 3, "62520,4" on line 4; none is stored'],
      [5, 'not a number in grp_mln_rub: "1.234,5"'],
    ]);
    expect(() => parseRosstat(t, { ...o, year: 2027 }, ['GRP'])).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('year 2027 is in the future (today is 2026-12-06)') }));
  });

  it('Rosstat writes decimals with a comma or a point and thousands with a space: "19 856 674,5" is 19856674.5', () => {
    const p = parseRosstat('region_ru,grp_mln_rub,region_en\nг. Москва,"19 856 674,5",Moscow city\n', { ...o, year: 2020 }, ['GRP']);
    expect(p.values.map((v) => v.value)).toEqual([19856674.5e6]);
  });

  it('NBS: a negative GRP and a future year column', () => {
    const p = parseNbsGrp('region,2030,2010\nXinjiang,1,-5360.2\n', o);
    expect(p.values).toEqual([]);
    expect(p.rejects.map((r) => r.reason)).toEqual(['year 2030 is in the future (today is 2026-12-06)', 'GRP in CNY must be above 0: "-5360.2" (column 2010)']);
  });

  it('CBR: a future date, two rates for one day, a repeated rate counted once', () => {
    const p = parseCbrDaily('date,rate\n2027-01-01,90\n1/2/2020,61.9\n2020-01-02,62\n1/3/2020,61\n2020-01-03,61\n', o);
    expect(p.rates.map((r) => [r.period, r.rate])).toEqual([['2020-01-03', 61]]);
    expect(p.skipped).toEqual({ 'same value given again on a later line': 1 });
    const conflict = 'the RUB per USD rate for 2020-01-02 has different values: "61.9" on line 3, "62" on line 4; none is stored';
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'date 2027-01-01 is in the future (today is 2026-12-06)'],
      [3, conflict],
      [4, conflict],
    ]);
  });
});

// Synthetic lines: a record with more or fewer fields than the header is never read by position.
describe('a header that repeats a column name is refused whole, naming it (synthetic headers)', () => {
  it('World Bank wide and long, OWID, Rosstat, NBS and CBR files; unnamed columns (a trailing comma) are never read and not counted', () => {
    const refused = (f: () => unknown, column: string) =>
      expect(f).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining(`the header repeats column "${column}"`) }));
    refused(() => parseWorldBank('"Data Source","WDI",\n\nCountry Name,Country Code,Indicator Name,Indicator Code,2020,2021,2021,,\nRussian Federation,RUS,x,IT.NET.USER.ZS,80,60,88,,\n', o), '2021');
    refused(() => parseWorldBank('Country Name,Country Code,Year,Value,Value\nRussia,RUS,2019,1,2\n', { ...o, indicator: 'SP.POP.TOTL' }), 'Value');
    refused(() => parseWorldBank('Entity,Code,Year,Code\nRussia,RUS,2019,CHN\n', { ...o, indicator: 'SP.POP.TOTL' }), 'Code');
    refused(() => parseRosstat('region_ru,grp_mln_rub,region_en,region_en\nг. Москва,1,Moscow city,Tver\n', { ...o, year: 2020 }, ['GRP']), 'region_en');
    refused(() => parseNbsGrp('region,2019,2019\nBeijing,1,2\n', o), '2019');
    refused(() => parseCbrDaily('date,rate,rate\n11/25/2023,88,89\n', o), 'rate');
    expect(parseWorldBank('Country Name,Country Code,Indicator Name,Indicator Code,2020,,\nRussian Federation,RUS,x,IT.NET.USER.ZS,80,,\n', o).values).toHaveLength(1);
  });
});

describe('a record whose field count is not the header count is rejected, naming its line', () => {
  it('World Bank long file: an unquoted thousands separator ("1,000") makes 5 fields, and nothing of the line is stored', () => {
    const p = parseWorldBank('Country Name,Country Code,Year,Value\nRussian Federation,RUS,2023,1,000\nChina,CHN,2023\nIndia,IND,2023,3.5e12\n', { ...o, indicator: 'NY.GDP.MKTP.CD' });
    expect(p.values.map((v) => [v.country, v.value])).toEqual([['IN', 3.5e12]]);
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'fields: 5 fields, the header has 4'],
      [3, 'fields: 3 fields, the header has 4'],
    ]);
  });

  it('World Bank wide file, OWID, Rosstat, NBS and CBR files', () => {
    const wide = parseWorldBank('"Country Name","Country Code","Indicator Name","Indicator Code","2023",\n"Russian Federation","RUS","Official exchange rate","PA.NUS.FCRF","85","1",\n', o);
    expect([wide.rates, wide.rejects.map((r) => [r.line, r.reason])]).toEqual([[], [[2, 'fields: 7 fields, the header has 6']]]);
    const owid = parseWorldBank('Entity,Code,Year,Value\nRussia,RUS,2019,22,5\n', { ...o, indicator: 'IT.NET.BBND.P2' });
    expect(owid.rejects.map((r) => [r.line, r.reason])).toEqual([[2, 'fields: 5 fields, the header has 4']]);
    const ros = parseRosstat('region_ru,grp_mln_rub,region_en\nг. Москва,19856674,5,Moscow city\n', { ...o, year: 2020 }, ['GRP']);
    expect([ros.values, ros.rejects.map((r) => [r.line, r.reason])]).toEqual([[], [[2, 'fields: 4 fields, the header has 3']]]);
    const nbs = parseNbsGrp('region,2010,2009\nXinjiang,5,360.2,4237.0\n', o);
    expect([nbs.values, nbs.rejects.map((r) => [r.line, r.reason])]).toEqual([[], [[2, 'fields: 4 fields, the header has 3']]]);
    const cbr = parseCbrDaily('date,rate\n11/30/2023,88,8841\n', o);
    expect([cbr.rates, cbr.rejects.map((r) => [r.line, r.reason])]).toEqual([[], [[2, 'fields: 3 fields, the header has 2']]]);
  });
});

describe('a one-year spike of more than 10× is a slip of units, rejected by line', () => {
  const ROOT = join(import.meta.dirname, '../../..');
  const gdp = readFileSync(join(ROOT, 'data/costs/worldbank_gdp_current_usd__datasets-gdp.csv'), 'utf8');
  const pop = readFileSync(join(ROOT, 'data/costs/worldbank_population__datasets-population.csv'), 'utf8');

  it('the shipped GDP and population files have none: every value is stored', () => {
    for (const [text, indicator] of [
      [gdp, 'NY.GDP.MKTP.CD'],
      [pop, 'SP.POP.TOTL'],
    ] as const) {
      const p = parseWorldBank(text, { ...o, indicator });
      expect(p.rejects.filter((r) => /slip of units/.test(r.reason))).toEqual([]);
    }
  });

  it('SYNTHETIC: India 2020 written in thousands of dollars among real dollar figures is rejected naming both neighbours; the other years are stored', () => {
    const india = gdp.split(/\r?\n/).filter((l) => /^India,IND,(2018|2019|2020|2021|2022),/.test(l));
    expect(india).toHaveLength(5);
    const slipped = india.map((l) => (l.includes(',2020,') ? l.replace(/,([0-9.]+)$/, (_m, v: string) => `,${Number(v) / 1000}`) : l));
    const p = parseWorldBank(['Country Name,Country Code,Year,Value', ...slipped].join('\n'), { ...o, indicator: 'NY.GDP.MKTP.CD' });
    expect(p.values.map((v) => v.year)).toEqual([2018, 2019, 2021, 2022]);
    expect(p.rejects).toHaveLength(1);
    expect(p.rejects[0]).toMatchObject({ line: 4, reason: expect.stringMatching(/NY\.GDP\.MKTP\.CD for IN in 2020 is [0-9.]+× below both 2019 .*\(line 3\) and 2021 .*\(line 5\).*slip of units/) });
  });

  it('SYNTHETIC: a step that stays (a redenomination-like drop kept the next year) is not a spike', () => {
    const p = parseWorldBank('Country Name,Country Code,Year,Value\nIndia,IND,2018,1000000\nIndia,IND,2019,50\nIndia,IND,2020,60\n', { ...o, indicator: 'NY.GDP.MKTP.CD' });
    expect(p.values).toHaveLength(3);
  });
});
