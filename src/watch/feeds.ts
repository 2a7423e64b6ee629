/**
 * Feeds of the ledger for people who follow it: confirmed events and draft detections, each
 * as Atom (RFC 4287) and JSON Feed 1.1, for all countries or one. Confirmed and draft are
 * separate feeds so a reader never mistakes a detector's proposal for a checked event. Every
 * entry links to its dashboard page and to its evidence (the event's API document and, for a
 * detection, the query that lists the data behind it). Pure: events in, text out.
 */
import { MEASUREMENT_QUERY_KIND } from '../measure/index.js';
import type { EventLinkRecord, EventRecord } from '../store/index.js';

export type FeedKind = 'events' | 'drafts';

export interface FeedEntry {
  event: EventRecord;
  links: EventLinkRecord[];
}

export interface FeedSpec {
  kind: FeedKind;
  /** ISO 3166-1 alpha-2, or null for all countries. */
  cc: string | null;
  /** Absolute origin of this server, e.g. http://127.0.0.1:8080 */
  origin: string;
  /** When no entry exists: the feed's updated time. */
  now: string;
}

const XML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 forbids are dropped, not escaped (they cannot be represented).
// eslint-disable-next-line no-control-regex
const xml = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESC[c]!);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function feedTitle(spec: Pick<FeedSpec, 'kind' | 'cc'>): string {
  const what = spec.kind === 'events' ? 'confirmed events' : 'draft detections (unconfirmed)';
  return `Splinternet Observatory: ${what}${spec.cc ? ` in ${spec.cc}` : ''}`;
}

export function feedPath(spec: Pick<FeedSpec, 'kind' | 'cc'>, ext: 'atom' | 'json'): string {
  if (spec.cc) return spec.kind === 'events' ? `/feeds/${spec.cc}.${ext}` : `/feeds/${spec.cc}/drafts.${ext}`;
  return `/feeds/${spec.kind}.${ext}`;
}

interface Item {
  id: string;
  title: string;
  summary: string;
  page: string;
  evidence: { href: string; title: string }[];
  updated: string;
  published: string;
  categories: string[];
}

function itemOf(e: FeedEntry, origin: string): Item {
  const doc = e.event.doc;
  const evidence = [{ href: `${origin}/api/events/${encodeURIComponent(e.event.id)}`, title: 'event record with sources (JSON)' }];
  for (const l of e.links) {
    if (l.kind === MEASUREMENT_QUERY_KIND && l.target.startsWith('/'))
      evidence.push({ href: `${origin}${l.target}`, title: 'data behind the detection (JSON)' });
  }
  return {
    id: `urn:splinternet:event:${e.event.id}`,
    title: str(doc.title) || e.event.id,
    summary: `${str(doc.summary)}${e.event.status === 'draft' ? ' [DRAFT: proposed by a detector, not confirmed by a person]' : ''}`.trim(),
    page: `${origin}/events/${encodeURIComponent(e.event.id)}`,
    evidence,
    updated: e.event.updatedAt,
    published: e.event.startAt,
    categories: [e.event.category, e.event.subtype, ...e.event.countries, e.event.status],
  };
}

export function atomFeed(spec: FeedSpec, entries: FeedEntry[]): string {
  const items = entries.map((e) => itemOf(e, spec.origin));
  const updated = items.reduce((m, i) => (i.updated > m ? i.updated : m), items.length ? '' : spec.now);
  const self = `${spec.origin}${feedPath(spec, 'atom')}`;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:splinternet:feed:${spec.kind}:${spec.cc ?? 'all'}</id>`,
    `  <title>${xml(feedTitle(spec))}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${spec.origin}${spec.cc ? `/country/${spec.cc}` : '/events'}`)}"/>`,
    `  <link rel="related" type="application/feed+json" href="${xml(`${spec.origin}${feedPath(spec, 'json')}`)}"/>`,
    '  <author><name>Splinternet Observatory</name></author>',
    '  <generator>splinternet</generator>',
  ];
  for (const i of items) {
    out.push(
      '  <entry>',
      `    <id>${xml(i.id)}</id>`,
      `    <title>${xml(i.title)}</title>`,
      `    <updated>${i.updated}</updated>`,
      `    <published>${i.published}</published>`,
      `    <link rel="alternate" type="text/html" href="${xml(i.page)}"/>`,
      ...i.evidence.map((l) => `    <link rel="related" type="application/json" title="${xml(l.title)}" href="${xml(l.href)}"/>`),
      ...i.categories.filter(Boolean).map((c) => `    <category term="${xml(c)}"/>`),
      `    <summary type="text">${xml(i.summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

export function jsonFeed(spec: FeedSpec, entries: FeedEntry[]): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(spec),
    home_page_url: `${spec.origin}${spec.cc ? `/country/${spec.cc}` : '/events'}`,
    feed_url: `${spec.origin}${feedPath(spec, 'json')}`,
    authors: [{ name: 'Splinternet Observatory' }],
    items: entries.map((e) => {
      const i = itemOf(e, spec.origin);
      return {
        id: i.id,
        url: i.page,
        title: i.title,
        content_text: i.summary,
        date_published: i.published,
        date_modified: i.updated,
        tags: i.categories.filter(Boolean),
        _splinternet: { event_id: e.event.id, status: e.event.status, category: e.event.category, countries: e.event.countries, evidence: i.evidence },
      };
    }),
  };
}
