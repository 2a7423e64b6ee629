/**
 * Webhooks: subscriptions (URL + per-subscription secret, filtered by country, category or
 * detector kind, and notice: draft or confirmed), an outbox of deliveries, and their delivery.
 *
 * Guarantees:
 * - Deliveries go only to a subscription's registered URL (http or https), never elsewhere;
 *   a removed subscription's pending deliveries are dead-lettered, not sent. One live
 *   subscription per endpoint (URL without fragment): a second is refused naming the first.
 * - Each notice is enqueued once per subscription (the store's unique key), so a restarted
 *   cycle cannot enqueue it twice. Each send is claimed first with one conditional write
 *   (`claimDelivery`), so passes running at once (a watch and `hooks deliver`, two API calls)
 *   never send the same delivery together, and every send counts one attempt. Delivery is
 *   at-least-once and carries its id in `X-Splinternet-Delivery` so a receiver can drop a repeat
 *   (a crash between the receiver's 200 and our bookkeeping is the only way one can happen: the
 *   claim then lapses and the delivery is sent again).
 * - Signature: `X-Splinternet-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`
 *   with `X-Splinternet-Timestamp` (Unix seconds): a receiver rejects stale timestamps, so a
 *   captured delivery cannot be replayed later.
 * - Each send carries the event as the ledger holds it at that send (status, revision, end):
 *   a notice retried after the event was confirmed or dismissed never sets a receiver back to
 *   an earlier state; the outbox keeps the body last sent.
 * - A failure (connection refused, timeout, non-2xx) is retried with exponential backoff; after
 *   `maxAttempts` the delivery goes to the dead-letter list, from which it can be replayed.
 * - Sending never blocks the caller's cycle: `deliverDue` is awaited only by whoever wants to.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DETECTION_KINDS, DETECTOR_UPDATE } from '../detect/index.js';
import { CATEGORIES } from '../ledger/index.js';
import { check } from '../op/index.js';
import { AppError, type Clock } from '../shared/index.js';
import { currentBody, detectorOf, noticeBody } from './notice-body.js';
import { threadSender } from './send-thread.js';
import type { DeliveryStatus, EventLinkRecord, EventRecord, HookDeliveryRecord, HookSubscriptionRecord, Store } from '../store/index.js';

export const NOTICES = ['draft', 'confirmed'] as const;
export type Notice = (typeof NOTICES)[number];

export interface DeliveryPolicy {
  maxAttempts: number;
  /** First retry after this many ms; each next one waits twice as long, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  timeoutMs: number;
  /** Deliveries in flight at once (a slow receiver holds one slot, not the queue). */
  concurrency: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 8, backoffMs: 30_000, maxBackoffMs: 3_600_000, timeoutMs: 10_000, concurrency: 4 };

/** How a delivery is sent: injected, so the domain stays free of network code in tests. */
export type Sender = (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<{ status: number }>;

export interface HookInput {
  url: string;
  countries?: string[];
  kinds?: string[];
  notices?: Notice[];
}

export function validateHookUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new AppError('VALIDATION', `"${raw}" is not a URL`, { issues: [{ path: ['url'], message: 'not a URL' }] });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AppError('VALIDATION', `webhook URLs must be http or https, got ${u.protocol}`, { issues: [{ path: ['url'], message: 'scheme' }] });
  if (u.username || u.password)
    throw new AppError('VALIDATION', 'put no credentials in the webhook URL: deliveries are signed with the subscription secret', {
      issues: [{ path: ['url'], message: 'credentials' }],
    });
  return u.toString();
}

/** The endpoint a URL posts to: the URL without its fragment, which HTTP never sends. */
const endpointOf = (url: string): string => {
  const u = new URL(url);
  u.hash = '';
  return u.toString();
};

/** What a subscription can name: a ledger category, or the detector that proposed a draft. A kind nothing carries would never match. */
const HOOK_KINDS: readonly string[] = [...new Set<string>([...CATEGORIES, ...DETECTION_KINDS])];

export async function addHook(deps: { store: Store; clock: Clock; actor: string }, h: HookInput): Promise<HookSubscriptionRecord & { secret: string }> {
  const countries = (h.countries ?? []).map((c) => c.trim().toUpperCase());
  const problem = (h.countries ?? []).map((c) => check.countryProblem(c)).find((p) => p !== null);
  if (problem) throw new AppError('VALIDATION', `--cc: ${problem}`, { issues: [{ path: ['countries'], message: problem }] });
  const kinds = (h.kinds ?? []).map((k) => k.toLowerCase());
  const badKind = kinds.find((k) => !HOOK_KINDS.includes(k));
  if (badKind)
    throw new AppError('VALIDATION', `--kind must be a ledger category or detector kind (${HOOK_KINDS.join(', ')}), got "${badKind}"`, {
      issues: [{ path: ['kinds'], message: 'not a kind' }],
    });
  const url = validateHookUrl(h.url);
  const endpoint = endpointOf(url);
  const refuse = async () => {
    const same = (await deps.store.watch.listSubscriptions(false)).find((s) => endpointOf(s.url) === endpoint);
    return new AppError(
      'CONFLICT',
      `${url} is already subscribed as ${same?.id ?? 'another subscription'}${same ? ` (created ${same.created_at})` : ''}: a second subscription would deliver every notice twice, under two ids and two secrets; to change its filters, hooks remove ${same?.id ?? 'it'} and add it again`,
      { details: { subscription_id: same?.id ?? null } },
    );
  };
  if ((await deps.store.watch.listSubscriptions(false)).some((s) => endpointOf(s.url) === endpoint)) throw await refuse();
  const sub: HookSubscriptionRecord & { secret: string } = {
    id: `hook-${randomBytes(6).toString('hex')}`,
    url,
    secret: randomBytes(32).toString('hex'),
    countries,
    kinds,
    notices: h.notices?.length ? [...new Set(h.notices)] : [...NOTICES],
    created_at: deps.clock.now().toISOString(),
    created_by: deps.actor,
    removed_at: null,
  };
  // the store checks again in the insert itself: of two adds of one URL at once, one is stored
  if (!(await deps.store.watch.addSubscription(sub, endpoint))) throw await refuse();
  return sub;
}

/** A subscription as lists show it: no part of the secret, only a fingerprint a receiver can compare. */
export type ListedHook = Omit<HookSubscriptionRecord, 'secret' | 'secret_problem'> & {
  /** First 12 hex digits of SHA-256(secret): `printf %s "$SECRET" | sha256sum` tells which secret it is. */
  secret_sha256: string | null;
  /** Why the stored secret cannot be used (its key file is missing or holds another key); null when it can. */
  secret_problem: string | null;
};

/** The secret is shown once, when the subscription is made; lists never show it, nor any part of it. */
export const listedHook = ({ secret, secret_problem, ...rest }: HookSubscriptionRecord): ListedHook => ({
  ...rest,
  secret_sha256: secret === null ? null : createHash('sha256').update(secret).digest('hex').slice(0, 12),
  secret_problem: secret_problem ?? null,
});

export function sign(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): the signature matches and the timestamp is within `toleranceS`. */
export function verifySignature(
  secret: string,
  headers: { timestamp?: string | null; signature?: string | null },
  body: string,
  nowMs: number,
  toleranceS = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowMs / 1000 - ts) > toleranceS || !headers.signature) return false;
  const want = Buffer.from(sign(secret, ts, body));
  const got = Buffer.from(headers.signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

export function matches(s: HookSubscriptionRecord, e: EventRecord, notice: Notice): boolean {
  if (!s.notices.includes(notice)) return false;
  if (s.countries.length && !e.countries.some((c) => s.countries.includes(c))) return false;
  const det = detectorOf(e);
  if (s.kinds.length && !s.kinds.includes(e.category) && !(det && s.kinds.includes(det))) return false;
  return true;
}

/**
 * The queued delivery of one notice to one subscription; its id is the same each time it is made.
 * `revision` names a detector's revision of its draft (the draft given its end): a notice of its
 * own, kept in the outbox as notice `draft:r<revision>`.
 */
function record(s: HookSubscriptionRecord, e: EventRecord, notice: Notice, now: string, origin: string | null, revision?: number): HookDeliveryRecord {
  const key = revision === undefined ? notice : `${notice}:r${revision}`;
  const id = `dlv-${createHash('sha256').update(`${s.id}\u0000${e.id}\u0000${key}`).digest('hex').slice(0, 20)}`;
  return {
    id,
    subscription_id: s.id,
    event_id: e.id,
    notice: key,
    body: noticeBody(e, notice, id, origin),
    status: 'pending',
    attempts: 0,
    next_at: now,
    last_error: null,
    last_status: null,
    created_at: now,
    delivered_at: null,
  };
}

/**
 * Enqueue a notice for every (subscription, event) that matches and has none yet: drafts
 * (status draft) and confirmed events (status active), changed since the subscription was made;
 * a detector's event confirmed before any pass saw its draft gets its draft notice too (its body
 * the event as it now is).
 */
export async function enqueueNotices(deps: { store: Store; clock: Clock }, origin: string | null = null): Promise<{ enqueued: number }> {
  const subs = await deps.store.watch.listSubscriptions(false);
  if (!subs.length) return { enqueued: 0 };
  const since = subs.reduce((m, s) => (s.created_at < m ? s.created_at : m), subs[0]!.created_at);
  // written at or after the oldest subscription (changedAfter is strict: one millisecond before)
  const events = await deps.store.ledger.listChanged({
    statuses: ['draft', 'active'],
    changedAfter: new Date(Date.parse(since) - 1).toISOString(),
    limit: 100_000,
  });
  const now = deps.clock.now().toISOString();
  const out: HookDeliveryRecord[] = [];
  for (const e of events) {
    const notice: Notice = e.status === 'draft' ? 'draft' : 'confirmed';
    // a detector's event was a draft before it was confirmed: a confirmation that came before any
    // pass still owes the draft notice to subscriptions made before the draft was
    const createdAt = typeof e.doc.created_at === 'string' ? e.doc.created_at : null;
    const wasDraft = notice === 'confirmed' && e.origin === 'detect' && createdAt !== null;
    for (const s of subs) {
      if (wasDraft && createdAt >= s.created_at && matches(s, e, 'draft')) out.push(record(s, e, 'draft', now, origin));
      if (e.updatedAt < s.created_at || !matches(s, e, notice)) continue;
      out.push(record(s, e, notice, now, origin));
    }
  }
  out.push(...(await revisionNotices(deps.store, events, subs, now, origin)));
  // A notice already queued is not written again: a pass with nothing new leaves the store, its
  // data version and every answer cached on it as they were (the pump under `serve` looks again
  // whenever the version moves).
  const fresh: HookDeliveryRecord[] = [];
  for (const d of out) if (!(await deps.store.watch.getDelivery(d.id))) fresh.push(d);
  // a new notice's body carries its event's evidence query (links are read for new notices only)
  const byId = new Map(events.map((e) => [e.id, e]));
  const linksOf = new Map<string, EventLinkRecord[]>();
  for (const d of fresh) {
    const e = byId.get(d.event_id);
    if (!e) continue;
    if (!linksOf.has(e.id)) linksOf.set(e.id, await deps.store.ledger.listLinks(e.id));
    d.body = currentBody(d.body, e, linksOf.get(e.id));
  }
  return { enqueued: fresh.length ? await deps.store.watch.enqueue(fresh) : 0 };
}

/** The revision of a detector's draft written by the detector itself (its end, once the data showed the recovery), or null. */
async function detectorRevision(store: Store, e: EventRecord): Promise<{ revision: number; at: string } | null> {
  if (e.status !== 'draft' || e.origin !== 'detect' || e.revision < 2) return null;
  const r = (await store.ledger.listRevisions(e.id)).filter((x) => x.action === DETECTOR_UPDATE).at(-1);
  return r ? { revision: r.revision, at: r.at } : null;
}

/** The revision an outbox body carries (0 when it cannot be read). */
const bodyRevision = (body: string): number => {
  try {
    const r = (JSON.parse(body) as { event?: { revision?: unknown } }).event?.revision;
    return typeof r === 'number' ? r : 0;
  } catch {
    return 0;
  }
};

/**
 * A draft the detector revised (given its end) is announced again, as an `event.draft` notice, to
 * each matching subscription that was already sent the draft as it was before that revision; a
 * draft notice still waiting, or never queued, carries the revised draft itself (nothing twice).
 */
async function revisionNotices(
  store: Store,
  events: EventRecord[],
  subs: HookSubscriptionRecord[],
  now: string,
  origin: string | null,
): Promise<HookDeliveryRecord[]> {
  const out: HookDeliveryRecord[] = [];
  for (const e of events) {
    const rev = await detectorRevision(store, e);
    if (!rev) continue;
    for (const s of subs) {
      if (rev.at < s.created_at || !matches(s, e, 'draft')) continue;
      const first = await store.watch.getDelivery(record(s, e, 'draft', now, origin).id);
      if (!first || first.status === 'pending' || bodyRevision(first.body) >= rev.revision) continue;
      out.push(record(s, e, 'draft', now, origin, rev.revision));
    }
  }
  return out;
}

/**
 * Why a send failed, in words that tell causes apart: the errno and address beneath fetch's
 * bare "fetch failed" (`fetch failed: connect ECONNREFUSED 127.0.0.1:18774`; a name that does not
 * resolve reads ENOTFOUND, a reset ECONNRESET, each address tried when there were several), and a
 * timeout as such.
 */
export function sendFailure(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: unknown };
  if (err?.name === 'TimeoutError') return `timeout: no answer within ${timeoutMs / 1000} s`;
  const causes: string[] = [];
  for (
    let c = err?.cause as { message?: string; code?: string; errors?: unknown[]; cause?: unknown } | undefined, n = 0;
    c && n < 4;
    c = c.cause as typeof c, n++
  ) {
    const parts = Array.isArray(c.errors) ? c.errors.map((x) => (x as Error)?.message).filter(Boolean) : [];
    const text = parts.length ? parts.join('; ') : c.message || c.code || '';
    if (text && !causes.includes(text)) causes.push(text);
  }
  const head = err?.message || String(e);
  return causes.length ? `${head}: ${causes.join(': ')}` : head;
}

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  retrying: number;
  dead: number;
}

export async function deliverDue(
  deps: { store: Store; clock: Clock; send: Sender },
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<DeliveryReport> {
  const due = await deps.store.watch.due(deps.clock.now().toISOString(), 500);
  const subs = new Map((await deps.store.watch.listSubscriptions(false)).map((s) => [s.id, s]));
  const report: DeliveryReport = { attempted: 0, delivered: 0, retrying: 0, dead: 0 };
  // A claim outlives the longest send (the sender gives up at timeoutMs) by a minute.
  const leaseMs = policy.timeoutMs + 60_000;
  const one = async (listed: HookDeliveryRecord) => {
    const claimedAt = deps.clock.now();
    const d = await deps.store.watch.claimDelivery(listed.id, claimedAt.toISOString(), new Date(claimedAt.getTime() + leaseMs).toISOString());
    if (!d) return; // another pass holds it, or it is no longer due
    const claimed = d.attempts;
    const sub = subs.get(d.subscription_id);
    // the event as it is at this send; the outbox keeps the body last sent
    d.body = currentBody(d.body, await deps.store.ledger.getEvent(d.event_id), await deps.store.ledger.listLinks(d.event_id));
    if (!sub) {
      // nothing was sent: the attempt the claim counted is not kept
      if (await deps.store.watch.settleDelivery({ ...d, attempts: claimed - 1, status: 'dead', last_error: 'subscription removed' }, claimed)) report.dead++;
      return;
    }
    report.attempted++;
    const ts = Math.floor(deps.clock.now().getTime() / 1000);
    let status: number | null = null;
    // A secret that cannot be opened is never replaced by another: nothing unsigned is sent.
    let error: string | null = sub.secret === null ? `not sent: ${sub.secret_problem ?? 'the secret cannot be read'}` : null;
    if (sub.secret !== null) {
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'splinternet-webhooks/1',
        'x-splinternet-delivery': d.id,
        'x-splinternet-timestamp': String(ts),
        'x-splinternet-signature': sign(sub.secret, ts, d.body),
      };
      try {
        status = (await deps.send(sub.url, headers, d.body, policy.timeoutMs)).status;
        if (status < 200 || status > 299) error = `HTTP ${status}`;
      } catch (e) {
        error = sendFailure(e, policy.timeoutMs);
      }
    }
    const now = deps.clock.now();
    if (error === null) {
      await deps.store.watch.settleDelivery({ ...d, status: 'delivered', last_status: status, last_error: null, delivered_at: now.toISOString() }, claimed);
      report.delivered++;
    } else if (claimed >= policy.maxAttempts) {
      await deps.store.watch.settleDelivery({ ...d, status: 'dead', last_status: status, last_error: error }, claimed);
      report.dead++;
    } else {
      const wait = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (claimed - 1));
      await deps.store.watch.settleDelivery({ ...d, last_status: status, last_error: error, next_at: new Date(now.getTime() + wait).toISOString() }, claimed);
      report.retrying++;
    }
  };
  const queue = [...due];
  await Promise.all(
    Array.from({ length: Math.min(policy.concurrency, queue.length) }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) await one(d);
    }),
  );
  return report;
}

/** A delivery as lists show it: `next_at` (the next attempt) only while it is pending, null once delivered or dead. */
export type ListedDelivery = Omit<HookDeliveryRecord, 'next_at'> & { next_at: string | null };

const listedDelivery = (d: HookDeliveryRecord): ListedDelivery => ({ ...d, next_at: d.status === 'pending' ? d.next_at : null });

/**
 * One page of deliveries, newest first: at most `limit`, how many match in all, and the cursor
 * of the next page (null on the last), so a list that is cut says so.
 */
export async function deliveryPage(
  store: Store,
  f: { status?: DeliveryStatus; subscription_id?: string; limit: number; cursor?: string },
): Promise<{ items: ListedDelivery[]; total: number; next_cursor: string | null }> {
  const filter = { status: f.status, subscription_id: f.subscription_id };
  const after = f.cursor === undefined ? undefined : check.decodeCursor(f.cursor);
  const rows = await store.watch.listDeliveries({ ...filter, limit: f.limit + 1, ...(after ? { after: { created_at: after.key, id: after.id } } : {}) });
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  return {
    items: items.map(listedDelivery),
    total: await store.watch.countDeliveries(filter),
    next_cursor: rows.length > f.limit && last ? check.encodeCursor(last.created_at, last.id) : null,
  };
}

/** Every dead delivery, read a page at a time so no count is too many to replay in one call. */
export async function allDead(store: Store, page = 1000): Promise<HookDeliveryRecord[]> {
  const out: HookDeliveryRecord[] = [];
  for (let after: { created_at: string; id: string } | undefined; ;) {
    const rows = await store.watch.listDeliveries({ status: 'dead', limit: page, ...(after ? { after } : {}) });
    out.push(...rows);
    if (rows.length < page) return out;
    const last = rows.at(-1)!;
    after = { created_at: last.created_at, id: last.id };
  }
}

/**
 * Put dead deliveries (one, or all) back in the queue, due now, with a fresh attempt count and no
 * HTTP status yet. A delivery whose subscription was removed is never queued: named alone it is a
 * CONFLICT naming the subscription; with all, it stays dead and is listed in `skipped`.
 */
export async function replayDead(
  deps: { store: Store; clock: Clock },
  id?: string,
): Promise<{ replayed: string[]; skipped: { id: string; reason: string }[] }> {
  const dead = id ? [await deps.store.watch.getDelivery(id)].filter((d): d is HookDeliveryRecord => d !== null) : await allDead(deps.store);
  if (id && !dead.length) throw new AppError('NOT_FOUND', `no delivery ${id}`);
  const active = new Set((await deps.store.watch.listSubscriptions(false)).map((s) => s.id));
  const out: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const d of dead) {
    if (d.status !== 'dead') throw new AppError('CONFLICT', `delivery ${d.id} is ${d.status}, not dead`);
    if (!active.has(d.subscription_id)) {
      const reason = `subscription ${d.subscription_id} was removed`;
      if (id) throw new AppError('CONFLICT', `delivery ${d.id} cannot be sent again: its ${reason}`);
      skipped.push({ id: d.id, reason });
      continue;
    }
    await deps.store.watch.updateDelivery({
      ...d,
      status: 'pending',
      attempts: 0,
      next_at: deps.clock.now().toISOString(),
      last_error: `replayed after: ${d.last_error ?? ''}`,
      last_status: null,
    });
    out.push(d.id);
  }
  return { replayed: out, skipped };
}

/**
 * The default Sender: fetch with a timeout, redirects not followed (the URL is the one registered),
 * sent and judged on a thread of its own (send-thread.ts), so the timeout measures the receiver and
 * not this process's own synchronous work.
 */
export const httpSender: Sender = threadSender;
