/**
 * Two-sided, state-aware CUSUM over an hourly blocked score (Basseville & Nikiforov 1993,
 * §2.2.5; the form ooni/data's detector uses, reimplemented from its description in
 * docs/ooni-measurement.md §2.2). Two fixed means: mu0 (not blocked) and mu1 (blocked).
 * - In the ok state only the upward sum runs: s+ = max(0, s+ + (y - mu0) - v/2); s+ > h -> blocked.
 * - In the blocked state only the downward sum runs: s- = max(0, s- - (y - mu1) - v/2); s- > h -> ok.
 * - The start state is a parameter. ooni/data starts "unknown" (both sums run, the first alarm
 *   settles it silently); on sparse series that can take weeks, during which a real onset is
 *   reported only as a settling. We start "ok" by default (most series are not blocked): a series
 *   blocked from its first hour then shows an onset at that hour, flagged `atSeriesStart`.
 * - h = edd * v / 2, v = mu1 - mu0: edd is the expected detection delay in hours of a full block.
 * - Gaps: hours without measurements are skipped (no signal, not "ok"); after a gap longer than
 *   gapHours both sums decay by 0.5^(gap / halfLifeHours), so old evidence fades.
 * The alarm comes some hours after the change; the change time we report is where the sum last
 * left zero before the alarm (the usual CUSUM change-time estimate), and the alarm time is kept.
 */

export interface CusumParams {
  mu0: number;
  mu1: number;
  /** Expected detection delay, in observed hours of a complete block. */
  edd: number;
  gapHours: number;
  halfLifeHours: number;
  /** A series with fewer observed hours than this is reported as insufficient data. */
  minHours: number;
  /** The state before the first hour: 'ok' (assume reachable) or 'unknown' (ooni/data's start). */
  initial: (typeof CUSUM_INITIAL_STATES)[number];
}

/** The states a series may start in (`params.block.initial`). */
export const CUSUM_INITIAL_STATES = ['ok', 'unknown'] as const;

export const DEFAULT_CUSUM_PARAMS: CusumParams = { mu0: 0, mu1: 0.7, edd: 20, gapHours: 24, halfLifeHours: 48, minHours: 24, initial: 'ok' };

export const threshold = (p: CusumParams): number => (p.edd * (p.mu1 - p.mu0)) / 2;

export type CusumState = 'unknown' | 'ok' | 'blocked';

/** One observed hour: start of the hour (epoch ms), blocked score in [0, 1], measurements behind it. */
export interface HourScore {
  t: number;
  y: number;
  n: number;
}

export interface CusumChange {
  direction: 'onset' | 'offset' | 'initial';
  from: CusumState;
  to: CusumState;
  /** Estimated change time (epoch ms): the hour the sum last left zero. */
  t: number;
  /** The hour whose score made the sum cross h. */
  alarmAt: number;
  sPos: number;
  sNeg: number;
  h: number;
  /** The estimated change is the series' first observed hour: the state may predate the data. */
  atSeriesStart: boolean;
  /** Observed hours and measurements between the estimated change and the alarm. */
  hours: number;
  measurements: number;
  meanScore: number;
}

export interface CusumResult {
  state: CusumState;
  changes: CusumChange[];
  observedHours: number;
  measurements: number;
}

const HOUR = 3_600_000;

/** Columns of one series' observed hours, sorted by time; typed arrays keep big runs compact. */
export interface HourColumns {
  t: ArrayLike<number>;
  y: ArrayLike<number>;
  n: ArrayLike<number>;
  /** Range of the columns to read: [from, to). */
  from: number;
  to: number;
}

/** Run the detector over hours (sorted on a copy when they are not sorted by time). */
export function cusum(hours: readonly HourScore[], p: CusumParams = DEFAULT_CUSUM_PARAMS): CusumResult {
  const xs = [...hours].sort((a, b) => a.t - b.t);
  return cusumColumns({ t: xs.map((x) => x.t), y: xs.map((x) => x.y), n: xs.map((x) => x.n), from: 0, to: xs.length }, p);
}

function evidence(c: HourColumns, from: number, to: number): { hours: number; measurements: number; meanScore: number } {
  let m = 0;
  let y = 0;
  for (let j = from; j < to; j++) {
    m += c.n[j]!;
    y += c.y[j]!;
  }
  return { hours: to - from, measurements: m, meanScore: y / (to - from) };
}

/** The detector over columns sorted by time. */
export function cusumColumns(c: HourColumns, p: CusumParams = DEFAULT_CUSUM_PARAMS): CusumResult {
  const h = threshold(p);
  const half = (p.mu1 - p.mu0) / 2;
  /** Rounding left by summing edd steps of h/edd: far below one step, so only exact ties move. */
  const tol = 1e-9 * Math.max(1, h);
  let state = p.initial as CusumState;
  let sPos = 0;
  let sNeg = 0;
  // Where each sum last left zero: the change-time estimate if it goes on to cross h.
  let posFrom = c.from;
  let negFrom = c.from;
  const changes: CusumChange[] = [];
  let measurements = 0;
  let prevT = Number.NEGATIVE_INFINITY;
  for (let i = c.from; i < c.to; i++) {
    const t = c.t[i]!;
    const y = c.y[i]!;
    measurements += c.n[i]!;
    const gap = (t - prevT) / HOUR;
    if (gap > p.gapHours && Number.isFinite(gap)) {
      const f = 0.5 ** (gap / p.halfLifeHours);
      sPos *= f;
      sNeg *= f;
    }
    prevT = t;
    if (state !== 'blocked') {
      const next = Math.max(0, sPos + (y - p.mu0) - half);
      if (sPos === 0 && next > 0) posFrom = i;
      sPos = next;
    }
    if (state !== 'ok') {
      const next = Math.max(0, sNeg - (y - p.mu1) - half);
      if (sNeg === 0 && next > 0) negFrom = i;
      sNeg = next;
    }
    // s > h up to float rounding: a sum that reaches h exactly (edd hours of y = mu1) does not alarm
    const up = state !== 'blocked' && sPos > h + tol;
    const down = !up && state !== 'ok' && sNeg > h + tol;
    if (up || down) {
      const to: CusumState = up ? 'blocked' : 'ok';
      const from = up ? posFrom : negFrom;
      changes.push({
        direction: state === 'unknown' ? 'initial' : up ? 'onset' : 'offset',
        from: state,
        to,
        t: c.t[from]!,
        alarmAt: t,
        sPos,
        sNeg,
        h,
        atSeriesStart: from === c.from,
        ...evidence(c, from, i + 1),
      });
      state = to;
      sPos = 0;
      sNeg = 0;
    }
  }
  return { state, changes, observedHours: c.to - c.from, measurements };
}
