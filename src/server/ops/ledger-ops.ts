/**
 * Ledger operations as ops: the CLI's `events`, `indicators` and `tokens` commands run these,
 * in-process or through the server.
 */
import { z } from 'zod';
import { check } from '../../op/index.js';
import {
  createEvent,
  createToken,
  eventHistory,
  getEvent,
  listEvents,
  listTokens,
  parseScopes,
  revokeToken,
  setStatus,
  updateEvent,
  exportEvents,
  exportIndicators,
  importStopFile,
  geocodeLedger,
  listIndicators,
  CATEGORIES,
  STATUSES,
  EXPORT_FORMATS,
} from '../../ledger/index.js';
import { defineOp } from './types.js';

export const listFiltersSchema = z.object({
  country: z.string().toUpperCase().optional(),
  region: z.string().toUpperCase().optional(),
  category: z.enum(CATEGORIES).optional(),
  subtype: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  q: z.string().optional(),
  include_retracted: z.boolean().optional(),
  status: z.enum(STATUSES).optional(),
  origin: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

export const ledgerOps = [
  defineOp({
    name: 'events.list',
    summary: 'List events with filters and cursor pagination',
    write: false,
    input: listFiltersSchema,
    run: (ctx, f) => listEvents(ctx, f),
  }),
  defineOp({
    name: 'events.show',
    summary: 'One event with its links',
    write: false,
    input: z.object({ id: z.string() }),
    run: async (ctx, { id }) => ({ ...(await getEvent(ctx, id)), links: await ctx.store.ledger.listLinks(id) }),
  }),
  defineOp({
    name: 'events.add',
    summary: 'Create an event',
    write: true,
    input: z.object({ event: z.unknown() }),
    run: (ctx, { event }) => createEvent(ctx, event, { actor: ctx.actor, origin: 'cli' }),
  }),
  defineOp({
    name: 'events.edit',
    summary: 'Replace or patch an event at an expected revision',
    write: true,
    input: z.object({ id: z.string(), patch: z.record(z.string(), z.unknown()), expected_revision: z.number().int().optional(), reason: z.string().optional() }),
    run: async (ctx, { id, patch, expected_revision, reason }) => {
      const cur = await getEvent(ctx, id);
      const { revision: _r, created_at: _c, updated_at: _u, region_notes: _n, ...fields } = cur;
      return updateEvent(ctx, id, { ...fields, ...patch }, expected_revision ?? cur.revision, { actor: ctx.actor, reason: reason ?? null });
    },
  }),
  defineOp({
    name: 'events.status',
    summary: 'Retract, restore, confirm or dismiss an event (a reason is required)',
    write: true,
    input: z.object({ id: z.string(), action: z.enum(['retract', 'restore', 'confirm', 'dismiss']), reason: z.string(), expected_revision: z.number().int().optional() }),
    run: (ctx, { id, action, reason, expected_revision }) => setStatus(ctx, id, action, { actor: ctx.actor, reason }, expected_revision),
  }),
  defineOp({
    name: 'events.history',
    summary: 'The revisions of an event',
    write: false,
    input: z.object({ id: z.string() }),
    run: async (ctx, { id }) => ({ items: await eventHistory(ctx, id), next_cursor: null }),
  }),
  defineOp({
    name: 'events.import',
    summary: 'Import Access Now #KeepItOn STOP CSV (idempotent; rejects reported with row numbers)',
    write: true,
    scope: 'import',
    files: (i) => [i.file],
    input: z.object({ file: z.string(), format: z.enum(['stop']).default('stop'), snapshot: z.string().optional() }),
    run: (ctx, { file, snapshot }) => importStopFile(ctx, file, snapshot),
  }),
  defineOp({
    name: 'events.geocode',
    summary: 'Geocode every event\'s area to ISO 3166-2 regions, districts and places with a population; coverage by scope, what could not be geocoded and why',
    write: true,
    input: z.object({ dry_run: z.boolean().default(false), country: check.countryCode.optional() }),
    run: (ctx, { dry_run, country }) => geocodeLedger(ctx, { dryRun: dry_run, country }),
  }),
  defineOp({
    name: 'events.export',
    summary: 'Export events (body is utf8 text, or base64 for parquet)',
    write: false,
    input: listFiltersSchema.omit({ cursor: true, limit: true }).extend({ format: z.enum(EXPORT_FORMATS) }),
    run: async (ctx, { format, ...filters }) => {
      const body = await exportEvents(ctx, filters, format);
      const count = (await listEvents(ctx, { ...filters, limit: 1 })).total;
      return typeof body === 'string' ? { format, body, encoding: 'utf8' as const, count } : { format, body: body.toString('base64'), encoding: 'base64' as const, count };
    },
  }),
  defineOp({
    name: 'indicators.export',
    summary: 'Export indicator values (body is utf8 text, or base64 for parquet)',
    write: false,
    input: z.object({ country: z.string().toUpperCase().optional(), id: z.string().optional(), format: z.enum(EXPORT_FORMATS) }),
    run: async (ctx, { format, ...filters }) => {
      const body = await exportIndicators(ctx, filters, format);
      return typeof body === 'string' ? { format, body, encoding: 'utf8' as const } : { format, body: body.toString('base64'), encoding: 'base64' as const };
    },
  }),
  defineOp({
    name: 'indicators.list',
    summary: 'Indicator series with sourced values',
    write: false,
    input: z.object({ country: z.string().toUpperCase().optional(), id: z.string().optional() }),
    run: (ctx, f) => listIndicators(ctx, f),
  }),
  defineOp({
    name: 'tokens.create',
    summary: 'Create an API token with its scopes (shown once)',
    write: true,
    scope: 'admin',
    input: z.object({ name: z.string(), scopes: z.union([z.string(), z.array(z.string())]).default(['read']) }),
    run: (ctx, { name, scopes }) => createToken(ctx, name, { scopes: parseScopes(scopes), createdBy: ctx.actor }),
  }),
  defineOp({
    name: 'tokens.list',
    summary: 'List API tokens with scopes, creator and revocation (never their secrets)',
    write: false,
    scope: 'admin',
    input: z.object({}),
    run: async (ctx) => ({ items: await listTokens(ctx), next_cursor: null }),
  }),
  defineOp({
    name: 'tokens.revoke',
    summary: 'Revoke an API token (who and when are recorded)',
    write: true,
    scope: 'admin',
    input: z.object({ id: z.string() }),
    run: async (ctx, { id }) => {
      await revokeToken(ctx, id, ctx.actor);
      return { id, revoked: true };
    },
  }),
];
