// The importer against a temporary store: what `unchanged` means, that a rerun makes a file's
// values current again, and that a line with several bad cells keeps each as a reject. The files
// are SYNTHETIC (two versions of Russia's GDP in the long World Bank shape, the first value the
// World Bank's 2024 figure; one wide row with two bad cells).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { tempStore } from '../../../test/helpers/index.js';
import { importEconFile } from './importer.js';

const HEAD = 'Country Name,Country Code,Year,Value\n';
const GDP = 'NY.GDP.MKTP.CD';

describe('data import reruns', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  let dir: string;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = mkdtempSync(join(tmpdir(), 'econ-import-'));
  });
  afterEach(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const deps = () => ({ store, clock: fixedClock('2026-01-01T00:00:00Z') });
  const file = (name: string, body: string) => {
    const p = join(dir, name);
    writeFileSync(p, HEAD + body);
    return p;
  };
  const ru = async (year: number) => (await store.cost.values({ country: 'RU', indicators: [GDP] })).find((v) => v.year === year);

  it('a rerun after another file replaced some of its values stores them again, and says so', async () => {
    const a = file('gdpA.csv', 'Russian Federation,RUS,2024,2173835806672.8\nRussian Federation,RUS,2023,2000000000000\n');
    const b = file('gdpB.csv', 'Russian Federation,RUS,2024,1000000000000\n');
    expect((await importEconFile(deps(), { kind: 'worldbank', file: a, indicator: GDP })).unchanged).toBe(false);
    await importEconFile(deps(), { kind: 'worldbank', file: b, indicator: GDP });
    expect((await ru(2024))?.value).toBe(1e12);
    const again = await importEconFile(deps(), { kind: 'worldbank', file: a, indicator: GDP });
    expect(again).toMatchObject({ unchanged: false, values: 2 });
    expect((await ru(2024))?.value).toBe(2173835806672.8);
    expect((await importEconFile(deps(), { kind: 'worldbank', file: a, indicator: GDP })).unchanged).toBe(true);
  });

  it('the same file under another indicator reports the values of its earlier import it removes', async () => {
    const a = file('gdpA.csv', 'Russian Federation,RUS,2024,2173835806672.8\n');
    await importEconFile(deps(), { kind: 'worldbank', file: a, indicator: GDP });
    const other = await importEconFile(deps(), { kind: 'worldbank', file: a, indicator: 'NY.FOO.BAR' });
    expect(other).toMatchObject({ unchanged: false, values: 1, removed: { values: 1, rates: 0, indicators: [GDP] } });
    expect(await ru(2024)).toBeUndefined();
    const back = await importEconFile(deps(), { kind: 'worldbank', file: a, indicator: GDP });
    expect(back).toMatchObject({ unchanged: false, removed: { values: 1, rates: 0, indicators: ['NY.FOO.BAR'] } });
    expect((await ru(2024))?.value).toBe(2173835806672.8);
  });

  it('a wide row with two bad cells rejects each, naming its column, and stores the good cell', async () => {
    const p = join(dir, 'worldbank_wide.csv');
    writeFileSync(p, 'Country Name,Country Code,Indicator Name,Indicator Code,2020,2021,2022\nRussian Federation,RUS,Internet users,IT.NET.USER.ZS,80,garbage,"8,8"\n');
    const r = await importEconFile(deps(), { kind: 'worldbank', file: p });
    expect(r.values).toBe(1);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [2, 'not a number in column 2021: "garbage"'],
      [2, 'not a number in column 2022: "8,8" (this format writes decimals with a point and takes no comma, as a decimal mark or a thousands separator)'],
    ]);
    const v = (await store.cost.values({ country: 'RU', indicators: ['IT.NET.USER.ZS'] })).map((x) => [x.year, x.value]);
    expect(v).toEqual([[2020, 80]]);
    const again = await importEconFile(deps(), { kind: 'worldbank', file: p });
    expect(again.unchanged).toBe(true);
    // the kept list has one row per line: both cells, in the order read
    expect(again.rejects.map((x) => [x.line, x.reason])).toEqual([[2, r.rejects.map((x) => x.reason).join('; ')]]);
  });
});
