/**
 * Integer-percentage fingerprint (Kobak, Shpilkin & Pshenichnikov, Annals of Applied
 * Statistics 10(1), 2016; the procedure of dkobak/elections' `anomaly()`): how many polling
 * stations report a turnout or a leader's share within 0.05 points of an integer, against what
 * binomial noise gives the same stations. Each Monte Carlo replicate resamples every station's
 * leader votes ~ Binomial(cast, leader/cast) and ballots issued ~ Binomial(registered,
 * issued/registered); we draw, per station and replicate, whether those resampled counts land
 * in the window, with the exact window probability (binomial.ts): the same distribution as
 * drawing the counts, two orders of magnitude cheaper. Seeded: the same seed gives the same figures.
 */
import type { ElectionArrays } from '../store/index.js';
import { LogFactorials, nearInteger, windowProbability } from './binomial.js';

export const INTEGERS_VERSION = '1.0.0';

export type IntegersParams = {
  reps: number;
  seed: number;
  /** Half-width of the window around each integer, in percentage points. */
  half: number;
  minVoters: number;
  /** Stations above this turnout or leader share (fraction) are left out, as in the paper. */
  maxFraction: number;
  includeFlagged: boolean;
  includeElectronic: boolean;
  percentile: number;
};

export const DEFAULT_INTEGERS: IntegersParams = {
  reps: 1000,
  seed: 42,
  half: 0.05,
  minVoters: 100,
  maxFraction: 0.99,
  includeFlagged: true,
  includeElectronic: true,
  percentile: 99.9,
};

export type Excess = {
  observed: number;
  expected: number;
  excess: number;
  sd: number;
  /** Excess that chance exceeds with probability (100 - percentile) %. */
  threshold: number;
  /** Analytic mean (sum of window probabilities), a check on the simulation. */
  analytic_expected: number;
};

export type IntegersResult = {
  stations_included: number;
  excluded: { small: number; no_ballots: number; above_max: number; flagged: number; electronic: number };
  flagged_included: number;
  either: Excess;
  leader: Excess;
  turnout: Excess;
  by_region: { region: string; stations: number; either: Excess }[];
};

/**
 * xorshift128 (Marsaglia), 32-bit outputs compared as integers against thresholds scaled to
 * 2^32: fast, seeded, and more than fine-grained enough for counting window hits.
 */
function xorshift128(seed: number): Uint32Array {
  const s = new Uint32Array(4);
  let x = (seed >>> 0) ^ 0x9e3779b9;
  for (let i = 0; i < 4; i++) {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
    s[i] = (x ^ (x >>> 16)) >>> 0 || 0x6d2b79f5 + i;
  }
  return s;
}

const TWO32 = 4294967296;

function stats(observed: number, draws: Float64Array, analytic: number, percentile: number): Excess {
  const n = draws.length;
  let mean = 0;
  for (const x of draws) mean += x;
  mean /= n;
  let v = 0;
  for (const x of draws) v += (x - mean) ** 2;
  const sorted = Float64Array.from(draws).sort();
  // numpy's default (linear) percentile
  const pos = (percentile / 100) * (n - 1);
  const lo = Math.floor(pos);
  const q = sorted[lo]! + (sorted[Math.min(n - 1, lo + 1)]! - sorted[lo]!) * (pos - lo);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { observed, expected: r(mean), excess: r(observed - mean), sd: r(Math.sqrt(v / n)), threshold: r(q - mean), analytic_expected: r(analytic) };
}

/**
 * The replicate loop on its own (own optimisation, own type feedback: a warm-up call of the
 * caller with other sizes cannot leave it deoptimised). Writes counts per replicate into dl/dt/de
 * from replicate `next` up to `until`, and keeps the generator's state, so the loop can stop after
 * any replicate and go on with the same draws.
 */
interface Draws {
  thA: Int32Array;
  thAB: Int32Array;
  thT: Int32Array;
  reg: Uint16Array;
  /** xorshift128 state (x, y, z, w) between steps. */
  rng: Int32Array;
  next: number;
  dl: Float64Array;
  dt: Float64Array;
  de: Float64Array;
  regionDraws: Float64Array[];
}

function simulate(o: Draws, until: number): void {
  const { thA, thAB, thT, reg, rng, dl, dt, de, regionDraws } = o;
  const n = thA.length;
  let x = rng[0]! | 0;
  let y = rng[1]! | 0;
  let z = rng[2]! | 0;
  let w = rng[3]! | 0;
  for (let r = o.next; r < until; r++) {
    let cl = 0;
    let ct = 0;
    let ce = 0;
    for (let j = 0; j < n; j++) {
      const t = x ^ (x << 11);
      x = y;
      y = z;
      z = w;
      w = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
      const u = w ^ -2147483648; // uint32 order as int32 order
      const L = u < thA[j]!;
      const T = L ? u < thAB[j]! : u < thT[j]!;
      if (L) cl++;
      if (T) ct++;
      if (L || T) {
        ce++;
        regionDraws[reg[j]!]![r]!++;
      }
    }
    dl[r] = cl;
    dt[r] = ct;
    de[r] = ce;
  }
  rng[0] = x;
  rng[1] = y;
  rng[2] = z;
  rng[3] = w;
  o.next = Math.max(o.next, until);
}

/** Stations whose window probabilities are computed between two pauses (a few tens of milliseconds). */
const STEP_STATIONS = 2000;
/** Station-draws of the replicate loop between two pauses (a few tens of milliseconds). */
export const STEP_DRAWS = 2_000_000;

/**
 * The whole computation as steps: it yields after every STEP_STATIONS window probabilities and
 * every STEP_DRAWS station-draws, and returns the result. Run to the end at once, or with a
 * pause at each yield; the figures are the same (same seed, same draws).
 */
function* steps(a: ElectionArrays, p: IntegersParams): Generator<void, IntegersResult> {
  const excluded = { small: 0, no_ballots: 0, above_max: 0, flagged: 0, electronic: 0 };
  const idx: number[] = [];
  let maxN = 0;
  for (let i = 0; i < a.n; i++) {
    if (!p.includeElectronic && a.electronic[i]) excluded.electronic++;
    else if (!p.includeFlagged && a.flagged[i]) excluded.flagged++;
    else if (!(a.cast[i]! > 0)) excluded.no_ballots++;
    else if (!(a.registered[i]! >= p.minVoters)) excluded.small++;
    else if (a.issued[i]! / a.registered[i]! > p.maxFraction || a.leader[i]! / a.cast[i]! > p.maxFraction) excluded.above_max++;
    else {
      idx.push(i);
      maxN = Math.max(maxN, a.registered[i]!, a.cast[i]!);
    }
  }
  const n = idx.length;
  const lf = new LogFactorials(maxN);
  const pl = new Float64Array(n); // P(leader share lands in a window)
  const pt = new Float64Array(n); // P(turnout lands in a window)
  const reg = new Uint16Array(n);
  const obs = { either: 0, leader: 0, turnout: 0 };
  const obsRegion = new Float64Array(a.regions.length);
  const stationsRegion = new Float64Array(a.regions.length);
  let flaggedIncluded = 0;
  const an = { either: 0, leader: 0, turnout: 0 };
  for (let j = 0; j < n; j++) {
    const i = idx[j]!;
    const cast = a.cast[i]!;
    const voters = a.registered[i]!;
    const L = nearInteger(a.leader[i]!, cast, p.half);
    const T = nearInteger(a.issued[i]!, voters, p.half);
    obs.leader += +L;
    obs.turnout += +T;
    obs.either += +(L || T);
    reg[j] = a.region[i]!;
    stationsRegion[reg[j]!]!++;
    if (L || T) obsRegion[reg[j]!]!++;
    if (a.flagged[i]) flaggedIncluded++;
    pl[j] = windowProbability(cast, a.leader[i]! / cast, p.half, lf);
    pt[j] = windowProbability(voters, a.issued[i]! / voters, p.half, lf);
    an.leader += pl[j]!;
    an.turnout += pt[j]!;
    an.either += 1 - (1 - pl[j]!) * (1 - pt[j]!);
    if ((j + 1) % STEP_STATIONS === 0) yield;
  }
  const dl = new Float64Array(p.reps);
  const dt = new Float64Array(p.reps);
  const de = new Float64Array(p.reps);
  const regionDraws = a.regions.map(() => new Float64Array(p.reps));
  // One uniform u per station and replicate decides both independent events:
  // L = u < a; T = u < a*b (within L) or a <= u < a + (1-a)*b (within not-L); P(T) = b either way.
  // Thresholds and draws live in signed 32-bit space (uint32 - 2^31) so the loop stays in small-integer arithmetic.
  const scale = (q: number) => Math.min(TWO32 - 1, Math.floor(q * TWO32)) - 2147483648;
  const thA = new Int32Array(n);
  const thAB = new Int32Array(n);
  const thT = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    // A probability of 1 hits on all but one of the 2^32 draw values.
    thA[j] = pl[j]! >= 1 ? 2147483647 : scale(pl[j]!);
    thAB[j] = pl[j]! * pt[j]! >= 1 ? 2147483647 : scale(pl[j]! * pt[j]!);
    const both = pl[j]! + (1 - pl[j]!) * pt[j]!;
    thT[j] = both >= 1 ? 2147483647 : scale(both);
  }
  const draws: Draws = { thA, thAB, thT, reg, rng: Int32Array.from(xorshift128(p.seed)), next: 0, dl, dt, de, regionDraws };
  const analyticRegion = new Float64Array(a.regions.length);
  for (let j = 0; j < n; j++) analyticRegion[reg[j]!]! += 1 - (1 - pl[j]!) * (1 - pt[j]!);
  const step = Math.max(1, Math.floor(STEP_DRAWS / Math.max(1, n)));
  for (let r = 0; r < p.reps; r += step) {
    if (r > 0) yield;
    simulate(draws, Math.min(p.reps, r + step));
  }
  return {
    stations_included: n,
    excluded,
    flagged_included: flaggedIncluded,
    either: stats(obs.either, de, an.either, p.percentile),
    leader: stats(obs.leader, dl, an.leader, p.percentile),
    turnout: stats(obs.turnout, dt, an.turnout, p.percentile),
    by_region: a.regions
      .map((region, k) => ({ region, stations: stationsRegion[k]!, either: stats(obsRegion[k]!, regionDraws[k]!, analyticRegion[k]!, p.percentile) }))
      .filter((x) => x.stations > 0)
      .sort((x, y) => y.either.excess - x.either.excess),
  };
}

export function integerFingerprint(a: ElectionArrays, p: IntegersParams = DEFAULT_INTEGERS): IntegersResult {
  const it = steps(a, p);
  for (;;) {
    const s = it.next();
    if (s.done) return s.value;
  }
}

/**
 * The same figures as integerFingerprint, with `pause()` awaited between steps of a few tens of
 * milliseconds: a server answers other requests (/healthz) while the Monte Carlo runs.
 */
export async function integerFingerprintInSteps(a: ElectionArrays, p: IntegersParams, pause: () => Promise<void>): Promise<IntegersResult> {
  const it = steps(a, p);
  for (;;) {
    const s = it.next();
    if (s.done) return s.value;
    await pause();
  }
}
