// `splinternet detect` (detect.run) and its HTTP twin GET /api/detections (detections.list) take
// the same query: a bad value in it is refused in the same words on both.
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

describe('a bad detection query', () => {
  it.each([{ since: '2021-02-30' }, { cc: 'UK' }, { since: '2022-01-01', until: '2020-01-01' }, { kind: 'flood' }])(
    '%o: the same words from detect and /api/detections',
    (input) => {
      expect(refusal(detectRun, input)).toBe(refusal(detectionsList, input));
    },
  );
});
