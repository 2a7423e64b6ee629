/**
 * Request bodies at the edge: JSON read once from its bytes. A declared charset other than UTF-8
 * is UNSUPPORTED_MEDIA_TYPE; bytes that are not UTF-8, malformed JSON, a key given twice in one
 * object and ill-formed text are VALIDATION AppErrors naming where.
 */
import type { Context, Next } from 'hono';
import { AppError, decodeUtf8, duplicateKeyAt, duplicateKeyError, isAppError, parseJsonText } from '../shared/index.js';
import { refuseUnknownFields } from './unknown-params.js';

/** Whether `s` is valid UTF-16 (no lone surrogate); String.prototype.isWellFormed without needing the ES2024 lib. */
const wellFormed = (s: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** How deep a request body may nest: every body the API takes nests a few levels; a walk deeper than this is refused. */
export const MAX_JSON_DEPTH = 64;

/**
 * The path of the first string (key or value) holding a lone UTF-16 surrogate, or null. A body
 * nested deeper than MAX_JSON_DEPTH is a VALIDATION error (it used to overflow the stack: a 500).
 */
export function illFormedAt(v: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof v === 'string') return wellFormed(v) ? null : path;
  if (!v || typeof v !== 'object') return null;
  if (path.length >= MAX_JSON_DEPTH) {
    throw new AppError('VALIDATION', `the request body nests deeper than ${MAX_JSON_DEPTH} levels (at ${path.slice(0, 8).join('.')}...)`, {
      issues: [{ path: path.slice(0, 8), message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
    });
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = illFormedAt(v[i], [...path, i]);
      if (p) return p;
    }
    return null;
  }
  for (const [k, x] of Object.entries(v)) {
    if (!wellFormed(k)) return [...path, k];
    const p = illFormedAt(x, [...path, k]);
    if (p) return p;
  }
  return null;
}

/**
 * The body as text: a declared charset other than UTF-8 is UNSUPPORTED_MEDIA_TYPE, bytes that are
 * not UTF-8 a VALIDATION error naming the first bad byte. Read from the bytes (cached by hono), so
 * a validator that read the body as text first cannot have put U+FFFD in their place.
 */
async function bodyText(c: Context): Promise<string> {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(c.req.header('content-type') ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `the body is declared as charset ${charset}; send it as UTF-8 JSON (Content-Type: application/json)`);
  return decodeUtf8(new Uint8Array(await c.req.arrayBuffer()), 'the request body', null);
}

/**
 * Middleware for every request body read as JSON: its charset and bytes are checked (bodyText)
 * before any route or validator reads it, and the bytes stay cached for jsonBody.
 */
export async function strictBody(c: Context, next: Next): Promise<void> {
  await bodyText(c);
  await next();
}

/** The schema a route documents for its body, and the operation it stands for (named in refusals). */
export interface DeclaredBody {
  schema: unknown;
  what: string;
}

/**
 * Read a JSON body: bytes that are not UTF-8 (never decoded to U+FFFD), malformed JSON and a key
 * given twice in one object are a 400 naming where, not a 500 or the last value, and so is text
 * that is not valid Unicode (a lone surrogate such as "\ud800" cannot be stored or exported). With
 * `declared`, a field the body's schema does not declare is a 400 naming it (unknown-params.ts
 * refuseUnknownFields), never dropped: a misspelt filter or option would otherwise be ignored.
 */
export async function jsonBody(c: Context, declared?: DeclaredBody): Promise<unknown> {
  const text = await bodyText(c);
  if (!text.trim()) throw new AppError('VALIDATION', 'the request body is empty; send JSON', { issues: [{ path: [], message: 'empty body' }] });
  let body: unknown;
  try {
    body = parseJsonText(text, 'the request body');
  } catch (e) {
    // the same words, the field being the whole body
    throw new AppError('VALIDATION', `malformed JSON body: ${(e as Error).message.replace(/^the request body: /, '')}`, {
      issues: [{ path: [], message: 'malformed JSON' }],
      details: isAppError(e) ? e.details : {},
    });
  }
  const dup = duplicateKeyAt(text);
  if (dup) throw duplicateKeyError(dup, 'the request body');
  const bad = illFormedAt(body);
  if (bad)
    throw new AppError('VALIDATION', `${bad.join('.') || 'body'}: not valid Unicode text (a lone surrogate)`, {
      issues: [{ path: bad, message: 'lone surrogate' }],
    });
  if (declared) refuseUnknownFields(body, declared.schema, declared.what);
  return body;
}
