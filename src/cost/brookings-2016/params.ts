/**
 * Brookings (Darrell West, 2016), "Internet shutdowns cost countries $2.4 billion last year":
 * GDP × the internet economy's share of GDP (BCG, "The Internet Economy in the G-20", 2012:
 * 2010 values and 2016 projections), mobile shutdowns weighted by mobile subscriptions, app
 * shutdowns by the app's value. Reconstruction: cost = GDP/365 · s_int · d · a · w.
 *
 * Shares between 2010 and 2016 are interpolated linearly; before 2010 the 2010 value and after
 * 2016 the 2016 value (or the 2010 one where BCG gave no projection) are held.
 * Countries without a BCG figure: G-20 members get the G-20 average (labelled a proxy); others
 * get a penetration proxy, s = k · internet users share, with k the median of s / users over the
 * BCG countries in 2010 (World Bank IT.NET.USER.ZS), range = their min and max (labelled).
 */
import type { Dist } from '../random.js';

export const VERSION = '1.0.0';

export const SOURCE =
  'West, D. (2016), "Internet shutdowns cost countries $2.4 billion last year", Brookings; internet-economy shares from BCG (2012), "The Internet Economy in the G-20"';

/** BCG internet-economy share of GDP: 2010 value and 2016 projection where published. */
export const BCG_SHARES: Record<string, { 2010: number; 2016?: number }> = {
  GB: { 2010: 0.083, 2016: 0.124 },
  KR: { 2010: 0.073 },
  CN: { 2010: 0.055 },
  JP: { 2010: 0.047 },
  US: { 2010: 0.047 },
  RU: { 2010: 0.019, 2016: 0.028 },
  ID: { 2010: 0.013, 2016: 0.014 },
};

export const G20_AVERAGE = { 2010: 0.041, 2016: 0.053 };

export const G20 = ['AR', 'AU', 'BR', 'CA', 'CN', 'DE', 'FR', 'GB', 'ID', 'IN', 'IT', 'JP', 'KR', 'MX', 'RU', 'SA', 'TR', 'US', 'ZA'];

/** Uncertainty on a published share: ±25 % (our assumption; BCG gives point values). */
export const SHARE_FACTOR: Dist = { kind: 'triangular', low: 0.75, mode: 1, high: 1.25 };

/**
 * Penetration proxy k = s_2010 / users_2010 over the BCG countries (WB IT.NET.USER.ZS, 2010):
 * GB 0.083/0.85 = 0.098, KR 0.073/0.837 = 0.087, CN 0.055/0.343 = 0.160, JP 0.047/0.782 = 0.060,
 * US 0.047/0.717 = 0.066, RU 0.019/0.49 = 0.039, ID 0.013/0.109 = 0.119. Median 0.087.
 * (A unit test recomputes these from the shipped World Bank file.)
 */
export const PROXY_K: Dist = { kind: 'triangular', low: 0.039, mode: 0.087, high: 0.16 };

/** A share for a year from a 2010 value and an optional 2016 projection. */
export function shareFor(s: { 2010: number; 2016?: number }, year: number): number {
  const end = s[2016] ?? s[2010];
  if (year <= 2010) return s[2010];
  if (year >= 2016) return end;
  return s[2010] + ((end - s[2010]) * (year - 2010)) / 6;
}
