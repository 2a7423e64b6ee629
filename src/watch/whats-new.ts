/**
 * What is new for a returning reader: confirmed events and draft detections written (created,
 * confirmed or revised) after the instant the reader last looked, newest first, each with the
 * ledger action that made it new. The answer carries a watermark, the newest write time in the
 * ledger, which the reader passes back as `since` next time: the server's clock alone decides
 * what is new, so a browser with a wrong clock neither misses nor repeats an item. Without
 * `since` (a first visit) it lists the latest `limit` of each; with it, the watermark moves on
 * only once an answer holds every new item.
 */
import { STATUSES } from '../ledger/index.js';
import type { EventRecord, Store } from '../store/index.js';

export interface NewItem {
  id: string;
  title: string;
  category: string;
  subtype: string;
  countries: string[];
  status: string;
  start: string;
  created_at: string;
  updated_at: string;
  /** The revision that made it new: create, confirm, update, restore, ... */
  action: string;
  /** True when the event did not exist at `since` (always true without `since`). */
  added: boolean;
}

export interface WhatsNew {
  since: string | null;
  watermark: string | null;
  limit: number;
  events: { total: number; items: NewItem[] };
  drafts: { total: number; items: NewItem[] };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

async function itemOf(store: Store, e: EventRecord, since: string | null): Promise<NewItem> {
  const revisions = await store.ledger.listRevisions(e.id);
  const created = str(e.doc.created_at) || e.updatedAt;
  return {
    id: e.id,
    title: str(e.doc.title) || e.id,
    category: e.category,
    subtype: e.subtype,
    countries: e.countries,
    status: e.status,
    start: str(e.doc.start),
    created_at: created,
    updated_at: e.updatedAt,
    action: revisions.at(-1)?.action ?? 'create',
    added: since === null || Date.parse(created) > Date.parse(since),
  };
}

async function listOf(store: Store, status: string, since: string | null, limit: number): Promise<WhatsNew['events']> {
  const q = { statuses: [status], ...(since ? { changedAfter: since } : {}) };
  const [rows, total] = await Promise.all([store.ledger.listChanged({ ...q, limit }), store.ledger.countEvents(q)]);
  return { total, items: await Promise.all(rows.map((e) => itemOf(store, e, since))) };
}

/**
 * The watermark never passes an item a reader with `since` has not been shown: while either list
 * holds more new items than `limit`, it stays at `since` (the next answer lists them again, with
 * the older ones). The newest write is read before the lists, so a write landing meanwhile is
 * listed again next time rather than skipped. The watermark is never later than the newest write.
 */
export async function whatsNew(store: Store, f: { since?: string; limit: number }): Promise<WhatsNew> {
  const newest = await store.ledger.listChanged({ statuses: [...STATUSES], limit: 1 });
  const top = newest[0]?.updatedAt ?? null;
  // a since later than the newest write is no watermark this ledger gave (another instance, a
  // restored database, a typed date): answered as a first look, so nothing stays hidden behind it
  const given = f.since ? new Date(f.since).toISOString() : null;
  const since = given !== null && (top === null || Date.parse(given) > Date.parse(top)) ? null : given;
  const [events, drafts] = await Promise.all([listOf(store, 'active', since, f.limit), listOf(store, 'draft', since, f.limit)]);
  const cut = since !== null && [events, drafts].some((l) => l.total > l.items.length);
  const watermark = top && !cut && (!since || Date.parse(top) > Date.parse(since)) ? new Date(top).toISOString() : since;
  return { since, watermark, limit: f.limit, events, drafts };
}
