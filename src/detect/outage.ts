/**
 * Outage episodes in one signal series (IODA-style: telescope sources, responsive /24 blocks,
 * visible prefixes, measurement counts per time bin). Each sample is compared with a robust
 * baseline from its own trailing history, and a run of low samples long enough is an episode
 * with an onset, a recovery (each with the window it lies in), a drop ratio and a severity.
 *
 * Guarantees, each tested:
 * - Baseline: median of the samples at the same time of day (± slot half-width) on up to
 *   `historyDays` previous days, so diurnal cycles are not read as drops; where no previous
 *   day covers the slot, the median of a short trailing window (inside a run of low samples,
 *   the window before the run began). Only samples judged normal
 *   enter the history, so a long outage does not lower its own baseline.
 * - A missing sample is never low: a gap neither starts nor extends an episode, and a gap
 *   longer than `maxGapMin` (or than one step, for series binned coarser: hourly or daily
 *   counts) ends a run (the onset window then spans the gap).
 * - Never-zero signals: a sample is low when it falls below `dropRatio` × baseline, whatever
 *   its floor; for small counts it must also be improbable under a Poisson law with the
 *   baseline as mean (P ≤ `poissonAlpha`), so a count of 5 against 8 is not an outage sample.
 * Pure: arrays in, episodes out.
 */
import { median, poissonCdf } from './stats.js';

export interface OutageParams {
  /** A sample is low below this fraction of its baseline. */
  dropRatio: number;
  /** Small counts: a low sample must also have Poisson P(X ≤ value | baseline) at most this. */
  poissonAlpha: number;
  /** An episode needs this many consecutive low samples ... */
  minLowSamples: number;
  /** ... spanning at least this many minutes (first to last low sample plus one step). */
  minDurationMin: number;
  /** This many consecutive normal samples end an episode. */
  recoverySamples: number;
  historyDays: number;
  slotHalfWidthMin: number;
  /** Minimum same-slot values for a same-time-of-day baseline. */
  minSlotValues: number;
  /** Fallback: trailing window (hours) and the share of its samples that must be present. */
  trailingHours: number;
  minTrailingCoverage: number;
  /** A gap longer than this ends a run of low samples. */
  maxGapMin: number;
  /** Baselines below this are too small to judge (a signal that is near zero anyway). */
  minBaseline: number;
}

export const DEFAULT_OUTAGE_PARAMS: OutageParams = {
  dropRatio: 0.5,
  poissonAlpha: 0.01,
  minLowSamples: 3,
  minDurationMin: 30,
  recoverySamples: 3,
  historyDays: 7,
  slotHalfWidthMin: 30,
  minSlotValues: 3,
  trailingHours: 3,
  minTrailingCoverage: 0.5,
  maxGapMin: 60,
  minBaseline: 1,
};

export interface Sample {
  t: number;
  v: number | null;
}

export interface JudgedSample {
  t: string;
  value: number | null;
  baseline: number | null;
  baseline_kind: 'same_slot' | 'trailing' | null;
  ratio: number | null;
  low: boolean;
}

export interface Episode {
  /** First low sample. */
  onset: string;
  /** The onset lies after this instant (the last sample before it that was present) ... */
  onset_after: string | null;
  /** Minutes between onset_after and onset: the onset's uncertainty. */
  onset_uncertainty_min: number | null;
  /** First sample of the recovery streak, or null when the episode lasts to the end of the data. */
  recovery: string | null;
  /** The recovery lies after this instant (the last low sample). */
  recovery_after: string;
  recovery_uncertainty_min: number | null;
  low_samples: number;
  missing_samples: number;
  duration_min: number;
  /** Median over the episode's samples of value / baseline. */
  median_ratio: number;
  median_value: number;
  median_baseline: number;
  drop: number;
  severity: 'critical' | 'major' | 'moderate';
  /** The samples around the onset and the recovery, with baseline and ratio (evidence). */
  samples: JudgedSample[];
}

export interface SeriesJudgement {
  step_min: number | null;
  samples: number;
  missing: number;
  judged: number;
  episodes: Episode[];
  /** Samples for which no baseline could be formed (warm-up, long gaps). */
  unjudged: number;
}

const MIN = 60_000;
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

export const severityOf = (drop: number): Episode['severity'] => (drop >= 0.9 ? 'critical' : drop >= 0.7 ? 'major' : 'moderate');

function medianStep(ts: number[]): number | null {
  const d: number[] = [];
  for (let i = 1; i < ts.length; i++) if (ts[i]! > ts[i - 1]!) d.push(ts[i]! - ts[i - 1]!);
  return median(d);
}

/** History of normal samples, in time order, with window queries by binary search. */
class History {
  private readonly t: number[] = [];
  private readonly v: number[] = [];
  add(t: number, v: number): void {
    this.t.push(t);
    this.v.push(v);
  }
  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.t[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  window(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = this.lowerBound(from); i < this.t.length && this.t[i]! <= to; i++) out.push(this.v[i]!);
    return out;
  }
}

/**
 * The baseline of a sample at `t`. The trailing window ends at `trailEnd`: the sample itself, or
 * inside a run of low samples the run's first sample, so a drop is judged against the level
 * before it for as long as it lasts and a sample back at that level reads as normal. The
 * same-slot days likewise reach `historyDays` days before `trailEnd`: the run's own days never
 * enter the history, so a run longer than a few days keeps the same-slot baseline of the days
 * before it (a daily series has no trailing window to fall back on).
 */
function baselineAt(h: History, t: number, trailEnd: number, step: number, p: OutageParams): { b: number; kind: 'same_slot' | 'trailing' } | null {
  const slot: number[] = [];
  const half = p.slotHalfWidthMin * MIN;
  const days = p.historyDays + Math.ceil((t - trailEnd) / DAY);
  for (let d = 1; d <= days; d++) slot.push(...h.window(t - d * DAY - half, t - d * DAY + half));
  if (slot.length >= p.minSlotValues) return { b: median(slot)!, kind: 'same_slot' };
  const trail = h.window(trailEnd - p.trailingHours * 3_600_000, trailEnd - 1);
  if (trail.length >= Math.max(3, p.minTrailingCoverage * ((p.trailingHours * 3_600_000) / step))) return { b: median(trail)!, kind: 'trailing' };
  return null;
}

/** Below the drop ratio, and (to start a run) also improbable as Poisson noise around the baseline. */
const isBelow = (v: number, b: number, p: OutageParams): boolean => v < p.dropRatio * b;
const isSignificant = (v: number, b: number, p: OutageParams): boolean => isBelow(v, b, p) && poissonCdf(Math.floor(v), b) <= p.poissonAlpha;

/**
 * The onset is where the samples first fell below the ratio, even if only the later ones were
 * improbable enough to start the run: walk back over the samples just before that were below
 * it too (missing samples skipped, not across a long gap).
 */
function belowBefore(judged: JudgedSample[], idx: number, maxGapMs: number, dropRatio: number): number[] {
  const out: number[] = [];
  let next = Date.parse(judged[idx]!.t);
  let skipped: number | null = null;
  for (let i = idx - 1; i >= 0; i--) {
    const x = judged[i]!;
    if (x.value === null) continue;
    if (next - Date.parse(x.t) > maxGapMs || x.ratio === null) break;
    if (x.value >= dropRatio * x.baseline!) {
      // One sample above the ratio between two below it is noise at small counts; two end the walk.
      if (skipped !== null) break;
      skipped = i;
      continue;
    }
    if (skipped !== null) {
      out.unshift(skipped);
      skipped = null;
    }
    next = Date.parse(x.t);
    x.low = true;
    out.unshift(i);
  }
  return out;
}

/** Judge every sample and collect the episodes. Samples may arrive in any order. */
export function judgeSeries(input: Sample[], params: Partial<OutageParams> = {}): SeriesJudgement {
  const p = { ...DEFAULT_OUTAGE_PARAMS, ...params };
  const s = [...input].sort((a, b) => a.t - b.t);
  const present = s.filter((x) => x.v !== null);
  const step = medianStep(present.map((x) => x.t));
  const out: SeriesJudgement = {
    step_min: step === null ? null : step / MIN,
    samples: s.length,
    missing: s.length - present.length,
    judged: 0,
    episodes: [],
    unjudged: 0,
  };
  if (step === null) return out;
  // A gap is time without samples beyond the series' own step: hourly or daily counts are not gaps.
  const maxGap = Math.max(p.maxGapMin * MIN, step);
  const h = new History();
  const judged: JudgedSample[] = [];
  // Run state: indexes into `judged` of the pending/open run's low samples.
  let run: number[] = [];
  let open = false;
  let prefix = 0;
  let normalStreak: number[] = [];
  let pendingNormal: { t: number; v: number }[] = [];
  let lastPresent: number | null = null;

  const close = (endIdx: number | null) => {
    const first = judged[run[0]!]!;
    const last = judged[run[run.length - 1]!]!;
    const firstIdx = run[0]!;
    const lastIdx = run[run.length - 1]!;
    const inEpisode = judged.slice(firstIdx, lastIdx + 1);
    const ratios = inEpisode.filter((x) => x.ratio !== null).map((x) => x.ratio!);
    const before = judged
      .slice(0, firstIdx)
      .reverse()
      .find((x) => x.value !== null);
    const rec = endIdx === null ? null : judged[endIdx]!;
    const mr = median(ratios) ?? 0;
    out.episodes.push({
      onset: first.t,
      onset_after: before?.t ?? null,
      onset_uncertainty_min: before ? (Date.parse(first.t) - Date.parse(before.t)) / MIN : null,
      recovery: rec?.t ?? null,
      recovery_after: last.t,
      recovery_uncertainty_min: rec ? (Date.parse(rec.t) - Date.parse(last.t)) / MIN : null,
      low_samples: inEpisode.filter((x) => x.low).length,
      missing_samples: inEpisode.filter((x) => x.value === null).length,
      duration_min: (Date.parse(rec?.t ?? last.t) - Date.parse(first.t)) / MIN + (rec ? 0 : step / MIN),
      median_ratio: Math.round(mr * 1000) / 1000,
      median_value: median(inEpisode.filter((x) => x.value !== null).map((x) => x.value!)) ?? 0,
      median_baseline: median(inEpisode.filter((x) => x.baseline !== null).map((x) => x.baseline!)) ?? 0,
      drop: Math.round((1 - mr) * 1000) / 1000,
      severity: severityOf(1 - mr),
      samples: [
        ...judged.slice(Math.max(0, firstIdx - 6), firstIdx + 6),
        ...(rec ? judged.slice(Math.max(firstIdx + 6, lastIdx - 2), endIdx! + 3) : judged.slice(Math.max(firstIdx + 6, lastIdx - 2), lastIdx + 1)),
      ],
    });
  };

  for (const x of s) {
    if (x.v === null) {
      judged.push({ t: iso(x.t), value: null, baseline: null, baseline_kind: null, ratio: null, low: false });
      continue;
    }
    const gap = lastPresent !== null && x.t - lastPresent > maxGap;
    lastPresent = x.t;
    if (gap && run.length && !open) {
      for (const q of pendingNormal) h.add(q.t, q.v);
      run = [];
      pendingNormal = [];
    }
    const base = baselineAt(h, x.t, run.length ? Date.parse(judged[run[0]!]!.t) : x.t, step, p);
    if (!base || base.b < p.minBaseline) {
      out.unjudged++;
      judged.push({ t: iso(x.t), value: x.v, baseline: base?.b ?? null, baseline_kind: base?.kind ?? null, ratio: null, low: false });
      if (!open && !run.length) h.add(x.t, x.v);
      continue;
    }
    out.judged++;
    // A run starts at a significant drop and goes on while samples stay below the ratio.
    const low = run.length || open ? isBelow(x.v, base.b, p) : isSignificant(x.v, base.b, p);
    const idx =
      judged.push({
        t: iso(x.t),
        value: x.v,
        baseline: Math.round(base.b * 100) / 100,
        baseline_kind: base.kind,
        ratio: Math.round((x.v / base.b) * 1000) / 1000,
        low,
      }) - 1;
    if (low) {
      normalStreak = [];
      if (!run.length) {
        // The walk back places the onset; it does not count towards opening the episode.
        const before = belowBefore(judged, idx, maxGap, p.dropRatio);
        run.push(...before);
        prefix = before.length;
      }
      run.push(idx);
      pendingNormal.push({ t: x.t, v: x.v });
      if (
        !open &&
        run.length - prefix >= p.minLowSamples &&
        Date.parse(judged[idx]!.t) - Date.parse(judged[run[prefix]!]!.t) + step >= p.minDurationMin * MIN
      ) {
        open = true;
        pendingNormal = [];
      }
      if (open) pendingNormal = [];
      continue;
    }
    if (open) {
      normalStreak.push(idx);
      if (normalStreak.length >= p.recoverySamples) {
        close(normalStreak[0]!);
        for (const i of normalStreak) h.add(Date.parse(judged[i]!.t), judged[i]!.value!);
        open = false;
        run = [];
        normalStreak = [];
      }
      continue;
    }
    if (run.length) {
      for (const q of pendingNormal) h.add(q.t, q.v);
      run = [];
      pendingNormal = [];
    }
    h.add(x.t, x.v);
  }
  if (open) close(null);
  return out;
}
