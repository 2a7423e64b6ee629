import { describe, expect, it } from 'vitest';
import { judgeSeries, type Sample } from './outage.js';
import { SEEDED_STEP_MIN as STEP, SYNTHETIC_START, seededDrop, seededQuiet, syntheticSignal } from './outage-synthetic.js';

describe('outage detector on SYNTHETIC series', () => {
  it('finds no outage on flat and diurnal series (three levels, gaps, 30 seeds each; bench/outage-figures.ts runs 300)', () => {
    const falses: string[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      for (const level of [20, 80, 400]) {
        for (const diurnal of [0, 0.5]) {
          const j = judgeSeries(seededQuiet(seed, level, diurnal));
          if (j.episodes.length) falses.push(`seed ${seed} level ${level} diurnal ${diurnal}: ${j.episodes.map((e) => e.onset).join(',')}`);
        }
      }
    }
    expect(falses).toEqual([]);
  });

  it.each([20, 80, 400])('level %i per sample: the onset within two samples of the truth in at least 95 percent of seeded drops', (level) => {
    let hit = 0;
    const misses: string[] = [];
    const N = 120;
    for (let seed = 1; seed <= N; seed++) {
      // Onset on day 3-4 at any time of day; drops keep 0-32% of the level, last 2-27 h, on flat and diurnal (±50%) series.
      const { samples, truth } = seededDrop(seed, level);
      const j = judgeSeries(samples);
      if (j.episodes.some((e) => Math.abs(Date.parse(e.onset) - truth) <= 2 * STEP * 60_000)) hit++;
      else misses.push(`seed ${seed}: truth ${new Date(truth).toISOString()}, got ${j.episodes.map((e) => e.onset).join(',') || 'none'}`);
    }
    expect(hit / N, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('never reads a gap as an outage, and a gap inside a drop widens the onset window', () => {
    const s = syntheticSignal({ seed: 3, level: 80, stepMin: STEP, days: 4, diurnal: 0.3, missing: 0 });
    const gapped: Sample[] = s.map((x, i) => (i >= 600 && i < 700 ? { t: x.t, v: null } : x));
    expect(judgeSeries(gapped).episodes).toEqual([]);
    // Truncated series: the last samples missing is not an outage either.
    expect(judgeSeries(s.map((x, i) => (i > 900 ? { t: x.t, v: null } : x))).episodes).toEqual([]);
    const drop = s.map((x, i) => (i >= 700 && i < 760 ? { t: x.t, v: 0 } : i >= 690 && i < 700 ? { t: x.t, v: null } : x));
    const [ep] = judgeSeries(drop).episodes;
    expect(ep?.onset).toBe(new Date(s[700]!.t).toISOString());
    expect(ep?.onset_after).toBe(new Date(s[689]!.t).toISOString());
    expect(ep?.onset_uncertainty_min).toBe(11 * STEP);
    expect(ep?.recovery).toBe(new Date(s[760]!.t).toISOString());
  });

  it('a signal that never reaches zero still drops: 10% of its level is an outage; 70% is not', () => {
    const base = { seed: 9, level: 200, stepMin: 10, days: 4, diurnal: 0.4, missing: 0 };
    expect(judgeSeries(syntheticSignal({ ...base, drop: { at: 400, samples: 100, keep: 0.1 } })).episodes).toHaveLength(1);
    expect(judgeSeries(syntheticSignal({ ...base, drop: { at: 400, samples: 100, keep: 0.7 } })).episodes).toEqual([]);
  });

  it('a long outage does not lower its own baseline (no false recovery after days)', () => {
    const s = syntheticSignal({ seed: 5, level: 100, stepMin: STEP, days: 9, diurnal: 0.5, missing: 0, drop: { at: 2 * 288, samples: 5 * 288, keep: 0.05 } });
    const eps = judgeSeries(s).episodes;
    expect(eps).toHaveLength(1);
    expect(eps[0]!.recovery).toBe(new Date(s[7 * 288]!.t).toISOString());
  });

  it('an outage on the first day of a series (no earlier day) recovers when the level is back: a 2 h cut lasts 2 h', () => {
    for (const [stepMin, level] of [
      [5, 100],
      [10, 50],
    ] as const) {
      const s = syntheticSignal({ seed: 1, level, stepMin, days: 1, diurnal: 0, missing: 0 }).map((x) => ({
        t: x.t,
        v: x.t >= SYNTHETIC_START + 12 * 3_600_000 && x.t < SYNTHETIC_START + 14 * 3_600_000 ? 0 : level,
      }));
      const eps = judgeSeries(s).episodes;
      expect(eps.map((e) => [e.onset, e.recovery, e.duration_min])).toEqual([
        [new Date(SYNTHETIC_START + 12 * 3_600_000).toISOString(), new Date(SYNTHETIC_START + 14 * 3_600_000).toISOString(), 120],
      ]);
    }
  });
});
