/**
 * Property test: any text given as a STOP CSV, and any mutation of the real sample's rows,
 * either parses into rows that each name a record and line inside the file, or is refused with
 * a VALIDATION error naming the file: never another exception.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError, packagePath } from '../../shared/index.js';
import { parseStopCsv } from './parse.js';

const REAL = readFileSync(packagePath('test', 'fixtures', 'stop', 'real-sample.csv'), 'utf8');
const LINES = REAL.split('\n');

function judged(text: string): void {
  try {
    const rows = parseStopCsv(text, 'fuzz.csv');
    const lines = text.split('\n').length;
    for (const r of rows) expect(r._line, 'a row names a line inside the file').toBeLessThanOrEqual(lines);
  } catch (e) {
    expect(isAppError(e) && e.code, String(e)).toBe('VALIDATION');
    expect((e as Error).message).toContain('fuzz.csv');
  }
}

describe('parseStopCsv, property', () => {
  it('the real sample parses', () => expect(parseStopCsv(REAL, 'real-sample.csv').length).toBeGreaterThan(0));

  it('never throws anything but a VALIDATION error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => judged(s)),
      { numRuns: 200 },
    );
  });

  it('never throws anything but a VALIDATION error when a real row is changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Math.max(1, LINES.length - 2) }), fc.nat({ max: 400 }), fc.string({ maxLength: 40 }), (row, at, insert) => {
        const lines = [...LINES];
        const l = lines[row] ?? '';
        lines[row] = l.slice(0, at) + insert + l.slice(at);
        judged(lines.join('\n'));
      }),
      { numRuns: 150 },
    );
  });
});
