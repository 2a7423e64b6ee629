import { describe, expect, it } from 'vitest';
import type { CostEstimate } from '../api.js';
import { estimateRows } from './cost-rows.js';

describe('estimateRows', () => {
  it('names the currency of every amount and carries the method version and data vintage', () => {
    const e = {
      method: 'brookings-2016',
      method_version: '2016.1',
      currency: 'EUR',
      median: 29,
      low: 24,
      high: 33,
      data_vintage: { gdp: 2024 },
      usd: { median: 31, low: 26, high: 36 },
      inputs: [{ source: 'World Bank WDI' }, { source: 'BCG 2016' }, { source: 'World Bank WDI' }],
    };
    // every field of the estimate as it is, its US-dollar amounts beside them, each named, and its inputs' sources once each
    const { usd, inputs, ...shown } = e;
    expect(estimateRows([e as unknown as CostEstimate])).toEqual([
      { ...shown, median_usd: usd.median, low_usd: usd.low, high_usd: usd.high, sources: [...new Set(inputs.map((i) => i.source))] },
    ]);
    expect(Object.keys(estimateRows([e as unknown as CostEstimate])[0]!)).toEqual(
      expect.arrayContaining(['currency', 'method_version', 'data_vintage', 'sources']),
    );
  });
});
