// censusCheck on hand-made (SYNTHETIC) counts.
import { describe, expect, it } from 'vitest';
import { censusCheck } from './census-check.js';

describe('censusCheck', () => {
  it('is ×1 for estimates proportional to the census, whatever their total', () => {
    const r = censusCheck({ A: 20, B: 60 }, { A: 1, B: 3 });
    expect(r.factor).toBeCloseTo(1, 12);
    expect(r.ratios).toEqual({ A: 1, B: 1 });
  });

  it("weighs each unit's log error by its census share", () => {
    // A is given 50 % for a census share of 25 %: ratio 2; B 50 % for 75 %: ratio 2/3
    const r = censusCheck({ A: 1, B: 1 }, { A: 1, B: 3 });
    expect(r.ratios.A).toBeCloseTo(2, 12);
    expect(r.ratios.B).toBeCloseTo(2 / 3, 12);
    expect(r.factor).toBeCloseTo(Math.exp(0.25 * Math.log(2) + 0.75 * Math.log(1.5)), 12);
  });
});
