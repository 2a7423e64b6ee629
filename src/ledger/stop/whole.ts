/**
 * Whether a file imported as the whole STOP snapshot (`full`) can be one, before any STOP event is
 * retracted for being absent from it. A whole snapshot holds records, is not older than the
 * snapshot the store's STOP events were last imported from, and is not far smaller than the
 * records the store holds of that snapshot: a file that fails any of these would retract events
 * it cannot speak for (a header alone retracted every STOP event), so it retracts none, and the
 * import's `absent_check` says why. The caller may say a small file is whole (`allowShrink`).
 */
import type { Store } from '../../store/index.js';
import type { LedgerEvent } from '../model.js';
import { STOP_SHEET_URL } from './map.js';

/** A file under this share of the records the store holds of the latest snapshot is refused as whole, unless the caller says it is. */
export const MIN_SHARE_OF_STORED = 0.5;

/** The latest snapshot the store's STOP events (of any status) cite, and how many records (distinct `stop_row` links) the store holds of it. */
export async function latestStoredSnapshot(store: Store): Promise<{ snapshot: string; records: number } | null> {
  const events = await store.ledger.listEvents({ statuses: ['active', 'draft', 'retracted', 'dismissed'], origin: 'stop', limit: 1_000_000 });
  let latest: string | null = null;
  for (const r of events)
    for (const s of (r.doc as unknown as LedgerEvent).sources)
      if (s.url === STOP_SHEET_URL && s.published && (latest === null || s.published > latest)) latest = s.published;
  if (latest === null) return null;
  const prefix = `${latest}:`;
  const targets = new Set((await store.ledger.linksOfKind('stop_row')).filter((l) => l.target.startsWith(prefix)).map((l) => l.target));
  return { snapshot: latest, records: targets.size };
}

/**
 * Why the file cannot be taken as the whole `snapshot` (a sentence for `absent_check`), or null
 * when it can. `records`: the records the file holds, read or rejected.
 */
export async function notWholeSnapshot(store: Store, records: number, snapshot: string, allowShrink: boolean): Promise<string | null> {
  if (records === 0) return 'not done: the file holds no record, so it cannot be the whole snapshot';
  const stored = await latestStoredSnapshot(store);
  if (!stored) return null;
  if (snapshot < stored.snapshot)
    return `not done: the file is the ${snapshot} snapshot, older than the ${stored.snapshot} snapshot the STOP events were last imported from, so it cannot be the whole of the latest one`;
  if (!allowShrink && records < stored.records * MIN_SHARE_OF_STORED)
    return `not done: the file holds ${records} records, fewer than half of the ${stored.records} the store holds of the ${stored.snapshot} snapshot; if it is the whole snapshot, say so with --allow-shrink (allow_shrink=true)`;
  return null;
}
