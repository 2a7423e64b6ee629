import { describe, expect, it } from 'vitest';
import { mulberry32, pointOf, quantileSorted, quantilesInPlace, sample, streamSeed, triangular } from './random.js';

describe('seeded sampling', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(streamSeed(1, 'ozi-regional')).not.toBe(streamSeed(1, 'deloitte-2016'));
  });

  it('inverts the triangular CDF exactly at its ends and mode', () => {
    expect(triangular(0, 1, 2, 4)).toBe(1);
    expect(triangular(1, 1, 2, 4)).toBe(4);
    // F(mode) = (mode - low) / (high - low) = 1/3
    expect(triangular(1 / 3, 1, 2, 4)).toBeCloseTo(2, 12);
    expect(triangular(0.5, 5, 5, 5)).toBe(5);
  });

  it('draws a triangular whose sample median matches the analytic median', () => {
    const out = new Float64Array(20000);
    sample({ kind: 'triangular', low: 0, mode: 1, high: 2 }, mulberry32(3), out);
    out.sort();
    expect(quantileSorted(out, 0.5)).toBeCloseTo(1, 1);
    // symmetric triangle on [0,2]: P(X < x) = x^2/2 for x<1 -> 5% quantile = sqrt(0.1)
    expect(quantileSorted(out, 0.05)).toBeCloseTo(Math.sqrt(0.1), 1);
  });

  it('gives a log-normal with the stated median', () => {
    const out = new Float64Array(20000);
    sample({ kind: 'lognormal', median: 10, sigma: 0.1 }, mulberry32(5), out);
    out.sort();
    expect(quantileSorted(out, 0.5)).toBeCloseTo(10, 0);
    expect(pointOf({ kind: 'lognormal', median: 10, sigma: 0.1 })).toBe(10);
  });

  it('interpolates quantiles between order statistics', () => {
    const s = new Float64Array([1, 2, 3, 4, 5]);
    expect(quantileSorted(s, 0.5)).toBe(3);
    expect(quantileSorted(s, 0.05)).toBeCloseTo(1.2, 12);
    expect(quantileSorted(s, 1)).toBe(5);
  });
});

describe('quantiles by selection', () => {
  it('equals the sorted quantiles on random and tied data', () => {
    const rng = mulberry32(11);
    for (const n of [1, 2, 5, 101, 10000]) {
      const a = new Float64Array(n).map(() => Math.round(rng() * 50));
      const sorted = a.slice().sort();
      expect(quantilesInPlace(a.slice(), [0.05, 0.5, 0.95])).toEqual([0.05, 0.5, 0.95].map((q) => quantileSorted(sorted, q)));
    }
  });
});
