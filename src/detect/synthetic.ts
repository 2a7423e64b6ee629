/**
 * Seeded synthetic series with known truth, for the detectors' tests and the benchmark. Real
 * data rarely comes with labelled change points or outages; these do, and the same seed always
 * gives the same series. Synthetic by design: nothing here claims to look like a real network.
 */
import { mulberry32 } from '../shared/index.js';
import type { HourScore } from './cusum.js';

const HOUR = 3_600_000;

/** The project's seeded PRNG (src/shared/random.ts), under the name the detector tests use. */
export const rng = mulberry32;

/** A Poisson draw (Knuth for small means, a rounded normal above 60). */
export function poisson(rand: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 60) {
    const u = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

export interface BlockSeriesSpec {
  seed: number;
  t0: number;
  hours: number;
  /** Hour offsets where the true state flips (the series starts ok). */
  flips: number[];
  /** Chance an hour has measurements at all. */
  coverage: number;
  /** Mean measurements in a covered hour. */
  perHour: number;
  /** Chance a measurement looks blocked while the target is reachable (noise). */
  falsePositive: number;
  /** Chance a measurement looks fine while the target is blocked. */
  falseNegative: number;
}

export const DEFAULT_BLOCK_SPEC: Omit<BlockSeriesSpec, 'seed' | 'flips'> = {
  t0: Date.UTC(2025, 0, 1),
  hours: 24 * 60,
  coverage: 0.9,
  perHour: 3,
  falsePositive: 0.05,
  falseNegative: 0.05,
};

/** Hourly blocked scores (share of measurements that looked blocked) with flips at known hours. */
export function blockSeries(spec: BlockSeriesSpec): HourScore[] {
  const rand = rng(spec.seed);
  const flips = [...spec.flips].sort((a, b) => a - b);
  const out: HourScore[] = [];
  let blocked = false;
  let next = 0;
  for (let h = 0; h < spec.hours; h++) {
    while (next < flips.length && flips[next]! <= h) {
      blocked = !blocked;
      next++;
    }
    if (rand() >= spec.coverage) continue;
    const n = Math.max(1, poisson(rand, spec.perHour));
    let k = 0;
    for (let j = 0; j < n; j++) if (rand() < (blocked ? 1 - spec.falseNegative : spec.falsePositive)) k++;
    out.push({ t: spec.t0 + h * HOUR, y: k / n, n });
  }
  return out;
}

export interface OutageSpec {
  start: number;
  hours: number;
  /** Fraction of the volume lost, 0..1. */
  depth: number;
}

export interface VolumeSpec {
  seed: number;
  t0: number;
  hours: number;
  /** Mean measurements per hour, before the daily cycle. */
  base: number;
  /** Relative amplitude of the daily cycle (0 = flat). */
  diurnal: number;
  outages: OutageSpec[];
}

/** Hourly measurement counts with a daily cycle, Poisson noise and outages at known hours. */
export function volumeSeries(spec: VolumeSpec): { t0: number; counts: Uint32Array } {
  const rand = rng(spec.seed);
  const counts = new Uint32Array(spec.hours);
  for (let h = 0; h < spec.hours; h++) {
    let lambda = spec.base * (1 + spec.diurnal * Math.sin((2 * Math.PI * (h % 24)) / 24));
    for (const o of spec.outages) if (h >= o.start && h < o.start + o.hours) lambda *= 1 - o.depth;
    counts[h] = poisson(rand, lambda);
  }
  return { t0: spec.t0, counts };
}
