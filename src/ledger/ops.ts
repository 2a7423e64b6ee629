/**
 * Ledger operations: events (list, show, history, counts, add, edit, status, import, export),
 * indicators and API tokens. The CLI's `events`, `indicators` and `tokens` commands and the
 * /api/events, /api/stats/events and /api/indicators reads are these ops; the event writes
 * over HTTP (ETag, If-Match, Location) are routes/events.ts, which call the same domain code.
 */
import { z } from 'zod';
import { evidenceForLinks } from '../measure/index.js';
import { check, defineOp, report, type OpContext } from '../op/index.js';
import { partialDateEnd, SCOPES } from '../shared/index.js';
import { EVENT_TABLE, REVISION_TABLE, exportEvents, indicatorsBody, EXPORT_FORMATS } from './export.js';
import { geocodeLedger } from './geocode.js';
import { listIndicators } from './indicators.js';
import { LedgerEventSchema, SourceSchema } from './model.js';
import { createEvent, editEvent, eventHistory, getEvent, listEvents, setStatus } from './service.js';
import { countEvents } from './stats.js';
import { importStopFile } from './stop/index.js';
import { subtypeFilter, subtypeInCategory } from './subtype-filter.js';
import { CATEGORIES, ORIGINS, STATUSES, type Origin } from './taxonomy.js';
import { createToken, listTokens, parseScopes, revokeToken, scopesProblem } from './tokens.js';

/** The event list's filters (also the counts' and the export's). */
export const EventFilters = z
  .object({
    country: check.countryCode.optional(),
    region: check.regionCode
      .optional()
      .meta({ description: 'events listing this ISO 3166-2 region or a code equivalent to it (UA-43 and RU-CR, UA-40 and RU-SEV)' }),
    category: z.enum(CATEGORIES).optional(),
    subtype: subtypeFilter().optional(),
    from: check.partialDate.optional().meta({ description: 'events ending on or after (YYYY[-MM[-DD]])' }),
    to: check.partialDate.optional().meta({ description: 'events starting on or before' }),
    started_from: check.partialDate
      .optional()
      .meta({ description: 'events starting on or after (YYYY[-MM[-DD]]); with to, exactly the events the counts by start year count in that range' }),
    q: z.string().max(200).optional().meta({ description: 'text search in title, summary, targets, actors, tags' }),
    include_retracted: z.boolean().optional().meta({ description: 'also list retracted and dismissed events' }),
    status: z.enum(STATUSES).optional(),
    origin: z
      .enum(ORIGINS)
      .optional()
      .meta({ description: 'where the event came from: the shipped seed, a STOP import, the local CLI, the HTTP API, or a detector draft' }),
  })
  // a subtype of another category than the one given is refused, not an empty answer (kept by .extend)
  .superRefine(subtypeInCategory);
const Page = { cursor: check.cursor.optional(), limit: check.limit(1000).optional() };
const eventId = z.string().min(1).meta({ description: 'event id', example: 'ru-2018-telegram-block' });

const LinkSchema = z
  .object({ eventId: z.string(), kind: z.string(), target: z.string(), doc: z.record(z.string(), z.unknown()).nullable() })
  .meta({ id: 'EventLink' });
const EvidenceSchema = z
  .object({
    query: z.string(),
    label: z.string().nullable(),
    note: z.string().nullable(),
    filters: z.record(z.string(), z.unknown()),
    totals: z.record(z.string(), z.unknown()),
    by_target: z.array(z.record(z.string(), z.unknown())),
    method: z.string(),
    source: z.string(),
    data_vintage: z.unknown(),
    api: z.string(),
  })
  .meta({ id: 'MeasurementEvidence', description: 'the summary of a saved measurement query linked to the event' });

export const EventListSchema = z
  .object({ items: z.array(LedgerEventSchema), next_cursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: 'EventList' });
/** What GET /api/export/events.json answers: every matching event, in one page. */
export const EventExportSchema = z.object({ items: z.array(LedgerEventSchema), next_cursor: z.null() }).meta({ id: 'EventExport' });
export const EventDocumentSchema = LedgerEventSchema.extend({
  links: z.array(LinkSchema),
  measurement_evidence: z.array(EvidenceSchema).optional(),
}).meta({ id: 'EventDocument' });

const Revision = z
  .object({
    revision: z.number().int(),
    action: z.string(),
    actor: z.string(),
    reason: z.string().nullable(),
    at: z.string(),
    previous: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'the event as stored before this change, in the model of its day (null for the creation)' }),
    current: z.record(z.string(), z.unknown()).meta({ description: 'the event as stored by this change' }),
  })
  .meta({ id: 'EventRevision' });

const ExportBody = z.object({ format: z.enum(EXPORT_FORMATS), body: z.string(), encoding: z.enum(['utf8', 'base64']) });

export const eventsList = defineOp({
  name: 'events.list',
  summary: 'List events with filters and cursor pagination',
  write: false,
  input: EventFilters.extend(Page),
  output: EventListSchema,
  rows: { key: 'items', export: 'events.export', table: EVENT_TABLE },
  http: { method: 'get', path: '/api/events', tag: 'ledger', description: 'A page of events' },
  run: (ctx, f) => listEvents(ctx, f),
});

export const eventsShow = defineOp({
  name: 'events.show',
  summary: 'One event with its links and the measurement evidence linked to it',
  write: false,
  input: z.object({ id: eventId }),
  output: EventDocumentSchema,
  http: {
    method: 'get',
    path: '/api/events/{id}',
    tag: 'ledger',
    description: 'The event; ETag is its revision',
    errors: { 404: 'No such event' },
    headers: { ETag: 'the event\'s revision, quoted ("3"): send it as If-Match to PUT /api/events/{id} or retract it' },
    handwritten: true,
  },
  run: async (ctx, { id }) => {
    const e = await getEvent(ctx, id);
    const links = await ctx.store.ledger.listLinks(id);
    const evidence = await evidenceForLinks(ctx, links);
    return { ...e, links, ...(evidence.length ? { measurement_evidence: evidence } : {}) };
  },
});

export const eventsHistory = defineOp({
  name: 'events.history',
  summary: 'The revisions of an event, oldest first: who, when, why, and the fields before and after',
  write: false,
  input: z.object({ id: eventId }),
  output: z.object({ items: z.array(Revision), next_cursor: z.null() }).meta({ id: 'EventHistory' }),
  rows: { key: 'items', table: REVISION_TABLE },
  http: { method: 'get', path: '/api/events/{id}/revisions', tag: 'ledger', description: 'Revisions, oldest first', errors: { 404: 'No such event' } },
  run: async (ctx, { id }) => ({ items: await eventHistory(ctx, id), next_cursor: null }),
});

export const eventsCounts = defineOp({
  name: 'events.counts',
  summary: 'Event counts per country, category and start year (an event in two countries counts once in each)',
  write: false,
  input: EventFilters,
  output: z
    .object({
      items: z.array(z.object({ country: z.string(), category: z.string(), year: z.number(), count: z.number() })),
      technical_categories: z.array(z.string()).meta({ description: 'categories counted as technical controls (the rest are legal, offline or cooperation)' }),
      next_cursor: z.null(),
    })
    .meta({ id: 'EventCounts' }),
  http: { method: 'get', path: '/api/stats/events', tag: 'ledger', description: 'Counts' },
  run: (ctx, f) => countEvents(ctx, f),
});

/** The edge a write came through: `cli` for the machine's own user (in-process, or the lock file's secret), `api` for any HTTP caller. */
const edgeOf = (ctx: OpContext): Origin => (ctx.grant.files === 'any' ? 'cli' : 'api');

export const eventsAdd = defineOp({
  name: 'events.add',
  summary: 'Create an event',
  write: true,
  scope: 'write',
  input: z.object({ event: z.unknown() }),
  output: LedgerEventSchema,
  run: (ctx, { event }) => createEvent(ctx, event, { actor: ctx.actor, origin: edgeOf(ctx) }),
});

export const eventsEdit = defineOp({
  name: 'events.edit',
  summary: 'Replace or patch an event at an expected revision',
  write: true,
  scope: 'write',
  input: z.object({ id: eventId, patch: z.record(z.string(), z.unknown()), expected_revision: z.number().int().optional(), reason: z.string().optional() }),
  output: LedgerEventSchema.extend({
    changed: z.boolean().meta({ description: 'false when every field already had the value given: no revision was added' }),
  }),
  run: async (ctx, { id, patch, expected_revision, reason }) => {
    const { event, changed } = await editEvent(ctx, id, patch, expected_revision, { actor: ctx.actor, reason: reason ?? null });
    return { ...event, changed };
  },
});

export const STATUS_ACTIONS = ['retract', 'restore', 'confirm', 'dismiss'] as const;

/**
 * The reason a status change takes. Its length is checked in one place, setStatus, so the CLI, the
 * retract route and the review ops refuse a short one in the same words (`dismiss needs a reason
 * (at least 3 characters)`); the schema documents the limit.
 */
export const StatusReason = z.string().meta({ minLength: 3, description: 'why, at least 3 characters (blanks aside)' });

export const eventsStatus = defineOp({
  name: 'events.status',
  summary: 'Retract, restore, confirm or dismiss an event (a reason is required)',
  write: true,
  scope: 'write',
  input: z.object({ id: eventId, action: z.enum(STATUS_ACTIONS), reason: StatusReason, expected_revision: z.number().int().optional() }),
  output: LedgerEventSchema,
  run: (ctx, { id, action, reason, expected_revision }) => setStatus(ctx, id, action, { actor: ctx.actor, reason }, expected_revision),
});

/** The human review of detection drafts over HTTP: confirm or dismiss, with a reason. */
const review = (action: 'confirm' | 'dismiss') =>
  defineOp({
    name: `events.${action}`,
    summary:
      action === 'confirm'
        ? 'Confirm a draft event: it becomes active and shows in default views (token and reason required)'
        : 'Dismiss a draft event (token and reason required)',
    write: true,
    scope: 'write',
    input: z.object({ id: eventId, reason: StatusReason }),
    output: LedgerEventSchema,
    http: {
      method: 'post',
      path: `/api/events/{id}/${action}`,
      tag: 'detect',
      description: action === 'confirm' ? 'Confirmed (status active)' : 'Dismissed',
      errors: { 404: 'No such event', 409: 'Not a draft' },
    },
    run: (ctx, { id, reason }) => setStatus(ctx, id, action, { actor: ctx.actor, reason }),
  });
export const eventsConfirm = review('confirm');
export const eventsDismiss = review('dismiss');

export const eventsImport = defineOp({
  name: 'events.import',
  summary: 'Import Access Now #KeepItOn STOP CSV (idempotent; rejects reported with row numbers)',
  write: true,
  scope: 'import',
  // retracting the STOP events a whole snapshot no longer describes is a ledger edit
  alsoNeeds: [{ scope: 'write', when: "full=true (it retracts the STOP events none of the file's records describes, a ledger edit)", test: (i) => i.full }],
  files: (i) => [i.file],
  localPaths: ['file'],
  upload: 'file',
  input: z.object({
    file: z.string(),
    format: z.enum(['stop']).default('stop'),
    snapshot: z.string().optional(),
    full: z
      .boolean()
      .default(false)
      .describe(
        'the file is the whole snapshot: STOP events none of its records describes any more are retracted (never without it). A retraction is a ledger edit: over HTTP full=true needs the "write" scope as well as "import". Nothing is retracted when the file holds no record, is dated before the latest snapshot imported, or holds fewer than half the records the store holds of that snapshot (see allow_shrink); absent_check says why',
      ),
    allow_shrink: z
      .boolean()
      .default(false)
      .describe('with full: the file is the whole snapshot even though it holds fewer than half the records the store holds of the latest snapshot'),
  }),
  output: report<Awaited<ReturnType<typeof importStopFile>>>('rows read = stored + rejected, events created/updated, rejects with record and line'),
  run: (ctx, { file, snapshot, full, allow_shrink }) => importStopFile(ctx, file, snapshot, { full, allowShrink: allow_shrink }),
});

export const eventsGeocode = defineOp({
  name: 'events.geocode',
  summary: "Geocode every event's area to ISO 3166-2 regions, districts and places with a population; coverage by scope, what could not be geocoded and why",
  write: (i) => !i.dry_run,
  input: z.object({ dry_run: z.boolean().default(false), country: check.countryCode.optional() }),
  output: report<Awaited<ReturnType<typeof geocodeLedger>>>('coverage by scope, and what could not be geocoded and why'),
  run: (ctx, { dry_run, country }) => geocodeLedger(ctx, { dryRun: dry_run, country }),
});

export const eventsExport = defineOp({
  name: 'events.export',
  summary: 'Export events (body is utf8 text, or base64 for parquet)',
  write: false,
  input: EventFilters.extend({ format: z.enum(EXPORT_FORMATS) }),
  output: ExportBody.extend({ count: z.number().int() }),
  run: async (ctx, { format, ...filters }) => {
    const body = await exportEvents(ctx, filters, format);
    const count = (await listEvents(ctx, { ...filters, limit: 1 })).total;
    return typeof body === 'string'
      ? { format, body, encoding: 'utf8' as const, count }
      : { format, body: body.toString('base64'), encoding: 'base64' as const, count };
  },
});

export const IndicatorFilters = z.object({ country: check.countryCode.optional(), id: z.string().optional().meta({ description: 'one series' }) });

/** Indicator series with their values (also what GET /api/export/indicators.json answers). */
export const IndicatorListSchema = z
  .object({
    items: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          description: z.string(),
          unit: z.string(),
          country: z.string().nullable(),
          origin: z.string(),
          values: z.array(z.object({ period: z.string(), value: z.number(), source: SourceSchema, note: z.string().nullable(), disputed: z.boolean() })),
        })
        .meta({ id: 'IndicatorSeries' }),
    ),
    next_cursor: z.null(),
  })
  .meta({ id: 'IndicatorList' });

export const indicatorsList = defineOp({
  name: 'indicators.list',
  summary: 'Indicator series (values that disagree across sources are all kept and flagged `disputed`)',
  write: false,
  input: IndicatorFilters,
  output: IndicatorListSchema,
  rows: { key: 'items' },
  http: { method: 'get', path: '/api/indicators', tag: 'ledger', description: 'Series with values', errors: { 404: 'No such series' } },
  run: (ctx, f) => listIndicators(ctx, f),
});

export const indicatorsExport = defineOp({
  name: 'indicators.export',
  summary: 'Export indicator values (body is utf8 text, or base64 for parquet)',
  write: false,
  input: IndicatorFilters.extend({ format: z.enum(EXPORT_FORMATS) }),
  output: ExportBody.extend({
    count: z.number().int().describe('indicator values exported (a row each in csv, ndjson and parquet; json holds them in their series)'),
  }),
  run: async (ctx, { format, ...filters }) => {
    const { items } = await listIndicators(ctx, filters);
    const body = await indicatorsBody(ctx, items, format);
    const count = items.reduce((n, s) => n + s.values.length, 0);
    return typeof body === 'string'
      ? { format, body, encoding: 'utf8' as const, count }
      : { format, body: body.toString('base64'), encoding: 'base64' as const, count };
  },
});

export const tokensCreate = defineOp({
  name: 'tokens.create',
  summary: 'Create an API token with its scopes (shown once)',
  write: true,
  scope: 'admin',
  input: z.object({
    name: z.string().refine((s) => s.trim() !== '', 'a token needs a name'),
    scopes: z
      .union([z.string(), z.array(z.string())])
      .default(['read'])
      .superRefine((v, c) => {
        const problem = scopesProblem(v);
        if (problem) c.addIssue({ code: 'custom', message: problem });
      })
      .meta({ description: `one or more of ${SCOPES.join(', ')}: a list, or comma-separated text` }),
    expires: check.partialDate.optional().meta({ description: 'refused after this: a date (valid through its last instant, UTC) or an ISO instant' }),
  }),
  output: report<Awaited<ReturnType<typeof createToken>>>('the token (shown once) and its record'),
  run: (ctx, { name, scopes, expires }) =>
    createToken(ctx, name, { scopes: parseScopes(scopes), createdBy: ctx.actor, expiresAt: expires ? partialDateEnd(expires).toISOString() : null }),
});

export const tokensList = defineOp({
  name: 'tokens.list',
  summary: 'List API tokens with scopes, creator and revocation (never their secrets)',
  write: false,
  scope: 'admin',
  input: z.object({}),
  output: report<{ items: Awaited<ReturnType<typeof listTokens>>; next_cursor: null }>('tokens: id, name, dates; never secrets'),
  rows: { key: 'items', columns: ['id', 'name', 'scopes', 'created_at', 'created_by', 'revoked_at', 'revoked_by', 'last_used_at', 'expires_at'] },
  run: async (ctx) => ({ items: await listTokens(ctx), next_cursor: null }),
});

export const tokensRevoke = defineOp({
  name: 'tokens.revoke',
  summary: 'Revoke an API token (who and when are recorded)',
  write: true,
  scope: 'admin',
  input: z.object({ id: z.string() }),
  output: z.object({ id: z.string(), revoked: z.literal(true) }),
  run: async (ctx, { id }) => {
    await revokeToken(ctx, id, ctx.actor);
    return { id, revoked: true as const };
  },
});

export const ledgerOps = [
  eventsList,
  eventsShow,
  eventsHistory,
  eventsCounts,
  eventsAdd,
  eventsEdit,
  eventsStatus,
  eventsConfirm,
  eventsDismiss,
  eventsImport,
  eventsGeocode,
  eventsExport,
  indicatorsList,
  indicatorsExport,
  tokensCreate,
  tokensList,
  tokensRevoke,
];
