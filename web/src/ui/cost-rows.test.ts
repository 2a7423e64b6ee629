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
    };
    expect(estimateRows([e as unknown as CostEstimate])).toEqual([
      {
        method: 'brookings-2016',
        method_version: '2016.1',
        currency: 'EUR',
        median: 29,
        low: 24,
        high: 33,
        median_usd: 31,
        low_usd: 26,
        high_usd: 36,
        data_vintage: { gdp: 2024 },
      },
    ]);
  });
});
