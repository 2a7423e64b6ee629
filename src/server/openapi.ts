/**
 * Shared OpenAPI pieces: the app class with our validation hook, and common response shapes.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { issuesFromZod, validationError } from '../shared/index.js';
import { MAX_BODY_BYTES, takesJsonBody } from './body-rule.js';
import { isCachedPath } from './cache.js';
import type { Env } from './deps.js';
import { HEAVY_PATHS, PRICED_PATHS } from './limits.js';

/** An OpenAPIHono whose request validation failures become our 400 problem+json. */
export const newRouter = () =>
  new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(issuesFromZod(result.error, (result as { data?: unknown }).data), 'invalid request');
    },
  });

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional().meta({ description: 'the request path' }),
    errors: z.array(z.object({ path: z.string(), pointer: z.string(), message: z.string() })).optional(),
  })
  .meta({
    description:
      'RFC 9457 problem; some codes add details: allowed_dirs (FORBIDDEN file access), required_scope (FORBIDDEN scope), retry_after_s (RATE_LIMITED), limit_bytes, id',
  })
  .openapi('Problem');

export const problem = (description: string) => ({ content: { 'application/problem+json': { schema: ProblemSchema } }, description });

export const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });

export const bearerSecurity = [{ bearerAuth: [] }];

/** The answer to an anonymous read whose If-None-Match holds the ETag of the JSON answer as it is now. */
const NOT_MODIFIED = {
  description:
    'Not Modified: the If-None-Match sent holds the ETag of the JSON answer, unchanged since (anonymous requests; send the ETag of an earlier 200 to revalidate it)',
  headers: { ETag: { description: 'the weak ETag of the JSON answer', schema: { type: 'string' as const } } },
};

/**
 * What every documented route says about access and limits, decided here once: a route that
 * declares no security is public (`security: []`), or, where a token lifts the anonymous limits
 * (pricing budget, per-client rate), optionally authenticated; a route the per-client limit covers
 * says 429, and one that prices scenarios says 503 (the cost pool full, or a job over its time);
 * every route says 403 (a token presented that is not valid is refused, on reads too and outside /api);
 * a route that takes a JSON body says 413 and 415 (body-rule.ts), and a read the response cache
 * revalidates says 304 (cache.ts), each from the rule the server applies.
 */
export function documentAccess(app: OpenAPIHono<Env>): void {
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const path = d.route.path.replace(/\{[^}]+\}/g, 'x');
    const heavy = HEAVY_PATHS.test(path);
    const responses = d.route.responses as Record<string, unknown>;
    if (heavy) responses[429] ??= problem('Too many heavy requests from this client without a token (retry_after_s says when)');
    if (PRICED_PATHS.test(path)) responses[503] ??= problem('Pricing is busy or took too long (retry later, or ask for less work)');
    // auth.ts apiGuard and presentedTokenGuard: a bearer token presented to any route must be valid, a read included
    responses[403] ??= problem('The bearer token presented is not valid (unknown, revoked or expired)');
    if (takesJsonBody(d.route.method, d.route.path)) {
      responses[413] ??= problem(`The body is over ${MAX_BODY_BYTES} bytes (1 MB)`);
      responses[415] ??= problem('The body is not declared as JSON (Content-Type: application/json, UTF-8)');
    }
    const ok = responses[200] as { headers?: Record<string, unknown> } | undefined;
    // a route that sets its own ETag (the revision of GET /api/events/{id}) is never answered 304
    if (d.route.method === 'get' && isCachedPath(d.route.path) && !ok?.headers?.ETag) responses[304] ??= NOT_MODIFIED;
    d.route.security ??= heavy ? [{}, ...bearerSecurity] : [];
  }
}
