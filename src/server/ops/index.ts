/**
 * Every operation the server knows: the domains' lists (src/<domain>/ops.ts).
 * /api/_ops/:name finds them by name; mountOps gives the bound ones a route.
 */
import { costOps } from '../../cost/ops.js';
import { dbOps } from '../../db/ops.js';
import { detectOps } from '../../detect/ops.js';
import { electionsOps } from '../../elections/ops.js';
import { ledgerOps } from '../../ledger/ops.js';
import { measureOps } from '../../measure/ops.js';
import { registryOps } from '../../registry/ops.js';
import { AppError } from '../../shared/index.js';
import { signalsOps } from '../../signals/ops.js';
import { watchOps } from '../../watch/ops.js';
import type { AnyOp } from '../../op/index.js';

export const ALL_OPS: readonly AnyOp[] = [
  ...ledgerOps,
  ...dbOps,
  ...detectOps,
  ...measureOps,
  ...costOps,
  ...registryOps,
  ...electionsOps,
  ...signalsOps,
  ...watchOps,
];

export const OPS: ReadonlyMap<string, AnyOp> = new Map(ALL_OPS.map((o) => [o.name, o]));

export function findOp(name: string): AnyOp {
  const op = OPS.get(name);
  if (!op) throw new AppError('NOT_FOUND', `no operation named "${name}"`);
  return op;
}
