import { describe, expect, it } from 'vitest';
import type { ElectionArrays } from '../store/index.js';
import { mulberry32 } from '../shared/index.js';
import { LogFactorials, nearInteger, windowProbability } from './binomial.js';
import { DEFAULT_INTEGERS, integerFingerprint, integerFingerprintInSteps, STEP_DRAWS } from './integers.js';
import { shpilkinEstimate } from './shpilkin.js';

/** Synthetic stations drawn from binomials: no integer excess by construction. */
function synthetic(n: number, seed: number, stuffInteger = 0): ElectionArrays {
  const rand = mulberry32(seed);
  const a: ElectionArrays = {
    n,
    registered: new Float64Array(n),
    issued: new Float64Array(n),
    cast: new Float64Array(n),
    valid: new Float64Array(n),
    leader: new Float64Array(n),
    flagged: new Uint8Array(n),
    electronic: new Uint8Array(n),
    region: new Uint16Array(n),
    regions: ['A', 'B'],
  };
  for (let i = 0; i < n; i++) {
    const reg = 300 + Math.floor(rand() * 2500);
    let issued = 0;
    const pt = 0.3 + 0.4 * rand();
    for (let k = 0; k < reg; k++) issued += +(rand() < pt);
    let leader = 0;
    const pl = 0.2 + 0.5 * rand();
    for (let k = 0; k < issued; k++) leader += +(rand() < pl);
    if (i < stuffInteger) issued = Math.round(reg * 0.8); // "reported" turnout of exactly 80 %, rounded
    a.registered[i] = reg;
    a.issued[i] = issued;
    a.cast[i] = issued;
    a.valid[i] = issued;
    a.leader[i] = Math.min(leader, issued);
    a.region[i] = i % 2;
  }
  return a;
}

describe('binomial window probability', () => {
  it('matches a direct sum over every outcome', () => {
    const lf = new LogFactorials(5000);
    for (const [n, p] of [
      [137, 0.41],
      [1800, 0.63],
      [4999, 0.05],
    ] as const) {
      let direct = 0;
      for (let k = 0; k <= n; k++)
        if (nearInteger(k, n, 0.05)) direct += Math.exp(lf.at(n) - lf.at(k) - lf.at(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
      expect(windowProbability(n, p, 0.05, lf)).toBeCloseTo(direct, 12);
    }
  });
});

describe('integer-percentage fingerprint (synthetic stations)', () => {
  it('finds no excess in binomial data and agrees with its analytic mean', () => {
    const r = integerFingerprint(synthetic(3000, 7), { ...DEFAULT_INTEGERS, reps: 400 });
    expect(Math.abs(r.either.excess)).toBeLessThan(4 * r.either.sd);
    expect(Math.abs(r.either.expected - r.either.analytic_expected)).toBeLessThan(r.either.sd / 3);
  });

  it('finds the excess of stations pushed to an integer turnout', () => {
    const r = integerFingerprint(synthetic(3000, 7, 300), { ...DEFAULT_INTEGERS, reps: 400 });
    expect(r.turnout.excess).toBeGreaterThan(200);
    expect(r.turnout.excess).toBeGreaterThan(10 * r.turnout.sd);
  });

  it('is reproducible from its seed and changes with it', () => {
    const a = synthetic(800, 3);
    const p = { ...DEFAULT_INTEGERS, reps: 200 };
    expect(integerFingerprint(a, p)).toEqual(integerFingerprint(a, p));
    expect(integerFingerprint(a, { ...p, seed: 43 }).either.expected).not.toBe(integerFingerprint(a, p).either.expected);
  });

  it('in steps, pausing between them, gives the same figures from the same draws', async () => {
    const a = synthetic(3000, 11, 200);
    const p = { ...DEFAULT_INTEGERS, reps: 2000 };
    let pauses = 0;
    const stepped = await integerFingerprintInSteps(a, p, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBeGreaterThanOrEqual(Math.ceil(p.reps / Math.floor(STEP_DRAWS / stepped.stations_included)) - 1);
    expect(stepped).toEqual(integerFingerprint(a, p));
  });
});

describe('Shpilkin estimate', () => {
  it('finds no anomalous votes when the leader share does not grow with turnout', () => {
    const r = shpilkinEstimate(synthetic(2000, 11));
    expect(Math.abs(r.anomalous_votes)).toBeLessThan(0.03 * r.leader_votes);
  });
});
