/**
 * The one place errors become HTTP: RFC 9457 problem+json, with the offending field paths.
 * Messages are worded once, for the CLI (`pass --snapshot YYYY-MM-DD`); an HTTP caller reads
 * each flag that is a request parameter by the parameter's name (`snapshot`), except on the
 * CLI's own wire (the lock-file secret), where a forwarded command keeps its flags.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, isAppError, type ErrorCode } from '../shared/index.js';
import { ALL_OPS } from './ops/index.js';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  USAGE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  STORE_LOCKED: 503,
  STORE: 500,
  STORE_UNREACHABLE: 503,
  INGEST_IO: 404, // a file named that is not there (or not a file): not found, exit 1 as an unknown id; never the 400 of a bad value (exit 2)
  PARTIAL: 200,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: { path: string; pointer: string; message: string }[];
  [k: string]: unknown;
}

let flagNames: Map<string, string> | undefined;

/** Every op's input key by the CLI flag that gives it (`--platform-weight` is `platform_weight`), and the upload's `filename`. */
function paramByFlag(): Map<string, string> {
  if (flagNames) return flagNames;
  flagNames = new Map([['filename', 'filename']]);
  for (const op of ALL_OPS) {
    const shape = (op.input as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
    for (const k of Object.keys(shape))
      flagNames.set(
        k.replace(/_/g, '-').replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()),
        k,
      );
  }
  return flagNames;
}

/**
 * `text` with each `--flag` that is a request parameter named as the parameter; other text as it
 * is. A command quoted whole ("splinternet cost regions --country RU", up to a bracket, a
 * semicolon or the end) keeps its flags: it is something to run, and runs only as written.
 */
export const httpWording = (text: string): string =>
  text
    .split(/(splinternet [^);]*)/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\w-])/g, (whole, flag: string) => paramByFlag().get(flag) ?? whole),
    )
    .join('');

/** The problem document of `err`; `cliWire`: for the CLI's own wire, whose messages keep their flags. */
export function toProblem(err: unknown, instance?: string, cliWire = false): Problem {
  const e = isAppError(err) ? err : new AppError('INTERNAL', 'internal error', { cause: err });
  const status = STATUS[e.code];
  const problem: Problem = {
    type: `https://splinternet.invalid/problems/${e.code.toLowerCase().replace(/_/g, '-')}`,
    title: e.code.replace(/_/g, ' ').toLowerCase(),
    status,
    detail: cliWire ? e.message : httpWording(e.message),
    code: e.code,
    ...(instance ? { instance } : {}),
    ...e.details,
  };
  if (e.issues.length) {
    problem.errors = e.issues.map((i) => ({
      path: i.path.join('.'),
      pointer: '/' + i.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
      message: cliWire ? i.message : httpWording(i.message),
    }));
  }
  return problem;
}

export function problemResponse(c: Context, err: unknown): Response {
  if (!isAppError(err)) console.error(err);
  const p = toProblem(err, new URL(c.req.url).pathname, cliWire(c));
  // a 401 names the scheme that would be taken (RFC 9110 §11.6.1, RFC 6750 §3)
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (p.status === 401) headers['www-authenticate'] = 'Bearer realm="splinternet"';
  return c.newResponse(JSON.stringify(p), p.status as 400, headers);
}

/** The request came over the CLI's own wire (a command forwarded with the lock-file secret). */
export const cliWire = (c: Context): boolean => (c.get('grant') as { actor?: string } | undefined)?.actor === 'cli-via-server';
