// The spread on regions priced by their population share (synthetic shares).
import { describe, expect, it } from 'vitest';
import { ParamSet } from './method-kit.js';
import { activeWeight, populationProxyWeight } from './weights.js';
import type { Scenario } from './types.js';

describe('populationProxyWeight', () => {
  it('spreads a part of the country ×/÷ 2, never above the whole country', () => {
    const ps = new ParamSet();
    populationProxyWeight({ combined: 0.1, basis: 'ten per cent' }, ps, []);
    expect(ps.specs[0]!.dist).toEqual({ kind: 'triangular', low: 0.5, mode: 1, high: 2 });
    const big = new ParamSet();
    populationProxyWeight({ combined: 0.8, basis: 'most of it' }, big, []);
    expect(big.specs[0]!.dist).toMatchObject({ low: 0.5, mode: 1, high: 1.25 });
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
    activeWeight(scn, new ParamSet(), [], notes);
    expect(notes).toEqual(["priced for 33.3 % of the span's hours on average (0.01 % to 100 %): dates only"]);
    const fixed: string[] = [];
    activeWeight({ active: { share: 0.25, low: 0.25, high: 0.25, basis: 'six hours a day' } } as unknown as Scenario, new ParamSet(), [], fixed);
    expect(fixed).toEqual(["priced for 25 % of the span's hours: six hours a day"]);
  });
});
