/**
 * Property test: any text at all, and any mutation of a real OONI measurement line (fields
 * replaced by arbitrary JSON, the line cut anywhere), is parsed or rejected with a reason:
 * never an exception.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../shared/index.js';
import { parseMeasurement } from './parse.js';

const REAL = gunzipSync(
  readFileSync(
    packagePath('test', 'fixtures', 'ooni', 'bucket-sample', 'raw', '20200303', '09', 'RU', 'webconnectivity', '2020030309_RU_webconnectivity.n0.0.jsonl.gz'),
  ),
)
  .toString('utf8')
  .split('\n')[0]!;
const real = JSON.parse(REAL) as Record<string, unknown>;
const KEYS = Object.keys(real);

function judged(text: string): void {
  const r = parseMeasurement(text);
  if (!r.ok) expect(r.reason, text.slice(0, 200)).toMatch(/\w/);
}

describe('parseMeasurement, property', () => {
  it('the real line parses', () => expect(parseMeasurement(REAL).ok).toBe(true));

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => judged(s)),
      { numRuns: 300 },
    );
  });

  it('never throws when fields of a real line take arbitrary JSON values', () => {
    fc.assert(
      fc.property(
        fc.subarray(KEYS, { minLength: 1, maxLength: 4 }),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 4, maxLength: 4 }),
        (keys, values) => {
          const m: Record<string, unknown> = { ...real };
          keys.forEach((k, i) => (m[k] = values[i]));
          judged(JSON.stringify(m));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on a real line cut anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: REAL.length }), (n) => judged(REAL.slice(0, n))),
      { numRuns: 200 },
    );
  });
});
