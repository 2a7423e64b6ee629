import { describe, expect, it } from 'vitest';
import { intersect, listedSize, merge, size, subtract, union, unionByGroup, unionSorted } from './intervals.js';

const arr = (s: ReturnType<typeof union>) => Array.from(s.first, (f, i) => [f, s.last[i]]);

describe('interval union (hand-computed cases)', () => {
  it('counts overlapping ranges once', () => {
    // [0,9] and [5,14] overlap on 5..9: 15 distinct, 20 listed
    const s = union([
      [0, 9],
      [5, 14],
    ]);
    expect(size(s)).toBe(15);
    expect(listedSize([0, 5], [9, 14])).toBe(20);
  });
  it('counts a nested range once', () => {
    // 10.0.0.0/8 contains 10.1.0.0/16: 16,777,216 distinct, not 16,842,752
    const a = 10 * 2 ** 24;
    const b = a + 2 ** 16;
    const s = union([
      [a, a + 2 ** 24 - 1],
      [b, b + 2 ** 16 - 1],
    ]);
    expect(size(s)).toBe(16_777_216);
    expect(arr(s)).toEqual([[a, a + 2 ** 24 - 1]]);
  });
  it('merges adjacent ranges, keeps gaps, handles single addresses and duplicates', () => {
    const s = union([
      [7, 7],
      [0, 3],
      [4, 5],
      [7, 7],
      [10, 12],
    ]);
    expect(arr(s)).toEqual([
      [0, 5],
      [7, 7],
      [10, 12],
    ]);
    expect(size(s)).toBe(6 + 1 + 3);
  });
  it('handles the top of the IPv4 space exactly', () => {
    const s = union([
      [0, 2 ** 32 - 1],
      [2 ** 31, 2 ** 32 - 1],
    ]);
    expect(size(s)).toBe(2 ** 32);
  });
  it('empty input', () => {
    expect(size(union([]))).toBe(0);
  });
  it('intersect, subtract and merge', () => {
    const a = union([
      [0, 9],
      [20, 29],
    ]);
    const b = union([[5, 24]]);
    expect(arr(intersect(a, b))).toEqual([
      [5, 9],
      [20, 24],
    ]);
    expect(arr(subtract(a, b))).toEqual([
      [0, 4],
      [25, 29],
    ]);
    expect(arr(subtract(b, a))).toEqual([[10, 19]]);
    expect(arr(merge(a, b))).toEqual([[0, 29]]);
    expect(size(subtract(a, union([[0, 100]])))).toBe(0);
    expect(
      arr(
        subtract(
          union([[0, 100]]),
          union([
            [10, 10],
            [20, 30],
            [100, 100],
          ]),
        ),
      ),
    ).toEqual([
      [0, 9],
      [11, 19],
      [31, 99],
    ]);
  });
  it('per-group unions from one sorted list', () => {
    const first = [0, 5, 5, 20];
    const last = [9, 14, 6, 29];
    const groups = unionByGroup(first, last, [0, 1, 0, 1], 2);
    expect(arr(groups[0]!)).toEqual([[0, 9]]);
    expect(arr(groups[1]!)).toEqual([
      [5, 14],
      [20, 29],
    ]);
    expect(size(unionSorted(first, last))).toBe(25);
  });
});
