/**
 * Which yearly listings of a shutdown the store already holds, so a part of a snapshot never
 * takes an event back to an earlier listing. STOP lists an ongoing shutdown once in each year it
 * lasts and the latest year's record gives the event's fields (its end among them); a file holding
 * only an earlier year's record of the same snapshot (the 2024 listing of a shutdown the 2025 one
 * ended) says less than the store, not something newer. Read from the `stop_row` links: each names
 * its snapshot, record key and count_year (`<snapshot>:<key>:<count_year>`).
 */
import type { Store } from '../../store/index.js';

/**
 * For one snapshot: `latest`, `<event id>\u0000<record key>` → the latest count_year the store links
 * to that event under that key; `owners`, a record's link target → the events it is linked to.
 */
export interface StoredListings {
  latest: ReadonlyMap<string, string>;
  owners: ReadonlyMap<string, readonly string[]>;
  /** `slotKey(base key, count_year)` → how many records of that key and year the fuller file held (its last slot stored: the key, `#1`, ...) and an event holding one. */
  slots: ReadonlyMap<string, { count: number; holder: string }>;
}

/** A record key without its slot (`#1`, `#2`: a second record of one count_year sharing the key). */
export const baseKey = (key: string): string => key.replace(/#\d+$/, '');
export const slotKey = (key: string, countYear: string): string => `${baseKey(key)}\u0000${countYear}`;

export const listingKey = (eventId: string, key: string): string => `${eventId}\u0000${key}`;

/** A record's link target: `<snapshot>:<key>:<count_year>`. */
export const listingTarget = (snapshot: string, key: string, countYear: string): string => `${snapshot}:${key}:${countYear}`;

export async function storedListings(store: Store, snapshot: string): Promise<StoredListings> {
  const prefix = `${snapshot}:`;
  const latest = new Map<string, string>();
  const owners = new Map<string, string[]>();
  const slots = new Map<string, { count: number; holder: string }>();
  for (const l of await store.ledger.linksOfKind('stop_row')) {
    if (!l.target.startsWith(prefix)) continue;
    const at = l.target.lastIndexOf(':');
    const year = l.target.slice(at + 1);
    const key = l.target.slice(prefix.length, at);
    const count = Number(/#(\d+)$/.exec(key)?.[1] ?? 0) + 1;
    const slot = slots.get(slotKey(key, year));
    if (!slot || slot.count < count) slots.set(slotKey(key, year), { count, holder: slot?.holder ?? l.eventId });
    owners.set(l.target, [...(owners.get(l.target) ?? []), l.eventId]);
    const k = listingKey(l.eventId, key);
    if (/^\d{4}$/.test(year) && year > (latest.get(k) ?? '')) latest.set(k, year);
  }
  return { latest, owners, slots };
}

/**
 * The one other event the store counts every record of a group in (a listing folded into another
 * listing's event, a duplicate record, a record linked to a seed event), or null. Only for a group
 * that folds nothing in this file, and whose holder is no event this file makes itself: then the
 * file lacks the listing the store kept (it is a part), and the group is already counted there.
 */
export function heldElsewhere(listings: StoredListings, targets: readonly string[], own: string, fileEvents: ReadonlySet<string>): string | null {
  const holders = new Set(targets.flatMap((t) => listings.owners.get(t) ?? ['']));
  if (holders.size !== 1) return null;
  const [holder] = holders;
  return holder && holder !== own && !fileEvents.has(holder) ? holder : null;
}

/** The latest count_year the store links to an event, under any key. */
export function latestLinked(listings: StoredListings, eventId: string): string {
  const prefix = listingKey(eventId, '');
  let year = '';
  for (const [k, y] of listings.latest) if (k.startsWith(prefix) && y > year) year = y;
  return year;
}

/**
 * When the store shows more records of one of the group's key and count_year pairs than the file
 * holds, an event holding one of them, else null. The file is then a part holding one of two
 * records that share a key and year, and which slot (the key or `#1`) each had in the fuller file
 * cannot be told: its record is already counted (a snapshot's records do not change), and the part
 * leaves the events alone.
 */
export function slotHeldByFullerFile(listings: StoredListings, fileSlots: ReadonlyMap<string, number>, key: string, years: readonly string[]): string | null {
  for (const y of years) {
    const slot = listings.slots.get(slotKey(key, y));
    if (slot && slot.count > (fileSlots.get(slotKey(key, y)) ?? 0)) return slot.holder;
  }
  return null;
}
