/**
 * Property test for crowdsourced speed-test CSVs: arbitrary bytes, and a real day's file with
 * rows changed (bytes inserted, invalid UTF-8 included), parse with read = stored + rejected and
 * every reject giving a reason: never an exception.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../shared/index.js';
import { parseSpeedTestFile } from './import.js';

const REAL = readFileSync(packagePath('data', 'throttling', 'russia-twitter-throttle', '2021-03', '13.csv')).subarray(0, 20_000);
// whole lines only
const CUT = REAL.subarray(0, REAL.lastIndexOf(0x0a) + 1);
const NOW = Date.parse('2026-01-01T00:00:00Z');

function judged(buf: Uint8Array): void {
  const r = parseSpeedTestFile(buf, NOW);
  // a file refused whole has one reject standing for all its data lines
  const rejectedLines = r.refused ? r.rejected : r.rejects.length;
  if (r.refused) expect(r.rejects).toHaveLength(1);
  expect(r.rows.length + rejectedLines, 'read = stored + rejected').toBe(r.linesRead);
  for (const j of r.rejects) expect(j.reason).toMatch(/^\w+/);
}

describe('parseSpeedTestFile, property', () => {
  it('the real file parses', () => expect(parseSpeedTestFile(CUT, NOW).rows.length).toBeGreaterThan(10));

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => judged(b)),
      { numRuns: 200 },
    );
  });

  it('keeps read = stored + rejected when bytes are inserted into real rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: CUT.length }), fc.uint8Array({ minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 4 }), (edits) => {
        let buf = Buffer.from(CUT);
        for (const [at, bytes] of edits) buf = Buffer.concat([buf.subarray(0, at), bytes, buf.subarray(at)]);
        judged(buf);
      }),
      { numRuns: 150 },
    );
  });
});
