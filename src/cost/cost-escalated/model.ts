/**
 * cost-escalated: Brookings with NetBlocks COST's escalator,
 *   s(year) = s_BCG(year) · (1 + g)^(year − 2016) for year > 2016 (G-20 shares only).
 */
import { sharePlan } from '../brookings-2016/model.js';
import { compound } from '../unit.js';
import type { MethodModel } from '../types.js';
import { COST_SERVICE_SHARE, COST_SERVICE_SOURCE, costServiceWeight } from './service-share.js';
import { BASE_YEAR, COST_PROXY_K, ESCALATOR, SOURCE, VERSION } from './params.js';

export const costEscalated: MethodModel = {
  id: 'cost-escalated',
  version: VERSION,
  title: 'NetBlocks COST: Brookings shares with +10 %/year escalator',
  summary:
    "Brookings/BCG internet-economy shares escalated by +10 % per year after 2016 for G-20 economies, as NetBlocks COST does since November 2021; other countries: internet users share × k, k calibrated on COST's published day figures for Belarus 2020 and Iran 2019 (labelled proxy, no escalator). A block of Facebook, Twitter, WhatsApp, Instagram or YouTube weighs COST's share of one service, 4.49 % of a full shutdown each (its Nigerian day figures of 2021); other platforms the reach-based table.",
  formula:
    "cost = GDP_USD(year) / days(year) · s(year) · hours/24 · a(regions) · w(type); G-20: s = s_BCG(year) · u · (1 + g)^max(0, year − 2016); elsewhere: s = k · internet users share(year); w(platform) = Σ services × 4.49 % (COST's five) or the table's weight",
  citation: [SOURCE, 'West (2016), Brookings; BCG (2012)'],
  types: ['full', 'mobile', 'fixed', 'platform', 'throttling', 'isp'],
  params: [
    { name: 'g', description: 'annual escalator on G-20 shares after 2016', dist: ESCALATOR, source: `${SOURCE}; ±2 points our assumption` },
    { name: 'k', description: 'penetration proxy coefficient (countries outside the G-20)', dist: COST_PROXY_K.dist, source: COST_PROXY_K.source },
    {
      name: 'w_service',
      description: "COST's share of a full shutdown for one of Facebook, Twitter, WhatsApp, Instagram, YouTube",
      dist: COST_SERVICE_SHARE,
      source: COST_SERVICE_SOURCE,
    },
  ],
  plan: (ctx) =>
    sharePlan(
      ctx,
      (y, kind, kit) => {
        if (kind === 'penetration-proxy' || y <= BASE_YEAR) return null;
        let i = kit.ps.specs.findIndex((s) => s.name === 'escalator g');
        if (i < 0) i = kit.ps.add('escalator g', ESCALATOR, 'per year', SOURCE);
        kit.inputs.push({ name: `escalator years ${y}`, value: y - BASE_YEAR, unit: 'years after 2016', source: SOURCE, year: y });
        return compound(i, y - BASE_YEAR);
      },
      COST_PROXY_K,
      costServiceWeight,
    ),
};
