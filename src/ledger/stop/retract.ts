/**
 * What a STOP import retracts, and what it leaves to people. An import retracts the events an
 * earlier import made of records now counted elsewhere (a near-duplicate, a contained record, a
 * record linked to a seed event) and, when the file is the whole snapshot, the STOP events no
 * record of it describes any more (a record Access Now removed, or one whose start or area was
 * corrected, so that its key and event id changed). An event a person has edited is never
 * retracted by the machine: it is named in the report with what the import would have done.
 * Retractions are planned from the state read here; each write expects the revision read.
 * What the importer retracted, a record of a later file that describes the event again brings
 * back (the import restores it); what a person retracted stays retracted.
 */
import type { Clock } from '../../shared/index.js';
import type { EventRecord, EventWrite, Store } from '../../store/index.js';
import type { LedgerEvent } from '../model.js';
import { prepareStatus, statusBeforeWithdrawal } from '../service.js';
import type { Status } from '../taxonomy.js';
import { STOP_SHEET_URL } from './map.js';
import { editedByPeople, STOP_ACTOR } from '../actors.js';

export { STOP_ACTOR };

/** An event the import would retract, and why. */
export interface Retirement {
  id: string;
  reason: string;
}

/**
 * The retraction writes for `wanted` (events still active or draft), and the events left alone
 * because a person edited them (`left`, with the reason the import would have given).
 */
export async function planRetractions(
  deps: { store: Store; clock: Clock },
  wanted: Retirement[],
): Promise<{ writes: EventWrite[]; left: { event: string; would_retract: string }[] }> {
  const writes: EventWrite[] = [];
  const left: { event: string; would_retract: string }[] = [];
  for (const { id, reason } of wanted) {
    const rec = await deps.store.ledger.getEvent(id);
    if (!rec || (rec.status !== 'active' && rec.status !== 'draft')) continue;
    if (await editedByPeople(deps.store, id)) {
      left.push({ event: id, would_retract: reason });
      continue;
    }
    writes.push(prepareStatus(deps, rec, 'retract', { actor: STOP_ACTOR, reason }).write);
  }
  return { writes, left };
}

/**
 * The STOP events (origin `stop`, active or draft) that no record of a whole snapshot describes:
 * every one whose id is not among `described` (the events the import wrote, kept unchanged,
 * linked or folded) and whose key is not that of a record the file holds but rejected
 * (`rejectedHashes`: the key hash that ends its id; the reject says why, the record is still
 * listed). The reason names the record the event was read from, as its STOP citation locates it.
 */
export async function absentFromSnapshot(
  store: Store,
  described: ReadonlySet<string>,
  rejectedHashes: ReadonlySet<string>,
  snapshot: string,
  file: string,
): Promise<Retirement[]> {
  const events = await store.ledger.listEvents({ statuses: ['active', 'draft'], origin: 'stop', limit: 1_000_000 });
  return events
    .filter((r) => !described.has(r.id) && !rejectedHashes.has(r.id.slice(r.id.lastIndexOf('-') + 1)))
    .map((r) => {
      const e = r.doc as unknown as LedgerEvent;
      const cited = e.sources.find((s) => s.url === STOP_SHEET_URL)?.locator ?? 'a STOP record';
      return {
        id: r.id,
        reason: `no record of the ${snapshot} snapshot (${file}, imported as the whole snapshot) describes this event any more: it was read from ${cited}`,
      };
    });
}

/**
 * Who retracted a retracted event (the actor and reason of its last retraction) and the status a
 * restore returns it to; null when the event is not retracted. The import restores an event whose
 * retraction is its own (`STOP_ACTOR`) when a record of the file describes it again.
 */
export async function retractionOf(store: Store, rec: EventRecord): Promise<{ actor: string; reason: string; restoreTo: Status } | null> {
  if (rec.status !== 'retracted') return null;
  const revs = await store.ledger.listRevisions(rec.id);
  const last = revs.findLast((r) => r.action === 'retract');
  return { actor: last?.actor ?? 'unknown', reason: last?.reason ?? '', restoreTo: statusBeforeWithdrawal(revs, 'retracted') };
}
