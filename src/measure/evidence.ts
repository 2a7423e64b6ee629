/**
 * Ledger links to measurement evidence: a saved query (cc, asn, target, test_name, time span)
 * stored as an event link of kind 'measurement_query', and the summary an event's API response
 * shows for it. The ledger stays unaware of measurements: the server's events route calls
 * `evidenceForLinks` on the links it already loads.
 */
import { AppError } from '../shared/index.js';
import type { EventLinkRecord, Store } from '../store/index.js';
import { measurementSummary, type QueryInput } from './query.js';

export const MEASUREMENT_QUERY_KIND = 'measurement_query';

export interface SavedQuery extends QueryInput {
  label?: string;
  note?: string;
}

/** The link target is the canonical query string, so the same query is linked once. */
export function measurementQueryLink(eventId: string, q: SavedQuery): EventLinkRecord {
  const keys = ['cc', 'asn', 'test_name', 'target', 'since', 'until'] as const;
  const parts = keys.filter((k) => q[k]).map((k) => `${k}=${encodeURIComponent(String(q[k]))}`);
  if (!parts.length)
    throw new AppError('VALIDATION', 'a measurement query needs at least one of cc, asn, test_name, target, since, until', {
      issues: [{ path: ['query'], message: 'empty query' }],
    });
  return { eventId, kind: MEASUREMENT_QUERY_KIND, target: parts.join('&'), doc: { ...q } };
}

export async function linkMeasurementQuery(deps: { store: Store }, eventId: string, q: SavedQuery): Promise<EventLinkRecord> {
  if (!(await deps.store.ledger.getEvent(eventId))) throw new AppError('NOT_FOUND', `no event ${eventId}`);
  const link = measurementQueryLink(eventId, q);
  await deps.store.ledger.addLinks([link]);
  return link;
}

/** For each measurement_query link: the query, and its summary totals and per-target rows (no cells). */
export async function evidenceForLinks(deps: { store: Store }, links: EventLinkRecord[]) {
  const out = [];
  for (const l of links.filter((x) => x.kind === MEASUREMENT_QUERY_KIND)) {
    const q = (l.doc ?? {}) as SavedQuery;
    const s = await measurementSummary(deps, { cc: q.cc, asn: q.asn, test_name: q.test_name, target: q.target, since: q.since, until: q.until });
    out.push({
      query: l.target,
      label: q.label ?? null,
      note: q.note ?? null,
      filters: s.filters,
      totals: s.totals,
      by_target: s.by_target,
      method: s.method,
      source: s.source,
      data_vintage: s.data_vintage,
      api: `/api/measurements/summary?${l.target}`,
    });
  }
  return out;
}
