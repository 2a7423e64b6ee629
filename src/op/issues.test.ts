// One refusal names every invalid field: the checks of meaning (a range's order, an op's own
// rules) run on the fields the schema took, beside the schema's faults, without repeating them.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as check from './checks.js';
import { defineOp, parseInput } from './define.js';
import { inputIssues } from './issues.js';

// SYNTHETIC op: the listing shape every ledger and measurement list has (a range and a page size)
const list = defineOp({
  name: 'test.list',
  summary: 'a listing',
  write: false,
  input: z.object({ from: check.partialDate.optional(), to: check.partialDate.optional(), limit: check.limit(1000).optional(), kind: z.string().optional() }),
  check: (p) => (p.kind === 'bad' ? [{ path: ['kind'], message: 'not a kind' }] : []),
  output: z.object({}),
  run: () => Promise.resolve({}),
});
const paths = (raw: object) => {
  try {
    parseInput(list, raw);
  } catch (e) {
    return (e as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
  }
  return [];
};

describe('parseInput names every field at once', () => {
  it('a reversed range beside a bad page size (GET /api/events?from=2021&to=2020&limit=0)', () => {
    expect(paths({ from: '2021', to: '2020', limit: 0 })).toEqual(['limit', 'to']);
  });
  it('an input object with refinements of its own (which zod cannot make partial) is read field by field', () => {
    // SYNTHETIC: the ledger's event filters refine their object; the range check must still run beside a bad page size
    const refined = defineOp({ ...list, name: 'test.refined', input: list.input.refine(() => true) });
    const faults = (raw: object) => {
      try {
        parseInput(refined, raw);
      } catch (e) {
        return (e as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    expect(faults({ from: '2021', to: '2020', limit: 0 })).toEqual(['limit', 'to']);
    expect(faults({ from: '2021', to: 'x', limit: 0 })).toEqual(['to', 'limit']);
  });
  it("the op's check beside the schema's faults, and on its own", () => {
    expect(paths({ limit: 0, kind: 'bad' })).toEqual(['limit', 'kind']);
    expect(paths({ kind: 'bad' })).toEqual(['kind']);
    expect(paths({ from: '2020', to: '2021', limit: 5 })).toEqual([]);
  });
  it('a field the schema refused is not named again by the checks of meaning', () => {
    const schema = z.object({ n: z.number(), m: z.number() });
    const r = inputIssues(schema, { n: 'x', m: 'y' }, (p) => [
      ...(p.n === undefined ? [{ path: ['n'], message: 'missing' }] : []),
      ...(p.m === undefined ? [{ path: ['m'], message: 'missing' }] : []),
    ]);
    expect(r.issues.map((i) => i.path.join('.'))).toEqual(['n', 'm']);
    expect(r.issues.every((i) => i.message !== 'missing')).toBe(true);
    expect(inputIssues(schema, { n: 1, m: 2 }).data).toEqual({ n: 1, m: 2 });
  });
});
