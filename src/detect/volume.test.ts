import { describe, expect, it } from 'vitest';
import { DEFAULT_VOLUME_PARAMS, detectOutages } from './volume.js';
import { volumeSeries } from './synthetic.js';

const t0 = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;

describe('volume-collapse shutdown detector on seeded synthetic series', () => {
  it('raises no alarm on series without outages (20 seeds, daily cycle, both baselines)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const daily = volumeSeries({ seed, t0, hours: 24 * 60, base: 40, diurnal: 0.5, outages: [] });
      expect(detectOutages(daily).outages, `seed ${seed}`).toEqual([]);
      const flat = volumeSeries({ seed, t0, hours: 24 * 60, base: 40, diurnal: 0, outages: [] });
      expect(detectOutages(flat, { ...DEFAULT_VOLUME_PARAMS, baseline: 'window' }).outages, `seed ${seed}`).toEqual([]);
    }
  });

  it('finds known outages at the right hours with severity ordered by depth x duration', () => {
    const outages = [
      { start: 500, hours: 12, depth: 1 },
      { start: 900, hours: 8, depth: 0.7 },
      { start: 1200, hours: 8, depth: 0.35 },
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const r = detectOutages(volumeSeries({ seed, t0, hours: 24 * 60, base: 40, diurnal: 0.5, outages }));
      expect(r.outages, `seed ${seed}`).toHaveLength(3);
      r.outages.forEach((o, i) => {
        expect(Math.abs(o.start - (t0 + outages[i]!.start * HOUR)) / HOUR).toBeLessThanOrEqual(2);
        expect(Math.abs(o.hours - outages[i]!.hours)).toBeLessThanOrEqual(4);
      });
      const [a, b, c] = r.outages;
      expect(a!.level).toBe('critical');
      expect(b!.level).toBe('critical');
      expect(c!.level).toBe('warning');
      expect(a!.severity).toBeGreaterThan(b!.severity);
      expect(b!.severity).toBeGreaterThan(c!.severity);
      expect(a!.maxDepthPct).toBe(100);
    }
  });

  it('keeps a long outage out of its own baseline (IODA plain median would forget it)', () => {
    const r = detectOutages(volumeSeries({ seed: 5, t0, hours: 24 * 40, base: 40, diurnal: 0, outages: [{ start: 24 * 20, hours: 24 * 6, depth: 1 }] }));
    expect(r.outages).toHaveLength(1);
    expect(r.outages[0]!.hours).toBe(24 * 6);
  });

  it('reports an outage still going on when the data ends with end = null', () => {
    const r = detectOutages(volumeSeries({ seed: 2, t0, hours: 24 * 20, base: 40, diurnal: 0, outages: [{ start: 24 * 19, hours: 24, depth: 1 }] }));
    expect(r.outages.at(-1)!.end).toBeNull();
  });

  it('does not judge small volumes: a median of 3 per hour falling to 0 is noise, not a shutdown', () => {
    const r = detectOutages(volumeSeries({ seed: 9, t0, hours: 24 * 30, base: 3, diurnal: 0, outages: [{ start: 400, hours: 2, depth: 1 }] }));
    expect(r.outages).toEqual([]);
    expect(r.unjudgedHours).toBeGreaterThan(r.judgedHours);
  });
});

describe('empty stretches', () => {
  it('skipping empty hours once the windows are all zero gives exactly the hour-by-hour result', () => {
    // Sparse volume like a quiet network: busy weeks, months of nothing, busy again, with outages.
    for (let seed = 1; seed <= 6; seed++) {
      const busy = (s: number) =>
        Array.from(volumeSeries({ seed: seed * 10 + s, t0, hours: 24 * 30, base: 30, diurnal: 0.4, outages: [{ start: 400, hours: 10, depth: 1 }] }).counts);
      // Low volume (unjudged: baseline under minBaseline) then nothing: the windows fill with zeros.
      const low = (n: number) => Array.from({ length: n }, (_, h) => ((h * 7 + seed) % 11 === 0 ? 1 + (h % 3) : 0));
      const counts = Uint32Array.from([
        ...low(24 * 20),
        ...new Array<number>(24 * 100).fill(0),
        ...busy(1),
        ...low(24 * 10),
        ...new Array<number>(24 * 60).fill(0),
        ...busy(2),
      ]);
      for (const baseline of ['hour_of_day', 'window'] as const) {
        const p = { ...DEFAULT_VOLUME_PARAMS, baseline };
        const fast = detectOutages({ t0, counts }, p);
        const slow = detectOutages({ t0, counts }, p, { skipEmpty: false });
        expect(fast, `seed ${seed} ${baseline}`).toEqual(slow);
        expect(fast.judgedHours + fast.unjudgedHours).toBe(counts.length);
        expect(fast.outages.length).toBeGreaterThan(0);
      }
    }
  });
});
