// cost-escalated on hand-computed cases (synthetic GDP of 1e9 USD a day, except the Russia
// 2019 cross-check, which uses World Bank GDP copied from data/costs).
import { describe, expect, it } from 'vitest';
import { oneDay } from '../testing.js';
import { costEscalated } from './model.js';

const day = (cc: string, year: number) => oneDay(costEscalated, cc, year);

describe('cost-escalated', () => {
  it('adds 10 % a year after 2016 to G-20 shares: Russia 2019 = 2.8 % × 1.1³ of daily GDP (≈ $173 M)', () => {
    expect(day('RU', 2019).cost).toBeCloseTo(0.028 * 1.1 ** 3 * 1e9, 0);
    expect(day('RU', 2016).cost).toBeCloseTo(0.028 * 1e9, 0);
    // cost-methods.md cross-check with WB GDP 2019 (data/costs): $1,693.1 bn / 365 = $4,638.7 M a day
    expect(((1693114811200 / 365) * 0.028 * 1.1 ** 3) / 1e6).toBeCloseTo(172.9, 1);
  });

  it("does not escalate the penetration proxy (COST's non-G-20 formula is not public)", () => {
    const ke = day('KE', 2020);
    expect(ke.cost).toBeCloseTo(0.4 * 0.087 * 1e9, 0);
    expect(ke.plan.proxy).toMatch(/no escalator/);
  });
});
