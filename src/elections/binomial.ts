/**
 * Exact binomial window probabilities: P(100·K/n lies within `half` points of an integer) for
 * K ~ Binomial(n, p). Computed from log-factorials over the values K can take near its mean
 * (±10 sd), which carry all but ~1e-20 of the mass. The predicate is evaluated in the same
 * floating-point form as the observed test, so observed and simulated counts are comparable.
 */

export class LogFactorials {
  private table: Float64Array;
  constructor(max: number) {
    this.table = new Float64Array(max + 1);
    for (let i = 2; i <= max; i++) this.table[i] = this.table[i - 1]! + Math.log(i);
  }
  get max(): number {
    return this.table.length - 1;
  }
  at(i: number): number {
    return this.table[i]!;
  }
}

/** Is 100·k/n within `half` points of an integer (the observed test, same arithmetic)? */
export function nearInteger(k: number, n: number, half: number, period = 1): boolean {
  const p = (100 * k) / n;
  return Math.abs(p - Math.round(p / period) * period) <= half;
}

export function windowProbability(n: number, p: number, half: number, lf: LogFactorials, period = 1): number {
  if (n <= 0) return 0;
  if (p <= 0) return nearInteger(0, n, half, period) ? 1 : 0;
  if (p >= 1) return nearInteger(n, n, half, period) ? 1 : 0;
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(mean - 10 * sd - 1));
  const hi = Math.min(n, Math.ceil(mean + 10 * sd + 1));
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const base = lf.at(n);
  let total = 0;
  // Walk the integers m whose window [m - half, m + half] meets [lo, hi] (in percent).
  const mLo = Math.floor(((100 * lo) / n - half) / period);
  const mHi = Math.ceil(((100 * hi) / n + half) / period);
  for (let m = mLo; m <= mHi; m++) {
    const center = m * period;
    const kFrom = Math.max(lo, Math.floor(((center - half) * n) / 100) - 1);
    const kTo = Math.min(hi, Math.ceil(((center + half) * n) / 100) + 1);
    for (let k = kFrom; k <= kTo; k++) {
      if (!nearInteger(k, n, half, period)) continue;
      // Each k belongs to one m at most; count it only from its own m.
      if (Math.round((100 * k) / n / period) !== m) continue;
      total += Math.exp(base - lf.at(k) - lf.at(n - k) + k * lp + (n - k) * lq);
    }
  }
  return Math.min(1, total);
}
