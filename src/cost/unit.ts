/**
 * Units: the per-draw factors of a plan (see Plan.terms), built from a few constructors so that
 * every unit's memo key is generated from exactly what it computes, and so that the engine can
 * fill 10,000 draws with a tight loop over arrays instead of 10,000 closure calls. `fn` prices
 * one parameter vector (the point estimate); `fill` prices every draw at once; unit.test.ts
 * checks they agree for every constructor.
 */
import type { Unit } from './types.js';

/** Draws of every parameter (one array per parameter, N values each). */
export type Draws = readonly Float64Array[];

export const one: Unit = { key: '1', reads: [], fn: () => 1, fill: (_d, out) => out.fill(1) };

/** The parameter p_i itself. */
export const param = (i: number): Unit => ({ key: `p${i}`, reads: [i], fn: (p) => p[i]!, fill: (d, out) => out.set(d[i]!) });

/** 1 − p_i (e.g. fixed = 1 − mobile share). */
export const oneMinus = (i: number): Unit => ({
  key: `(1-p${i})`,
  reads: [i],
  fn: (p) => 1 - p[i]!,
  fill: (d, out) => {
    const x = d[i]!;
    for (let j = 0; j < out.length; j++) out[j] = 1 - x[j]!;
  },
});

/**
 * min(1, Σ c_i · p_i): weights that add up, capped at the whole; c_i (default 1) is a fixed
 * coefficient of each (the share of the span a platform was blocked).
 */
export const cappedSum = (idx: number[], coef: readonly number[] = idx.map(() => 1)): Unit => {
  const c = idx.map((_, k) => coef[k] ?? 1);
  return {
    key: `min(1,${idx.map((i, k) => (c[k] === 1 ? `p${i}` : `${c[k]}*p${i}`)).join('+')})`,
    reads: idx,
    fn: (p) => {
      let w = 0;
      idx.forEach((i, k) => (w += c[k]! * p[i]!));
      return Math.min(1, w);
    },
    fill: (d, out) => {
      out.fill(0);
      idx.forEach((i, k) => {
        const x = d[i]!;
        const ck = c[k]!;
        for (let j = 0; j < out.length; j++) out[j]! += ck * x[j]!;
      });
      for (let j = 0; j < out.length; j++) if (out[j]! > 1) out[j] = 1;
    },
  };
};

/** p_w + (1 − p_w) · p_s: the whole when p_w is 1, the share p_s when it is 0 (a cut of the whole network, or of mobile data only). */
export const wholeOr = (w: number, s: number): Unit => ({
  key: `(p${w}+(1-p${w})*p${s})`,
  reads: w < s ? [w, s] : [s, w],
  fn: (p) => p[w]! + (1 - p[w]!) * p[s]!,
  fill: (d, out) => {
    const a = d[w]!;
    const b = d[s]!;
    for (let j = 0; j < out.length; j++) out[j] = a[j]! + (1 - a[j]!) * b[j]!;
  },
});

/** Σ c_k · u_k: units weighted by fixed coefficients (the shares of a period before and after an area narrowed). */
export function linear(parts: readonly (readonly [number, Unit])[]): Unit {
  const ps = parts.filter(([c]) => c !== 0);
  if (ps.length === 1 && ps[0]![0] === 1) return ps[0]![1];
  return {
    key: `(${ps.map(([c, u]) => `${c}*${u.key}`).join('+')})`,
    reads: [...new Set(ps.flatMap(([, u]) => u.reads))].sort((a, b) => a - b),
    fn: (p) => ps.reduce((s, [c, u]) => s + c * u.fn(p), 0),
    fill: (d, out) => {
      out.fill(0);
      const tmp = new Float64Array(out.length);
      for (const [c, u] of ps) {
        u.fill(d, tmp);
        for (let j = 0; j < out.length; j++) out[j]! += c * tmp[j]!;
      }
    },
  };
}

/** x^n for a whole n ≥ 0 by repeated squaring (cheaper than Math.pow in the draw loop). */
function powInt(x: number, n: number): number {
  let r = 1;
  for (let b = x, e = n; e > 0; e >>= 1, b *= b) if (e & 1) r *= b;
  return r;
}

/** (1 + p_i)^n: an annual escalator over n whole years. */
export const compound = (i: number, n: number): Unit => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`compound: n must be a whole number of years, got ${n}`);
  return {
    key: `(1+p${i})^${n}`,
    reads: [i],
    fn: (p) => powInt(1 + p[i]!, n),
    fill: (d, out) => {
      const x = d[i]!;
      for (let j = 0; j < out.length; j++) out[j] = powInt(1 + x[j]!, n);
    },
  };
};

/** The product of units (a factor × a weight). */
export function times(...units: Unit[]): Unit {
  const us = units.filter((u) => u.key !== '1');
  if (us.length === 0) return one;
  if (us.length === 1) return us[0]!;
  return {
    key: us.map((u) => u.key).join('*'),
    reads: [...new Set(us.flatMap((u) => u.reads))].sort((a, b) => a - b),
    fn: (p) => {
      let v = 1;
      for (const u of us) v *= u.fn(p);
      return v;
    },
    fill: (d, out) => {
      us[0]!.fill(d, out);
      const tmp = new Float64Array(out.length);
      for (let k = 1; k < us.length; k++) {
        us[k]!.fill(d, tmp);
        for (let j = 0; j < out.length; j++) out[j]! *= tmp[j]!;
      }
    },
  };
}
