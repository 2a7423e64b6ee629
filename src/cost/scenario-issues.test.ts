// A cost scenario's refusal names every invalid field at once, whichever other field is wrong:
// the wire schema's faults (a number that is not one) and the scenario's rules (a range, a time
// zone, a missing type) are one list, on the GET, the POST batch and the regional table.
// SYNTHETIC values: the QA report's (hours -5 or "abc", severity 2, tz Mars/Base).
import { describe, expect, it } from 'vitest';
import { parseInput, type OpContext } from '../op/index.js';
import { isAppError } from '../shared/index.js';
import { costBatch, costEstimate, costRegionsOp } from './ops.js';
import { parseSpan } from './span.js';

const refused = (f: () => unknown): { path: string; message: string }[] => {
  try {
    f();
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }
  throw new Error('expected a refusal');
};
const paths = (f: () => unknown) => refused(f).map((i) => i.path);

describe('a time span names each of its faults', () => {
  it('a bad time zone does not hide a bad duration or a bad date', () => {
    expect(paths(() => parseSpan({ hours: -5, tz: 'Mars/Base' }))).toEqual(['tz', 'hours']);
    expect(paths(() => parseSpan({ start: 'yesterday', end: '2020-02-30', tz: 'Mars/Base' }))).toEqual(['tz', 'start', 'end']);
    expect(paths(() => parseSpan({ start: '2020-01-01', end: '2020-01-02', hours: -1 }))).toEqual(['hours', 'hours']);
  });
});

describe('GET /api/cost and splinternet cost (cost.estimate)', () => {
  const base = { country: 'RU', type: 'full' };
  it('name tz and hours together', () => {
    expect(paths(() => parseInput(costEstimate, { ...base, hours: '-5', tz: 'Mars/Base' })).sort()).toEqual(['hours', 'tz']);
  });
  it('a number that is not one does not hide the scenario rules', () => {
    const issues = refused(() => parseInput(costEstimate, { ...base, hours: 'abc', severity: '2', tz: 'Mars/Base' }));
    expect([...new Set(issues.map((i) => i.path))].sort()).toEqual(['hours', 'severity', 'tz']);
    // hours is named for what was sent, not also as missing
    expect(issues.filter((i) => i.path === 'hours').map((i) => i.message)).toEqual(['"abc" is not a number']);
  });
  it('a missing type does not hide a bad hours, and is named once', () => {
    const issues = refused(() => parseInput(costEstimate, { country: 'RU', hours: '-5' }));
    expect(issues.map((i) => i.path).sort()).toEqual(['hours', 'type']);
  });
  it('no field is named twice in the same words', () => {
    const issues = refused(() => parseInput(costEstimate, { hours: '-5', severity: 'x', tz: 'Mars/Base' }));
    const texts = issues.map((i) => `${i.path}: ${i.message}`);
    expect(texts).toEqual([...new Set(texts)]);
    expect([...new Set(issues.map((i) => i.path))].sort()).toEqual(['country', 'hours', 'severity', 'type', 'tz']);
  });
});

describe('GET /api/cost/regions (cost.regions)', () => {
  it('two methods, a bad hours and a bad tz are named together', () => {
    expect(
      new Set(paths(() => parseInput(costRegionsOp, { country: 'RU', type: 'full', hours: '-5', tz: 'Mars/Base', method: 'ozi-regional,brookings-2016' }))),
    ).toEqual(new Set(['hours', 'tz', 'method']));
  });
});

describe('POST /api/cost (cost.batch)', () => {
  // the check comes before any data is read or budget asked
  const ctx = {} as OpContext;
  it('names every invalid field of each scenario, by index', async () => {
    const issues = await costBatch
      .run(ctx, {
        scenarios: [
          { country: 'RU', type: 'full', hours: 'abc', severity: 2, tz: 'Mars/Base' },
          { country: 'RU', hours: -5 },
        ],
      })
      .then(
        () => [],
        (e: unknown) => {
          if (!isAppError(e)) throw e;
          return e.issues.map((i) => i.path.join('.'));
        },
      );
    expect(new Set(issues)).toEqual(new Set(['0.hours', '0.severity', '0.tz', '1.type', '1.hours']));
  });
});
