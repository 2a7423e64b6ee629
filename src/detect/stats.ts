/** Small robust statistics shared by the detectors. All return null rather than NaN. */

/** Median of the values (copied and sorted); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Lower bound of the Wilson score interval for k successes in n trials (z = 1.96 for 95%).
 * Used so that a share of 2 out of 3 does not weigh as much as 200 out of 300.
 */
export function wilsonLower(k: number, n: number, z = 1.96): number {
  if (n <= 0) return 0;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

/** Round for display without ever producing NaN/Infinity (null instead). */
export function round(v: number | null, digits = 1): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * Lower tail of the Poisson distribution, P(X <= k) for mean lambda. The shutdown detector uses
 * it to ignore "drops" that are ordinary noise when the baseline volume is small.
 */
export function poissonCdf(k: number, lambda: number): number {
  if (lambda <= 0 || k >= lambda * 10 + 50) return 1;
  if (k < 0) return 0;
  // Sum the terms in log space so large baselines do not underflow exp(-lambda).
  let logTerm = -lambda;
  let logSum = logTerm;
  const logLambda = Math.log(lambda);
  for (let i = 1; i <= Math.floor(k); i++) {
    logTerm += logLambda - Math.log(i);
    const hi = Math.max(logSum, logTerm);
    logSum = hi + Math.log(Math.exp(logSum - hi) + Math.exp(logTerm - hi));
  }
  return Math.min(1, Math.exp(logSum));
}
