// The Monte Carlo inputs of the election fingerprints (reps, seed) are one declaration for the CLI
// command, its HTTP route and the ops endpoint: the same range and the house wording
// ("must be a whole number from 1 to 10000, got …"), whole numbers in digits only.
import { describe, expect, it } from 'vitest';
import { electionsFingerprints, electionsIntegers } from './ops.js';

type Parser = { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } };
const refusal = (schema: Parser, input: object) => schema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('elections reps and seed (SYNTHETIC values)', () => {
  const id = { id: 'duma-2016' };
  it('reps: the same cap on the CLI op and the route, in house words', () => {
    expect(refusal(electionsIntegers.input, { ...id, reps: 20000 })).toEqual(['reps: must be a whole number from 1 to 10000, got 20000']);
    expect(refusal(electionsFingerprints.input, { ...id, reps: '20000' })).toEqual(['reps: must be a whole number from 0 to 10000, got 20000']);
    expect(refusal(electionsIntegers.input, { ...id, reps: 0 })).toEqual(['reps: must be a whole number from 1 to 10000, got 0']);
    for (const v of ['2.0', '1e3', ' 5']) {
      expect(refusal(electionsFingerprints.input, { ...id, reps: v })?.[0]).toBe(`reps: must be a whole number from 0 to 10000, got ${JSON.stringify(v)}`);
      expect(refusal(electionsIntegers.input, { ...id, reps: v })?.[0]).toBe(`reps: must be a whole number from 1 to 10000, got ${JSON.stringify(v)}`);
    }
  });
  it('seed: 0 to 4294967295 on every fingerprint op, as the cost engine takes it', () => {
    for (const op of [electionsFingerprints, electionsIntegers]) {
      expect(refusal(op.input, { ...id, seed: '-1' })).toEqual(['seed: must be a whole number from 0 to 4294967295, got -1']);
      expect(refusal(op.input, { ...id, seed: '1.0' })).toEqual(['seed: must be a whole number from 0 to 4294967295, got "1.0"']);
      expect(op.input.safeParse({ ...id, seed: '4294967295', reps: '10000' }).success).toBe(true);
    }
  });
});
