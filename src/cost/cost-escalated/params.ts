/**
 * NetBlocks COST (2018–): follows Brookings; since November 2021 it adds +10 % a year to G-20
 * digital-economy shares from their publication, and +20 % a year to CIPESA's Annex 1 figures
 * (sub-Saharan Africa; not shipped here). We apply +10 % a year to the BCG shares (and the G-20
 * average) for every year after 2016, the year of BCG's projection: this reproduces the cross-
 * check in cost-methods.md (Russia 2019: 2.8 % × 1.1³ = 3.73 % of $4,638.7 M a day ≈ $173 M).
 * For countries outside the G-20 COST estimates the share from ICT indicators with a formula
 * that is not public; we use the Brookings penetration proxy without escalator (labelled).
 */
import type { Dist } from '../random.js';

export const VERSION = '1.0.0';

export const SOURCE = 'NetBlocks Cost of Shutdown Tool (COST), escalators announced November 2021: +10 %/year on G-20 digital-economy shares';

export const ESCALATOR: Dist = { kind: 'triangular', low: 0.08, mode: 0.1, high: 0.12 };

export const BASE_YEAR = 2016;
