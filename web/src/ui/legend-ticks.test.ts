import { describe, expect, it } from 'vitest';
import { short } from '../format.js';
import { countTicks, logTicks, MIN_GAP_PX } from './legend-ticks.js';

const W = 300;
const gapsPx = (t: number[], lo: number, hi: number) => t.slice(1).map((v, i) => ((Math.log10(v) - Math.log10(t[i]!)) / (Math.log10(hi) - Math.log10(lo))) * W);

describe('logTicks', () => {
  // Domains on the seeded data: the medians of GET /api/cost/regions for RU (RUB) and CN (CNY), one day;
  // one year of published cost and all years of our estimate (USD, rounded).
  for (const [lo, hi] of [
    [13287653, 4949583241],
    [36462047, 2067506400],
    [2.3e5, 1.6e9],
    [1.2e4, 6.9e10],
    [3.1e8, 4.9e8], // SYNTHETIC: a domain within one decade
  ] as const)
    it(`labels [${short(lo)}, ${short(hi)}] with ticks inside the domain, ${MIN_GAP_PX} px apart at least`, () => {
      const t = logTicks(lo, hi, W);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(7);
      for (const v of t) expect(v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)).toBe(true);
      for (const g of gapsPx(t, lo, hi)) expect(g).toBeGreaterThanOrEqual(MIN_GAP_PX);
    });
  it('prefers round values: 1-3 steps over two decades, powers of ten over four', () => {
    expect(logTicks(13287653, 4949583241, W).map(short)).toEqual(['30M', '100M', '300M', '1B', '3B']);
    expect(logTicks(36462047, 2067506400, W).map(short)).toEqual(['50M', '100M', '200M', '500M', '1B', '2B']);
    expect(logTicks(2.3e5, 1.6e9, W).map(short)).toEqual(['1M', '10M', '100M', '1B']);
  });
  it('a single value (SYNTHETIC) is one tick, never a scale', () => {
    expect(logTicks(5e6, 5e6, W)).toEqual([5e6]);
  });
});

describe('countTicks', () => {
  it('whole numbers for a count of one or a few events; Plot decides for larger counts', () => {
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(9)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(40)).toBeUndefined();
  });
});
