/**
 * Property test for economic-data files: arbitrary text, and real World Bank and Rosstat files
 * with a row changed, are parsed into finite values from real years or rejected by line (or
 * refused with a VALIDATION error naming the file): never another exception, never NaN stored.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError, packagePath } from '../../shared/index.js';
import type { Parsed, ParseOptions } from './parse-common.js';
import { parseRosstat } from './parse-regional.js';
import { parseWorldBank } from './parse-worldbank.js';

const o: ParseOptions = { file: 'fuzz.csv', source: 'fuzz', vintage: 'fuzz', today: '2026-12-06', year: 2021, indicator: 'IT.NET.USER.ZS' };
const head = (path: string, n: number) =>
  readFileSync(packagePath('data', 'costs', path), 'utf8')
    .split('\n')
    .slice(0, n)
    .join('\n');
const FILES: [string, (text: string) => Parsed][] = [
  [head('worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv', 40), (t) => parseWorldBank(t, o)],
  [head('rosstat_internet_use_by_region_2021.csv', 40), (t) => parseRosstat(t, { ...o, indicator: 'rosstat.internet_use' })],
];

function judged(parse: (text: string) => Parsed, text: string): void {
  let p: Parsed;
  try {
    p = parse(text);
  } catch (e) {
    expect(isAppError(e) && e.code, String(e)).toBe('VALIDATION');
    return;
  }
  const lines = text.split('\n').length;
  for (const v of p.values) {
    expect(Number.isFinite(v.value), JSON.stringify(v)).toBe(true);
    expect(v.year).toBeGreaterThan(1900);
  }
  for (const j of p.rejects) expect(j.line).toBeLessThanOrEqual(lines + 1);
}

describe('economic-data parsers, property', () => {
  it('the real files parse', () => FILES.forEach(([text, parse]) => expect(parse(text).values.length).toBeGreaterThan(0)));

  it('never throw anything but a VALIDATION error on arbitrary text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.string({ maxLength: 300 }), ([, parse], s) => judged(parse, s)),
      { numRuns: 200 },
    );
  });

  it('never throw anything but a VALIDATION error when a real row is changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.nat({ max: 39 }), fc.nat({ max: 300 }), fc.string({ maxLength: 30 }), ([text, parse], row, at, insert) => {
        const lines = text.split('\n');
        const l = lines[row] ?? '';
        lines[row] = l.slice(0, at) + insert + l.slice(at);
        judged(parse, lines.join('\n'));
      }),
      { numRuns: 200 },
    );
  });
});
