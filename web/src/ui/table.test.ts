import { describe, expect, it } from 'vitest';
import { toCsv } from './table.js';

describe('toCsv (a table built in the browser)', () => {
  it('joins a list of plain values with "; " and writes objects as JSON, the exports\' one rule', () => {
    // SYNTHETIC row shaped as a calculator estimate row (data_vintage and sources are lists in CostEstimate)
    const rows = [
      {
        method: 'ozi-regional',
        data_vintage: ['Russian Statistical Yearbook 2022', 'Rosstat GRP 2020'],
        years: [2020],
        rates: { RUB: 72.1049 },
        none: [] as string[],
      },
    ];
    const csv = toCsv(
      ['method', 'data_vintage', 'years', 'rates', 'none'].map((key) => ({ key, label: key })),
      rows,
    );
    expect(csv.trim().split('\n')[1]).toBe('ozi-regional,Russian Statistical Yearbook 2022; Rosstat GRP 2020,2020,"{""RUB"":72.1049}",');
  });
});
