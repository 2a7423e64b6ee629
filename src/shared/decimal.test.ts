// How text becomes a whole number: digits only, and only where a double holds the number exactly.
// SYNTHETIC values.
import { describe, expect, it } from 'vitest';
import { parseDecimal, parseWhole } from './decimal.js';

describe('parseWhole', () => {
  it('reads digits with a leading minus at most, up to the safe integers', () => {
    expect(['0', '-3', '5', '9007199254740991', '-9007199254740991'].map(parseWhole)).toEqual([0, -3, 5, 9007199254740991, -9007199254740991]);
  });
  it('is null for text that is not digits, and for digits beyond the safe integers (where a double may hold another number than the text writes)', () => {
    for (const t of ['1e2', '2.0', ' 5', '+5', '0x10', '', '9007199254740992', '99999999999999999999', '-99999999999999999999999'])
      expect(parseWhole(t), t).toBeNull();
  });
  it('leaves decimals with exponents to parseDecimal', () => {
    expect(parseDecimal('1e2')).toBe(100);
  });
});
