/**
 * SYNTHETIC outage-signal series with known truth, for the outage detector's tests and its
 * design figures: a level (flat, or with a diurnal cycle), Poisson counting noise plus a
 * multiplicative day-to-day wobble, scattered missing samples, and optionally a drop to a
 * fraction of the level at a known onset. Seeded: the same seed gives the same series.
 * Nothing here claims to reproduce a real network; the real case is the IODA fixture.
 */
import type { Sample } from './outage.js';
import { poisson, rng } from './synthetic.js';

export interface SyntheticSignal {
  seed: number;
  /** Mean count per sample. */
  level: number;
  stepMin: number;
  days: number;
  /** 0 = flat; 0.5 = the level swings ±50% over the day. */
  diurnal: number;
  /** Share of samples left missing, at random. */
  missing: number;
  /** Optional drop: sample index of the onset, its length in samples, the level kept (0..1). */
  drop?: { at: number; samples: number; keep: number };
}

export const SYNTHETIC_START = Date.UTC(2030, 0, 1);

export function syntheticSignal(o: SyntheticSignal): Sample[] {
  const rand = rng(o.seed);
  const n = Math.round((o.days * 24 * 60) / o.stepMin);
  const phase = rand() * 2 * Math.PI;
  const out: Sample[] = [];
  let wobble = 1;
  for (let i = 0; i < n; i++) {
    const t = SYNTHETIC_START + i * o.stepMin * 60_000;
    if (i % Math.round((24 * 60) / o.stepMin) === 0) wobble = 0.9 + 0.2 * rand();
    const hour = ((t / 3_600_000) % 24) / 24;
    let mean = o.level * wobble * (1 + o.diurnal * Math.sin(2 * Math.PI * hour + phase));
    const inDrop = o.drop && i >= o.drop.at && i < o.drop.at + o.drop.samples;
    if (inDrop) mean *= o.drop!.keep;
    // Missing samples fall anywhere except the onset sample itself (its time is the truth).
    const missing = !(o.drop && i === o.drop.at) && rand() < o.missing;
    out.push({ t, v: missing ? null : poisson(rand, mean) });
  }
  return out;
}

/** Sample period (minutes) of the seeded cases: IODA's telescope bins. */
export const SEEDED_STEP_MIN = 5;

/**
 * Seeded drop case `seed` of the accuracy study at a level: a 5-day series, flat (even seeds) or
 * swinging ±50% over the day (odd seeds), 3% missing, with a drop on day 3-4 at any time of day
 * that keeps 0-32% of the level for 2-27 h. The tests and bench/outage-figures.ts read the same
 * cases; `truth` is the onset instant (ms).
 */
export function seededDrop(seed: number, level: number): { samples: Sample[]; truth: number } {
  const perDay = (24 * 60) / SEEDED_STEP_MIN;
  const at = Math.round((2.5 + (seed % 17) / 10) * perDay);
  const samples = syntheticSignal({
    seed: seed * 13 + level,
    level,
    stepMin: SEEDED_STEP_MIN,
    days: 5,
    diurnal: seed % 2 ? 0.5 : 0,
    missing: 0.03,
    drop: { at, samples: 24 + (seed % 50) * 6, keep: (seed % 5) * 0.08 },
  });
  return { samples, truth: SYNTHETIC_START + at * SEEDED_STEP_MIN * 60_000 };
}

/** Seeded quiet case: 6 days at a level, flat (diurnal 0) or with a diurnal swing, 5% missing, no drop. */
export const seededQuiet = (seed: number, level: number, diurnal: number): Sample[] =>
  syntheticSignal({ seed: seed * 7 + level, level, stepMin: SEEDED_STEP_MIN, days: 6, diurnal, missing: 0.05 });
