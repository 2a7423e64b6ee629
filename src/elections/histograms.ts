/**
 * The two pictures of an election's distribution: turnout and leader-share histograms at
 * 0.1-point resolution (bins centred on multiples of 0.1, as in Kobak et al., so integer
 * percentages fall in bins of their own and show as spikes), and the turnout × leader-share
 * 2-D histogram weighted by registered voters (Klimek et al., PNAS 2012).
 */
import type { ElectionArrays } from '../store/index.js';

export const HISTOGRAM_VERSION = '1.0.0';

export type HistogramParams = {
  binWidth: number;
  /** 'stations' counts stations; 'voters' weighs each by its registered voters. */
  weight: 'stations' | 'voters';
  includeElectronic: boolean;
};

export const DEFAULT_HISTOGRAM: HistogramParams = { binWidth: 0.1, weight: 'stations', includeElectronic: true };

/**
 * The bin of the share x/n (in percent) among bins of `width` points centred on its multiples. A
 * share exactly on an edge (12.35 % in 0.1-point bins: 247 of 2,000) goes to the upper bin, decided
 * in integers when 100/width is a whole number (every width offered), never by floating-point
 * rounding, which put some such shares below and some above.
 */
export function centredBin(x: number, n: number, width: number): number {
  const q = Math.round(100 / width);
  if (Math.abs(q - 100 / width) < 1e-9 && Number.isSafeInteger(2 * q * x + n)) return Math.floor((2 * q * x + n) / (2 * n));
  return Math.round((100 * x) / n / width);
}

export function histograms(a: ElectionArrays, p: HistogramParams = DEFAULT_HISTOGRAM) {
  const nb = Math.round(100 / p.binWidth) + 1; // centres 0, w, ..., 100
  const turnout = new Float64Array(nb);
  const leader = new Float64Array(nb);
  let included = 0;
  let outside = 0;
  for (let i = 0; i < a.n; i++) {
    if (!p.includeElectronic && a.electronic[i]) continue;
    if (!(a.cast[i]! > 0) || !(a.registered[i]! > 0) || a.issued[i]! > a.registered[i]!) {
      outside++;
      continue;
    }
    const w = p.weight === 'voters' ? a.registered[i]! : 1;
    turnout[centredBin(a.issued[i]!, a.registered[i]!, p.binWidth)]! += w;
    leader[Math.min(nb - 1, centredBin(a.leader[i]!, a.cast[i]!, p.binWidth))]! += w;
    included++;
  }
  const centres = Array.from({ length: nb }, (_, b) => Math.round(b * p.binWidth * 1000) / 1000);
  return {
    bin_width: p.binWidth,
    weight: p.weight,
    stations_included: included,
    left_out: outside,
    centres,
    turnout: Array.from(turnout),
    leader: Array.from(leader),
  };
}

export function heatmap(a: ElectionArrays, binWidth = 1, includeElectronic = true) {
  const nb = Math.round(100 / binWidth);
  const cells = new Map<number, number>();
  let included = 0;
  for (let i = 0; i < a.n; i++) {
    if (!includeElectronic && a.electronic[i]) continue;
    if (!(a.cast[i]! > 0) || !(a.registered[i]! > 0) || a.issued[i]! > a.registered[i]!) continue;
    const t = Math.min(nb - 1, Math.floor((100 * a.issued[i]!) / a.registered[i]! / binWidth));
    const s = Math.min(nb - 1, Math.floor((100 * a.leader[i]!) / a.cast[i]! / binWidth));
    cells.set(t * nb + s, (cells.get(t * nb + s) ?? 0) + a.registered[i]!);
    included++;
  }
  return {
    bin_width: binWidth,
    weight: 'voters',
    stations_included: included,
    // [turnout bin start, leader-share bin start, registered voters]
    cells: [...cells.entries()].sort((x, y) => x[0] - y[0]).map(([k, v]) => [Math.floor(k / nb) * binWidth, (k % nb) * binWidth, v]),
  };
}
