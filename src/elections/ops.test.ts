import { describe, expect, it } from 'vitest';
import { parseInput } from '../op/index.js';
import { AppError } from '../shared/index.js';
import { electionsShpilkin, electionsSummary } from './ops.js';
import { SHPILKIN_MIN_BIN_WIDTH, shpilkinEstimate } from './shpilkin.js';

const refused = (raw: unknown, parse: (raw: unknown) => unknown = (r) => parseInput(electionsShpilkin, r)): AppError => {
  try {
    parse(raw);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
};

describe('elections.shpilkin input', () => {
  it('refuses a bin width below the smallest the estimator bins in bounded work, naming binWidth and the value', () => {
    const e = refused({ id: 'duma-2021', binWidth: 1e-9 });
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.path)).toEqual([['binWidth']]);
    expect(e.message).toMatch(/binWidth: .*from 0\.01 to 10.*got 1e-9/);
    expect(refused({ id: 'duma-2021', binWidth: 0.0003 }).issues[0]!.path).toEqual(['binWidth']);
    expect(refused({ id: 'duma-2021', binWidth: 11 }).message).toMatch(/got 11/);
  });
  it('takes the smallest bin width, and the estimate at it is quick (synthetic stations)', () => {
    expect(parseInput(electionsShpilkin, { id: 'duma-2021', binWidth: SHPILKIN_MIN_BIN_WIDTH }).binWidth).toBe(0.01);
    const n = 2000;
    const reg = Float64Array.from({ length: n }, () => 1000);
    const issued = Float64Array.from({ length: n }, (_, i) => 300 + (i % 600));
    const a = {
      n,
      registered: reg,
      issued,
      cast: issued,
      valid: issued,
      leader: Float64Array.from(issued, (v) => Math.round(v / 2)),
      flagged: new Uint8Array(n),
      electronic: new Uint8Array(n),
      region: new Uint16Array(n),
      regions: ['x'],
    };
    const t0 = performance.now();
    const r = shpilkinEstimate(a, { binWidth: SHPILKIN_MIN_BIN_WIDTH, includeElectronic: false, includeFlagged: true });
    expect(r.stations_included).toBe(n);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('elections.summary --district', () => {
  it('takes a whole positive number only: a sign, a space, a prefix, zeros in front or a fraction are refused naming the value (SYNTHETIC values)', () => {
    for (const bad of ['-1', '+1', ' 1', '1 ', '№1', 'ОИК №196', '0196', '196.0', '0', '1e2']) {
      const e = refused({ id: 'duma-2021', district: bad }, (r) => parseInput(electionsSummary, r));
      expect(e.code, bad).toBe('VALIDATION');
      expect(e.issues.map((i) => i.path)).toEqual([['district']]);
      expect(e.message).toContain(`got "${bad}"`);
    }
    expect(parseInput(electionsSummary, { id: 'duma-2021', district: '196' }).district).toBe('196');
    expect(parseInput(electionsSummary, { id: 'duma-2021', district: '1' }).district).toBe('1');
  });
});
