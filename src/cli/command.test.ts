// Number options read plain decimals only: an empty value, hex, "Infinity" or "NaN" is a usage
// error naming the flag, never 0 or 16. Whole-number options read digits only (a leading minus at
// most): a plus, an exponent, a decimal point or a blank around them is refused as not a whole number.
import { describe, expect, it } from 'vitest';
import { intOption, limitOption, numberOption } from './command.js';

describe('number options', () => {
  it('refuse what is not a plain decimal, naming the flag and the value', () => {
    for (const v of ['', ' ', '0x10', '0o7', 'Infinity', 'NaN', '1e', '1e2', '1e3', ' 5', '5 ', '2.0', '2.5', '.5'])
      expect(() => intOption('--top')(v), v).toThrow(`--top must be a whole number, got ${JSON.stringify(v)}`);
    for (const v of ['', '0x10', 'Infinity', 'NaN'])
      expect(() => numberOption('--threshold')(v), v).toThrow(`--threshold must be a number, got ${JSON.stringify(v)}`);
  });

  it('a page size is read as a whole number or left as typed, for the op to refuse in its own words', () => {
    expect(limitOption('25')).toBe(25);
    for (const v of ['1e2', ' 5', '2.0']) expect(limitOption(v), v).toBe(v);
  });

  it('read signs, decimal points and exponents', () => {
    expect(intOption('--limit')('1000')).toBe(1000);
    expect(() => intOption('--year')('+2020')).toThrow('--year must be a whole number, got "+2020"');
    expect(numberOption('--threshold')('+2020')).toBe(2020);
    expect(intOption('--seed')('-3')).toBe(-3);
    expect(numberOption('--threshold')('.5')).toBe(0.5);
    expect(numberOption('--threshold')('-2.5e-1')).toBe(-0.25);
  });
});

describe("a command's own options", () => {
  it('leave out every global option, so an op never receives --json, --db or --store as an input field', async () => {
    const { GLOBAL_OPTIONS } = await import('./context.js');
    const { withoutGlobals } = await import('./command.js');
    const o = { ...Object.fromEntries(GLOBAL_OPTIONS.map((g) => [g.key, 'x'])), country: 'RU', limit: 5 };
    expect(withoutGlobals(o)).toEqual({ country: 'RU', limit: 5 });
  });
});
