/**
 * Whether a watch is running: a long-lived watch holds a lease in the store (its pid, host,
 * period and when the lease lapses), renewed at each cycle and every minute beside them, and
 * cleared when it stops. A lease past its expiry belongs to a watch that died (kill -9): no
 * watch runs. A lease written on this host whose process no longer exists is no watch either,
 * at once rather than when it expires; a lease from another host is judged by its expiry alone. `watch --once` takes none, so after it no next cycle is reported.
 */
import { hostname } from 'node:os';
import type { Store } from '../store/index.js';

export const WATCH_LEASE = 'watch.lease';
/** How long a lease outlives its last renewal (three renewals missed). */
export const LEASE_GRACE_MS = 3 * 60_000;
/** How often a running watch renews its lease between cycles. */
export const LEASE_RENEW_MS = 60_000;

export interface WatchLease {
  pid: number;
  host: string;
  started_at: string;
  every_ms: number;
  renewed_at: string;
  expires_at: string;
}

/** Write (or renew) this process's lease: it lapses LEASE_GRACE_MS from now unless renewed. */
export async function renewLease(store: Store, o: { nowMs: number; startedAt: string; everyMs: number }): Promise<void> {
  const until = o.nowMs + LEASE_GRACE_MS;
  const lease: WatchLease = {
    pid: process.pid,
    host: hostname(),
    started_at: o.startedAt,
    every_ms: o.everyMs,
    renewed_at: new Date(o.nowMs).toISOString(),
    expires_at: new Date(until).toISOString(),
  };
  await store.watch.setCursor(WATCH_LEASE, JSON.stringify(lease), lease.renewed_at);
}

export async function clearLease(store: Store, nowMs: number): Promise<void> {
  await store.watch.setCursor(WATCH_LEASE, '', new Date(nowMs).toISOString());
}

/** Whether the process holding a lease may still run: on this host, whether its pid exists (signal 0 sends nothing). */
export function leaseHolderAlive(lease: WatchLease): boolean {
  if (lease.host !== hostname()) return true;
  try {
    process.kill(lease.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lease of the running watch, or null when none holds one at `nowMs`. */
export async function currentLease(store: Store, nowMs: number, holderAlive = leaseHolderAlive): Promise<WatchLease | null> {
  const text = await store.watch.getCursor(WATCH_LEASE);
  if (!text) return null;
  let lease: WatchLease;
  try {
    lease = JSON.parse(text) as WatchLease;
  } catch {
    return null;
  }
  return Date.parse(lease.expires_at) > nowMs && holderAlive(lease) ? lease : null;
}
