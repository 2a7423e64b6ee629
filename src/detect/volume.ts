/**
 * Shutdown detection from measurement volume, in the style of IODA: the count of measurements
 * per (country, network) per hour against the median of a trailing window. A measurement
 * detector goes silent during a shutdown (no measurements arrive); this one listens to the
 * silence. IODA's active-probing thresholds (7-day window, warning below 80 %, critical below
 * 50 % of the median) are the defaults; severity is IODA's "alert area": depth % x minutes.
 * Two departures, both because OONI volume is small and bursty where IODA's signals are large:
 * - a run of hours below the warning line must also be unlikely as Poisson noise: its total
 *   count against its total baseline (alpha), so 0 after a median of 3 is not an outage, while
 *   0 after a median of 40 is; the level is critical when the run's median hourly ratio is below 50 %;
 * - hours in alert do not enter the trailing window, so a long outage does not become its own
 *   baseline (IODA's plain median forgets an outage after half a window);
 * - by default the median is over the same hour of day in the window (7 values for 7 days):
 *   volunteer measurements follow the day, and a plain median flags every night's trough.
 */
import { poissonCdf } from './stats.js';

export interface VolumeParams {
  windowHours: number;
  warning: number;
  critical: number;
  /** Baseline (median per hour) below which an hour cannot be judged. */
  minBaseline: number;
  /** Hours of history needed before the first judgement. */
  minHistoryHours: number;
  /** Largest Poisson lower-tail probability of a run's total count (vs its baseline total) still called an outage. */
  alpha: number;
  /** 'hour_of_day': median of the same hour on the window's days; 'window': of every hour (IODA). */
  baseline: (typeof VOLUME_BASELINES)[number];
  /** Hours back above the warning line that do not end a run (a partial outage flickers). */
  bridgeHours: number;
  /** Shortest outage reported, in hours: one odd hour in a busy series is noise far more often than a shutdown. */
  minHours: number;
}

/** The baselines an hour is judged against (`params.shutdown.baseline`). */
export const VOLUME_BASELINES = ['hour_of_day', 'window'] as const;

export const DEFAULT_VOLUME_PARAMS: VolumeParams = {
  windowHours: 336,
  warning: 0.8,
  critical: 0.5,
  minBaseline: 5,
  minHistoryHours: 72,
  alpha: 1e-8,
  baseline: 'hour_of_day',
  bridgeHours: 1,
  minHours: 2,
};

/** A dense hourly count series: counts[i] measurements in the hour starting at t0 + i hours. */
export interface VolumeSeries {
  t0: number;
  counts: ArrayLike<number>;
}

export interface Outage {
  start: number;
  /** Exclusive end; null = still below the threshold when the data ends. */
  end: number | null;
  hours: number;
  level: 'warning' | 'critical';
  baseline: number;
  minCount: number;
  minRatio: number;
  maxDepthPct: number;
  /** IODA alert area: sum over the outage hours of depth % x 60 minutes. */
  severity: number;
  expected: number;
  observed: number;
}

export interface VolumeResult {
  outages: Outage[];
  judgedHours: number;
  /** Hours with too little history or too small a baseline to judge. */
  unjudgedHours: number;
  medianBaseline: number | null;
}

const HOUR = 3_600_000;

/** A trailing window that keeps its values sorted, for an O(window) median update. */
class SortedWindow {
  private readonly fifo: number[] = [];
  private readonly sorted: number[] = [];
  constructor(private readonly size: number) {}
  get length(): number {
    return this.fifo.length;
  }
  push(v: number): void {
    this.fifo.push(v);
    this.sorted.splice(this.lowerBound(v), 0, v);
    if (this.fifo.length > this.size) this.sorted.splice(this.lowerBound(this.fifo.shift()!), 1);
  }
  median(): number {
    const s = this.sorted;
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  }
  private lowerBound(v: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (this.sorted[m]! < v) lo = m + 1;
      else hi = m;
    }
    return lo;
  }
}

/** The trailing windows: one of every hour, or one per hour of day (UTC). `fill`: consecutive hours that refill every window. */
function windows(p: VolumeParams): { at: (t: number) => SortedWindow; minHistory: number; fill: number } {
  if (p.baseline === 'window') {
    const w = new SortedWindow(p.windowHours);
    return { at: () => w, minHistory: p.minHistoryHours, fill: Math.max(1, p.windowHours) };
  }
  const days = Math.max(1, Math.round(p.windowHours / 24));
  const ws = Array.from({ length: 24 }, () => new SortedWindow(days));
  return { at: (t) => ws[Math.floor(t / HOUR) % 24]!, minHistory: Math.max(1, Math.round(p.minHistoryHours / 24)), fill: 24 * days };
}

interface Run {
  first: number;
  counts: number[];
  baselines: number[];
}

/**
 * Trim the run's edges: hours closer to normal than to the run's typical depth are noise that
 * happened to sit next to the outage (or bridged hours), not part of it.
 */
function trimRun(run: Run): Run {
  const ratios = run.counts.map((c, j) => c / run.baselines[j]!);
  const typical = ratios.slice().sort((a, b) => a - b)[ratios.length >> 1]!;
  const edge = (1 + typical) / 2;
  let a = 0;
  let b = ratios.length;
  while (a < b - 1 && ratios[a]! > edge) a++;
  while (b - 1 > a && ratios[b - 1]! > edge) b--;
  return { first: run.first + a, counts: run.counts.slice(a, b), baselines: run.baselines.slice(a, b) };
}

/** A run of hours below the warning line becomes an outage if, taken together, it is unlikely as noise. */
function judgeRun(whole: Run, series: VolumeSeries, endIndex: number | null, p: VolumeParams): Outage | null {
  const observed0 = whole.counts.reduce((a, b) => a + b, 0);
  const expected0 = whole.baselines.reduce((a, b) => a + b, 0);
  if (poissonCdf(observed0, expected0) >= p.alpha) return null;
  const run = trimRun(whole);
  if (run.counts.length < p.minHours) return null;
  const trimmedTail = whole.first + whole.counts.length - (run.first + run.counts.length);
  const observed = run.counts.reduce((a, b) => a + b, 0);
  const expected = run.baselines.reduce((a, b) => a + b, 0);
  const ratios = run.counts.map((c, j) => c / run.baselines[j]!);
  const minRatio = Math.min(...ratios);
  const severity = ratios.reduce((a, r) => a + Math.min(100, Math.max(0, (1 - r) * 100)) * 60, 0);
  const medianRatio = ratios.slice().sort((a, b) => a - b)[ratios.length >> 1]!;
  return {
    start: series.t0 + run.first * HOUR,
    end: endIndex === null && trimmedTail === 0 ? null : series.t0 + (run.first + run.counts.length) * HOUR,
    hours: run.counts.length,
    level: medianRatio < p.critical ? 'critical' : 'warning',
    baseline: run.baselines.slice().sort((a, b) => a - b)[run.baselines.length >> 1]!,
    minCount: Math.min(...run.counts),
    minRatio,
    maxDepthPct: Math.min(100, Math.max(0, (1 - minRatio) * 100)),
    severity,
    expected,
    observed,
  };
}

/** `skipEmpty: false` walks every hour (the tests compare both ways). */
export function detectOutages(series: VolumeSeries, p: VolumeParams = DEFAULT_VOLUME_PARAMS, opts: { skipEmpty?: boolean } = {}): VolumeResult {
  const skip = opts.skipEmpty !== false && p.minBaseline > 0;
  const w = windows(p);
  const outages: Outage[] = [];
  const baselines: number[] = [];
  let run: Run | null = null;
  // Judged hours back above the line after a run: bridged into it if the drop resumes soon.
  let pending: { i: number; count: number; baseline: number }[] = [];
  let judged = 0;
  let unjudged = 0;
  const toWindow = (i: number, count: number) => w.at(series.t0 + i * HOUR).push(count);
  // Hours of a run enter the baseline only once the run is judged to be noise.
  const endRun = (end: number | null) => {
    if (run) {
      const o = judgeRun(run, series, end, p);
      if (o) outages.push(o);
      else run.counts.forEach((c, j) => toWindow(run!.first + j, c));
    }
    for (const h of pending) toWindow(h.i, h.count);
    run = null;
    pending = [];
  };
  // Sparse data (OONI volume in a quiet network) is mostly empty hours. Once every window is
  // full of zeros (w.fill consecutive empty hours pushed), an empty hour is unjudged and leaves
  // the windows as they were: skip the rest of the empty stretch at once (same result).
  let zeros = 0;
  const n = series.counts.length;
  for (let i = 0; i < n; i++) {
    const count = series.counts[i]!;
    if (skip && count === 0 && zeros >= w.fill) {
      let j = i;
      while (j < n && series.counts[j] === 0) j++;
      unjudged += j - i;
      i = j - 1;
      continue;
    }
    const win = w.at(series.t0 + i * HOUR);
    const baseline = win.length >= w.minHistory ? win.median() : null;
    if (baseline === null || baseline < p.minBaseline) {
      unjudged++;
      endRun(pending[0]?.i ?? i);
      win.push(count);
      zeros = count === 0 ? zeros + 1 : 0;
      continue;
    }
    zeros = 0;
    judged++;
    baselines.push(baseline);
    if (count / baseline < p.warning) {
      run ??= { first: i, counts: [], baselines: [] };
      for (const h of pending) {
        run.counts.push(h.count);
        run.baselines.push(h.baseline);
      }
      pending = [];
      run.counts.push(count);
      run.baselines.push(baseline);
    } else if (run && pending.length < p.bridgeHours) {
      pending.push({ i, count, baseline });
    } else {
      endRun(pending[0]?.i ?? i);
      win.push(count);
    }
  }
  endRun(pending.length ? pending[0]!.i : null);
  baselines.sort((a, b) => a - b);
  return { outages, judgedHours: judged, unjudgedHours: unjudged, medianBaseline: baselines.length ? baselines[baselines.length >> 1]! : null };
}
