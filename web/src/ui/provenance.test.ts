import { describe, expect, it } from 'vitest';
import { costProvenance } from './provenance.js';

// SYNTHETIC: the fields of GET /api/cost/regions?country=RU&type=full&hours=24 (seeded store, 2026-12-06) that name its inputs
const ru = {
  currency: 'RUB',
  data_years: [2020],
  data_vintage: ['Russian Statistical Yearbook 2022'],
  sources: ['Rosstat, Russian Statistical Yearbook 2022, table 12.19: gross regional product 2020'],
  rates: [{ period: '2020', rate: 72.1049, kind: 'annual', date: '2020', source: 'World Bank, World Development Indicators (CC BY 4.0)' }],
  items: [{ usd: { rate: 72.1049, rate_unit: 'RUB/USD', rate_date: '2020' } }],
};

describe('costProvenance', () => {
  it('in USD names the exchange rate, its date and source, the data year, vintage and sources', () => {
    expect(costProvenance(ru, true)).toEqual([
      ['Exchange rate', '72.1049 RUB/USD on 2020 (annual; World Bank, World Development Indicators (CC BY 4.0))'],
      ['Data years', '2020'],
      ['Data vintage', 'Russian Statistical Yearbook 2022'],
      ['Sources', 'Rosstat, Russian Statistical Yearbook 2022, table 12.19: gross regional product 2020'],
    ]);
  });
  it('in the local currency no rate is named (none was applied)', () => {
    expect(costProvenance(ru, false).map(([k]) => k)).toEqual(['Data years', 'Data vintage', 'Sources']);
  });
});
