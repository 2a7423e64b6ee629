/**
 * An operation is one unit of work a CLI command asks for (list events, import a file, seed).
 * Ops are the seam of the store-concurrency design (docs/design/001-store-concurrency.md):
 * the CLI runs an op in-process when it can open the database, and sends it to the running
 * server (POST /api/_ops/:name) when `splinternet serve` holds the file. Either way the same
 * `run` executes against a Store, so behaviour cannot drift between the two paths.
 * Inputs are validated with zod on both paths; results must be JSON.
 */
import type { z } from 'zod';
import type { Clock, ProgressReporter } from '../../shared/index.js';
import type { Store } from '../../store/index.js';

export interface OpContext {
  store: Store;
  clock: Clock;
  progress: ProgressReporter;
  /** Who asks: "cli:<user>" in-process, "token:<id>" or "cli-via-server" remotely. */
  actor: string;
  /** The database path, for ops that report it. */
  dbPath: string;
}

export interface Op<S extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  summary: string;
  /** Writes need a token when called over HTTP. */
  write: boolean;
  input: S;
  run(ctx: OpContext, input: z.output<S>): Promise<O>;
}

/** Helper that keeps the input type tied to the schema. */
export const defineOp = <S extends z.ZodType, O>(op: Op<S, O>): Op<S, O> => op;
