/**
 * An operation is the one contract of a unit of work: its name, input and output schemas, an
 * optional HTTP binding, the token scope a remote caller needs, and the function. The CLI runs
 * it in-process (or through a running server, see docs/design/001-store-concurrency.md), the
 * server mounts it as an OpenAPI route, and the dashboard's types are generated from the
 * OpenAPI document, so the four cannot drift. How to add one: docs/architecture.md.
 *
 * Guarantees:
 * - the input is validated with the op's schema on every path (CLI, /api/_ops, HTTP route)
 *   before `run` sees it; failures are VALIDATION AppErrors naming each field;
 * - a date range in the input (since/until, from/to) that ends before it begins is such an
 *   error too, for every op (checks.ts rangeIssues), never an empty answer; so is what the
 *   op's `check` finds, all named at once, whichever field is wrong (issues.ts);
 * - `run` returns the output schema's type (checked by the compiler); the output schema is
 *   what OpenAPI publishes, so it must not transform (tests parse results with it);
 * - a remote caller never sees a server path outside its import folders (public-paths.ts);
 * - a store request that did not complete says what holds: for an op that writes, that the
 *   files it finished stay stored (after-failure.ts); never that advice on a read.
 */
import type { z } from 'zod';
import { assertFileAccess, assertScope, validationError, type Clock, type FieldIssue, type Grant, type ProgressReporter, type Scope } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { afterFailedWrite } from './after-failure.js';
import { rangeIssues } from './checks.js';
import { inputIssues } from './issues.js';
import { publicPaths, type ServerPaths } from './public-paths.js';
import { wordedAnswer } from './worded.js';
import type { RowsBinding } from './rows.js';

export interface OpContext {
  store: Store;
  clock: Clock;
  progress: ProgressReporter;
  /** Who asks: "cli:<user>" in-process, "token:<id>:<name>" or "cli-via-server" remotely, "anonymous" for anonymous reads. */
  actor: string;
  /** What the caller may do (scopes, the server folders it may read); executeOp checks it. */
  grant: Grant;
  /** The database path, for ops that report it. */
  dbPath: string;
  /**
   * The URL of the server the op runs in (e.g. http://127.0.0.1:8787), for links in what it
   * writes (webhook notices); absent in-process, where no server serves the store.
   */
  origin?: string;
  /**
   * The caller's budget for Monte Carlo work over HTTP: throws (400) when `work` (draws x
   * regions, summed over a request) or `maxDraws` is over it. Absent in-process: no limit.
   */
  budget?: (work: number, maxDraws: number) => void;
  /**
   * The caller's budget for pricing many ledger events in one request (cost.events, cost.compare
   * over HTTP): throws (400) when `scenarios` x `draws` is over it, before any is priced.
   * Absent in-process: no limit.
   */
  ledgerBudget?: (scenarios: number, draws: number, unit?: 'events' | 'yearly pieces') => void;
  /**
   * How answers name the caller's options: over HTTP a `--flag` that is a request parameter
   * reads as the parameter (`severity`) in the op's `worded` keys. Absent in-process and on the
   * CLI's own wire, where answers keep the flags.
   */
  wording?: (text: string) => string;
}

/** Token scopes a remote caller may hold (defined with the access rules in shared/access.ts). */
export type { Scope } from '../shared/index.js';

/**
 * Where an op answers over HTTP. Path parameters use OpenAPI braces (`/api/events/{id}`) and
 * must be keys of the input object; for GET the other keys come from the query string (coerced
 * once, see server/mount.ts), otherwise from the JSON body.
 */
export interface HttpBinding {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** OpenAPI tag (defaults to the op name's first segment). */
  tag?: string;
  /** Response description in the OpenAPI document. */
  description?: string;
  /** Other content types a hand-written route answers with (files), besides JSON. */
  media?: string[];
  /** The operation's longer description in the OpenAPI document (Markdown). */
  notes?: string;
  /**
   * Non-GET: the whole JSON body is the value of input key `key` (a body that may be a list);
   * `schema` is how OpenAPI describes it when `run` checks the items itself.
   */
  body?: { key: string; schema: z.ZodType };
  /** Extra documented error statuses besides 400 (e.g. 404 for a path id). */
  errors?: Partial<Record<401 | 403 | 404 | 409 | 412 | 413 | 503, string>>;
  /**
   * Served by a hand-written route (server/routes) that runs this op and adds what HTTP itself
   * needs (an ETag, say); the mount only documents it.
   */
  handwritten?: boolean;
  /** A path parameter that takes the rest of the path, "/" included (sent as is or as %2F). */
  rest?: string;
  /** Response headers the 200 carries (a hand-written route sets them), documented by name and meaning. */
  headers?: Record<string, string>;
}

export interface Op<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** `domain.verb`, e.g. `events.list`; also the /api/_ops/:name the CLI uses remotely. */
  name: string;
  summary: string;
  /**
   * Whether the op writes: true, false, or for an op that writes for some inputs only (a dry
   * run, a detection without drafts), a function of its validated input saying whether this one
   * does. An op that may write needs a token over HTTP whatever the input (opScope); only an
   * input that writes may create the CLI's embedded database (opWrites).
   */
  write: boolean | ((input: z.output<I>) => boolean);
  /** The token scope a caller needs (unset: a write needs "write", a read is public); "read" marks a non-public read. */
  scope?: Scope;
  /**
   * Scopes an input needs beyond `scope`: each names the input (`when`, as a request sends it,
   * documented in OpenAPI) and says whether this validated input is one (`test`). An import that
   * may retract ledger events (`events.import` with full=true) also needs "write".
   */
  alsoNeeds?: readonly { scope: Scope; when: string; test: (input: z.output<I>) => boolean }[];
  /** Opening the store for this op creates a server store's database that does not exist (db migrate); every other op is refused one. */
  createsStore?: boolean;
  /** The server files or folders the op reads for this input: each must lie inside the caller's import folders. */
  files?: (input: z.output<I>) => readonly (string | undefined)[];
  /**
   * The input keys (a string or a list of strings) that are paths on the caller's machine: the
   * CLI makes each absolute against its own working directory before the op runs in-process or
   * is sent to a server (local-paths.ts), so a relative path never names a file in the server's
   * folder. Every op with `files` or `upload` declares them (src/server/ops/local-paths.test.ts).
   */
  localPaths?: readonly Extract<keyof z.input<I>, string>[];
  /**
   * The input key that takes the file when the op is sent an upload instead of a server path
   * (POST /api/_uploads/{name}, server/routes/uploads.ts); unset: the op takes no uploads.
   */
  upload?: string;
  input: I;
  output: O;
  /**
   * Where the answer's rows are: the op then also answers with them as a file (CSV, NDJSON,
   * Parquet: `--format` on the CLI, `?format=` over HTTP; rows.ts has the flattening rule).
   */
  rows?: RowsBinding;
  /** Answer keys beyond the shared file fields that name a server file, or whose text may quote one: a remote caller sees them as public-paths.ts rules. */
  serverPaths?: ServerPaths;
  /** Answer keys whose text names the caller's options (`mapping`, `notes`): read through `ctx.wording` (worded.ts). */
  worded?: readonly string[];
  http?: HttpBinding;
  /**
   * The checks of meaning of the input beyond its schema (rules across fields, values a parser
   * reads): executeOp runs them on the fields that parsed, even when others failed, and names
   * every fault in one refusal (issues.ts).
   */
  check?: (input: Partial<z.output<I>>) => FieldIssue[];
  run(ctx: OpContext, input: z.output<I>): Promise<z.output<O>>;
}

/** Any op, for lists and registries (input and output erased). */

export type AnyOp = Op<any, any>;

export type OpInput<T extends AnyOp> = z.input<T['input']>;
export type OpOutput<T extends AnyOp> = z.output<T['output']>;

/** Declare an op; keeps `run`'s input and output tied to the schemas. */
export const defineOp = <I extends z.ZodType, O extends z.ZodType>(op: Op<I, O>): Op<I, O> => op;

/** Why a path under a `localPaths` key names no file: empty (never the server's or the caller's folder), or holding a NUL byte; null when it may. */
const pathProblem = (v: unknown): string | null =>
  v === '' ? 'an empty path; name a file or folder' : typeof v === 'string' && v.includes('\0') ? 'a NUL byte in a file path' : null;

/** The paths under `localPaths` keys (or in their lists) that name no file (pathProblem), each by its field path. */
function emptyPathIssues(op: Pick<AnyOp, 'localPaths'>, raw: unknown): FieldIssue[] {
  if (!op.localPaths?.length || raw === null || typeof raw !== 'object') return [];
  const issues: FieldIssue[] = [];
  const check = (path: (string | number)[], v: unknown) => {
    const problem = pathProblem(v);
    if (problem) issues.push({ path, message: problem });
  };
  for (const key of op.localPaths) {
    const v = (raw as Record<string, unknown>)[key];
    if (Array.isArray(v)) v.forEach((x, i) => check([key, i], x));
    else check([key], v);
  }
  return issues;
}

/**
 * Every `__proto__` key in the raw input (JSON.parse makes it an own key), by its field path: a
 * schema would drop it without a word (zod's records and objects cannot hold it), so it is
 * refused as the unknown name it is, wherever it sits.
 */
function protoKeyIssues(raw: unknown, path: (string | number)[] = []): FieldIssue[] {
  if (Array.isArray(raw)) return raw.flatMap((v, i) => protoKeyIssues(v, [...path, i]));
  if (raw === null || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([k, v]) =>
    k === '__proto__' ? [{ path: [...path, k], message: 'unknown name' }] : protoKeyIssues(v, [...path, k]),
  );
}

/**
 * Validate raw input against the op's schema, its date ranges' order and the op's own `check`,
 * in one VALIDATION AppError naming every field at fault and the op called (issues.ts). A `__proto__` key at any depth is refused
 * naming its path (protoKeyIssues). An empty path under a `localPaths` key is refused first, in the same words
 * for every op that reads files, before any file access check could read it as a folder.
 */
export function parseInput<I extends z.ZodType>(op: Op<I, z.ZodType>, raw: unknown): z.output<I> {
  const prefix = `invalid input for ${op.name}`;
  const empty = emptyPathIssues(op, raw);
  if (empty.length) throw validationError(empty, prefix);
  const proto = protoKeyIssues(raw);
  if (proto.length) throw validationError(proto, prefix);
  const { issues, data } = inputIssues(op.input, raw ?? {}, (part) => [...rangeIssues(part), ...(op.check?.(part) ?? [])]);
  if (issues.length) throw validationError(issues, prefix);
  return data as z.output<I>;
}

/** The scope an op needs, or null when anyone may run it: an op that may write needs "write". */
export const opScope = (op: Pick<AnyOp, 'write' | 'scope'>): Scope | null => op.scope ?? (op.write !== false ? 'write' : null);

/** Whether the op writes for this validated input (its `write`, or what that function says of the input). */
export const opWrites = <I extends z.ZodType>(op: Pick<Op<I, z.ZodType>, 'write'>, input: z.output<I>): boolean =>
  typeof op.write === 'function' ? op.write(input) : op.write;

/**
 * The one place an op's access rules are enforced, whichever path called it: the grant must
 * cover the op's scope, and every server file the op would read for `input` must lie inside
 * the grant's folders. Checked before the op runs (so a refused request stores nothing).
 */
export function authorizeOp<I extends z.ZodType>(grant: Grant, op: Op<I, z.ZodType>, input?: z.output<I>): void {
  const need = opScope(op);
  if (need) assertScope(grant, need, `the operation ${op.name}`);
  if (input !== undefined) assertInputScopes(grant, op, input);
  if (op.files && input !== undefined) {
    const paths = op.files(input).filter((p): p is string => typeof p === 'string');
    assertFileAccess(grant, paths, `the operation ${op.name}`);
  }
}

/** Throw 401/403 unless the grant covers every scope this input needs beyond the op's own (`alsoNeeds`). */
export function assertInputScopes<I extends z.ZodType>(grant: Grant, op: Pick<Op<I, z.ZodType>, 'name' | 'alsoNeeds'>, input: z.output<I>): void {
  for (const a of op.alsoNeeds ?? []) if (a.test(input)) assertScope(grant, a.scope, `the operation ${op.name} with ${a.when}`);
}

/**
 * Check access, validate, check file access, then run. Every caller (CLI, ops endpoint, HTTP
 * mount, uploads) goes through here; a caller whose grant does not cover every server file sees
 * the stored paths outside its folders by file name only (public-paths.ts), and the text of the
 * op's `worded` keys through its `wording` (worded.ts).
 */
export async function executeOp<I extends z.ZodType, O extends z.ZodType>(ctx: OpContext, op: Op<I, O>, raw: unknown): Promise<z.output<O>> {
  authorizeOp(ctx.grant, op);
  const input = parseInput(op, raw);
  authorizeOp(ctx.grant, op, input);
  let result: z.output<O>;
  try {
    result = await op.run(ctx, input);
  } catch (e) {
    throw opWrites(op, input) ? afterFailedWrite(e) : e;
  }
  return wordedAnswer(publicPaths(result, ctx.grant, op.serverPaths), op.worded, ctx.wording);
}
