// Every economic-data parser reads its columns by name and refuses, before any line is read, a
// header it does not recognise: a VALIDATION error (exit 2) naming the file and the column. The
// headers are the shipped files' own (data/costs) or those files with a column renamed, dropped
// or swapped; a header that names another currency pair is SYNTHETIC (the QA file eur_rub.csv).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../shared/index.js';
import { parseCbrDaily, parseNbsGrp, parseRosstat } from './parse-regional.js';

const o = { file: 'f.csv', source: 's', vintage: 'v', today: '2026-12-06' };
/** The first `n` lines of a shipped file. */
const head = (path: string, n = 3) => readFileSync(resolve(packageRoot(), 'data/costs', path), 'utf8').split('\n').slice(0, n).join('\n') + '\n';
const CBR = head('extra/cbr_USD_RUB_official_daily_1992-07-01_2023-11-30__sberindex.csv');
const GRP = head('rosstat_GRP_by_region_2020__yearbook2022_tbl12.19.csv', 5);
const NBS = head('nbs_china_grp_by_province_2004-2023_100m_cny.csv');
const GDP = head('worldbank_gdp_current_usd__datasets-gdp.csv');
const refused = (f: () => unknown, ...words: string[]) =>
  expect(f).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(new RegExp(`^f\\.csv: .*${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}`)) }));

describe('cbr-usd-rub: the header is date,rate, read by name', () => {
  it('the shipped header is read, and the columns swapped are read by name', () => {
    expect(parseCbrDaily(CBR, o).rates.map((r) => [r.period, r.rate])).toEqual([
      ['2023-11-30', 88.8841],
      ['2023-11-29', 88.6102],
    ]);
    const swapped = CBR.split('\n')
      .map((l) => l.split(',').reverse().join(','))
      .join('\n');
    expect(parseCbrDaily(swapped, o).rates.map((r) => [r.period, r.rate])).toEqual([
      ['2023-11-30', 88.8841],
      ['2023-11-29', 88.6102],
    ]);
  });

  it('a header naming another currency pair (SYNTHETIC Date,EUR_RUB) is refused naming the column it lacks and the one it has', () => {
    refused(() => parseCbrDaily('Date,EUR_RUB\n2023-11-15,97.5\n', o), 'no column "rate"', 'EUR_RUB');
  });

  it('a World Bank file given as cbr-usd-rub is refused on its header, not rejected line by line', () => {
    refused(() => parseCbrDaily(GDP, o), 'no column "date"', 'Country Name,Country Code,Year,Value');
  });

  it('an empty file is refused naming the file', () => {
    refused(() => parseCbrDaily('', o), 'empty');
  });
});

describe('rosstat and nbs: a header without the columns they read is refused, naming it', () => {
  it('rosstat-grp without region_ru, or with no value column it knows', () => {
    refused(() => parseRosstat(GRP.replace('region_ru', 'region'), { ...o, year: 2020 }, ['GRP']), 'region_ru');
    refused(() => parseRosstat(GRP.replace('grp_mln_rub', 'grp'), { ...o, year: 2020 }, ['GRP']), 'grp_mln_rub');
  });

  it('rosstat-regional refuses a column it does not know, rather than dropping it', () => {
    refused(() => parseRosstat(GRP.replace('grp_per_capita_rub', 'per_capita'), { ...o, year: 2020 }), '"per_capita"');
  });

  it('rosstat without a year, or with a year not yet over, is a usage error, not a reject', () => {
    expect(() => parseRosstat(GRP, o, ['GRP'])).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('--year') }));
    expect(() => parseRosstat(GRP, { ...o, year: 2027 }, ['GRP'])).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('year 2027 is in the future') }));
  });

  it('nbs-grp reads the region column by name and refuses a column that is not a year', () => {
    const moved = NBS.split('\n')
      .map((l) => {
        const c = l.split(',');
        return l ? [...c.slice(1), c[0]].join(',') : l;
      })
      .join('\n');
    expect(parseNbsGrp(moved, o).values.slice(0, 2).map((v) => [v.geo, v.year])).toEqual([
      ['CN-BJ', 2023],
      ['CN-BJ', 2022],
    ]);
    refused(() => parseNbsGrp(NBS.replace('region', 'province'), o), 'no column "region"');
    refused(() => parseNbsGrp(NBS.replace(',2022,', ',total,'), o), '"total"');
  });
});
