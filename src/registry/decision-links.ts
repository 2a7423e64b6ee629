/**
 * Ledger events whose figure is one decision's share of the register (data/registry/decision-events.json)
 * are linked to every analysed snapshot dumped while the event went on that lists the decision, as evidence: the link holds that
 * decision's entries and its distinct and listed IPv4 addresses in that snapshot, the method,
 * and the API call that shows them, so the event's figure is tied to the analysis it came from.
 */
import { readFileSync } from 'node:fs';
import { packagePath, partialDateEnd, partialDateStart } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { SnapshotAnalysis } from './analysis.js';
import type { LinkReport } from './timeline.js';

export interface DecisionEvent {
  decision_number: string;
  ledger_event: string;
  note: string;
}

let decisions: DecisionEvent[] | undefined;
export function decisionEvents(): DecisionEvent[] {
  decisions ??= (JSON.parse(readFileSync(packagePath('data', 'registry', 'decision-events.json'), 'utf8')) as { decisions: DecisionEvent[] }).decisions;
  return decisions;
}

/** Link each decision event to snapshot `a` when its analysis lists the decision; an event not in the ledger is reported, not linked. */
export async function linkDecisionEvents(store: Store, a: SnapshotAnalysis, list: readonly DecisionEvent[] = decisionEvents()): Promise<LinkReport[]> {
  const out: LinkReport[] = [];
  for (const d of list) {
    const row = a.decisions.find((r) => r.decision_number === d.decision_number);
    if (!row) continue;
    const event = await store.ledger.getEvent(d.ledger_event);
    if (!event) {
      out.push({ event: d.ledger_event, snapshot: a.snapshot.id, linked: false, reason: 'the event is not in the ledger (seed the ledger first)' });
      continue;
    }
    // a snapshot is evidence of the event only while it went on: the decision may be listed years before (for another target)
    const { start, end } = event.doc as { start: string; end: string | null };
    const at = Date.parse(a.snapshot.dump_at);
    if (at < partialDateStart(start).getTime() || (end !== null && at > partialDateEnd(end).getTime())) continue;
    const doc = {
      snapshot: a.snapshot.id,
      dump_at: a.snapshot.dump_at,
      lower_bound: a.snapshot.lower_bound,
      decision_number: d.decision_number,
      decision_bodies: row.decision_bodies,
      decision_dates: row.decision_dates,
      entries: row.entries,
      ipv4_distinct: row.ipv4_distinct,
      ipv4_listed: row.ipv4_listed,
      note: d.note,
      method: a.method,
      api: `/api/registry/decisions/${encodeURIComponent(d.decision_number)}`,
    };
    await store.ledger.addLinks([{ eventId: d.ledger_event, kind: 'registry_snapshot', target: a.snapshot.id, doc }]);
    out.push({ event: d.ledger_event, snapshot: a.snapshot.id, linked: true, reason: null });
  }
  return out;
}
