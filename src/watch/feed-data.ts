/**
 * Which events a feed shows: the 50 most recently changed events of its status (active for
 * confirmed events, draft for detections), all countries or one, each with its links (where
 * its evidence query lives).
 */
import { check } from '../op/index.js';
import { AppError } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { atomFeed, jsonFeed, type FeedEntry, type FeedKind, type FeedSpec } from './feeds.js';

export const FEED_SIZE = 50;

/** Parse a feed path after /feeds/: events.atom, drafts.json, IR.atom, IR/drafts.json. */
export function parseFeedPath(rest: string): { kind: FeedKind; cc: string | null; ext: 'atom' | 'json' } {
  const m = /^(?:(events|drafts)|([A-Za-z]{2})(\/drafts)?)\.(atom|json)$/.exec(rest);
  if (!m) throw new AppError('NOT_FOUND', `no feed "${rest}"; feeds: events.atom, drafts.atom, {CC}.atom, {CC}/drafts.atom (and .json twins)`);
  const kind: FeedKind = m[1] === 'drafts' || m[3] ? 'drafts' : 'events';
  const cc = m[2]?.toUpperCase() ?? null;
  // Events carry assigned ISO 3166-1 codes only: a feed for any other code would be empty forever.
  const problem = cc === null ? null : check.countryProblem(cc);
  if (problem) throw new AppError('NOT_FOUND', `no feed "${rest}": ${problem}`);
  return { kind, cc, ext: m[4] as 'atom' | 'json' };
}

/** The FEED_SIZE most recently written events of the feed, whatever their start dates and however many the ledger holds. */
export async function feedEntries(store: Store, kind: FeedKind, cc: string | null): Promise<FeedEntry[]> {
  const recent = await store.ledger.listChanged({ statuses: [kind === 'events' ? 'active' : 'draft'], ...(cc ? { country: cc } : {}), limit: FEED_SIZE });
  return Promise.all(recent.map(async (event) => ({ event, links: await store.ledger.listLinks(event.id) })));
}

export async function renderFeed(store: Store, rest: string, origin: string, now: string): Promise<{ contentType: string; body: string }> {
  const p = parseFeedPath(rest);
  const spec: FeedSpec = { kind: p.kind, cc: p.cc, origin, now };
  const entries = await feedEntries(store, p.kind, p.cc);
  return p.ext === 'atom'
    ? { contentType: 'application/atom+xml; charset=utf-8', body: atomFeed(spec, entries) }
    : { contentType: 'application/feed+json; charset=utf-8', body: JSON.stringify(jsonFeed(spec, entries), null, 2) };
}
