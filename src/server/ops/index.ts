/**
 * The registry of every op. Each domain contributes a list in its own file; add yours here.
 */
import { AppError, issuesFromZod, validationError } from '../../shared/index.js';
import { costOps } from './cost-ops.js';
import { dbOps } from './db-ops.js';
import { detectOps } from './detect-ops.js';
import { ledgerOps } from './ledger-ops.js';
import { measureOps } from './measure-ops.js';
import { registryOps } from './registry-ops.js';
import type { Op, OpContext } from './types.js';

export type { Op, OpContext } from './types.js';
export { defineOp } from './types.js';

const all: Op[] = [...ledgerOps, ...dbOps, ...detectOps, ...measureOps, ...costOps, ...registryOps];

export const OPS: ReadonlyMap<string, Op> = new Map(all.map((o) => [o.name, o]));

export function findOp(name: string): Op {
  const op = OPS.get(name);
  if (!op) throw new AppError('NOT_FOUND', `no operation named "${name}"`);
  return op;
}

/** Validate the input against the op's schema and run it. */
export async function executeOp(ctx: OpContext, name: string, input: unknown): Promise<unknown> {
  const op = findOp(name);
  const parsed = op.input.safeParse(input ?? {});
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error), `invalid input for ${name}`);
  return op.run(ctx, parsed.data);
}
