/**
 * NetBlocks COST (2018–): follows Brookings; since November 2021 it adds +10 % a year to G-20
 * digital-economy shares from their publication, and +20 % a year to CIPESA's Annex 1 figures
 * (sub-Saharan Africa; not shipped here). We apply +10 % a year to the BCG shares (and the G-20
 * average) for every year after 2016, the year of BCG's projection: this reproduces the cross-
 * check in cost-methods.md (Russia 2019: 2.8 % × 1.1³ = 3.73 % of $4,638.7 M a day ≈ $173 M).
 * For countries outside the G-20 COST estimates the share from ICT indicators with a formula
 * that is not public (and, per its changelog of 9 November 2021, without an escalator). We keep
 * the shape of the Brookings penetration proxy, s = k · internet users share, and take k from
 * COST's own published day figures for two full shutdowns outside the G-20 (COST_ANCHORS): a
 * calibration to COST's outputs, labelled as such, not to anyone's yearly totals.
 */
import type { Dist } from '../random.js';
import type { ProxyCoefficient } from '../brookings-2016/model.js';

export const VERSION = '1.1.0';

export const SOURCE = 'NetBlocks Cost of Shutdown Tool (COST), escalators announced November 2021: +10 %/year on G-20 digital-economy shares';

export const ESCALATOR: Dist = { kind: 'triangular', low: 0.08, mode: 0.1, high: 0.12 };

export const BASE_YEAR = 2016;

/**
 * COST's published cost of one day of a full shutdown in two countries outside the G-20
 * (cost-methods.md §2), and the k each implies with the shipped World Bank data of its year:
 *   k = usd_per_day / (GDP_USD(year) / days(year) · IT.NET.USER.ZS(year) / 100).
 * `model.test.ts` recomputes both k from data/costs, so the constants cannot drift from the data.
 */
export const COST_ANCHORS = [
  { country: 'BY', year: 2020, usd_per_day: 56.4e6, what: 'Belarus, August 2020, full shutdown', k: 0.3953 },
  { country: 'IR', year: 2019, usd_per_day: 61e6, what: 'Iran, November 2019, full shutdown', k: 0.1083 },
] as const;

/**
 * k for countries outside the G-20: log-normal with its median at the geometric mean of the two
 * anchors' k (0.207) and its 10th and 90th percentiles at the anchors themselves (σ = ln(0.3953 /
 * 0.1083) / (2 · 1.2816) = 0.505). Two points that disagree 3.7× fix a scale, not a formula, and
 * need not be its extremes: the 90 % interval (×/÷ 2.3 around the median) holds both with room.
 */
const K_MEDIAN = Math.sqrt(COST_ANCHORS[0].k * COST_ANCHORS[1].k);
const K_SIGMA = Math.log(COST_ANCHORS[0].k / COST_ANCHORS[1].k) / (2 * 1.2816);

export const COST_PROXY_K: ProxyCoefficient = {
  name: 'k (COST day figures)',
  dist: { kind: 'lognormal', median: Number(K_MEDIAN.toFixed(4)), sigma: Number(K_SIGMA.toFixed(3)) },
  source: `calibrated on COST's published day figures for full shutdowns outside the G-20: ${COST_ANCHORS.map((a) => `${a.what} $${a.usd_per_day / 1e6} M/day (k = ${a.k})`).join('; ')}; median their geometric mean, the anchors at the 10th and 90th percentiles`,
  label: "proxy: internet users share × k (no G-20 share; k calibrated on COST's published day figures for Belarus 2020 and Iran 2019, no escalator)",
};
