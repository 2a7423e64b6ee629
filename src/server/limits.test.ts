// A ledger request over its budget names the ways out the route takes: cost events narrows by its
// event filters, cost compare (yearly pieces) by country alone, the only filter it has.
import { describe, expect, it } from 'vitest';
import { costCompare, costEvents } from '../cost/ops.js';
import { assertLedgerWork, limitsOf } from './limits.js';

const refusal = (unit: 'events' | 'yearly pieces') => {
  try {
    assertLedgerWork(limitsOf(), false, 3000, 3000, unit); // SYNTHETIC counts, over the anonymous budget
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('not refused');
};

/** The parameters a message advises narrowing by: the words in its "narrow it to ..." brackets. */
const advised = (message: string) => /narrow it to [^(]*\(([^)]*)\)/.exec(message)![1]!.split(', ');

describe('over the ledger budget', () => {
  it('every parameter advised is one the route takes', () => {
    for (const [unit, op] of [
      ['events', costEvents],
      ['yearly pieces', costCompare],
    ] as const) {
      const keys = Object.keys(op.input.shape);
      const named = advised(refusal(unit));
      expect(named.length).toBeGreaterThan(0);
      for (const p of named) expect(keys, `${unit}: ${p}`).toContain(p);
    }
  });

  it('compare is told to narrow by country', () => {
    expect(refusal('yearly pieces')).toMatch(/narrow it to one country \(country\)/);
  });
});
