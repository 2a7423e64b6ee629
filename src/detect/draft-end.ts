/**
 * A detector's draft follows its detection's end. A draft is usually emitted while its outage
 * is still going on (`end: null`); when later data shows the recovery, the emit step writes a
 * new revision of that same draft with the end (action `detector-update`, its reason saying the
 * detector saw the recovery). Only a draft that is still the detector's alone is revised: one a
 * person has edited, confirmed, dismissed, retracted or restored is never changed by a machine
 * (the ledger's rule for importers, design 003); such an event is named with the end the
 * detection now has, so a person can set it. The revised draft's evidence query replaces the one
 * it had: one range, the detection's own, never the open range beside it.
 */
import { MEASUREMENT_QUERY_KIND } from '../measure/index.js';
import { prepareRevise } from '../ledger/index.js';
import type { Clock } from '../shared/index.js';
import type { EventLinkRecord, EventRecord, EventWrite, Store } from '../store/index.js';
import type { Detection } from './detection.js';

/** The revision action of a detector's own change to its draft. */
export const DETECTOR_UPDATE = 'detector-update';

/** An end the detection shows that the ledger event does not carry, and why it was not written. */
export interface EndNotApplied {
  id: string;
  event_id: string;
  status: string;
  end: string;
  reason: string;
}

/** A revision of the draft, its links, and the kinds of its stored links those links replace. */
export type EndOutcome = { write: EventWrite; links: EventLinkRecord[]; replaces: string[] } | { notApplied: EndNotApplied } | null;

/**
 * What to do with the event `rec` of detection `d` (same id, or the same finding under an earlier
 * id): null when the event already has an end or the detection has none; a revision when the
 * event is a draft only the detector wrote; else the end, named as not applied.
 */
export async function endOutcome(
  deps: { store: Store; clock: Clock; actor: string },
  rec: EventRecord,
  d: Omit<Detection, 'draft'>,
  input: Record<string, unknown>,
): Promise<EndOutcome> {
  if (d.end === null || rec.doc.end !== null || rec.origin !== 'detect') return null;
  if (rec.status === 'dismissed' || rec.status === 'retracted') return null;
  const revisions = await deps.store.ledger.listRevisions(rec.id);
  const person = revisions.find((r) => r.action !== 'create' && r.action !== DETECTOR_UPDATE);
  if (rec.status !== 'draft' || person) {
    const who = person ? `${person.action} by ${person.actor} (revision ${person.revision})` : `status ${rec.status}`;
    return {
      notApplied: {
        id: d.id,
        event_id: rec.id,
        status: rec.status,
        end: String(input.end),
        reason: `a person holds this event (${who}); the detector never changes it: set the end with events edit ${rec.id} --set end=${String(input.end)}`,
      },
    };
  }
  // the draft keeps its id, start and title (a same finding under an earlier id keeps its own)
  const fields = { ...input, id: rec.id, start: rec.doc.start, title: rec.doc.title };
  const reason = `the detector saw the recovery: the data shows the outage ended at ${String(input.end)}`;
  const { write } = prepareRevise(deps, rec, fields, DETECTOR_UPDATE, { actor: deps.actor, reason });
  const links: EventLinkRecord[] = [
    { eventId: rec.id, kind: MEASUREMENT_QUERY_KIND, target: d.evidence_query.api, doc: d.evidence_query },
    { eventId: rec.id, kind: 'detection', target: rec.id, doc: d },
  ];
  // the evidence query is the detection's range now: the open range it had is no evidence of it
  return { write, links, replaces: [MEASUREMENT_QUERY_KIND] };
}
