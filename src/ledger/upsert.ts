/**
 * Idempotent upserts for machine-fed events (seed files, STOP import, detectors). An event is
 * created once; when its source changes it gets a new revision, but only if no human edited it
 * since (a human's edit always wins over a re-import). Unchanged input writes nothing.
 */
import { isMachineActor } from './actors.js';
import type { EventRecord, EventWrite, Store } from '../store/index.js';
import type { EventFields, LedgerEvent } from './model.js';
import { buildEvent, toRecord } from './service.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'kept_user_edits';

/** The fields of an event that an importer controls (everything but ledger metadata), as `compared` sees them. */
const content = (e: LedgerEvent, compared: (e: LedgerEvent) => LedgerEvent = (x) => x) => {
  const { revision: _r, created_at: _c, updated_at: _u, status: _s, ...rest } = compared(e);
  return JSON.stringify(rest);
};

export interface UpsertPlan {
  outcome: UpsertOutcome;
  write?: EventWrite;
}

/**
 * Decide what to write for `f` (already validated) under `id`. `actor` names the importer
 * ("seed", "stop-import"); `reason` goes into the revision. `compared`, when given, is what of
 * an event decides whether it changed: the stored event and the new one that differ only in what
 * it leaves out are unchanged, and the stored one stays as it is. `current`, when given, is the
 * event as an earlier write of the same transaction leaves it (a restore) or as the caller already
 * read it (null: not stored), instead of reading it again.
 */
export async function planUpsert(
  store: Store,
  f: EventFields,
  id: string,
  meta: { actor: string; origin: string; reason: string; now: string },
  compared?: (e: LedgerEvent) => LedgerEvent,
  current?: EventRecord | null,
): Promise<UpsertPlan> {
  const cur = current !== undefined ? current : await store.ledger.getEvent(id);
  if (!cur) {
    const e = buildEvent(f, id, f.status, 1, meta.now, meta.now);
    return {
      outcome: 'created',
      write: {
        record: toRecord(e, meta.origin),
        revision: { eventId: id, revision: 1, action: 'create', actor: meta.actor, reason: meta.reason, at: meta.now, previous: null, current: e },
        expectedRevision: null,
      },
    };
  }
  const old = cur.doc as unknown as LedgerEvent;
  const next = buildEvent(f, id, old.status, old.revision + 1, old.created_at, meta.now);
  if (content(next, compared) === content(old, compared)) return { outcome: 'unchanged' };
  const revisions = await store.ledger.listRevisions(id);
  // The machine's revisions (this importer's, another importer's, the geocoder's) may be replaced
  // by a re-import (which geocodes again); a person's never.
  if (revisions.some((r) => r.actor !== meta.actor && !isMachineActor(r.actor))) return { outcome: 'kept_user_edits' };
  return {
    outcome: 'updated',
    write: {
      record: toRecord(next, cur.origin),
      revision: {
        eventId: id,
        revision: next.revision,
        action: 'update',
        actor: meta.actor,
        reason: `${meta.reason} (source changed)`,
        at: meta.now,
        previous: old,
        current: next,
      },
      expectedRevision: old.revision,
    },
  };
}
