/**
 * The share of a full shutdown that COST puts on blocking one service. COST does not publish its
 * service weights, but it published both figures for Nigeria in June 2021 (reported from the tool
 * by the Nigerian press on the day Twitter was blocked): a day of a full shutdown ₦48.6 bn, a day
 * without Twitter ₦2.18 bn ($6.01 M, $250,600 an hour), and a day without WhatsApp, Facebook,
 * Instagram, YouTube and Twitter together ₦10.9 bn, exactly five times Twitter's. So COST weighs
 * each of those five services alike, at 2.18 / 48.6 = 4.49 % of a full shutdown, whatever its
 * reach. `cost-escalated` reconstructs COST, so it prices those five services with COST's share,
 * and Telegram too: COST prices Telegram (NetBlocks put a day without it in Kenya, November 2023,
 * at Ksh 537 M, $3.4 M), and weighs its services alike whatever their reach. The other methods,
 * and the services COST is not known to price, keep the reach-based table of platforms.ts.
 * A check that does not use Nigeria: COST's worldwide figure for the Facebook, WhatsApp and
 * Instagram outage of 4 October 2021, $161 M an hour, is 3 × 4.8–5.7 % of an hour of every
 * country's full shutdown as this method prices it ($0.95 bn without China, $1.13 bn with it;
 * docs/design/014-price-of-an-hour.md, Decision 18).
 */
import type { Dist } from '../random.js';

/** COST's published Nigerian day figures, in naira (the ratio needs no exchange rate). */
export const COST_NIGERIA_2021 = { full_ngn_per_day: 48.6e9, twitter_ngn_per_day: 2.18e9, five_services_ngn_per_day: 10.9e9 } as const;

/** The five services of the Nigerian figures, weighed alike by COST. */
export const COST_NIGERIA_SERVICES: readonly string[] = ['facebook', 'twitter', 'whatsapp', 'instagram', 'youtube'];

/**
 * COST's published day without Telegram in Kenya during the school exams of November 2023, as
 * NetBlocks gave it to the Kenyan press: Ksh 537 M, $3.4 M (Nation Africa, "Kenya lost Sh4bn in
 * Telegram shutdown", January 2024). It shows COST prices Telegram; with no Kenyan full day from
 * COST beside it, it gives no share of its own, and serves as the check of the alike weight.
 */
export const COST_KENYA_TELEGRAM_2023 = { ksh_per_day: 537e6, usd_per_day: 3.4e6, year: 2023 } as const;

/** The services COST is known to price, each at the Nigerian share. */
export const COST_SERVICES: readonly string[] = [...COST_NIGERIA_SERVICES, 'telegram'];

const SHARE = COST_NIGERIA_2021.twitter_ngn_per_day / COST_NIGERIA_2021.full_ngn_per_day;

/**
 * Log-normal with its median at the Nigerian share and a 90 % interval of ×/÷ 2: one country's
 * figures fix the share, not how it varies between countries and years, so the spread is our
 * assumption, stated.
 */
export const COST_SERVICE_SHARE: Dist = { kind: 'lognormal', median: Number(SHARE.toFixed(4)), sigma: Number((Math.log(2) / 1.645).toFixed(3)) };

export const COST_SERVICE_SOURCE =
  "COST's share of one service, 4.49 % of a full shutdown (log-normal, 90 % ×/÷ 2, our assumption): COST's day figures for Nigeria, June 2021, full shutdown ₦48.6 bn, Twitter ₦2.18 bn, WhatsApp + Facebook + Instagram + YouTube + Twitter ₦10.9 bn (five times Twitter: each service alike), as reported from the tool (hallmarknews.com, businessmetricsng.com, 5–6 June 2021)";

const TELEGRAM_SOURCE = `${COST_SERVICE_SOURCE}; Telegram is one of COST's services: its day without Telegram in Kenya, November 2023, Ksh 537 M ($3.4 M), as NetBlocks gave it (Nation Africa, January 2024)`;

/** COST's weight for a service of the table, or undefined where COST is not known to price it. */
export function costServiceWeight(id: string): { dist: Dist; source: string } | undefined {
  if (!COST_SERVICES.includes(id)) return undefined;
  return { dist: COST_SERVICE_SHARE, source: id === 'telegram' ? TELEGRAM_SOURCE : COST_SERVICE_SOURCE };
}
