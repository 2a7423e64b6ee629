/**
 * The Monte Carlo draws of a plan, and the memo that makes pricing a whole ledger cheap.
 *
 * A plan prices segment s in region r as coef[s·R+r] × unit(p): a scenario constant (output,
 * hours, regional share) times a per-draw factor that depends only on the parameters (a share,
 * a weight, an escalator). Draws come from a stream seeded by (seed, method), so two estimates
 * with the same seed, method and parameter specs see identical draws (common random numbers),
 * and a unit with the same key has the same N values in both. We compute those values once and
 * keep them (bounded LRU), with their quantiles: events that differ only in duration or output
 * then cost a few multiplications. The arithmetic is identical whether the memo is cold or
 * warm (quantiles are always taken on the unit's values and scaled), so a result never depends
 * on what was priced before it. See docs/design/011-cost-engine.md.
 */
import { mulberry32, quantilesInPlace, sample, streamSeed } from './random.js';
import type { ParamSpec, Plan } from './types.js';

/** Quantiles the engine reports: 5th, 50th and 95th percentile. */
export const QS = [0.05, 0.5, 0.95] as const;

export interface UnitValues {
  /** 5th, 50th, 95th percentiles of the unit's values. */
  q: [number, number, number];
  /** The unit's value for each draw (computed on demand). Never mutate. */
  values(): Float64Array;
}

class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): V {
    this.m.set(k, v);
    if (this.m.size > this.max) this.m.delete(this.m.keys().next().value!);
    return v;
  }
  clear(): void {
    this.m.clear();
  }
}

// 10,000 draws are 80 KB per array: the array memos stay under ~40 MB; quantiles are small, so
// many more are kept (a ledger has a few thousand distinct units).
const drawMemo = new Lru<Float64Array[]>(64);
const valueMemo = new Lru<Float64Array>(384);
const quantileMemo = new Lru<[number, number, number]>(50_000);
let scratch = new Float64Array(0);

/** Forget every memoised draw (tests use it to show results do not depend on the memo). */
export function clearDrawMemo(): void {
  drawMemo.clear();
  valueMemo.clear();
  quantileMemo.clear();
}

const specsKey = (specs: ParamSpec[]) => JSON.stringify(specs.map((s) => s.dist));

/** The parameter draws of a method for a seed: one array per parameter, N values each. */
function paramDraws(methodId: string, seed: number, n: number, specs: ParamSpec[], key: string): Float64Array[] {
  const hit = drawMemo.get(key);
  if (hit) return hit;
  const rng = mulberry32(streamSeed(seed, methodId));
  const out = specs.map(() => new Float64Array(n));
  specs.forEach((spec, j) => sample(spec.dist, rng, out[j]!));
  return drawMemo.set(key, out);
}

/** 5th, 50th, 95th percentiles of `values` (left untouched). */
export function quantiles(values: Float64Array): [number, number, number] {
  if (scratch.length < values.length) scratch = new Float64Array(values.length);
  const s = scratch.subarray(0, values.length);
  s.set(values);
  return quantilesInPlace(s, [...QS]) as [number, number, number];
}

/** The values (and quantiles) of each of the plan's units over N seeded draws. */
export function unitValues(methodKey: string, methodId: string, seed: number, n: number, plan: Plan): UnitValues[] {
  const base = `${methodKey}|${seed}|${n}|${specsKey(plan.params)}`;
  return plan.units.map((u) => {
    const key = `${base}|${u.key}`;
    const values = () => {
      const hit = valueMemo.get(key);
      if (hit) return hit;
      const draws = paramDraws(methodId, seed, n, plan.params, base);
      const p = new Float64Array(plan.params.length);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < p.length; j++) p[j] = draws[j]![i]!;
        v[i] = u.fn(p);
      }
      return valueMemo.set(key, v);
    };
    const q = quantileMemo.get(key) ?? quantileMemo.set(key, quantiles(values()));
    return { q, values };
  });
}

/** Segment × region costs for one parameter vector (the point estimate, tests). */
export function evaluatePlan(plan: Plan, p: Float64Array): Float64Array {
  const u = plan.units.map((x) => x.fn(p));
  return Float64Array.from(plan.terms.coef, (c, k) => c * u[plan.terms.unit[k]!]!);
}
