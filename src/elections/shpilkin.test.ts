import { describe, expect, it } from 'vitest';
import { cleanMode, shpilkinEstimate, shpilkinMethod, SHPILKIN_VERSION } from './shpilkin.js';

// Synthetic turnout distributions (made up, not results): valid ballots per 1-point bin, 0-100 %.
const bins = (f: (t: number) => number) => Float64Array.from({ length: 101 }, (_, t) => (t === 100 ? 0 : f(t)));
const bump = (t: number, at: number, width: number, height: number) => height * Math.exp(-(((t - at) / width) ** 2) / 2);

describe('cleanMode', () => {
  it('takes the one peak of an honest distribution', () => {
    const m = cleanMode(
      bins((t) => bump(t, 38, 7, 1000)),
      1,
    );
    expect(m.bin).toBe(38);
    expect(m.basis).toMatch(/first peak from low turnout/);
  });
  it('takes the honest peak at low turnout, not the higher fraud peak (the shape of the 2020 referendum)', () => {
    const m = cleanMode(
      bins((t) => bump(t, 44, 6, 320) + bump(t, 88, 6, 900)),
      1,
    );
    expect(m.bin).toBe(44);
  });
  it('ignores a small bump far below the honest peak and ripples on its rising side', () => {
    const m = cleanMode(
      bins((t) => bump(t, 15, 2, 100) + bump(t, 55, 8, 1000) + (t % 2) * 15),
      1,
    );
    expect(m.bin).toBeGreaterThanOrEqual(54);
    expect(m.bin).toBeLessThanOrEqual(56);
  });
  it('says so when no peak stands out below the highest bin (a distribution rising to the top, as in 2024)', () => {
    const m = cleanMode(
      bins((t) => 10 * t),
      1,
    );
    expect(m.bin).toBe(99);
    expect(m.basis).toMatch(/lower bound/);
  });
  it('works on 2-point bins', () => {
    const v = Float64Array.from({ length: 51 }, (_, b) => (b === 50 ? 0 : bump(2 * b, 44, 6, 320) + bump(2 * b, 88, 6, 900)));
    expect(cleanMode(v, 2).bin).toBe(22);
  });
});

describe('shpilkinEstimate at a bin width that is no binary fraction', () => {
  it('bin edges print at the bin width precision, never as float noise (SYNTHETIC stations)', () => {
    const n = 3000;
    const registered = Float64Array.from({ length: n }, () => 1000);
    const issued = Float64Array.from({ length: n }, (_, i) => 300 + ((i * 7) % 600));
    const a = {
      n,
      registered,
      issued,
      cast: issued,
      valid: issued,
      leader: Float64Array.from(issued, (v) => Math.round(v / 2)),
      flagged: new Uint8Array(n),
      electronic: new Uint8Array(n),
      region: new Uint16Array(n),
      regions: ['x'],
    };
    for (const binWidth of [0.3, 0.7, 0.1]) {
      const r = shpilkinEstimate(a, { binWidth, includeElectronic: false, includeFlagged: true });
      const edges = [...r.bins.map((b) => b.turnout_from), r.turnout_mode.from, r.turnout_mode.to];
      expect(
        edges.filter((x) => !/^\d+(\.\d)?$/.test(String(x))),
        String(binWidth),
      ).toEqual([]);
      expect(r.turnout_mode.basis).not.toMatch(/\d\.\d{5,}/);
    }
  });
});

describe('the Shpilkin reference text', () => {
  it('describes the rule of the version it answers with, at the bin width used', () => {
    expect(SHPILKIN_VERSION).toBe('1.1.0');
    const text = shpilkinMethod(0.3);
    expect(text).toMatch(/0\.3-point turnout bins/);
    expect(text).toMatch(/first peak from low turnout/);
    expect(text).not.toMatch(/mode = bin with the most valid ballots \(below 100 %\)/);
    expect(shpilkinMethod(1)).toMatch(/1-point turnout bins/);
  });
});
