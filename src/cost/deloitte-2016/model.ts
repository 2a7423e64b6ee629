/**
 * deloitte-2016: cost = GDP/days · τ(tier) · hours/24 · a · w, in US dollars. The tier comes
 * from the share of people using the Internet in the data year. Connectivity disruptions only:
 * Deloitte did not price single-platform blocks.
 */
import { gdpPlan } from '../gdp-plan.js';
import { param } from '../unit.js';
import { nationalValue, recordInput } from '../method-kit.js';
import { Unavailable, type MethodModel } from '../types.js';
import { SOURCE, THRESHOLD_SOURCE, TIERS, VERSION, shareDist, tierFor } from './params.js';

export const deloitte2016: MethodModel = {
  id: 'deloitte-2016',
  version: VERSION,
  title: 'Deloitte / GNI 2016: tiers of daily GDP',
  summary:
    "A full shutdown costs 1.9 % (high), 1.0 % (medium) or 0.4 % (low internet connectivity) of daily GDP; regional shutdowns scaled by the regions' share of output.",
  formula: 'cost = GDP_USD(year) / days(year) · τ(tier(internet users %)) · hours/24 · a(regions) · w(type)',
  citation: [SOURCE, 'World Bank WDI: NY.GDP.MKTP.CD, IT.NET.USER.ZS'],
  types: ['full', 'mobile', 'fixed', 'throttling', 'isp'],
  params: [
    ...TIERS.map((t) => ({
      name: `tau_${t.tier}`,
      description: `share of daily GDP lost per day, ${t.tier} connectivity (internet users ≥ ${t.minUsersPct} %)`,
      dist: shareDist(t),
      source: `${SOURCE}; range ±40 % our assumption; threshold: ${THRESHOLD_SOURCE}`,
    })),
  ],
  plan(ctx) {
    if (ctx.scenario.platforms.length)
      throw new Unavailable('type', 'deloitte-2016 prices connectivity disruptions, not platform blocks; use brookings-2016 or cost-escalated', true);
    const idx = new Map<string, number>();
    return gdpPlan(ctx, {
      preset: 'subscriptions',
      factorFor(year, kit) {
        const users = nationalValue(ctx.data, 'IT.NET.USER.ZS', year, 'internet users (% of population)');
        kit.inputs.push(recordInput(`internet users ${ctx.scenario.country}`, users.rec, users.note));
        const t = tierFor(users.rec.value);
        kit.inputs.push({
          name: `connectivity tier ${year}`,
          value: t.tier,
          unit: 'tier',
          source: THRESHOLD_SOURCE,
          year,
          note: `${users.rec.value} % of people online`,
        });
        let i = idx.get(t.tier);
        if (i === undefined)
          idx.set(t.tier, (i = kit.ps.add(`tau (${t.tier} connectivity)`, shareDist(t), 'share of daily GDP', `${SOURCE}; ±40 % range our assumption`)));
        return { c: 1, unit: param(i) };
      },
    });
  },
};
