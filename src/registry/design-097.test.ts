// docs/design/097 says which registry commands have file formats (`--format`, `?format=`): it
// must agree with the ops themselves (an op declaring `rows` has them; one without has none).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { registryOps } from './ops.js';

const DOC = readFileSync(packagePath('docs', 'design', '097-exports.md'), 'utf8');
/** The table row of 097 that lists the commands without file formats. */
const missingRow = DOC.split('\n').find((l) => l.includes('| missing (`--json` / JSON route'))!;
/** The paragraph of 097 that lists the ops without `rows`. */
const noRows = /Ops whose answer is a set of figures and\s+groups of figures \(([^)]*)\) have no `rows`/.exec(DOC)![1]!;

describe('docs/design/097 and the registry ops', () => {
  it.each(registryOps.filter((op) => op.name !== 'registry.import').map((op) => [op.name.replace('.', ' '), op.rows !== undefined] as const))(
    '%s: listed as without file formats only when it has no rows (has rows: %s)',
    (command, hasRows) => {
      const verb = command.split(' ')[1]!;
      const listed = missingRow.includes(command) || new RegExp(`registry (\\w+ and )?${verb}\\b`).test(noRows);
      expect([command, listed]).toEqual([command, !hasRows]);
    },
  );
});
