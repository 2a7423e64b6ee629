// What `events import` says of the STOP records it folded: the shutdowns folded by each rule, so
// the line adds up to the report's count and matches the README (14 near-duplicates and 1 shutdown
// recorded at two scales on the shipped snapshot).
import { describe, expect, it } from 'vitest';
import { foldedText } from './events.js';

describe('events import: the folded records', () => {
  it('gives the count by rule (SYNTHETIC report, shaped as the shipped snapshot gives it)', () => {
    const duplicates = [
      ...Array.from({ length: 14 }, () => ({ kept: 'a', records: [1], duplicate_records: [2], rule: 'near-duplicate' as const })),
      { kept: 'b', records: [645], duplicate_records: [642], rule: 'contained' as const },
    ];
    expect(foldedText({ duplicates_merged: 15, duplicates })).toBe(
      'shutdowns STOP records twice, folded into the event kept: 15 (14 listed twice, 1 recorded at two scales)',
    );
  });
});
