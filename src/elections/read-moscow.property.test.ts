/**
 * Property test for the Moscow single-mandate results table (Meduza TSV): arbitrary text and
 * the real table with rows changed either parse with read = stored + rejected, every stored
 * count a non-negative integer, or are refused with a VALIDATION error naming the file: never
 * another exception.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError, packagePath } from '../shared/index.js';
import { readMeduza } from './read-moscow.js';

const REAL = readFileSync(packagePath('test', 'fixtures', 'elections', 'meduza-moscow-2021-single-mandate.tsv'), 'utf8');
const LINES = REAL.split('\n');

function judged(text: string): void {
  let r: ReturnType<typeof readMeduza>;
  try {
    r = readMeduza(text, 'fuzz.tsv');
  } catch (e) {
    expect(isAppError(e) && e.code, String(e)).toBe('VALIDATION');
    expect((e as Error).message).toContain('fuzz.tsv');
    return;
  }
  expect(r.rows.length + r.rejects.length, 'read = stored + rejected').toBe(r.linesRead);
  for (const row of r.rows) for (const n of [row.paper, row.electronic, row.total, row.district]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
  for (const j of r.rejects) expect(j.reason).toMatch(/\w/);
}

describe('readMeduza, property', () => {
  it('the real table parses whole', () => {
    const r = readMeduza(REAL, 'real.tsv');
    expect(r.rejects).toEqual([]);
    expect(r.rows.length).toBe(r.linesRead);
  });

  it('a row that does not read names the column and the value', () => {
    const bad = [...LINES];
    bad[2] = bad[2]!.replace(/\t(\d+)\t/, '\tabc\t');
    bad[3] = `\t${bad[3]!.split('\t').slice(1).join('\t')}`;
    const r = readMeduza(bad.join('\n'), 'bad.tsv');
    expect(r.rejects).toEqual([
      { file: 'bad.tsv', line: 3, reason: 'not_a_count', detail: 'not a non-negative integer: elections_inperson_count (column 2)' },
      { file: 'bad.tsv', line: 4, reason: 'not_a_count', detail: 'elections_candidate (column 1) is empty' },
    ]);
  });

  it('never throws anything but a VALIDATION error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => judged(s)),
      { numRuns: 200 },
    );
  });

  it('keeps read = stored + rejected when real rows are changed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: LINES.length - 1 }),
            fc.nat({ max: 80 }),
            fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\t', '-1', '1e9', '\r', '99999999999999999999')),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (edits) => {
          const lines = [...LINES];
          for (const [row, at, insert] of edits) lines[row] = (lines[row] ?? '').slice(0, at) + insert + (lines[row] ?? '').slice(at);
          judged(lines.join('\n'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
