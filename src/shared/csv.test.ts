/** The one CSV writer: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import { describe, expect, it } from 'vitest';
import { csvCell, csvText, toCsv } from './csv.js';

describe('csvCell', () => {
  it('neutralises = + - @ tab and CR at the start of a text cell', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });
  it('leaves numbers, plain numeric strings and ordinary text alone', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('+7')).toBe('+7');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
  it('writes a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [{ a: '=1', b: 2 }])).toBe("a,b\r\n'=1,2\r\n");
  });
});

describe('csvText undoes the neutralisation', () => {
  const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
  // a real probe_network_name and input with a formula character put first (SYNTHETIC), and text that merely looks neutralised
  it.each(['=Telia -AB', '=HYPERLINK("x")', '+7 Telecom', '-', '@home', '\t=1', "'=already quoted", "''+two", "'plain", "it's", 'Ростелеком', '-3.5', ''])(
    'stripping the prefix of %j gives back the value',
    (v) => {
      expect(csvText(unquote(csvCell(v)))).toBe(v);
    },
  );
  it('leaves a cell that was never neutralised alone', () => {
    expect(csvText("'plain")).toBe("'plain");
    expect(csvCell("'=x")).toBe("''=x");
  });
});
