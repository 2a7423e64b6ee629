// Every list an op answers with has snake_case keys, as the event record and every export do:
// a script reading the files of several commands needs no special case per command.
import { describe, expect, it } from 'vitest';
import { schemaColumns } from '../../op/rows.js';
import { ALL_OPS } from './index.js';

describe('row keys', () => {
  it('every op that answers with rows names its columns in snake_case', () => {
    const bad: string[] = [];
    for (const op of ALL_OPS) {
      if (!op.rows) continue;
      for (const c of [...schemaColumns(op.output, op.rows), ...(op.rows.carry ?? [])]) if (!/^[a-z][a-z0-9_]*$/.test(c)) bad.push(`${op.name}: ${c}`);
    }
    expect(bad).toEqual([]);
  });
});
