/**
 * Property test: any line, and any mutation of real register dump lines (fields replaced,
 * semicolons and quotes inserted, cut anywhere), is parsed or rejected with a reason and a
 * detail: never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDumpLine } from './dump-line.js';

// Two real lines of the 2016-06-13 dump (data/registry, decoded from cp1251).
const REAL = ['104.16.173.117;;;суд;2-1687/2013;2013-05-23', '104.31.86.95 | 104.31.87.95;0chan.cc;http://0chan.cc/h/;Роскомнадзор;54485-URL-on;2015-03-23'];

function judged(line: string): void {
  const r = parseDumpLine(line);
  if (!r.ok) {
    expect(r.reason, line.slice(0, 200)).toMatch(/\w/);
    expect(typeof r.detail).toBe('string');
  }
}

describe('parseDumpLine, property', () => {
  it('the real lines parse', () => REAL.forEach((l) => expect(parseDumpLine(l).ok, l).toBe(true)));

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => judged(s)),
      { numRuns: 400 },
    );
  });

  it('never throws when fields of a real line are replaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.nat({ max: 5 }), fc.string({ maxLength: 60 }), (line, i, value) => {
        const f = line.split(';');
        f[i] = value;
        judged(f.join(';'));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a real line cut anywhere or with a character inserted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.nat({ max: 120 }), fc.constantFrom(';', '"', '|', ' ', '\r', '\u0000', '/', ':'), (line, n, ch) => {
        judged(line.slice(0, n));
        judged(line.slice(0, n) + ch + line.slice(n));
      }),
      { numRuns: 300 },
    );
  });
});
