// The staged CSV must be byte for byte what DuckDB would read from the equivalent text: UTF-8
// (surrogate pairs, lone surrogates), doubled quotes, empty NULLs, exact integers, growth.
import { describe, expect, it } from 'vitest';
import { CsvStage } from './csv-stage.js';

describe('CsvStage', () => {
  it('writes the bytes Buffer.from would for the same CSV text', () => {
    const s = new CsvStage();
    s.int(1).text('город Москва').text(null).text('say "hi", then 𝄞').raw('virtual').int(null).int(-42).int(Number.MAX_SAFE_INTEGER).end();
    s.int(0).ints([0, 7, 1234567, 10], ';').text('').text('lone \ud800 surrogate').end();
    const expected = `1,"город Москва",,"say ""hi"", then 𝄞",virtual,,-42,${Number.MAX_SAFE_INTEGER}\n0,0;7;1234567;10,"","lone \ud800 surrogate"\n`;
    expect(s.bytes().equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  it('grows past its first megabyte without losing bytes', () => {
    const s = new CsvStage();
    const row = `"${'Ж'.repeat(500)}"`;
    for (let i = 0; i < 2_000; i++) s.int(i).text('Ж'.repeat(500)).end();
    const text = s.bytes().toString('utf8').split('\n');
    expect(text).toHaveLength(2_001);
    expect(text[1_999]).toBe(`1999,${row}`);
  });

  it('refuses numbers it cannot write exactly', () => {
    expect(() => new CsvStage().int(1.5)).toThrow(/not a safe integer: 1.5/);
    expect(() => new CsvStage().ints([2 ** 53], ';')).toThrow(/not a safe integer/);
  });
});
