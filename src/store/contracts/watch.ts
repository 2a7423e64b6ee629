/**
 * Store contract of the watch loop (migration 121): consumed inputs, cycles, webhook
 * subscriptions and the delivery outbox. Everything the loop must not repeat after a restart
 * lives here, keyed so that a second write of the same thing is a no-op.
 */

export interface WatchInputRecord {
  kind: string;
  key: string;
  checksum: string;
  seen_at: string;
  cycle_id: string;
  outcome: 'imported' | 'partial' | 'failed';
  detail: string | null;
}

export interface WatchCycleRecord {
  id: string;
  started_at: string;
  finished_at: string | null;
  next_at: string | null;
  /** interrupted: the process stopped mid-cycle (the next cycle completes its work). */
  status: 'running' | 'done' | 'failed' | 'interrupted';
  summary: Record<string, unknown> | null;
}

export interface HookSubscriptionRecord {
  id: string;
  url: string;
  /**
   * The signing secret, in clear: the store seals it at rest (a key file beside the database)
   * and opens it when read. null when it cannot be opened; `secret_problem` then says why.
   */
  secret: string | null;
  secret_problem?: string | null;
  /** Countries (ISO 3166-1 alpha-2); empty = any. */
  countries: string[];
  /** Ledger categories (shutdown, block, ...) or detector kinds (outage, ...); empty = any. */
  kinds: string[];
  /** Which notices: 'draft' (detector proposals), 'confirmed' (events a person confirmed). */
  notices: string[];
  created_at: string;
  created_by: string;
  removed_at: string | null;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface HookDeliveryRecord {
  id: string;
  subscription_id: string;
  event_id: string;
  notice: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_at: string;
  last_error: string | null;
  last_status: number | null;
  created_at: string;
  delivered_at: string | null;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  subscription_id?: string;
}

export interface WatchRepo {
  hasInput(kind: string, key: string, checksum: string): Promise<boolean>;
  addInput(r: WatchInputRecord): Promise<void>;
  listInputs(limit: number): Promise<WatchInputRecord[]>;
  countInputs(): Promise<number>;
  /** A fetcher's position (migration 122): null when it never completed a window. */
  getCursor(name: string): Promise<string | null>;
  setCursor(name: string, value: string, at: string): Promise<void>;
  upsertCycle(c: WatchCycleRecord): Promise<void>;
  lastCycles(limit: number): Promise<WatchCycleRecord[]>;
  /**
   * Stores the subscription unless a live one posts to `endpoint` (a URL without its fragment), in
   * one statement, so two adds of one URL at once store one: true when stored.
   */
  addSubscription(s: HookSubscriptionRecord, endpoint: string): Promise<boolean>;
  listSubscriptions(includeRemoved: boolean): Promise<HookSubscriptionRecord[]>;
  removeSubscription(id: string, at: string): Promise<boolean>;
  /**
   * A new key for the sealed secrets: every secret is sealed again under it and the old keys are
   * dropped. Secrets that could not be opened are left as they were and listed.
   */
  rotateSecretKey(): Promise<{ key_id: string; key_file: string | null; resealed: number; unreadable: string[] }>;
  /** Insert deliveries that do not exist yet (same subscription, event and notice); returns how many were new. */
  enqueue(ds: HookDeliveryRecord[]): Promise<number>;
  /** Pending deliveries due at or before `now`, oldest first. */
  due(now: string, limit: number): Promise<HookDeliveryRecord[]>;
  /**
   * Claim one delivery for one send, in a single conditional write: it must still be pending and
   * due at `now`. The claim counts the attempt and moves `next_at` to `leaseUntil`, so no other
   * pass sees it due until then (a pass that dies mid-send leaves it to be sent again after the
   * lease). Returns the claimed delivery (its `attempts` already counting this send), or null when
   * another pass holds it or it is no longer due.
   */
  claimDelivery(id: string, now: string, leaseUntil: string): Promise<HookDeliveryRecord | null>;
  /**
   * Record how a claimed delivery ended (`d`, attempts and the body sent included). Written only while the claim
   * holds: the delivery is still pending with `claimedAttempts`, the count its claim gave it.
   * Returns false when it no longer does (nothing is written then).
   */
  settleDelivery(d: HookDeliveryRecord, claimedAttempts: number): Promise<boolean>;
  updateDelivery(d: HookDeliveryRecord): Promise<void>;
  /**
   * Deliveries newest first (created_at descending, then id); `after`: only those that come after
   * that (created_at, id) in this order, so pages never skip or repeat one.
   */
  listDeliveries(f: DeliveryFilter & { limit: number; after?: { created_at: string; id: string } }): Promise<HookDeliveryRecord[]>;
  countDeliveries(f: DeliveryFilter): Promise<number>;
  getDelivery(id: string): Promise<HookDeliveryRecord | null>;
}
