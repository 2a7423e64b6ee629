/**
 * The human review of detection drafts: POST /api/events/{id}/confirm and /dismiss (token and
 * reason required; the write guard on /api/events/* in app.ts checks the token before the
 * body is read). The detection reads are operations (src/detect/ops.ts).
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { setStatus } from '../../ledger/index.js';
import type { AppDeps } from '../deps.js';
import { bearerSecurity, json, newRouter, problem } from '../openapi.js';
import { jsonBody } from '../validate.js';

const EventSchema = z.record(z.string(), z.unknown());
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'det-throttling-ru-all-2021031300-1a2b3c4d' }) });

export function detectRoutes(deps: AppDeps) {
  const r = newRouter();

  for (const action of ['confirm', 'dismiss'] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/api/events/{id}/${action}`,
        tags: ['detect'],
        summary: action === 'confirm' ? 'Confirm a draft event: it becomes active and shows in default views (token and reason required)' : 'Dismiss a draft event (token and reason required)',
        security: bearerSecurity,
        request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().min(3) }) } }, required: true } },
        responses: {
          200: json(EventSchema, action === 'confirm' ? 'Confirmed (status active)' : 'Dismissed'),
          400: problem('No reason'),
          401: problem('No token'),
          403: problem('Bad token'),
          404: problem('No such event'),
          409: problem('Not a draft'),
        },
      }),
      async (c) => {
        const body = (await jsonBody(c)) as { reason?: unknown };
        const reason = typeof body?.reason === 'string' ? body.reason : '';
        return c.json(await setStatus(deps, c.req.valid('param').id, action, { actor: c.get('actor'), reason }), 200);
      },
    );
  }
  return r;
}
