/**
 * What a webhook notice says: the body's event (what a receiver routes by, and the evidence query
 * of a detector's draft) and links, rendered from the ledger when the notice is queued and again
 * at each send, so a retried notice carries the event as it is then.
 */
import { MEASUREMENT_QUERY_KIND } from '../measure/index.js';
import type { EventLinkRecord, EventRecord } from '../store/index.js';
import type { Notice } from './hooks.js';

/** The detector that proposed an event (its `detector:` tag), or null. */
export const detectorOf = (e: EventRecord): string | null => {
  const tags = Array.isArray(e.doc.tags) ? (e.doc.tags as unknown[]) : [];
  const t = tags.find((x): x is string => typeof x === 'string' && x.startsWith('detector:'));
  return t ? t.slice('detector:'.length) : null;
};

/** The evidence query a detector's event links to (its API path, CLI command and parameters), or null. */
const evidenceOf = (links: EventLinkRecord[]): { api: string; doc: Record<string, unknown> | null } | null => {
  const l = links.find((x) => x.kind === MEASUREMENT_QUERY_KIND);
  return l ? { api: l.target, doc: l.doc } : null;
};

/**
 * The event as a notice carries it: what a receiver routes by (countries, networks, regions, scope,
 * category, detector) and the evidence query a detector's draft links to, as feeds and
 * `detect --json` give them.
 */
function noticeEvent(e: EventRecord, links: EventLinkRecord[]): Record<string, unknown> {
  const d = e.doc;
  return {
    id: e.id,
    title: d.title ?? null,
    summary: d.summary ?? null,
    category: e.category,
    subtype: e.subtype,
    countries: e.countries,
    networks: Array.isArray(d.networks) ? d.networks : [],
    regions: Array.isArray(d.regions) ? d.regions : [],
    scope: d.scope ?? null,
    start: d.start ?? null,
    end: d.end ?? null,
    status: e.status,
    revision: e.revision,
    detector: detectorOf(e),
    evidence_query: evidenceOf(links)?.doc ?? null,
  };
}

/** The notice's links: the event's page and API document on `origin`, and its evidence query's URL when it has one. */
function noticeLinks(e: EventRecord, links: EventLinkRecord[], origin: string | null): Record<string, string> | null {
  if (!origin) return null;
  const evidence = evidenceOf(links);
  return {
    page: `${origin}/events/${encodeURIComponent(e.id)}`,
    api: `${origin}/api/events/${encodeURIComponent(e.id)}`,
    ...(evidence && evidence.api.startsWith('/') ? { evidence: `${origin}${evidence.api}` } : {}),
  };
}

export function noticeBody(e: EventRecord, notice: Notice, deliveryId: string, origin: string | null, links: EventLinkRecord[] = []): string {
  return JSON.stringify({ type: `event.${notice}`, delivery_id: deliveryId, event: noticeEvent(e, links), links: noticeLinks(e, links, origin) });
}

/** The origin a queued body's links were made on (null when it was queued with none). */
const originOf = (parsed: Record<string, unknown>): string | null => {
  const page = (parsed.links as { page?: unknown } | null)?.page;
  return typeof page === 'string' && page.includes('/events/') ? page.slice(0, page.lastIndexOf('/events/')) : null;
};

/**
 * A queued body with its event as the ledger holds it now (type, delivery id and the origin of its
 * links as queued): a notice sent after a retry never carries a state the event has left (a draft
 * confirmed or dismissed while its notice backed off arrives as confirmed or dismissed), nor an
 * evidence range the event has replaced.
 */
export function currentBody(body: string, e: EventRecord | null, links: EventLinkRecord[] = []): string {
  if (!e) return body;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const origin = originOf(parsed);
    return JSON.stringify({ ...parsed, event: noticeEvent(e, links), links: origin ? noticeLinks(e, links, origin) : parsed.links });
  } catch {
    return body;
  }
}
