// Number options read plain decimals only: an empty value, hex, "Infinity" or "NaN" is a usage
// error naming the flag, never 0 or 16.
import { describe, expect, it } from 'vitest';
import { intOption, numberOption } from './command.js';

describe('number options', () => {
  it('refuse what is not a plain decimal, naming the flag and the value', () => {
    for (const v of ['', ' ', '0x10', '0o7', 'Infinity', 'NaN', '1e'])
      expect(() => intOption('--limit')(v), v).toThrow(`--limit must be an integer, got ${JSON.stringify(v)}`);
    for (const v of ['', '0x10', 'Infinity', 'NaN'])
      expect(() => numberOption('--threshold')(v), v).toThrow(`--threshold must be a number, got ${JSON.stringify(v)}`);
  });

  it('read signs, decimal points and exponents', () => {
    expect(intOption('--limit')('1e3')).toBe(1000);
    expect(intOption('--year')('+2020')).toBe(2020);
    expect(numberOption('--threshold')('.5')).toBe(0.5);
    expect(numberOption('--threshold')('-2.5e-1')).toBe(-0.25);
  });
});
