import { describe, expect, it } from 'vitest';
import { describeDist } from './method-kit.js';
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

  it('draws each value of an empirical class with equal chance, its point the median value', () => {
    // SYNTHETIC class: four regional shares and three whole countries (two clusters).
    const values = [0.01, 0.02, 0.04, 0.1, 1, 1, 1];
    const d = { kind: 'empirical', values } as const;
    expect(pointOf({ kind: 'empirical', values: [...values].reverse() })).toBe(0.1);
    expect(pointOf({ kind: 'empirical', values: [0.2, 0.4] })).toBe(0.4); // even count: the upper middle, as quartilesOf
    const out = new Float64Array(70000);
    sample(d, mulberry32(9), out);
    expect(out.every((x) => values.includes(x))).toBe(true);
    const ones = out.filter((x) => x === 1).length / out.length;
    expect(ones).toBeCloseTo(3 / 7, 2);
    for (const v of [0.01, 0.02, 0.04, 0.1]) expect(out.filter((x) => x === v).length / out.length).toBeCloseTo(1 / 7, 2);
    out.sort();
    expect(quantileSorted(out, 0.5)).toBe(0.1); // a triangular(0.02, 0.1, 1) through the quartiles has its median at 0.34
    expect(describeDist(d)).toBe('empirical(7 values, each equally likely: min 0.01, median 0.1, max 1)');
  });

  it('draws 1 with chance p and 0 otherwise (bernoulli), its point the likelier of the two', () => {
    const out = new Float64Array(50000);
    sample({ kind: 'bernoulli', p: 0.34 }, mulberry32(4), out);
    expect(out.every((x) => x === 0 || x === 1)).toBe(true);
    expect(out.reduce((a, b) => a + b, 0) / out.length).toBeCloseTo(0.34, 2);
    expect(pointOf({ kind: 'bernoulli', p: 0.34 })).toBe(0);
    expect(pointOf({ kind: 'bernoulli', p: 0.6 })).toBe(1);
    expect(describeDist({ kind: 'bernoulli', p: 0.3372 })).toBe('bernoulli(1 with chance 0.337, else 0)');
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
