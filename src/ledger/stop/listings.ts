/**
 * Which yearly listings of a shutdown the store already holds, so a part of a snapshot never
 * takes an event back to an earlier listing. STOP lists an ongoing shutdown once in each year it
 * lasts and the latest year's record gives the event's fields (its end among them); a file holding
 * only an earlier year's record of the same snapshot (the 2024 listing of a shutdown the 2025 one
 * ended) says less than the store, not something newer. Read from the `stop_row` links: each names
 * its snapshot, record key and count_year (`<snapshot>:<key>:<count_year>`).
 */
import type { Store } from '../../store/index.js';

/** For one snapshot: `<event id>\u0000<record key>` → the latest count_year the store links to that event under that key. */
export type StoredListings = ReadonlyMap<string, string>;

export const listingKey = (eventId: string, key: string): string => `${eventId}\u0000${key}`;

export async function storedListings(store: Store, snapshot: string): Promise<StoredListings> {
  const prefix = `${snapshot}:`;
  const out = new Map<string, string>();
  for (const l of await store.ledger.linksOfKind('stop_row')) {
    if (!l.target.startsWith(prefix)) continue;
    const at = l.target.lastIndexOf(':');
    const year = l.target.slice(at + 1);
    const k = listingKey(l.eventId, l.target.slice(prefix.length, at));
    if (/^\d{4}$/.test(year) && year > (out.get(k) ?? '')) out.set(k, year);
  }
  return out;
}
