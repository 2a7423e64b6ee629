/**
 * A cost answer's estimates as table rows: each amount with the currency it is in (the chosen
 * currency, and USD beside it), the method version, the data vintage and the sources of its
 * inputs (each once), so a row of the calculator's CSV says what it holds.
 */
import type { CostEstimate } from '../api.js';
import { money } from '../format.js';

export const estimateRows = (ests: CostEstimate[]) =>
  ests.map((e) => {
    const usd = e.usd ?? (e.currency === 'USD' ? e : undefined);
    return {
      method: e.method,
      method_version: e.method_version,
      currency: e.currency,
      median: e.median,
      low: e.low,
      high: e.high,
      median_usd: usd?.median,
      low_usd: usd?.low,
      high_usd: usd?.high,
      data_vintage: e.data_vintage,
      sources: [...new Set((e.inputs ?? []).map((i) => i.source))],
    };
  });

/**
 * The chart's screen-reader summary: each method's median in US dollars, as the chart draws it,
 * and in the currency it was computed in beside it, each amount named by its own currency.
 */
export const costLabel = (rows: ReturnType<typeof estimateRows>): string =>
  `Cost by method in USD: ${rows
    .filter((x) => x.median_usd !== undefined)
    .map((x) => `${x.method} ${money(x.median_usd, 'USD')}${x.currency === 'USD' ? '' : ` (${money(x.median, x.currency)})`}`)
    .join(', ')}`;
