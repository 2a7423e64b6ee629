// Years a long shutdown was largely, not wholly, in place, read from each year's STOP record
// (test/fixtures/stop/still-cut.csv: real records of the 2026-05-20 snapshot of Access Now's
// #KeepItOn STOP), and priced on a synthetic one-country plan (testing.ts).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { costEscalated } from './cost-escalated/model.js';
import type { ScenarioInput } from './scenario.js';
import { LARGELY_CUT, largelyCutYears, stillLargelyCut, stillLargelyCutYears } from './still-cut.js';
import { countryData, evalPlan, scenarioOf } from './testing.js';

const rows = parse<Record<string, string>>(readFileSync(new URL('../../test/fixtures/stop/still-cut.csv', import.meta.url)), { columns: true });
const byYear = (area: string) => new Map(rows.filter((r) => r.area_name!.startsWith(area)).map((r) => [Number(r.count_year), r.event!]));

describe('a year its record calls the cut largely in place', () => {
  it("reads Tigray's records from 2022 and Amhara's from 2024, not the years they say the cut was whole", () => {
    expect(largelyCutYears(byYear('Tigray'))).toEqual([2022, 2023, 2024, 2025].map((year) => ({ year, quote: 'remain largely inaccessible' })));
    expect(largelyCutYears(byYear('Amhara'))).toEqual([2024, 2025].map((year) => ({ year, quote: 'is still mostly in place' })));
    expect(stillLargelyCut(byYear('Tigray').get(2021)!)).toBeNull(); // "remain inaccessible"
    expect(stillLargelyCut(byYear('Amhara').get(2023)!)).toBeNull(); // "still in place as of early 2024"
  });

  it('does not read a past state ("had been largely cutoff … since Nov. 16, 2024", Rakhine 2025) or a text that says nothing of it', () => {
    for (const area of ['Rakhine', 'Kanpauk']) expect(largelyCutYears(byYear(area)), area).toEqual([]);
    expect(largelyCutYears(undefined)).toEqual([]);
  });

  it('sets the years on a network cut, with later years when the latest record is one of them; leaves blocks alone', () => {
    const mapping: string[] = [];
    const input: ScenarioInput = { country: 'ET', type: 'full' };
    stillLargelyCutYears(byYear('Amhara'), input, mapping);
    expect(input.still_cut).toMatchObject({ years: [2024, 2025], later: true, low: 0.5, high: 1 });
    expect(mapping[0]).toMatch(/largely, not wholly, in place in 2024, 2025 and after .*"is still mostly in place"/);
    const early = new Map([...byYear('Tigray')].filter(([y]) => y <= 2023));
    early.set(2024, 'The internet services remain inaccessible in Tigray.');
    const input2: ScenarioInput = { country: 'ET', type: 'mobile' };
    stillLargelyCutYears(early, input2, []);
    expect(input2.still_cut).toMatchObject({ years: [2022, 2023], later: false });
    const block: ScenarioInput = { country: 'ET', type: 'platform', platform: 'Facebook' };
    stillLargelyCutYears(byYear('Tigray'), block, []);
    expect(block.still_cut).toBeUndefined();
  });

  it('prices those years at the share still cut (uniform ½–1, 75 % at its middle) and the others whole (SYNTHETIC economy)', () => {
    const data = countryData('ET', [
      ['NY.GDP.MKTP.CD', 'ET', 2021, 365e9],
      ['NY.GDP.MKTP.CD', 'ET', 2022, 365e9],
      ['NY.GDP.MKTP.CD', 'ET', 2023, 365e9],
      ['IT.NET.USER.ZS', 'ET', 2021, 40],
    ]);
    const span = { country: 'ET', type: 'full', start: '2021-12-31T00:00:00Z', end: '2022-01-02T00:00:00Z' } as const;
    // every term (one per year) summed
    const price = (extra: Partial<ScenarioInput>) => evalPlan(costEscalated.plan({ ...scenarioOf({ ...span, ...extra }), data })).reduce((a, b) => a + b, 0);
    const whole = price({});
    const still = price({ still_cut: { years: [2022], later: false, low: LARGELY_CUT.low, high: LARGELY_CUT.high, basis: 'test' } });
    // one day of 2021 whole, one day of 2022 at 75 %
    expect(still / whole).toBeCloseTo((1 + 0.75) / 2, 9);
    const after = price({ still_cut: { years: [2021], later: true, low: 0.5, high: 1, basis: 'test' } });
    expect(after / whole).toBeCloseTo(0.75, 9);
  });

  it('refuses a range outside (0,1], no years, or a block, naming the field', () => {
    const bad =
      (still_cut: ScenarioInput['still_cut'], type = 'full') =>
      () =>
        scenarioOf({ country: 'ET', type, start: '2022-01-01', hours: 24, ...(type === 'platform' ? { platform: 'Facebook' } : {}), still_cut });
    expect(bad({ years: [2022], later: false, low: 0.9, high: 0.5, basis: 'x' })).toThrow(/still_cut/);
    expect(bad({ years: [], later: false, low: 0.5, high: 1, basis: 'x' })).toThrow(/still_cut/);
    expect(bad({ years: [2022], later: false, low: 0.5, high: 1, basis: 'x' }, 'platform')).toThrow(/still_cut/);
  });
});
