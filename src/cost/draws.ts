/**
 * The Monte Carlo draws of a plan, and the memo that makes pricing a whole ledger cheap.
 *
 * A plan prices segment s in region r as coef[s·R+r] × unit(p): a scenario constant (output,
 * hours, regional share) times a per-draw factor that depends only on the parameters (a share,
 * a weight, an escalator). Each parameter's draws come from its own stream seeded by (seed, method,
 * parameter name), so two estimates that share a parameter see identical draws of it (common
 * random numbers), and a unit with the same key has the same N values in both. We compute those values once and
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
  private used = 0;
  /** `max` entries, or `max` units of `size` (e.g. bytes) when a size function is given. */
  constructor(
    private readonly max: number,
    private readonly size: (v: V) => number = () => 1,
  ) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): V {
    const old = this.m.get(k);
    if (old !== undefined) this.used -= this.size(old);
    this.m.delete(k);
    this.m.set(k, v);
    this.used += this.size(v);
    while (this.used > this.max && this.m.size > 1) {
      const [oldest, ov] = this.m.entries().next().value!;
      this.m.delete(oldest);
      this.used -= this.size(ov);
    }
    return v;
  }
  clear(): void {
    this.m.clear();
    this.used = 0;
  }
}

// Arrays are bounded by bytes (10,000 draws are 80 KB per array): 32 MB of parameter draws and
// 64 MB of unit values; quantiles are three numbers, so many more are kept (the seeded ledger
// has ~700 distinct units).
const MB = 1024 * 1024;
const drawMemo = new Lru<Float64Array>(32 * MB, (a) => a.byteLength);
const valueMemo = new Lru<Float64Array>(64 * MB, (a) => a.byteLength);
const quantileMemo = new Lru<[number, number, number]>(50_000);
let scratch = new Float64Array(0);
const stats = { param_draws: 0, unit_fills: 0, unit_quantiles: 0 };

/** How much work the memo did not save, since the process started (bench:cost prints it). */
export function drawMemoStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Forget every memoised draw (tests use it to show results do not depend on the memo). */
export function clearDrawMemo(): void {
  drawMemo.clear();
  valueMemo.clear();
  quantileMemo.clear();
}

/**
 * The draws of one parameter: its own stream, seeded by (seed, method, parameter name or its
 * declared stream), so a
 * parameter's draws do not depend on which other parameters the plan has (and are shared by
 * every plan of the method that has it).
 */
function paramDraw(methodId: string, seed: number, n: number, spec: ParamSpec): Float64Array {
  const stream = spec.stream ?? spec.name;
  const key = `${methodId}|${seed}|${n}|${stream}|${JSON.stringify(spec.dist)}`;
  const hit = drawMemo.get(key);
  if (hit) return hit;
  stats.param_draws++;
  const out = new Float64Array(n);
  sample(spec.dist, mulberry32(streamSeed(seed, `${methodId}/${stream}`)), out);
  return drawMemo.set(key, out);
}

/** 5th, 50th, 95th percentiles of `values` (left untouched). */
function quantiles(values: Float64Array): [number, number, number] {
  stats.unit_quantiles++;
  if (scratch.length < values.length) scratch = new Float64Array(values.length);
  const s = scratch.subarray(0, values.length);
  s.set(values);
  return quantilesInPlace(s, [...QS]) as [number, number, number];
}

const UNREAD = new Float64Array(0);

/** The values (and quantiles) of each of the plan's units over N seeded draws. */
export function unitValues(methodKey: string, methodId: string, seed: number, n: number, plan: Plan): UnitValues[] {
  return plan.units.map((u) => {
    // A unit's values depend on its function (key) and on the streams and ranges of the
    // parameters it reads (each stream is named by the parameter), nothing else.
    const key = `${methodKey}|${seed}|${n}|${u.key}|${JSON.stringify(u.reads.map((i) => [plan.params[i]!.stream ?? plan.params[i]!.name, plan.params[i]!.dist]))}`;
    const values = () => {
      const hit = valueMemo.get(key);
      if (hit) return hit;
      stats.unit_fills++;
      const v = new Float64Array(n);
      u.fill(
        plan.params.map((spec, i) => (u.reads.includes(i) ? paramDraw(methodId, seed, n, spec) : UNREAD)),
        v,
      );
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
