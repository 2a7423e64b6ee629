// SYNTHETIC: shares built to fall exactly on a bin edge (k·0.1 ± 0.05 %), and beside it.
import { describe, expect, it } from 'vitest';
import { centredBin } from './histograms.js';

describe('centred histogram bins', () => {
  it('a share exactly on an edge goes to the upper bin, whatever floating point makes of it', () => {
    // every edge of 0.1-point bins on a station of 2,000 voters: 2·k + 1 voters of 20,000 per mille
    for (let k = 0; k < 1000; k++) {
      const x = (2 * k + 1) * 10; // (k + 0.5) tenths of a point: 100·x/n = (k + 0.5)·0.1
      expect(centredBin(x / 10, 2_000, 0.1), `${(100 * x) / 10 / 2_000} %`).toBe(k + 1);
    }
    expect(centredBin(247, 2_000, 0.1)).toBe(124); // 12.35 %
    expect(centredBin(1, 2, 1)).toBe(50);
    expect(centredBin(1, 200, 1)).toBe(1); // 0.5 %
  });
  it('a share off the edges goes to the nearest centre', () => {
    expect(centredBin(2_469, 20_000, 0.1)).toBe(123); // 12.345 %
    expect(centredBin(2_471, 20_000, 0.1)).toBe(124); // 12.355 %
    expect(centredBin(0, 100, 0.1)).toBe(0);
    expect(centredBin(100, 100, 0.1)).toBe(1000);
  });
});
