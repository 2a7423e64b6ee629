import { describe, expect, it } from 'vitest';
import { cleanMode } from './shpilkin.js';

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
