/**
 * Property test for the outage-signal parser: arbitrary text, and the real IODA and OONI count
 * files with bytes inserted or lines doubled, never throw; every record is a point or a reject
 * (records read = points + rejects), every stored value is a finite non-negative number or a
 * missing sample (null), and every point is a network, region or country with a valid code.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { parseSignals } from './parse.js';

const fixture = (f: string) => readFileSync(packagePath('test', 'fixtures', 'outages', f), 'utf8');
// The first 300 records of the IODA file (keeps a run to milliseconds) and the whole OONI count file.
const IODA = fixture('ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv').split('\n').slice(0, 300);
const OONI = fixture('ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv').split('\n');
const NOW = Date.parse('2026-01-01T00:00:00Z');

function judged(text: string): void {
  const r = parseSignals(text, { file: 'fuzz.csv', source: 'fuzz', cc: 'IR', nowMs: NOW });
  expect(r.points.length + r.rejects.length, 'read = stored + rejected').toBe(r.records_read);
  const bad = r.points.find(
    (p) =>
      (p.value !== null && !(Number.isFinite(p.value) && p.value >= 0)) ||
      !/^(AS[1-9]\d*|[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3})$/.test(p.entity_code) ||
      Number.isNaN(Date.parse(p.t)) ||
      Date.parse(p.t) > NOW,
  );
  expect(bad, 'every point a finite non-negative value (or missing) of a valid entity, not in the future').toBeUndefined();
  expect(r.points.filter((p) => p.value === null)).toHaveLength(r.missing);
}

const edited = (lines: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.nat({ max: lines.length - 1 }),
        fc.nat({ max: 60 }),
        fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(',', '"', '\n', '-1', 'NaN', '1e400', 'NA', '', '2099-01-01 00:00:00', 'AS0', '{', '[')),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((edits) => {
      const ls = [...lines];
      for (const [row, at, ins] of edits) ls[row] = (ls[row] ?? '').slice(0, at) + ins + (ls[row] ?? '').slice(at);
      return ls.join('\n');
    });

describe('parseSignals, property', () => {
  it('the real files parse whole', () => {
    const ioda = parseSignals(IODA.join('\n'), { file: 'i.csv', cc: 'IR', nowMs: NOW });
    expect(ioda.rejects).toEqual([]);
    const ooni = parseSignals(OONI.join('\n'), { file: 'o.csv', source: 'ooni_measurements', cc: 'IR', nowMs: NOW });
    expect(ooni.rejects.map((x) => x.reason)).toEqual(Array(5).fill(expect.stringMatching(/AS0/)));
  });

  it('arbitrary text: never throws, counts reconcile', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => judged(s)),
      { numRuns: 300 },
    );
  });

  it('real IODA and OONI files changed: never throws, counts reconcile, no bad value stored', () => {
    fc.assert(
      fc.property(fc.oneof(edited(IODA), edited(OONI)), (s) => judged(s)),
      { numRuns: 300 },
    );
  });
});
