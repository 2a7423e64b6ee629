import { describe, expect, it } from 'vitest';
import { yearRange } from './year-range.js';

describe('yearRange', () => {
  it('covers every year of the event counts and of the cost series, ongoing years after the last start included', () => {
    const r = yearRange([2016, 2025, 2019], [['2019', '2026'], ['2024-01']]);
    expect(r).toEqual({ min: 2016, max: 2026, years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] });
  });
  it('a cost year before the first start year widens the list too; periods that are no year are left out', () => {
    expect(yearRange([2020], [['2018', 'n/a']])).toMatchObject({ min: 2018, max: 2020 });
  });
  it('with no years at all it is this year alone', () => {
    const y = new Date().getFullYear();
    expect(yearRange([], [])).toEqual({ min: y, max: y, years: [y] });
  });
});
