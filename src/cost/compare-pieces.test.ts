// The pieces of an event the comparison with Top10VPN prices, by STOP's yearly accounting. The
// events are SYNTHETIC (only the fields the rule reads).
import { describe, expect, it } from 'vitest';
import { STOP_END_NOT_RECORDED } from '../ledger/index.js';
import { comparePieces } from './compare.js';
import { syntheticEvent } from './testing.js';

const cut = syntheticEvent({ category: 'shutdown', subtype: 'full', start: '2021-03-05', end: null, notes: 'Marked ongoing in the 2026-05-20 STOP snapshot.' });

describe('a network shutdown STOP marks ongoing', () => {
  it('is whole through the years before its last count_year, and into that year for a time nobody recorded', () => {
    const [before, last] = comparePieces(cut, 2023, 2025);
    expect(before).toMatchObject({ start: '2021-03-05', end: '2023-01-01T00:00:00Z' });
    expect(last).toMatchObject({ start: '2023-01-01', whole_start: '2021-03-05', end: null });
    expect(last!.notes).toContain(STOP_END_NOT_RECORDED);
  });

  it("is whole through the snapshot's last count_year when that year still lists it ongoing (the list was compiled after the year ended)", () => {
    expect(comparePieces(cut, 2025, 2025)).toEqual([{ ...cut, end: '2026-01-01T00:00:00Z' }]);
    const started = { ...cut, start: '2025-09-15' };
    expect(comparePieces(started, 2025, 2025)).toEqual([{ ...started, end: '2026-01-01T00:00:00Z' }]);
  });

  it('an end nobody recorded (status Unknown), an ended event and a block are left as they are', () => {
    const unknown = { ...cut, notes: STOP_END_NOT_RECORDED };
    expect(comparePieces(unknown, 2025, 2025)).toEqual([unknown]);
    const ended = { ...cut, end: '2021-03-09' };
    expect(comparePieces(ended, 2025, 2025)).toEqual([ended]);
    const block = { ...cut, category: 'block' as const, subtype: 'platform' };
    expect(comparePieces(block, 2025, 2025)).toEqual([{ ...block, end: '2022-01-01T00:00:00Z' }]);
  });
});
