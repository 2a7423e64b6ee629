/**
 * The one operational error type. Every failure that should stop a command or a request is an
 * AppError with a code; the CLI maps codes to exit codes once (src/cli/exit-codes.ts) and the
 * server maps them to RFC 9457 problem+json once (src/server/problem.ts). Data failures (a bad
 * line in an input file) are NOT thrown: they become reject rows, see each importer.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type ErrorCode =
  | 'VALIDATION' // bad input from a user: a field, a parameter, a file's content
  | 'USAGE' // a CLI usage mistake: unknown flag, missing argument
  | 'UNAUTHORIZED' // no token
  | 'FORBIDDEN' // wrong or revoked token
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED' // a known path asked with a method it does not take
  | 'CONFLICT' // the thing already exists
  | 'PRECONDITION_FAILED' // stale revision / If-Match mismatch
  | 'PRECONDITION_REQUIRED' // a write that needs the revision it edits, sent without one
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE' // a body that is not the declared JSON
  | 'RATE_LIMITED' // too many requests from one client
  | 'STORE_LOCKED' // another process holds the database file
  | 'STORE' // the store failed
  | 'STORE_UNREACHABLE' // a server or shard the store URL names does not answer
  | 'INGEST_IO' // a file could not be read (or an output file written)
  | 'PARTIAL' // the work completed with rejects
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** One offending field: its path in the input (e.g. ["sources", 0, "url"]) and why. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorOptions {
  issues?: FieldIssue[];
  cause?: unknown;
  /** Extra machine-readable details, copied into problem+json and `--json` error output. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Build a VALIDATION error whose message names every offending field. */
export function validationError(issues: FieldIssue[], prefix = 'invalid input'): AppError {
  const text = issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
  return new AppError('VALIDATION', `${prefix}: ${text}`, { issues });
}

/** What an errno means, in words a user can act on. */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory; name a file',
  ENOTDIR: 'a folder on the path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'it exists already',
};

/**
 * A file that could not be read (or written) as INGEST_IO naming the path, the input field it
 * came from, and why in plain words (exit 1, HTTP 404). An AppError passes through unchanged.
 */
export function fileError(path: string, e: unknown, field = 'file', verb: 'read' | 'write' = 'read'): AppError {
  if (e instanceof AppError) return e;
  const errno = (e as { code?: unknown }).code;
  const why = (typeof errno === 'string' && ERRNO_WORDS[errno]) || (e instanceof Error ? e.message : String(e));
  return new AppError('INGEST_IO', `cannot ${verb} ${path}: ${why}`, { cause: e, issues: [{ path: [field], message: why }] });
}

/**
 * A file to be written at `path` whose folder is not there or is a file, as INGEST_IO naming that
 * folder (exit 1, HTTP 404; nothing is created); null when the folder is there.
 */
export function missingFolderError(path: string, field = 'file'): AppError | null {
  const dir = dirname(resolve(path));
  let why: string;
  try {
    if (statSync(dir).isDirectory()) return null;
    why = `${dir} is a file, not a folder`;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return fileError(dir, e, field);
    why = `the folder ${dir} does not exist`;
  }
  return new AppError('INGEST_IO', `cannot write ${path}: ${why}`, { issues: [{ path: [field], message: why }] });
}

export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Fields whose values are never echoed back in an error (a secret sent in the wrong shape stays unsaid). */
const SECRET_FIELD = /secret|token|password|authorization|key$/i;

/** The value at `path` in `raw`, or undefined where the path does not reach. */
function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A value as an error names it: strings quoted, anything long cut at 80 characters. */
function shownValue(v: unknown): string {
  const text = typeof v === 'string' || (typeof v === 'object' && v !== null) ? JSON.stringify(v) : String(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * A field's message naming the value that was sent (`, got "abc"`), so a bad value gets the same
 * answer wherever it came from, and names it once: unchanged when no value reached the field (a
 * missing field), when the message already names it, or when the field holds a secret. Every
 * message that names a refused value (an op's schema, a command's option names) is built here.
 */
export function withValue(message: string, path: readonly (string | number)[], value: unknown): string {
  if (value === undefined || path.some((p) => typeof p === 'string' && SECRET_FIELD.test(p))) return message;
  if (/\bgot\b/.test(message)) return message;
  if (typeof value === 'string' && value !== '' && message.includes(JSON.stringify(value))) return message;
  return `${message}, got ${shownValue(value)}`;
}

/**
 * Convert a zod error (duck-typed, so this floor does not import zod) into field issues. Given
 * the raw input that was parsed, each message also names the value the field was sent.
 */
export function issuesFromZod(err: { issues: { path: PropertyKey[]; message: string; input?: unknown }[] }, raw?: unknown): FieldIssue[] {
  return err.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const value = 'input' in i ? i.input : raw === undefined ? undefined : valueAt(raw, path);
    return { path, message: withValue(i.message, path, value) };
  });
}
