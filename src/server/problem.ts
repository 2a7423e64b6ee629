/**
 * The one place errors become HTTP: RFC 9457 problem+json, with the offending field paths.
 */
import type { Context } from 'hono';
import { AppError, isAppError, type ErrorCode } from '../shared/index.js';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  USAGE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  STORE_LOCKED: 503,
  STORE: 500,
  INGEST_IO: 400,
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

export function toProblem(err: unknown, instance?: string): Problem {
  const e = isAppError(err) ? err : new AppError('INTERNAL', 'internal error', { cause: err });
  const status = STATUS[e.code];
  const problem: Problem = {
    type: `https://splinternet.invalid/problems/${e.code.toLowerCase().replace(/_/g, '-')}`,
    title: e.code.replace(/_/g, ' ').toLowerCase(),
    status,
    detail: e.message,
    code: e.code,
    ...(instance ? { instance } : {}),
    ...e.details,
  };
  if (e.issues.length) {
    problem.errors = e.issues.map((i) => ({
      path: i.path.join('.'),
      pointer: '/' + i.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
      message: i.message,
    }));
  }
  return problem;
}

export function problemResponse(c: Context, err: unknown): Response {
  if (!isAppError(err)) console.error(err);
  const p = toProblem(err, new URL(c.req.url).pathname);
  return c.newResponse(JSON.stringify(p), p.status as 400, { 'content-type': 'application/problem+json' });
}
