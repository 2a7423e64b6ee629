/**
 * Where HTTP itself is the feature of the ledger: read one event with its revision as ETag,
 * create (Location, ETag), replace (If-Match / expected revision) and retract; none takes a
 * query parameter (one sent is refused, as on every API route). The list,
 * history, counts and review reads and writes are operations (src/ledger/ops.ts).
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  createEvent,
  otherIdIssues,
  refuseInvalidEvent,
  setStatus,
  updateEvent,
  EventEditFieldsSchema,
  EventInputSchema,
  EventReplaceSchema,
  LedgerEventSchema,
} from '../../ledger/index.js';
import { eventsShow, StatusReason } from '../../ledger/ops.js';
import { executeOp } from '../../op/index.js';
import { AppError, issuesFromZod, silentProgress, validationError } from '../../shared/index.js';
import type { AppDeps } from '../deps.js';
import { bearerSecurity, json, newRouter, problem } from '../openapi.js';
import { refuseUnknownParams, takesNoQuery } from '../unknown-params.js';
import { jsonBody } from '../validate.js';

/** The body of a retraction: its reason, checked by the ledger as every status change's. */
const RetractBody = z.object({ reason: StatusReason });

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ru-2018-telegram-block' }) });

/** The If-Match request header, as OpenAPI documents it on the writes. */
const ifMatch = (what: string) =>
  z.object({
    'If-Match': z
      .string()
      .optional()
      .openapi({
        param: { name: 'If-Match', in: 'header' },
        description: `the revision ${what}, as the ETag of GET /api/events/{id} gives it`,
        example: '"3"',
      }),
  });
const etag = { ETag: { description: "the event's revision after the write (send it as If-Match to write again)", schema: { type: 'string' as const } } };

/**
 * The expected revision: If-Match (the ETag, "3") or body.revision; both given, they must agree.
 * If-Match is compared strongly (RFC 9110 §13.1.1): only the ETag's own form matches, so a weak
 * tag (W/"3") or another spelling of the number ("03", "3.0", 3 unquoted) is a 412, never read
 * as revision 3; the 412 quotes the event's ETag as it is now (`current`), so a client that sends
 * it back matches. Neither given: 428 (RFC 6585 §3), nothing written.
 */
async function expectedRevision(header: string | undefined, fallback: unknown, current: () => Promise<number | undefined>): Promise<number> {
  const body = typeof fallback === 'number' || typeof fallback === 'string' ? String(fallback) : undefined;
  if (header === undefined && body === undefined) {
    throw new AppError(
      'PRECONDITION_REQUIRED',
      'updates need the revision you edited: send If-Match: "<revision>" (the ETag of GET /api/events/:id) or "revision" in the body',
      { issues: [{ path: ['If-Match'], message: 'required' }] },
    );
  }
  if (header !== undefined) {
    const strong = /^\s*"([1-9][0-9]{0,15})"\s*$/.exec(header);
    if (!strong) {
      const now = await current();
      const etag = now === undefined ? '' : `, now "${now}"`;
      throw new AppError(
        'PRECONDITION_FAILED',
        `If-Match ${header} matches no revision: send the event's ETag as GET /api/events/:id gives it${etag}; a weak tag never matches`,
        {
          issues: [{ path: ['If-Match'], message: 'not the ETag of a revision' }],
        },
      );
    }
    if (body !== undefined && Number(strong[1]) !== Number(body))
      throw new AppError('VALIDATION', `revision: the body says ${body}, If-Match says ${header}; send one, or the same in both`, {
        issues: [{ path: ['revision'], message: `differs from If-Match (${header})` }],
      });
    return Number(strong[1]);
  }
  const n = Number(body);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('VALIDATION', `revision must be a revision number, got "${body}"`, { issues: [{ path: ['revision'], message: 'not a revision' }] });
  return n;
}

export function eventRoutes(deps: AppDeps) {
  const r = newRouter();
  /**
   * The body check of the event writes: when the documented schema refuses the JSON body, the
   * answer is the ledger's one check of the document (refuseInvalidEvent), naming every invalid
   * field and every key that is no event field at once, in the words `events add` and `events
   * edit` use. A refused path parameter or header is answered as on every route.
   */
  const eventBody =
    (replace: boolean) =>
    (
      result: { success: boolean; target: string; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } },
      c: { req: { param: (name: string) => string | undefined } },
    ): undefined => {
      if (result.success) return undefined;
      const issues = issuesFromZod(result.error ?? { issues: [] }, result.data);
      if (result.target !== 'json') throw validationError(issues, 'invalid request');
      const id = c.req.param('id');
      refuseInvalidEvent(deps, result.data, replace, replace && id !== undefined ? otherIdIssues(id, result.data) : []);
      throw validationError(issues, 'invalid event');
    };
  /** The event's revision as stored now (its ETag), or undefined when there is no such event. */
  const revisionOf = async (id: string) => ((await deps.store.ledger.getEvent(id))?.doc as { revision?: number } | undefined)?.revision;

  // GET /api/events/{id}: the events.show op (documented by the mount), plus its revision as ETag.
  r.get('/api/events/:id', async (c) => {
    refuseUnknownParams(c.req.url, [], eventsShow.name);
    const grant = c.get('grant');
    const doc = await executeOp(
      { store: deps.store, clock: deps.clock, progress: silentProgress, actor: grant.actor, grant, dbPath: deps.dbPath, origin: deps.origin?.() },
      eventsShow,
      { id: c.req.param('id') },
    );
    c.header('ETag', `"${doc.revision}"`);
    return c.json(doc, 200);
  });

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/events',
      operationId: 'events.add',
      middleware: [takesNoQuery('events.add')] as const,
      tags: ['ledger'],
      summary: 'Create an event (token required)',
      security: bearerSecurity,
      request: { body: { content: { 'application/json': { schema: EventInputSchema } }, required: true } },
      responses: {
        201: {
          ...json(LedgerEventSchema, 'Created'),
          headers: { ...etag, Location: { description: 'the path of the new event', schema: { type: 'string' as const } } },
        },
        400: problem('Invalid event'),
        401: problem('No token'),
        403: problem('Bad token'),
        409: problem('Id taken'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const e = await createEvent(deps, await jsonBody(c), { actor, origin: 'api' });
      c.header('ETag', `"${e.revision}"`);
      c.header('Location', `/api/events/${e.id}`);
      return c.json(e, 201);
    },
    eventBody(false),
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/api/events/{id}',
      operationId: 'events.edit',
      middleware: [takesNoQuery('events.edit')] as const,
      tags: ['ledger'],
      summary: 'Replace an event (token and If-Match required)',
      security: bearerSecurity,
      request: {
        params: idParam,
        headers: ifMatch('you edited (required here or as the body\'s "revision"; both given, they must agree)'),
        body: { content: { 'application/json': { schema: EventReplaceSchema } }, required: true },
      },
      responses: {
        200: { ...json(LedgerEventSchema, 'Updated'), headers: etag },
        400: problem('Invalid event'),
        401: problem('No token'),
        403: problem('Bad token'),
        404: problem('No such event'),
        409: problem('The event is retracted or dismissed: restore it first'),
        412: problem('Stale revision, or an If-Match that is not the ETag of a revision (a weak tag never matches)'),
        428: problem('No revision: send If-Match or revision in the body'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { id } = c.req.valid('param');
      const body = (await jsonBody(c)) as Record<string, unknown>;
      // reason and revision are read here, checked by their schema; the event's fields by the ledger.
      const editInput = { reason: body?.reason, revision: body?.revision };
      const edit = EventEditFieldsSchema.safeParse(editInput);
      if (!edit.success) throw validationError(issuesFromZod(edit.error, editInput), 'invalid event');
      const expected = await expectedRevision(c.req.header('if-match'), edit.data.revision, () => revisionOf(id));
      // A body that changes nothing adds no revision: the current event comes back, its ETag unchanged.
      const { event: e } = await updateEvent(deps, id, body, expected, { actor, reason: edit.data.reason ?? null });
      c.header('ETag', `"${e.revision}"`);
      return c.json(e, 200);
    },
    eventBody(true),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/events/{id}/retract',
      operationId: 'events.retract',
      middleware: [takesNoQuery('events.retract')] as const,
      tags: ['ledger'],
      summary: 'Retract an event with a reason (token required)',
      security: bearerSecurity,
      request: {
        params: idParam,
        headers: ifMatch('you retract (optional: without it the current revision is retracted)'),
        body: { content: { 'application/json': { schema: RetractBody } }, required: true },
      },
      responses: {
        200: json(LedgerEventSchema, 'Retracted'),
        400: problem('No reason'),
        401: problem('No token'),
        403: problem('Bad token'),
        404: problem('No such event'),
        409: problem('Already retracted'),
        412: problem('Stale revision, or an If-Match that is not the ETag of a revision (a weak tag never matches)'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const body = (await jsonBody(c, { schema: RetractBody, what: 'events.retract' })) as { reason?: unknown };
      const reason = typeof body?.reason === 'string' ? body.reason : '';
      const header = c.req.header('if-match');
      const id = c.req.valid('param').id;
      const e = await setStatus(deps, id, 'retract', { actor, reason }, header ? await expectedRevision(header, undefined, () => revisionOf(id)) : undefined);
      return c.json(e, 200);
    },
  );

  return r;
}
