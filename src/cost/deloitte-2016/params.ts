/**
 * Deloitte for the Global Network Initiative (2016), "The economic impact of disruptions to
 * Internet connectivity": a temporary full shutdown costs 1.9 % / 1.0 % / 0.4 % of daily GDP in
 * high / medium / low internet-connectivity economies (about $23.6 M / $6.6 M / $0.6 M per
 * 10 million people per day). The report's tier thresholds are not public in what we could
 * read, so the cut-offs below (share of people using the Internet, World Bank IT.NET.USER.ZS)
 * are our documented assumption. The ±40 % range on each tier's share is also ours: the report
 * gives point values only.
 */
import type { Dist } from '../random.js';

export const VERSION = '1.0.0';

export const SOURCE =
  'Deloitte for the Global Network Initiative (2016), "The economic impact of disruptions to Internet connectivity", tiers of daily GDP lost';

export interface Tier {
  tier: 'high' | 'medium' | 'low';
  /** Lower bound of internet users, % of population (our assumption). */
  minUsersPct: number;
  share: number;
  perTenMillionUsd: number;
}

export const TIERS: readonly Tier[] = [
  { tier: 'high', minUsersPct: 70, share: 0.019, perTenMillionUsd: 23.6e6 },
  { tier: 'medium', minUsersPct: 30, share: 0.01, perTenMillionUsd: 6.6e6 },
  { tier: 'low', minUsersPct: 0, share: 0.004, perTenMillionUsd: 0.6e6 },
];

export const THRESHOLD_SOURCE = "our assumption: internet users ≥ 70 % high, ≥ 30 % medium, else low (Deloitte's cut-offs are not public)";

export const tierFor = (usersPct: number): Tier => TIERS.find((t) => usersPct >= t.minUsersPct)!;

export const shareDist = (t: Tier): Dist => ({ kind: 'triangular', low: 0.6 * t.share, mode: t.share, high: 1.4 * t.share });
