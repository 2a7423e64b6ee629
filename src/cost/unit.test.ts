// Every unit constructor: the vectorised fill gives, draw by draw, what fn gives for that draw
// (fn prices the point estimate, fill the Monte Carlo), and keys name what is computed.
import { describe, expect, it } from 'vitest';
import { cappedSum, compound, linear, one, oneMinus, param, times, wholeOr } from './unit.js';
import type { Unit } from './types.js';

const N = 257;
// Synthetic draws: three parameters with different ranges (including sums over 1).
const draws = [0, 1, 2].map((i) => Float64Array.from({ length: N }, (_, j) => ((j * (7 + i)) % 101) / (60 + 20 * i)));

function agree(u: Unit) {
  const out = new Float64Array(N);
  u.fill(draws, out);
  for (let j = 0; j < N; j++) expect(out[j]).toBeCloseTo(u.fn(Float64Array.from(draws, (d) => d[j]!)), 12);
  return out;
}

describe('units', () => {
  it('fill agrees with fn for every constructor and for products of them', () => {
    expect([...agree(one)].every((x) => x === 1)).toBe(true);
    agree(param(1));
    agree(oneMinus(2));
    const capped = agree(cappedSum([0, 1, 2]));
    expect(Math.max(...capped)).toBe(1); // some sums exceed 1 and are capped
    agree(compound(0, 7));
    agree(times(param(0), compound(1, 3), cappedSum([1, 2])));
    const weighted = agree(cappedSum([0, 1, 2], [1, 0.25, 0.5]));
    expect(Math.max(...weighted)).toBeLessThanOrEqual(1);
    expect(weighted[5]).toBeCloseTo(Math.min(1, draws[0]![5]! + 0.25 * draws[1]![5]! + 0.5 * draws[2]![5]!), 12);
    agree(times(times(param(0), oneMinus(1)), times(param(2), compound(0, 2)))); // nested products
    const mixed = agree(
      linear([
        [0.25, one],
        [0.75, times(param(0), param(1))],
      ]),
    );
    expect(mixed[5]).toBeCloseTo(0.25 + 0.75 * draws[0]![5]! * draws[1]![5]!, 12);
    const either = agree(wholeOr(0, 2));
    expect(either[5]).toBeCloseTo(draws[0]![5]! + (1 - draws[0]![5]!) * draws[2]![5]!, 12);
  });

  it('wholeOr is the whole when its first parameter is 1 and the share when it is 0', () => {
    const u = wholeOr(0, 1);
    expect(u.fn(Float64Array.from([1, 0.3]))).toBe(1);
    expect(u.fn(Float64Array.from([0, 0.3]))).toBe(0.3);
    expect(u.key).toBe('(p0+(1-p0)*p1)');
    expect(wholeOr(2, 1).reads).toEqual([1, 2]);
  });

  it('keys say what is computed; a product drops factors of one', () => {
    expect(times(param(0), compound(1, 3)).key).toBe('p0*(1+p1)^3');
    expect(times(one, param(2)).key).toBe('p2');
    expect(compound(1, 3).key).not.toBe(compound(1, 4).key);
    expect(cappedSum([2, 3]).key).toBe('min(1,p2+p3)');
    expect(cappedSum([2, 3], [1, 0.5]).key).toBe('min(1,p2+0.5*p3)');
    expect(
      linear([
        [0.4, param(1)],
        [0.6, param(2)],
      ]).key,
    ).toBe('(0.4*p1+0.6*p2)');
    expect(
      linear([
        [1, param(1)],
        [0, param(2)],
      ]).key,
    ).toBe('p1'); // one part whole: that unit itself
  });
});
