// The spread on regions priced by their population share (synthetic shares).
import { describe, expect, it } from 'vitest';
import { ParamSet } from './method-kit.js';
import { activeWeight, affectedWeight, populationProxyWeight, typeWeight } from './weights.js';
import { parseScenario } from './scenario.js';
import { pointOf } from './random.js';
import type { CountryData } from './data/econ-data.js';
import type { Scenario } from './types.js';

// The share drawn is the stated share × a ratio triangular(1/f, 1, f), each draw capped at the whole
// country: the median of a near-national area stays at its share (the triangle is not cut at 1).
const triQuantile = (d: { low: number; mode: number; high: number }, q: number) => {
  const { low: a, mode: c, high: b } = d;
  const fc = (c - a) / (b - a);
  return q < fc ? a + Math.sqrt(q * (b - a) * (c - a)) : b - Math.sqrt((1 - q) * (b - a) * (b - c));
};
const medianOf = (unit: { fn: (p: Float64Array) => number }, d: { low: number; mode: number; high: number }) => unit.fn(Float64Array.of(triQuantile(d, 0.5)));

describe('populationProxyWeight', () => {
  it('spreads a part of the country ×/÷ 2 and caps each draw at the whole country', () => {
    const ps = new ParamSet();
    const u = populationProxyWeight({ combined: 0.1, basis: 'ten per cent' }, ps, []);
    expect(ps.specs[0]!.dist).toEqual({ kind: 'triangular', low: 0.05, mode: 0.1, high: 0.2 });
    expect(u.fn(Float64Array.of(0.2))).toBeCloseTo(2, 12);
    const big = new ParamSet();
    const w = populationProxyWeight({ combined: 0.8, basis: 'most of it' }, big, []);
    expect(big.specs[0]!.dist).toMatchObject({ low: 0.4, mode: 0.8, high: 1.6 });
    expect(w.fn(Float64Array.of(1.6))).toBeCloseTo(1.25, 12); // the whole country ÷ 0.8
    expect(medianOf(w, big.specs[0]!.dist as never) * 0.8).toBeGreaterThan(0.8);
  });

  it('adds no spread when the regions make up the whole country', () => {
    const ps = new ParamSet();
    const notes: string[] = [];
    populationProxyWeight({ combined: 1, basis: 'all' }, ps, notes);
    expect(ps.specs).toEqual([]);
    expect(notes).toEqual([]);
  });
});

describe('activeWeight', () => {
  // SYNTHETIC shares: a one-day record with dates only (the schedule's triangular 0.0001–1, mode at its low end).
  it("says the mean share of the span the draws average to, with its range, not the distribution's mode", () => {
    const notes: string[] = [];
    const scn = { active: { share: 0.0001, low: 0.0001, high: 1, basis: 'dates only' } } as unknown as Scenario;
    activeWeight(scn, new ParamSet(), notes);
    expect(notes).toEqual(["priced for 33.3 % of the span's hours on average (0.01 % to 100 %): dates only"]);
    const fixed: string[] = [];
    activeWeight({ active: { share: 0.25, low: 0.25, high: 0.25, basis: 'six hours a day' } } as unknown as Scenario, new ParamSet(), fixed);
    expect(fixed).toEqual(["priced for 25 % of the span's hours: six hours a day"]);
  });
});

describe('affectedWeight', () => {
  // SYNTHETIC shares, as `cost --affected-share` takes them.
  it('draws the share ×/÷ its spread and caps each draw at 1, so 99.9 % has a median of 99.9 % or more, not 83 %', () => {
    for (const share of [0.5, 0.9, 0.999]) {
      const ps = new ParamSet();
      const scn = { affected: { share, confidence: 'medium', basis: 'given' } } as unknown as Scenario;
      const u = affectedWeight(scn, ps, [], []);
      const d = ps.specs[0]!.dist as { low: number; mode: number; high: number };
      expect(d).toMatchObject({ low: share / 2, mode: share, high: share * 2 });
      expect(u.fn(Float64Array.of(share * 2))).toBe(Math.min(1, share * 2));
      expect(medianOf(u, d)).toBeGreaterThanOrEqual(share);
    }
  });
});

describe('typeWeight: a throttle of services weighed by the request', () => {
  it('SYNTHETIC: severity × the weight given, when no platform is named; the whole network without a weight', () => {
    const base = parseScenario({ country: 'RU', type: 'throttling', severity: 0.5, hours: 24 }).scenario;
    const at = (scn: Scenario) => {
      const ps = new ParamSet();
      const u = typeWeight(scn, {} as CountryData, 2021, 'subscriptions', ps, [], []);
      return u.fn(new Float64Array(ps.specs.map((s) => pointOf(s.dist))));
    };
    expect(at(base)).toBe(0.5);
    expect(at({ ...base, platform_weight: 0.3 })).toBeCloseTo(0.15, 12);
  });
});
