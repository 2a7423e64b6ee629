// Two ranges of the same width and bounds under two decisions (the report's 10.1.2.0/24 of "Б/Н
// суд 2018-12-01" and "б.н. Мосгорсуд 2018-11-01"): the top list orders them the same whichever
// order the store returned them in. The columns are SYNTHETIC, shaped as RegistryIpv4Columns.
import { describe, expect, it } from 'vitest';
import type { RegistryIpv4Columns } from '../store/index.js';
import { largestRanges } from './analysis.js';

const base = 10 * 2 ** 24 + 1 * 2 ** 16 + 2 * 2 ** 8; // 10.1.2.0
const keys = [
  { decisionNumber: 'Б/Н', decisionBody: 'суд', decisionDate: '2018-12-01' },
  { decisionNumber: 'б.н.', decisionBody: 'Мосгорсуд', decisionDate: '2018-11-01' },
  { decisionNumber: '2-1779/2018', decisionBody: 'суд', decisionDate: '2018-04-13' },
];
const cols = (order: number[]): RegistryIpv4Columns => ({
  first: Float64Array.from(order.map((k) => (k === 2 ? 10 * 2 ** 24 : base))),
  last: Float64Array.from(order.map((k) => (k === 2 ? 10 * 2 ** 24 + 2 ** 16 - 1 : base + 255))),
  key: Int32Array.from(order),
  keys,
});

describe('largestRanges: ties', () => {
  it('same width and bounds: ordered by decision number, body and date, whatever the store order', () => {
    const a = largestRanges(cols([0, 1, 2]), 3);
    expect(largestRanges(cols([1, 0, 2]), 3)).toEqual(a);
    expect(largestRanges(cols([2, 1, 0]), 3)).toEqual(a);
    expect(a.map((r) => `${r.range} ${r.decision_number}`)).toEqual(['10.0.0.0/16 2-1779/2018', '10.1.2.0/24 Б/Н', '10.1.2.0/24 б.н.']);
  });
});
