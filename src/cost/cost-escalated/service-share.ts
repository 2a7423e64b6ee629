/**
 * The share of a full shutdown that COST puts on blocking one service. COST does not publish its
 * service weights, but it published both figures for Nigeria in June 2021 (reported from the tool
 * by the Nigerian press on the day Twitter was blocked): a day of a full shutdown ₦48.6 bn, a day
 * without Twitter ₦2.18 bn ($6.01 M, $250,600 an hour), and a day without WhatsApp, Facebook,
 * Instagram, YouTube and Twitter together ₦10.9 bn, exactly five times Twitter's. So COST weighs
 * each of those five services alike, at 2.18 / 48.6 = 4.49 % of a full shutdown, whatever its
 * reach. `cost-escalated` reconstructs COST, so it prices those five services with COST's share;
 * the other methods, and other services, keep the reach-based table of platforms.ts.
 * A check that does not use Nigeria: COST's worldwide figure for the Facebook, WhatsApp and
 * Instagram outage of 4 October 2021, $161 M an hour, is 3 × 4.8–5.7 % of an hour of every
 * country's full shutdown as this method prices it ($0.95 bn without China, $1.13 bn with it;
 * docs/design/014-price-of-an-hour.md, Decision 18).
 */
import type { Dist } from '../random.js';

/** COST's published Nigerian day figures, in naira (the ratio needs no exchange rate). */
export const COST_NIGERIA_2021 = { full_ngn_per_day: 48.6e9, twitter_ngn_per_day: 2.18e9, five_services_ngn_per_day: 10.9e9 } as const;

/** The five services of the Nigerian figures: the only ones whose COST share is known. */
export const COST_SERVICES: readonly string[] = ['facebook', 'twitter', 'whatsapp', 'instagram', 'youtube'];

const SHARE = COST_NIGERIA_2021.twitter_ngn_per_day / COST_NIGERIA_2021.full_ngn_per_day;

/**
 * Log-normal with its median at the Nigerian share and a 90 % interval of ×/÷ 2: one country's
 * figures fix the share, not how it varies between countries and years, so the spread is our
 * assumption, stated.
 */
export const COST_SERVICE_SHARE: Dist = { kind: 'lognormal', median: Number(SHARE.toFixed(4)), sigma: Number((Math.log(2) / 1.645).toFixed(3)) };

export const COST_SERVICE_SOURCE =
  "COST's share of one service, 4.49 % of a full shutdown (log-normal, 90 % ×/÷ 2, our assumption): COST's day figures for Nigeria, June 2021, full shutdown ₦48.6 bn, Twitter ₦2.18 bn, WhatsApp + Facebook + Instagram + YouTube + Twitter ₦10.9 bn (five times Twitter: each service alike), as reported from the tool (hallmarknews.com, businessmetricsng.com, 5–6 June 2021)";

/** COST's weight for a service of the table, or undefined where COST's share is not known. */
export function costServiceWeight(id: string): { dist: Dist; source: string } | undefined {
  return COST_SERVICES.includes(id) ? { dist: COST_SERVICE_SHARE, source: COST_SERVICE_SOURCE } : undefined;
}
