/**
 * /api/events: list, read, history, create, update (If-Match / expected revision), retract.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createEvent, eventHistory, getEvent, listEvents, setStatus, updateEvent, CATEGORIES, STATUSES } from '../../ledger/index.js';
import { evidenceForLinks } from '../../measure/index.js';
import { AppError } from '../../shared/index.js';
import type { AppDeps } from '../deps.js';
import { bearerSecurity, json, newRouter, problem } from '../openapi.js';
import { boolParam, jsonBody } from '../validate.js';

const EventSchema = z.record(z.string(), z.unknown()).openapi('Event', {
  description: 'A ledger event: id, title, summary, category, subtype, countries, regions, start, end, date_precision, scope, targets, actors, networks, people_affected, tags, confidence, status, sources, revision, created_at, updated_at',
});
const EventList = z.object({ items: z.array(EventSchema), next_cursor: z.string().nullable(), total: z.number() }).openapi('EventList');

export const EventQuerySchema = z.object({
  country: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2').optional(),
  region: z.string().optional(),
  category: z.enum(CATEGORIES).optional(),
  subtype: z.string().optional(),
  from: z.string().optional().openapi({ description: 'events ending on or after (YYYY[-MM[-DD]])' }),
  to: z.string().optional().openapi({ description: 'events starting on or before' }),
  q: z.string().max(200).optional().openapi({ description: 'text search in title, summary, targets, actors, tags' }),
  include_retracted: z.enum(['true', 'false', '1', '0']).optional(),
  status: z.enum(STATUSES).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const toListFilters = (q: z.output<typeof EventQuerySchema>) => ({
  ...q,
  country: q.country?.toUpperCase(),
  region: q.region?.toUpperCase(),
  include_retracted: boolParam(q.include_retracted),
});

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ru-2018-telegram-block' }) });

/** The expected revision: If-Match: "3" (ETag form) or ?revision=3 or body.revision. */
function expectedRevision(header: string | undefined, fallback: unknown): number {
  const raw = header?.replace(/^W\//, '').replace(/"/g, '') ?? (typeof fallback === 'number' || typeof fallback === 'string' ? String(fallback) : undefined);
  if (raw === undefined) {
    throw new AppError('PRECONDITION_FAILED', 'updates need the revision you edited: send If-Match: "<revision>" (the ETag of GET /api/events/:id) or "revision" in the body', {
      issues: [{ path: ['If-Match'], message: 'required' }],
    });
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AppError('VALIDATION', `If-Match must be a revision number, got "${raw}"`, { issues: [{ path: ['If-Match'], message: 'not a revision' }] });
  return n;
}

export function eventRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({ method: 'get', path: '/api/events', tags: ['ledger'], summary: 'List events', request: { query: EventQuerySchema }, responses: { 200: json(EventList, 'A page of events'), 400: problem('Bad filter') } }),
    async (c) => c.json(await listEvents(deps, toListFilters(c.req.valid('query'))), 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/api/events/{id}', tags: ['ledger'], summary: 'One event', request: { params: idParam }, responses: { 200: json(EventSchema, 'The event; ETag is its revision'), 404: problem('No such event') } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const e = await getEvent(deps, id);
      const links = await deps.store.ledger.listLinks(id);
      // measurement evidence: the summary of each saved measurement query linked to the event
      const evidence = await evidenceForLinks(deps, links);
      c.header('ETag', `"${e.revision}"`);
      return c.json({ ...e, links, ...(evidence.length ? { measurement_evidence: evidence } : {}) }, 200);
    },
  );

  r.openapi(
    createRoute({ method: 'get', path: '/api/events/{id}/revisions', tags: ['ledger'], summary: 'Revision history', request: { params: idParam }, responses: { 200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())), next_cursor: z.null() }), 'Revisions, oldest first'), 404: problem('No such event') } }),
    async (c) => c.json({ items: await eventHistory(deps, c.req.valid('param').id), next_cursor: null }, 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/events',
      tags: ['ledger'],
      summary: 'Create an event (token required)',
      security: bearerSecurity,
      request: { body: { content: { 'application/json': { schema: EventSchema } }, required: true } },
      responses: { 201: json(EventSchema, 'Created'), 400: problem('Invalid event'), 401: problem('No token'), 403: problem('Bad token'), 409: problem('Id taken'), 413: problem('Body over 1 MB') },
    }),
    async (c) => {
      const actor = c.get('actor');
      const e = await createEvent(deps, await jsonBody(c), { actor, origin: 'api' });
      c.header('ETag', `"${e.revision}"`);
      c.header('Location', `/api/events/${e.id}`);
      return c.json(e, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/api/events/{id}',
      tags: ['ledger'],
      summary: 'Replace an event (token and If-Match required)',
      security: bearerSecurity,
      request: { params: idParam, body: { content: { 'application/json': { schema: EventSchema } }, required: true } },
      responses: { 200: json(EventSchema, 'Updated'), 400: problem('Invalid event'), 401: problem('No token'), 403: problem('Bad token'), 404: problem('No such event'), 412: problem('Stale revision') },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { id } = c.req.valid('param');
      const body = (await jsonBody(c)) as Record<string, unknown>;
      const expected = expectedRevision(c.req.header('if-match'), body?.revision);
      const e = await updateEvent(deps, id, body, expected, { actor, reason: typeof body?.reason === 'string' ? body.reason : null });
      c.header('ETag', `"${e.revision}"`);
      return c.json(e, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/events/{id}/retract',
      tags: ['ledger'],
      summary: 'Retract an event with a reason (token required)',
      security: bearerSecurity,
      request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string() }) } }, required: true } },
      responses: { 200: json(EventSchema, 'Retracted'), 400: problem('No reason'), 401: problem('No token'), 403: problem('Bad token'), 404: problem('No such event'), 409: problem('Already retracted'), 412: problem('Stale revision') },
    }),
    async (c) => {
      const actor = c.get('actor');
      const body = (await jsonBody(c)) as { reason?: unknown };
      const reason = typeof body?.reason === 'string' ? body.reason : '';
      const header = c.req.header('if-match');
      const e = await setStatus(deps, c.req.valid('param').id, 'retract', { actor, reason }, header ? expectedRevision(header, undefined) : undefined);
      return c.json(e, 200);
    },
  );

  return r;
}
