/**
 * Interval arithmetic on IPv4 address space. Addresses arrive already parsed (by ip-address)
 * as inclusive numeric ranges [first, last]; everything here is exact integer arithmetic on
 * doubles (2^32 < 2^53). A set is a list of disjoint, non-adjacent intervals sorted by first,
 * so its size is a plain sum and overlapping or nested listings are counted once.
 * Why not a bitmap: 2^32 bits is 512 MiB; the sweep is O(n) after one sort and needs no memory
 * beyond the output. See docs/design/040-registry-address-space.md.
 */

export interface IntervalSet {
  first: Float64Array;
  last: Float64Array;
  length: number;
}

export const EMPTY: IntervalSet = { first: new Float64Array(0), last: new Float64Array(0), length: 0 };

/** Merge ranges given in ascending order of `first` (ties in any order) into a set. */
export function unionSorted(
  first: ArrayLike<number>,
  last: ArrayLike<number>,
  index?: ArrayLike<number>,
  count = index ? index.length : first.length,
): IntervalSet {
  const outFirst = new Float64Array(count);
  const outLast = new Float64Array(count);
  let n = 0;
  for (let k = 0; k < count; k++) {
    const i = index ? index[k]! : k;
    const f = first[i]!;
    const l = last[i]!;
    if (n > 0 && f <= outLast[n - 1]! + 1) {
      if (l > outLast[n - 1]!) outLast[n - 1] = l;
    } else {
      outFirst[n] = f;
      outLast[n] = l;
      n++;
    }
  }
  return { first: outFirst.subarray(0, n), last: outLast.subarray(0, n), length: n };
}

/** Union of ranges in any order. */
export function union(ranges: readonly (readonly [number, number])[]): IntervalSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return unionSorted(
    sorted.map((r) => r[0]),
    sorted.map((r) => r[1]),
  );
}

/** Number of addresses in a set. */
export function size(s: IntervalSet): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) total += s.last[i]! - s.first[i]! + 1;
  return total;
}

/** Sum of range sizes without merging: what a naive count reports (overlaps counted twice). */
export function listedSize(first: ArrayLike<number>, last: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < first.length; i++) total += last[i]! - first[i]! + 1;
  return total;
}

function builder(capacity: number) {
  const first = new Float64Array(Math.max(1, capacity));
  const last = new Float64Array(Math.max(1, capacity));
  let n = 0;
  return {
    push(f: number, l: number) {
      if (n > 0 && f <= last[n - 1]! + 1) last[n - 1] = Math.max(last[n - 1]!, l);
      else {
        first[n] = f;
        last[n] = l;
        n++;
      }
    },
    done: (): IntervalSet => ({ first: first.subarray(0, n), last: last.subarray(0, n), length: n }),
  };
}

/** Addresses in both sets. */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out = builder(a.length + b.length);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const f = Math.max(a.first[i]!, b.first[j]!);
    const l = Math.min(a.last[i]!, b.last[j]!);
    if (f <= l) out.push(f, l);
    if (a.last[i]! < b.last[j]!) i++;
    else j++;
  }
  return out.done();
}

/** Addresses in `a` and not in `b`. */
export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out = builder(a.length + b.length);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    let f = a.first[i]!;
    const l = a.last[i]!;
    while (j < b.length && b.last[j]! < f) j++;
    let k = j;
    while (k < b.length && b.first[k]! <= l) {
      if (b.first[k]! > f) out.push(f, b.first[k]! - 1);
      f = Math.max(f, b.last[k]! + 1);
      if (f > l) break;
      k++;
    }
    if (f <= l) out.push(f, l);
  }
  return out.done();
}

/** Union of two sets. */
export function merge(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out = builder(a.length + b.length);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a.first[i]! <= b.first[j]!)) {
      out.push(a.first[i]!, a.last[i]!);
      i++;
    } else {
      out.push(b.first[j]!, b.last[j]!);
      j++;
    }
  }
  return out.done();
}

/**
 * Group-wise unions: `group[i]` names the group of range i (ranges sorted by first). Returns one
 * set per group id, computed in one counting-sort pass (stable, so each bucket stays sorted).
 */
export function unionByGroup(first: ArrayLike<number>, last: ArrayLike<number>, group: ArrayLike<number>, groups: number): IntervalSet[] {
  const counts = new Int32Array(groups + 1);
  for (let i = 0; i < group.length; i++) counts[group[i]! + 1]!++;
  for (let g = 0; g < groups; g++) counts[g + 1]! += counts[g]!;
  const order = new Int32Array(group.length);
  const cursor = counts.slice(0, groups);
  for (let i = 0; i < group.length; i++) order[cursor[group[i]!]!++] = i;
  const out: IntervalSet[] = [];
  for (let g = 0; g < groups; g++) {
    out.push(unionSorted(first, last, order.subarray(counts[g], counts[g + 1])));
  }
  return out;
}
