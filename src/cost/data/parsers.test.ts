// Parser tests on rows copied from the shipped files in data/costs (real data), plus a few
// malformed lines written for the reject paths (synthetic, marked as such).
import { describe, expect, it } from 'vitest';
import { parseCbrDaily, parseNbsGrp, parseRosstat } from './parse-regional.js';
import { parseWorldBank } from './parse-worldbank.js';

const o = { file: 'test.csv', source: 'test source', vintage: 'test vintage' };

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
    const wide = parseWorldBank('Country Name,Country Code,Indicator Name,Indicator Code,2019,,"2020\nChina,CHN,Population,SP.POP.TOTL,5,6,7\n', o);
    expect(wide.values.every((v) => v.year > 1900)).toBe(true);
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

  it('needs the year of the table', () => {
    expect(parseRosstat(grp, o).rejects[0]!.reason).toMatch(/--year/);
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
});
