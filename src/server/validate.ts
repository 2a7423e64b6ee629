/** Validation helpers for routes: zod at the edge, failures as VALIDATION AppErrors. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, issuesFromZod, validationError } from '../shared/index.js';

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const r = schema.safeParse(c.req.query());
  if (!r.success) throw validationError(issuesFromZod(r.error), 'invalid query parameter');
  return r.data;
}

/** Read a JSON body: malformed JSON is a 400 naming the problem, not a 500. */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) throw new AppError('VALIDATION', 'the request body is empty; send JSON', { issues: [{ path: [], message: 'empty body' }] });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('VALIDATION', `malformed JSON body: ${(e as Error).message}`, { issues: [{ path: [], message: 'malformed JSON' }] });
  }
}

/** `true`/`1`/`yes` as booleans in query strings. */
export const boolParam = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : ['1', 'true', 'yes'].includes(v.toLowerCase()));
