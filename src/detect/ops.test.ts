// `splinternet detect` (detect.run) and its HTTP twin GET /api/detections (detections.list) take
// the same query: a bad value in it is refused in the same words on both, each naming the
// operation that was called (detect.run is also reached as POST /api/_ops/detect.run).
import { describe, expect, it } from 'vitest';
import { parseInput, type AnyOp } from '../op/index.js';
import { detectRun, detectionsList } from './ops.js';

const refusal = (op: AnyOp, input: object) => {
  try {
    parseInput(op, input);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${op.name} took ${JSON.stringify(input)}`);
};
/** The refusal's words after the operation it names. */
const words = (op: AnyOp, input: object) => refusal(op, input).replace(`invalid input for ${op.name}: `, '');

describe('a bad detection query', () => {
  it.each([{ since: '2021-02-30' }, { cc: 'UK' }, { since: '2022-01-01', until: '2020-01-01' }, { kind: 'flood' }, { input: '/etc/passwd' }])(
    '%o: the same words from detect and /api/detections, each naming the operation called',
    (input) => {
      expect(refusal(detectRun, input)).toMatch(/^invalid input for detect\.run: /);
      expect(refusal(detectionsList, input)).toMatch(/^invalid input for detections\.list: /);
      expect(words(detectRun, input)).toBe(words(detectionsList, input));
    },
  );

  it('a key only detect.run takes is refused naming detect.run (SYNTHETIC __proto__ key)', () => {
    expect(refusal(detectRun, JSON.parse('{"params":{"__proto__":{}}}') as object)).toMatch(/^invalid input for detect\.run: params\.__proto__: unknown name/);
  });
});

describe('a detection query with faults of both layers (SYNTHETIC values)', () => {
  it('a date that is no date does not hide an input the kind has not, nor a parameter out of range: all named at once', () => {
    const paths = (op: AnyOp, input: object) => {
      try {
        parseInput(op, input);
      } catch (e) {
        return (e as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    const q = { since: '2021-02-30', kind: 'outage', input: 'speedtests' };
    expect(paths(detectionsList, q)).toEqual(['since', 'input']);
    expect(paths(detectRun, { ...q, params: { block: { edd: -5 } } })).toEqual(['since', 'input', 'params.block.edd']);
  });
});
