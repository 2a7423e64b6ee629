/**
 * Shpilkin's turnout-binning estimate. Stations are binned by turnout (ballots issued over
 * registered voters, 1-point bins); the mode is the honest peak of valid ballots by turnout
 * (cleanMode: the first prominent peak from low turnout, not the highest bin, which is the
 * fraud peak where most stations were moved to high turnout, as in 2020 and 2024). Stations
 * below the mode's upper edge are taken as "clean": the leader's share of their valid ballots
 * is the clean share s. Above it, the other choices' votes are taken as genuine and the
 * leader's expected votes as others × s / (1 − s); anomalous votes are the leader's votes
 * above that expectation, summed over those stations. Electronic pseudo-stations are left out
 * by default (their "registered" are DEG sign-ups, a different turnout).
 */
import { validationError } from '../shared/index.js';
import type { ElectionArrays } from '../store/index.js';

export const SHPILKIN_VERSION = '1.1.0';

/** k bin widths as a number of points, without the float noise of the product (0.3 × 149 = 44.7, not 44.699999999999996). */
const edge = (k: number, binWidth: number): number => Number((k * binWidth).toFixed(10));

export type ShpilkinParams = {
  binWidth: number;
  includeElectronic: boolean;
  includeFlagged: boolean;
};

/**
 * The most turnout bins an estimate keeps over 0-100 %: the smoothing in cleanMode costs bins x
 * (2 / binWidth), so 10,000 bins (0.01-point wide) stay a few million steps, and the arrays small.
 */
export const SHPILKIN_MAX_BINS = 10_000;
/** The narrowest bin width taken, in turnout points (100 / SHPILKIN_MAX_BINS). */
export const SHPILKIN_MIN_BIN_WIDTH = 100 / SHPILKIN_MAX_BINS;
/** The widest bin width taken, in turnout points. */
export const SHPILKIN_MAX_BIN_WIDTH = 10;

export const DEFAULT_SHPILKIN: ShpilkinParams = { binWidth: 1, includeElectronic: false, includeFlagged: true };

export type ShpilkinBin = {
  turnout_from: number;
  valid: number;
  leader: number;
  others: number;
  leader_share: number | null;
  expected_leader: number | null;
};

export type ShpilkinResult = {
  stations_included: number;
  excluded: { electronic: number; flagged: number; no_ballots: number; turnout_over_100: number };
  flagged_included: number;
  turnout_mode: { from: number; to: number; center: number; basis: string };
  clean_share: number;
  clean_share_pct: number;
  official_share_pct: number;
  leader_votes: number;
  anomalous_votes: number;
  anomalous_share_of_leader_pct: number;
  clean_turnout_pct: number;
  official_turnout_pct: number;
  bins: ShpilkinBin[];
};

/** A bin width outside SHPILKIN_MIN_BIN_WIDTH..SHPILKIN_MAX_BIN_WIDTH is a VALIDATION error naming binWidth, before any array is sized. */
export function shpilkinEstimate(a: ElectionArrays, p: ShpilkinParams = DEFAULT_SHPILKIN): ShpilkinResult {
  if (!(p.binWidth >= SHPILKIN_MIN_BIN_WIDTH && p.binWidth <= SHPILKIN_MAX_BIN_WIDTH))
    throw validationError([{ path: ['binWidth'], message: binWidthBounds(p.binWidth) }]);
  const nb = Math.ceil(100 / p.binWidth);
  const valid = new Float64Array(nb);
  const leader = new Float64Array(nb);
  const registered = new Float64Array(nb);
  const issued = new Float64Array(nb);
  const excluded = { electronic: 0, flagged: 0, no_ballots: 0, turnout_over_100: 0 };
  let included = 0;
  let flaggedIncluded = 0;
  for (let i = 0; i < a.n; i++) {
    if (!p.includeElectronic && a.electronic[i]) excluded.electronic++;
    else if (!p.includeFlagged && a.flagged[i]) excluded.flagged++;
    else if (!(a.registered[i]! > 0) || !(a.valid[i]! > 0)) excluded.no_ballots++;
    else if (a.issued[i]! > a.registered[i]!) excluded.turnout_over_100++;
    else {
      const t = (100 * a.issued[i]!) / a.registered[i]!;
      const b = Math.min(nb - 1, Math.floor(t / p.binWidth));
      valid[b]! += a.valid[i]!;
      leader[b]! += a.leader[i]!;
      registered[b]! += a.registered[i]!;
      issued[b]! += a.issued[i]!;
      included++;
      if (a.flagged[i]) flaggedIncluded++;
    }
  }
  const { bin: mode, basis } = cleanMode(valid, p.binWidth);
  let cl = 0;
  let cv = 0;
  let creg = 0;
  let ciss = 0;
  for (let b = 0; b <= mode; b++) {
    cl += leader[b]!;
    cv += valid[b]!;
    creg += registered[b]!;
    ciss += issued[b]!;
  }
  const s = cv > 0 ? cl / cv : 0;
  let anomalous = 0;
  const bins: ShpilkinBin[] = [];
  for (let b = 0; b < nb; b++) {
    const others = valid[b]! - leader[b]!;
    const expected = b > mode && s < 1 ? (others * s) / (1 - s) : null;
    if (expected !== null) anomalous += leader[b]! - expected;
    if (valid[b]! > 0)
      bins.push({
        turnout_from: edge(b, p.binWidth),
        valid: valid[b]!,
        leader: leader[b]!,
        others,
        leader_share: leader[b]! / valid[b]!,
        expected_leader: expected === null ? null : Math.round(expected),
      });
  }
  const sum = (x: Float64Array) => x.reduce((acc, v) => acc + v, 0);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    stations_included: included,
    excluded,
    flagged_included: flaggedIncluded,
    turnout_mode: { from: edge(mode, p.binWidth), to: edge(mode + 1, p.binWidth), center: edge(mode + 0.5, p.binWidth), basis },
    clean_share: s,
    clean_share_pct: r2(100 * s),
    official_share_pct: r2((100 * sum(leader)) / sum(valid)),
    leader_votes: sum(leader),
    anomalous_votes: Math.round(anomalous),
    anomalous_share_of_leader_pct: r2((100 * anomalous) / sum(leader)),
    clean_turnout_pct: r2(creg > 0 ? (100 * ciss) / creg : 0),
    official_turnout_pct: r2((100 * sum(issued)) / sum(registered)),
    bins,
  };
}

/** Why a bin width is refused, naming the bounds and the value. */
/** What the estimate does (version 1.1.0), at the bin width used: the `reference` of every answer. */
export const shpilkinMethod = (binWidth: number): string =>
  `Shpilkin's turnout-binning estimate (v${SHPILKIN_VERSION}): ${binWidth}-point turnout bins (ballots issued / registered); ` +
  `mode = the honest peak among the bins below 100 %: valid ballots smoothed over ±2 points, the first peak from low turnout that is at least ${MIN_HEIGHT * 100} % of the highest smoothed bin and after which the series falls by ${DIP * 100} % before rising above it, then the bin with the most valid ballots within ±2 points of it; ` +
  `with no such peak the highest bin (turnout_mode.basis says so: the anomalous votes are then a lower bound); clean share s = leader votes / valid ballots at stations below the mode bin's upper edge; ` +
  "above it, expected leader votes = other choices' votes x s / (1 - s); anomalous = leader votes - expected, summed. Electronic pseudo-stations left out unless asked.";

export const binWidthBounds = (got: unknown): string =>
  `must be from ${SHPILKIN_MIN_BIN_WIDTH} to ${SHPILKIN_MAX_BIN_WIDTH} points of turnout (at most ${SHPILKIN_MAX_BINS.toLocaleString('en')} bins), got ${String(got)}`;

/** How far the smoothed series must fall after a peak, as a share of it, for the peak to count. */
const DIP = 0.1;
/** A peak lower than this share of the highest smoothed bin is noise. */
const MIN_HEIGHT = 0.2;

/**
 * The turnout mode of the honest stations, among the bins below 100 % (the last bin collects
 * exactly-100 % stations). Valid ballots are smoothed over ±2 points of turnout; the first peak
 * from low turnout that is at least a fifth of the highest smoothed bin and after which the
 * series falls by a tenth before rising above it again is the honest peak, and its mode is the
 * raw bin with the most valid ballots within ±2 points of it. Where no peak but the last one
 * stands out (president 2024: the distribution rises with turnout to its highest bin), the
 * highest bin is taken and the basis says that the estimate is then a lower bound.
 */
export function cleanMode(valid: Float64Array, binWidth: number): { bin: number; basis: string } {
  const n = valid.length - 1;
  const half = Math.max(1, Math.round(2 / binWidth));
  const sm = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    let sum = 0;
    let k = 0;
    for (let j = Math.max(0, b - half); j <= Math.min(n - 1, b + half); j++, k++) sum += valid[j]!;
    sm[b] = sum / k;
  }
  const top = sm.reduce((a, v) => Math.max(a, v), 0);
  const rawMax = (from: number, to: number) => {
    let m = Math.max(0, from);
    for (let b = m; b <= Math.min(n - 1, to); b++) if (valid[b]! > valid[m]!) m = b;
    return m;
  };
  for (let b = 1; b < n - 1; b++) {
    if (!(sm[b]! >= sm[b - 1]! && sm[b]! > sm[b + 1]! && sm[b]! >= MIN_HEIGHT * top)) continue;
    let low = sm[b]!;
    // the scan stops once the fall is deep enough: low only decreases, so the test below is then settled
    for (let j = b + 1; j < n && sm[j]! <= sm[b]! && low > (1 - DIP) * sm[b]!; j++) low = Math.min(low, sm[j]!);
    if (low <= (1 - DIP) * sm[b]!)
      return {
        bin: rawMax(b - half, b + half),
        basis: `the first peak from low turnout (valid ballots smoothed over ±${edge(half, binWidth)} points; at least ${MIN_HEIGHT * 100} % of the highest, falling by ${DIP * 100} % after it)`,
      };
  }
  return {
    bin: rawMax(0, n - 1),
    basis: 'no peak stands out below the highest bin: the highest bin is taken, so the clean share is an upper bound and the anomalous votes a lower bound',
  };
}
