// COST's share of one service, from its Nigerian day figures of June 2021 (published figures,
// quoted in service-share.ts), on the synthetic one-day plan of testing.ts.
import { describe, expect, it } from 'vitest';
import { brookings2016 } from '../brookings-2016/model.js';
import { oneDay } from '../testing.js';
import { costEscalated } from './model.js';
import { COST_NIGERIA_2021, COST_NIGERIA_SERVICES, COST_SERVICE_SHARE } from './service-share.js';

const share = (m: typeof costEscalated, cc: string, platform: string) => oneDay(m, cc, 2021, { type: 'platform', platform }).cost / oneDay(m, cc, 2021).cost;

describe("COST's share of one service", () => {
  it('is Twitter ÷ full in COST’s Nigerian figures, and the five services together are five times it', () => {
    const n = COST_NIGERIA_2021;
    expect(COST_SERVICE_SHARE).toEqual({ kind: 'lognormal', median: 0.0449, sigma: 0.421 });
    expect(n.twitter_ngn_per_day / n.full_ngn_per_day).toBeCloseTo(0.0449, 4);
    // each service alike: WhatsApp + Facebook + Instagram + YouTube + Twitter = 5 × Twitter
    expect(n.five_services_ngn_per_day / n.twitter_ngn_per_day).toBeCloseTo(COST_NIGERIA_SERVICES.length, 6);
  });

  it('prices a block of each of the five at 4.49 % of a full shutdown in cost-escalated, in any country, Russia included', () => {
    for (const cc of ['NG', 'KE', 'RU', 'TR'])
      for (const p of ['Twitter', 'Facebook', 'WhatsApp', 'Instagram', 'YouTube']) expect(share(costEscalated, cc, p), `${cc} ${p}`).toBeCloseTo(0.0449, 6);
    expect(share(costEscalated, 'NG', 'Facebook, WhatsApp, Instagram, YouTube, Twitter')).toBeCloseTo(5 * 0.0449, 6);
    const plan = oneDay(costEscalated, 'NG', 2021, { type: 'platform', platform: 'Twitter' }).plan;
    expect(plan.params.find((p) => p.name === 'platform weight (twitter)')?.source).toMatch(/Nigeria, June 2021.*₦2\.18 bn/);
  });

  it('prices Telegram alike, a service COST prices (its Kenyan day of November 2023)', () => {
    expect(share(costEscalated, 'KE', 'Telegram')).toBeCloseTo(0.0449, 6);
    expect(share(costEscalated, 'KE', 'Telegram, Twitter')).toBeCloseTo(2 * 0.0449, 6);
    const plan = oneDay(costEscalated, 'KE', 2023, { type: 'platform', platform: 'Telegram' }).plan;
    expect(plan.params.find((p) => p.name === 'platform weight (telegram)')?.source).toMatch(/Kenya, November 2023, Ksh 537 M/);
  });

  it('leaves platforms COST is not known to price, and the other methods, to the reach-based table', () => {
    // TikTok's worldwide reach 26 % × 10 %; Brookings' Telegram 14 % × 10 %
    expect(share(costEscalated, 'KE', 'TikTok')).toBeCloseTo(0.026, 6);
    expect(share(brookings2016, 'KE', 'Telegram')).toBeCloseTo(0.014, 6);
    // Brookings keeps the table: Twitter's worldwide reach 10 % × 10 %; Russia's survey 0.4 %
    expect(share(brookings2016, 'NG', 'Twitter')).toBeCloseTo(0.01, 6);
    expect(share(brookings2016, 'RU', 'Twitter')).toBeCloseTo(0.004, 6);
  });
});
