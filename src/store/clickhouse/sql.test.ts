import { describe, expect, it } from 'vitest';
import { ident, inList, literal, sql } from './sql.js';

describe('ClickHouse literal layer', () => {
  it('escapes quotes, backslashes and control characters so a value never ends its string', () => {
    expect(literal("it's")).toBe("'it\\'s'");
    expect(literal('a\\')).toBe("'a\\\\'");
    expect(literal("x\\' OR 1=1 --")).toBe("'x\\\\\\' OR 1=1 --'");
    expect(literal('l1\nl2\t\0')).toBe("'l1\\nl2\\t\\0'");
    expect(literal(null)).toBe('NULL');
    expect(literal(true)).toBe('1');
    expect(literal(12n)).toBe('12');
    expect(literal(['a', "b'"])).toBe("['a', 'b\\'']");
  });
  it('refuses non-finite numbers and objects', () => {
    expect(() => literal(Number.NaN)).toThrow(/finite/);
    expect(() => literal(Infinity)).toThrow(/finite/);
    expect(() => literal({} as never)).toThrow(/cannot go into a query/);
  });
  it('interpolates only through the escaper; identifiers are checked', () => {
    expect(sql`SELECT 1 WHERE a = ${"x'y"} AND b IN ${inList(['p', 'q'])}`.text).toBe("SELECT 1 WHERE a = 'x\\'y' AND b IN ('p', 'q')");
    expect(inList([]).text).toBe('(NULL)');
    expect(() => ident('db; DROP TABLE x')).toThrow(/identifier/);
    expect(ident('splinternet_1').text).toBe('splinternet_1');
  });
});
