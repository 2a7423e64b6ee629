import { describe, expect, it } from 'vitest';
import type { CostEstimate } from '../api.js';
import { costLabel, estimateRows } from './cost-rows.js';

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

describe('costLabel', () => {
  it('states each median in the currency it is in: USD as the chart draws it, the local amount named as such', () => {
    // `cost event ru-2018-telegram-block --json` on the seeded ledger (the event page's figure)
    const ests = [
      {
        method: 'brookings-2016',
        currency: 'RUB',
        median: 53734775120,
        low: 5675512930,
        high: 152366822464,
        usd: { median: 817858650, low: 86382930, high: 2319066628 },
      },
      {
        method: 'cost-escalated',
        currency: 'RUB',
        median: 85637753875,
        low: 8306600848,
        high: 248770882136,
        usd: { median: 1301346891, low: 126255852, high: 3780255106 },
      },
    ];
    expect(costLabel(estimateRows(ests as unknown as CostEstimate[]))).toBe(
      'Cost by method in USD: brookings-2016 818M USD (53.7B RUB), cost-escalated 1.3B USD (85.6B RUB)',
    );
  });

  it('writes an amount computed in US dollars once, and leaves out a method with no US-dollar figure (SYNTHETIC)', () => {
    const ests = [
      { method: 'a', currency: 'USD', median: 2e6, low: 1e6, high: 3e6 },
      { method: 'b', currency: 'XYZ', median: 5e9, low: 4e9, high: 6e9 },
    ];
    expect(costLabel(estimateRows(ests as unknown as CostEstimate[]))).toBe('Cost by method in USD: a 2M USD');
  });
});
