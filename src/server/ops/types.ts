/**
 * Operations not yet moved into their domain (src/<domain>/ops.ts, see docs/architecture.md):
 * declared without an output schema, their results are opaque to OpenAPI and the typed CLI.
 * New operations use src/op's defineOp in their domain instead.
 */
import type { z } from 'zod';
import { report, type Op, type OpContext, type Scope } from '../../op/index.js';

export type { OpContext } from '../../op/index.js';

interface LegacyOp<S extends z.ZodType, O> {
  name: string;
  summary: string;
  write: boolean;
  scope?: Scope;
  files?: (input: z.output<S>) => readonly (string | undefined)[];
  input: S;
  run(ctx: OpContext, input: z.output<S>): Promise<O>;
}

export const defineOp = <S extends z.ZodType, O>(op: LegacyOp<S, O>): Op<S, z.ZodType<O>> => ({ ...op, output: report<O>(op.summary) });
