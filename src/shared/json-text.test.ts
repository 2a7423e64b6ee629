import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from './errors.js';
import { jsonErrorAt, parseJsonText } from './json-text.js';

const refusal = (text: string) => {
  try {
    parseJsonText(text, 'a.json');
    return null;
  } catch (e) {
    return isAppError(e) ? { code: e.code, message: e.message, details: e.details } : e;
  }
};

describe('parseJsonText', () => {
  it('parses valid JSON', () => expect(parseJsonText('{"a": [1, "x"]}', 'a.json')).toEqual({ a: [1, 'x'] }));
  it('names the file, line and column of the error, also where the parser gives no position', () => {
    expect(refusal('{"id": "x",\n "title": \n}')).toEqual({
      code: 'VALIDATION',
      message: `a.json: line 3, column 1: not valid JSON: Unexpected token '}'`,
      details: { line: 3, column: 1 },
    });
    expect(refusal('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
      message: "a.json: line 3, column 3: not valid JSON: Expected ',' or '}' after property value",
    });
    expect(refusal('[1,\n 2,\n]')).toMatchObject({ details: { line: 3, column: 1 } });
    expect(refusal('{"a":\n')).toMatchObject({ message: 'a.json: line 2, column 1: not valid JSON: Unexpected end of JSON input' });
    expect(refusal('{"a": tru}')).toMatchObject({ details: { line: 1, column: 10 } });
    expect(refusal('{"a": 1}\nx')).toMatchObject({ details: { line: 2, column: 1 } });
  });
});

describe('jsonErrorAt', () => {
  it('finds the offset where a JSON text stops being JSON', () => {
    expect(jsonErrorAt('{"a":"b\\q"}')).toBe(8);
    expect(jsonErrorAt('{"a":"\\u12G4"}')).toBe(10);
    expect(jsonErrorAt('{"a":01}')).toBe(6);
    expect(jsonErrorAt('[1,2]')).toBe(-1);
    expect(jsonErrorAt('{"a": {"b": [true, false, null, -1.5e3, "\\u00e9"]}}')).toBe(-1);
  });
  it('agrees with JSON.parse on which texts are JSON (JSON texts with a character inserted)', () => {
    const isJson = (t: string) => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', '0', '.', '-', 'e', ' ', '\n', 'x', '\u0001'), (j, at, c) => {
        const t = j.slice(0, at % (j.length + 1)) + c + j.slice(at % (j.length + 1));
        expect(jsonErrorAt(t) === -1, t).toBe(isJson(t));
      }),
      { numRuns: 2000 },
    );
  });
});
