/**
 * Which requests carry a body, and what it must be, decided once for the server (app.ts applies
 * it before any route reads a body) and for its document (openapi.ts documentAccess says 413 and
 * 415 on exactly those routes): every request with a body under /api is JSON, sent as
 * `Content-Type: application/json` (UTF-8) and at most MAX_BODY_BYTES, except an upload, whose
 * body is the file (routes/uploads.ts, its own type and limit). So no route takes a body a web
 * page may send without asking first (text/plain, a form) as JSON.
 */
import { AppError } from '../shared/index.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** `POST /api/_uploads/{op}`: the body is the file. */
export const UPLOADS_PATH = /^\/api\/_uploads\/([^/]+)$/;

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's body, if any, must be JSON: a method that carries one, under /api, not an upload. */
export const takesJsonBody = (method: string, path: string): boolean =>
  !BODYLESS.has(method.toUpperCase()) && path.startsWith('/api/') && !UPLOADS_PATH.test(path);

/** `application/json`, with parameters or none (a charset is checked where the body is read: validate.ts). */
export const isJsonMediaType = (contentType: string | undefined): boolean => /^\s*application\/json\s*(;|$)/i.test(contentType ?? '');

/** The 415 of a body that is not declared as JSON, naming what was declared. */
export function notJsonError(contentType: string | undefined): AppError {
  const sent = contentType ? `, not ${JSON.stringify(contentType.length > 80 ? `${contentType.slice(0, 79)}…` : contentType)}` : ' (none was sent)';
  return new AppError('UNSUPPORTED_MEDIA_TYPE', `send the body as JSON with Content-Type: application/json${sent}`);
}
