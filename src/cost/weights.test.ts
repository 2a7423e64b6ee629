// The spread on regions priced by their population share (synthetic shares).
import { describe, expect, it } from 'vitest';
import { ParamSet } from './method-kit.js';
import { populationProxyWeight } from './weights.js';

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
