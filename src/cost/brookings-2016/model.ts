/**
 * brookings-2016: cost = GDP/days · s_int(year) · hours/24 · a · w, in US dollars, with BCG's
 * internet-economy shares (or a labelled proxy, see params.ts). Prices every scenario type,
 * including platform blocks (w = the platform's weight).
 */
import { gdpPlan, type FactorKit } from '../gdp-plan.js';
import { param, times } from '../unit.js';
import { nationalValue, recordInput } from '../method-kit.js';
import type { PlanContext } from '../method-kit.js';
import type { Dist } from '../random.js';
import type { Factor, MethodModel, Plan, Unit } from '../types.js';
import type { PlatformRule } from '../weights.js';
import { BCG_SHARES, G20, G20_AVERAGE, PROXY_K, SHARE_FACTOR, SOURCE, VERSION, shareFor } from './params.js';

/** The coefficient k of the penetration proxy s = k · users share, with where it comes from. */
export interface ProxyCoefficient {
  name: string;
  dist: Dist;
  source: string;
  label: string;
}

/** Brookings' own reading: k fitted on the BCG countries (params.ts). */
export const BCG_PROXY_K: ProxyCoefficient = {
  name: 'k (penetration proxy)',
  dist: PROXY_K,
  source: 'median and range of s/users over the BCG countries, 2010 (params.ts)',
  label: 'proxy: internet users share × k (no BCG figure; k fitted on the BCG countries)',
};

export interface ShareSource {
  /** Internet-economy share of GDP for the year, before the uncertainty factor. */
  share: number;
  kind: 'bcg' | 'g20-average' | 'penetration-proxy';
  label: string;
}

/** The internet-economy share of a country in a year, and where it comes from. */
export function internetShare(country: string, year: number, kit: FactorKit, proxyK: ProxyCoefficient = BCG_PROXY_K): ShareSource {
  const bcg = BCG_SHARES[country];
  if (bcg) return { share: shareFor(bcg, year), kind: 'bcg', label: `BCG internet-economy share of GDP, ${country}` };
  if (G20.includes(country))
    return { share: shareFor(G20_AVERAGE, year), kind: 'g20-average', label: 'proxy: BCG G-20 average internet-economy share (no country figure)' };
  const users = nationalValue(kit.ctx.data, 'IT.NET.USER.ZS', year, 'internet users (% of population)');
  kit.inputs.push(recordInput(`internet users ${country}`, users.rec, users.note));
  return { share: users.rec.value / 100, kind: 'penetration-proxy', label: proxyK.label };
}

/** Register the share's parameter and return its per-draw value; shared with cost-escalated. */
export function shareFactor(
  country: string,
  year: number,
  kit: FactorKit,
  escalate?: (year: number, kind: ShareSource['kind']) => Unit | null,
  proxyK: ProxyCoefficient = BCG_PROXY_K,
): { src: ShareSource; f: Factor } {
  const src = internetShare(country, year, kit, proxyK);
  const name = src.kind === 'penetration-proxy' ? proxyK.name : 'share uncertainty factor';
  let i = kit.ps.specs.findIndex((s) => s.name === name);
  if (i < 0)
    i =
      src.kind === 'penetration-proxy'
        ? kit.ps.add(name, proxyK.dist, 'share of GDP per unit of internet users share', proxyK.source)
        : kit.ps.add(name, SHARE_FACTOR, 'factor', 'our assumption: ±25 % on BCG point values');
  kit.inputs.push({
    name: `internet-economy share ${year}${src.kind === 'penetration-proxy' ? ' (before × k)' : ''}`,
    value: Number(src.share.toPrecision(6)),
    unit: src.kind === 'penetration-proxy' ? 'internet users share' : 'share of GDP',
    source: src.kind === 'penetration-proxy' ? 'World Bank IT.NET.USER.ZS' : SOURCE,
    year,
    note: src.label,
  });
  const esc = escalate?.(year, src.kind) ?? null;
  const k = i;
  return { src, f: { c: src.share, unit: esc ? times(param(k), esc) : param(k) } };
}

/**
 * The plan of a share-of-GDP method (Brookings, and COST's escalated Brookings): GDP × the
 * internet-economy share of the year (escalated when `escalate` says so), labelled a proxy
 * when the share is not BCG's own figure for the country.
 */
export function sharePlan(
  ctx: PlanContext,
  escalate?: (year: number, kind: ShareSource['kind'], kit: FactorKit) => Unit | null,
  proxyK: ProxyCoefficient = BCG_PROXY_K,
  platformRule?: PlatformRule,
): Plan {
  let proxy: string | null = null;
  return gdpPlan(ctx, {
    preset: 'subscriptions',
    platformRule,
    factorFor(year, kit) {
      const { src, f } = shareFactor(ctx.scenario.country, year, kit, escalate && ((y, kind) => escalate(y, kind, kit)), proxyK);
      if (src.kind !== 'bcg') proxy = src.label;
      return f;
    },
    proxy: () => proxy,
  });
}

export const brookings2016: MethodModel = {
  id: 'brookings-2016',
  version: VERSION,
  title: 'Brookings (West) 2016: GDP × internet-economy share',
  summary:
    'Daily GDP × BCG internet-economy share of GDP (interpolated 2010→2016); a G-20 average or an internet-penetration proxy where BCG has no figure (labelled). Mobile weighted by subscriptions, platforms by a documented weight table.',
  formula: 'cost = GDP_USD(year) / days(year) · s_int(year) · u · hours/24 · a(regions) · w(type)',
  citation: [SOURCE, 'World Bank WDI: NY.GDP.MKTP.CD, IT.CEL.SETS.P2, IT.NET.USER.ZS; OWID fixed broadband'],
  types: ['full', 'mobile', 'fixed', 'platform', 'throttling', 'isp'],
  params: [
    { name: 'u', description: 'uncertainty factor on BCG shares', dist: SHARE_FACTOR, source: 'our assumption' },
    { name: 'k', description: 'penetration proxy coefficient (countries without BCG share)', dist: PROXY_K, source: 'fitted on BCG countries, 2010' },
  ],
  plan: (ctx) => sharePlan(ctx),
};
