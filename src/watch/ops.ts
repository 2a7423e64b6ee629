/**
 * Watch operations: webhook subscriptions (scope admin: a subscription sends data to a URL of
 * the caller's choosing), their deliveries and dead letters, one delivery pass, and the watch
 * status the dashboard shows (GET /api/watch/status).
 */
import { z } from 'zod';
import { check, defineOp, report } from '../op/index.js';
import { AppError } from '../shared/index.js';
import type { HookSubscriptionRecord } from '../store/index.js';
import { watchStatus } from './cycle.js';
import { whatsNew } from './whats-new.js';
import {
  addHook,
  DEFAULT_DELIVERY_POLICY,
  deliverDue,
  deliveryPage,
  enqueueNotices,
  httpSender,
  listedHook,
  NOTICES,
  replayDead,
  type ListedDelivery,
  type ListedHook,
} from './hooks.js';

export const hooksAdd = defineOp({
  name: 'hooks.add',
  summary: 'Register a webhook: URL, countries, categories or detector kinds, notices (draft, confirmed); returns the signing secret once',
  write: true,
  scope: 'admin',
  input: z.object({
    url: z.string().min(1).max(2000),
    countries: z.array(check.countryCode).default([]),
    kinds: z.array(z.string()).default([]),
    notices: z.array(z.enum(NOTICES)).default([]),
  }),
  output: report<HookSubscriptionRecord & { secret: string }>('the subscription with its secret (shown once)'),
  run: (ctx, h) => addHook(ctx, h),
});

export const hooksList = defineOp({
  name: 'hooks.list',
  summary: 'Webhook subscriptions (never their secrets: a fingerprint, secret_sha256)',
  write: false,
  scope: 'admin',
  input: z.object({ all: z.boolean().default(false) }),
  output: report<{ items: ListedHook[] }>('subscriptions'),
  // a secret's problem names the key file beside the database
  serverPaths: { text: ['secret_problem'] },
  rows: {
    key: 'items',
    columns: ['id', 'url', 'countries', 'kinds', 'notices', 'created_at', 'created_by', 'removed_at', 'secret_sha256', 'secret_problem'],
  },
  run: async (ctx, { all }) => ({ items: (await ctx.store.watch.listSubscriptions(all)).map(listedHook) }),
});

export const hooksRotateKey = defineOp({
  name: 'hooks.rotate-key',
  summary: 'Seal every webhook secret under a new key (the key file beside the database); the secrets themselves do not change',
  write: true,
  scope: 'admin',
  input: z.object({}),
  output: report<{ key_id: string; key_file: string | null; resealed: number; unreadable: string[] }>('the new key id and how many secrets it seals'),
  run: (ctx) => ctx.store.watch.rotateSecretKey(),
});

export const hooksRemove = defineOp({
  name: 'hooks.remove',
  summary: 'Remove a webhook subscription (its pending deliveries are dead-lettered, not sent)',
  write: true,
  scope: 'admin',
  input: z.object({ id: z.string().min(1) }),
  output: report<{ removed: string }>('the removed id'),
  run: async (ctx, { id }) => {
    if (!(await ctx.store.watch.removeSubscription(id, ctx.clock.now().toISOString()))) throw new AppError('NOT_FOUND', `no active subscription ${id}`);
    return { removed: id };
  },
});

export const hooksDeliveries = defineOp({
  name: 'hooks.deliveries',
  summary: 'Webhook deliveries, newest first; status dead = the dead-letter list',
  write: false,
  scope: 'admin',
  input: z.object({
    status: z.enum(['pending', 'delivered', 'dead']).optional(),
    subscription_id: z.string().optional(),
    limit: check.limit(10_000).default(100),
    cursor: check.cursor.optional(),
  }),
  output: report<{ items: ListedDelivery[]; total: number; next_cursor: string | null }>(
    'one page of deliveries; total: how many match; next_cursor: pass it as cursor for the next page (null on the last)',
  ),
  // a delivery not sent names the key file its secret needs
  serverPaths: { text: ['last_error'] },
  rows: {
    key: 'items',
    columns: [
      'id',
      'subscription_id',
      'event_id',
      'notice',
      'body',
      'status',
      'attempts',
      'next_at',
      'last_error',
      'last_status',
      'created_at',
      'delivered_at',
    ],
  },
  run: (ctx, f) => deliveryPage(ctx.store, f),
});

export const hooksReplay = defineOp({
  name: 'hooks.replay',
  summary: 'Put dead-lettered deliveries (one, or all) back in the queue',
  write: true,
  scope: 'admin',
  // One rule for every caller: a delivery id, or all: true; neither, or both, is refused naming the field.
  input: z
    .object({
      id: z.string().min(1).optional().meta({ description: 'the dead delivery to queue again' }),
      all: z.boolean().default(false).meta({ description: 'queue every dead delivery again (instead of id)' }),
    })
    .superRefine((v, c) => {
      if (v.id === undefined && !v.all)
        c.addIssue({ code: 'custom', path: ['id'], message: 'name a delivery id, or set all (--all) to replay every dead delivery' });
      if (v.id !== undefined && v.all) c.addIssue({ code: 'custom', path: ['all'], message: 'name a delivery id or set all, not both' });
    }),
  output: report<{ replayed: string[]; skipped: { id: string; reason: string }[] }>(
    'ids queued again, and the dead deliveries left dead (their subscription was removed)',
  ),
  run: (ctx, { id }) => replayDead(ctx, id),
});

export const hooksDeliver = defineOp({
  name: 'hooks.deliver',
  summary: 'Queue notices for new drafts and confirmed events, and send the deliveries due now (one pass)',
  write: true,
  scope: 'admin',
  input: z.object({ timeout_ms: z.number().int().min(100).max(60_000).default(10_000) }),
  output: report<{ enqueued: number; attempted: number; delivered: number; retrying: number; dead: number }>('queued and sent'),
  run: async (ctx, { timeout_ms }) => {
    const q = await enqueueNotices(ctx, ctx.origin ?? null);
    const r = await deliverDue({ ...ctx, send: httpSender }, { ...DEFAULT_DELIVERY_POLICY, timeoutMs: timeout_ms });
    return { ...q, ...r };
  },
});

const Cycle = z.object({
  id: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  next_at: z.string().nullable(),
  status: z.string(),
  summary: z
    .object({
      id: z.string(),
      started_at: z.string(),
      finished_at: z.string(),
      next_at: z.string().nullable().meta({ description: 'null after watch --once' }),
      inputs_new: z.number(),
      inputs_failed: z.number(),
      inputs_waiting: z.number(),
      inputs_skipped: z
        .number()
        .optional()
        .meta({ description: 'entries of the watched folder not read (another name, a subfolder); absent in cycles recorded before' }),
      skipped_files: z.array(z.string()).optional().meta({ description: 'each entry not read, with why' }),
      points_stored: z.number(),
      rejected: z.number(),
      detections: z.number(),
      drafts_created: z.number(),
      drafts_ended: z
        .number()
        .optional()
        .meta({ description: 'drafts emitted while their outage was ongoing, given the end the data now shows (absent in cycles recorded before)' }),
      ends_not_applied: z
        .array(z.string())
        .optional()
        .meta({ description: 'events ongoing in the ledger that a person holds (confirmed, edited) whose detection now ends: the end to set by hand' }),
      notices_enqueued: z.number(),
      inputs_seen_total: z.number(),
      ooni_window: z
        .string()
        .nullable()
        .optional()
        .meta({ description: 'OONI upload hours synced (null: OONI not watched; absent in cycles recorded before OONI was watched)' }),
      ooni_files_new: z.number().optional(),
      ooni_stored: z.number().optional(),
      errors: z.array(z.string()),
    })
    .nullable()
    .meta({ description: "the finished cycle's counts (null while it runs)" }),
});

export const watchStatusOp = defineOp({
  name: 'watch.status',
  summary: 'Watch status: last cycle, next cycle, inputs seen, deliveries by state',
  write: false,
  input: z.object({}),
  output: z.object({
    running: z.boolean().meta({ description: 'a watch process holds the lease (`watch` is not null)' }),
    cycle_running: z.boolean().meta({ description: 'a cycle of the running watch is in progress (false between its cycles)' }),
    watch: z
      .object({
        pid: z.number(),
        host: z.string(),
        started_at: z.string(),
        every_ms: z.number(),
        renewed_at: z.string(),
        expires_at: z.string(),
      })
      .nullable()
      .meta({ description: "the running watch's lease (renewed each cycle and each minute); null when no watch runs" }),
    last_cycle: Cycle.nullable(),
    next_cycle: z.string().nullable().meta({ description: 'when the running watch starts its next cycle; null when no watch runs' }),
    inputs_seen: z.number(),
    recent_inputs: z.array(
      z.object({
        kind: z.string(),
        key: z.string(),
        checksum: z.string(),
        seen_at: z.string(),
        cycle_id: z.string(),
        outcome: z.string(),
        detail: z.string().nullable(),
      }),
    ),
    deliveries: z.object({ pending: z.number(), delivered: z.number(), dead: z.number() }),
  }),
  // an input's key is the file it read; an error or a detail may quote a file
  serverPaths: { keys: ['key'], text: ['errors', 'detail', 'skipped_files'] },
  http: { method: 'get', path: '/api/watch/status', tag: 'watch', description: 'The watch loop as last recorded in the store' },
  run: (ctx) => watchStatus(ctx.store, ctx.clock.now().getTime()),
});

const NewItem = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  subtype: z.string(),
  countries: z.array(z.string()),
  status: z.string(),
  start: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  action: z.string().meta({ description: 'the ledger revision that made it new: create, confirm, update, restore, ...' }),
  added: z.boolean().meta({ description: 'the event did not exist at `since`' }),
});
const NewList = z.object({ total: z.number().meta({ description: 'how many are new (items holds at most `limit`)' }), items: z.array(NewItem) });

export const watchNewOp = defineOp({
  name: 'watch.new',
  summary: 'What is new since an instant: confirmed events and draft detections written after it, newest first, and the watermark to pass as since next time',
  write: false,
  input: z.object({
    since: check.instant.optional().meta({ description: 'the watermark of the previous answer; without it, the latest `limit` of each list' }),
    limit: check.limit(500).default(20),
  }),
  output: z.object({
    since: z.string().nullable(),
    watermark: z.string().nullable().meta({
      description:
        'newest write in the ledger: pass it as since next time; while a list with since holds more than limit new items it stays at since, so no item is skipped',
    }),
    limit: z.number(),
    events: NewList,
    drafts: NewList,
  }),
  http: { method: 'get', path: '/api/watch/new', tag: 'watch', description: 'Confirmed events and draft detections new since the reader last looked' },
  run: (ctx, f) => whatsNew(ctx.store, f),
});

export const watchOps = [hooksAdd, hooksList, hooksRotateKey, hooksRemove, hooksDeliveries, hooksReplay, hooksDeliver, watchStatusOp, watchNewOp];
