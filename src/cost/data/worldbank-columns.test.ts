// The World Bank reader finds every column by its name: the long datasets/* files, the bulk wide
// download and the DataBank export (year headers "2020 [YR2020]"). Rows are the shipped files'
// own (data/costs); headers with a column dropped, moved or renamed are those files edited, and
// the mistyped country codes are SYNTHETIC (the QA file cc_typos.csv).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../shared/index.js';
import { parseWorldBank } from './parse-worldbank.js';

const o = { file: 'f.csv', source: 's', vintage: 'v', today: '2026-12-06' };
const lines = (path: string) => readFileSync(resolve(packageRoot(), 'data/costs', path), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
const GDP = lines('worldbank_gdp_current_usd__datasets-gdp.csv');
const gdpKaz = [GDP[0]!, ...GDP.filter((l) => l.startsWith('Kazakhstan,KAZ,202'))];
const NET = lines('worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv');
const netRows = [NET[0]!, ...NET.filter((l) => l.startsWith('Kazakhstan,KAZ,') || l.startsWith('Russian Federation,RUS,'))];
/** The CSV with column `i` removed from every line (the cells here hold no commas). */
const dropColumn = (ls: string[], i: number) => ls.map((l) => l.split(',').filter((_, k) => k !== i).join(',')).join('\n') + '\n';
const refused = (f: () => unknown, ...words: string[]) =>
  expect(f).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(new RegExp(`^f\\.csv: .*${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}`, 's')) }));
const gdp = { ...o, indicator: 'NY.GDP.MKTP.CD' };

describe('World Bank long files: columns by name', () => {
  it('a file without its Value or Year column is refused naming the column, not read as every row "missing value"', () => {
    refused(() => parseWorldBank(dropColumn(gdpKaz, 3), gdp), 'no column "Value"');
    refused(() => parseWorldBank(dropColumn(gdpKaz, 2), gdp), 'no column "Year"');
    refused(() => parseWorldBank(dropColumn(gdpKaz, 1), gdp), 'no column "Country Code"');
  });

  it('a renamed Value column is refused, never read by position', () => {
    refused(() => parseWorldBank(gdpKaz.join('\n').replace('Value', 'GDP'), gdp), 'no column "Value"', '"GDP"');
  });

  it('columns in another order are read by name', () => {
    const reorder = (l: string) => {
      const [n, c, y, v] = l.split(',');
      return [c, n, v, y].join(',');
    };
    const straight = parseWorldBank(gdpKaz.join('\n'), gdp);
    const moved = parseWorldBank(gdpKaz.map(reorder).join('\n'), gdp);
    expect(straight.values.length).toBeGreaterThan(2);
    expect(moved.values).toEqual(straight.values);
    expect(moved.rejects).toEqual([]);
  });

  it('a bad number names its column', () => {
    const p = parseWorldBank(`${gdpKaz[0]}\nKazakhstan,KAZ,2021,NaN\n`, gdp);
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([[2, 'not a number in column Value: "NaN"']]);
  });
});

describe('country codes: only the World Bank aggregates are skipped', () => {
  it('a mistyped, alpha-2 or empty code is a reject naming line and column; lower case is read as upper case; WLD is an aggregate', () => {
    const p = parseWorldBank(`${gdpKaz[0]}\nKazakhstan,KZA,2022,1\nKazakhstan,kaz,2022,1\nKazakhstan,KZ,2021,1\nWorld,WLD,2022,1\nKosovo,XKX,2022,1\nKazakhstan,,2020,1\n`, gdp);
    expect(p.values.map((v) => [v.geo, v.year])).toEqual([['KZ', 2022]]);
    expect(p.skipped).toEqual({ 'no ISO 3166-1 alpha-2 code (aggregate or non-ISO economy)': 2 });
    expect(p.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'unknown country code in column Country Code: "KZA" is neither an ISO 3166-1 alpha-3 code nor a World Bank aggregate'],
      [4, 'unknown country code in column Country Code: "KZ" is an alpha-2 code; this column takes ISO 3166-1 alpha-3 (KAZ)'],
      [7, 'unknown country code in column Country Code: "" is neither an ISO 3166-1 alpha-3 code nor a World Bank aggregate'],
    ]);
  });

  it("every code in the shipped World Bank files is a country or one of the World Bank's aggregates (no reject)", () => {
    const p = parseWorldBank(GDP.join('\n'), gdp);
    expect(p.rejects.filter((r) => r.reason.startsWith('unknown country code'))).toEqual([]);
    expect(p.skipped['no ISO 3166-1 alpha-2 code (aggregate or non-ISO economy)']).toBeGreaterThan(0);
  });
});

describe('World Bank wide files: the bulk download and the DataBank export', () => {
  const databank = netRows.map((l, k) => (k === 0 ? l.replace(/,(\d{4})(?=,|$)/g, ',$1 [YR$1]') : l));

  it('a DataBank export (year headers "2020 [YR2020]") stores the same values as the bulk file', () => {
    const bulk = parseWorldBank(netRows.join('\n'), o);
    const db = parseWorldBank(databank.join('\n'), o);
    expect(bulk.values.length).toBeGreaterThan(40);
    expect(db.values).toEqual(bulk.values);
  });

  it('DataBank\'s "Series Code" column and footer lines are read, the footer giving the vintage', () => {
    const text = [databank[0]!.replace('Indicator Name', 'Series Name').replace('Indicator Code', 'Series Code'), ...databank.slice(1), '', '', 'Data from database: World Development Indicators', 'Last Updated: 07/01/2025'].join('\n');
    const p = parseWorldBank(text, o);
    expect(p.values).toEqual(parseWorldBank(netRows.join('\n'), o).values);
    expect([p.rejects, p.vintage]).toEqual([[], 'World Bank WDI, last updated 07/01/2025']);
  });

  it('a wide file without its Indicator Code column, or without a year column, is refused naming it', () => {
    refused(() => parseWorldBank(dropColumn(netRows, 3), o), 'no column "Indicator Code"');
    refused(() => parseWorldBank(netRows.map((l) => l.split(',').slice(0, 4).join(',')).join('\n'), o), 'no year column');
  });

  it('--indicator picks the rows of that indicator; one the file does not hold is refused naming those it holds', () => {
    expect(parseWorldBank(netRows.join('\n'), { ...o, indicator: 'IT.NET.USER.ZS' }).values).toEqual(parseWorldBank(netRows.join('\n'), o).values);
    expect(() => parseWorldBank(netRows.join('\n'), { ...o, indicator: 'NY.GDP.MKTP.CD' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', issues: [{ path: ['indicator'], message: expect.stringMatching(/^f\.csv holds IT\.NET\.USER\.ZS, not --indicator NY\.GDP\.MKTP\.CD/) }] }),
    );
  });
});

describe('a file that is not a World Bank or OWID file', () => {
  it('an empty file, or one with no header the reader knows, is refused naming the file', () => {
    refused(() => parseWorldBank('', gdp), 'empty');
    refused(() => parseWorldBank('Country;Code;Year;Value\nKazakhstan;KAZ;2021;1\n', gdp), '"Country Name"');
  });
});
