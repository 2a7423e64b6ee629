/**
 * Seeded randomness for the Monte Carlo: every estimate is reproducible from (seed, method).
 * mulberry32 is small, fast and good enough for sampling parameter ranges (we need thousands
 * of draws, not cryptographic quality). Each parameter of each method gets its own stream
 * derived from the seed, the method id and the parameter's name (draws.ts), so adding a method
 * to a request, or a parameter to a plan, does not change other numbers.
 */

import { mulberry32, type Rng } from '../shared/index.js';

export { mulberry32, type Rng };

/** FNV-1a of a string mixed with a seed: the stream id for (seed, name). */
export function streamSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A parameter's distribution over its documented range. */
export type Dist =
  | { kind: 'fixed'; value: number }
  | { kind: 'triangular'; low: number; mode: number; high: number }
  | { kind: 'uniform'; low: number; high: number }
  | { kind: 'lognormal'; median: number; sigma: number }
  /** The values of a reference class, each drawn with equal chance (a class that mixes kinds, e.g. regional and national shutdowns, has no triangular shape). */
  | { kind: 'empirical'; values: number[] }
  /** 1 with chance p, else 0: which of two kinds an event was, when its record does not say (p from its reference class). */
  | { kind: 'bernoulli'; p: number };

/** The median of a reference class: its middle value (for an even count the upper of the two, as quartilesOf takes it). */
export const empiricalMedian = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.round((values.length - 1) / 2)]!;

/** The point value of a distribution (its mode; the median for a log-normal). */
export function pointOf(d: Dist): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'triangular':
      return d.mode;
    case 'uniform':
      return (d.low + d.high) / 2;
    case 'lognormal':
      return d.median;
    case 'empirical':
      return empiricalMedian(d.values);
    case 'bernoulli':
      return d.p > 0.5 ? 1 : 0;
  }
}

/** Inverse-CDF triangular sample (exact, one uniform per draw). */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const c = (mode - low) / (high - low);
  return u < c ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** Standard normal by Box-Muller (two uniforms). */
function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fill `out` with draws from `d` (one loop per kind: the switch stays out of the hot loop). */
export function sample(d: Dist, rng: Rng, out: Float64Array): void {
  const n = out.length;
  switch (d.kind) {
    case 'fixed':
      out.fill(d.value);
      return;
    case 'triangular': {
      const { low, mode, high } = d;
      for (let i = 0; i < n; i++) out[i] = triangular(rng(), low, mode, high);
      return;
    }
    case 'uniform':
      for (let i = 0; i < n; i++) out[i] = d.low + rng() * (d.high - d.low);
      return;
    case 'lognormal':
      for (let i = 0; i < n; i++) out[i] = d.median * Math.exp(d.sigma * normal(rng));
      return;
    case 'empirical': {
      const v = d.values;
      for (let i = 0; i < n; i++) out[i] = v[Math.min(v.length - 1, Math.floor(rng() * v.length))]!;
      return;
    }
    case 'bernoulli':
      for (let i = 0; i < n; i++) out[i] = rng() < d.p ? 1 : 0;
      return;
  }
}

/** Quantile q in [0,1] of sorted values (linear interpolation between order statistics). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Rearrange a[lo..hi] so that a[k] is the k-th smallest (Hoare selection, median of three). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three as the pivot
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Quantiles (same interpolation as quantileSorted) without sorting: O(n) selections on `a`,
 * which is reordered. qs must be ascending. Sorting 10,000 draws per estimate dominated the
 * engine's time; selection is ~10x cheaper.
 */
export function quantilesInPlace(a: Float64Array, qs: number[]): number[] {
  const n = a.length;
  if (n === 0) return qs.map(() => Number.NaN);
  let lo = 0;
  return qs.map((q) => {
    const pos = (n - 1) * q;
    const k = Math.floor(pos);
    select(a, k, lo, n - 1);
    lo = k;
    const x = a[k]!;
    if (pos === k || k + 1 >= n) return x;
    let next = a[k + 1]!;
    for (let i = k + 2; i < n; i++) if (a[i]! < next) next = a[i]!;
    return x + (next - x) * (pos - k);
  });
}
