/**
 * Which events a feed shows: the 50 most recently changed events of its status (active for
 * confirmed events, draft for detections), all countries or one, each with its links (where
 * its evidence query lives).
 */
import { AppError } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { atomFeed, jsonFeed, type FeedEntry, type FeedKind, type FeedSpec } from './feeds.js';

export const FEED_SIZE = 50;
const SCAN = 1000;

/** Parse a feed path after /feeds/: events.atom, drafts.json, IR.atom, IR/drafts.json. */
export function parseFeedPath(rest: string): { kind: FeedKind; cc: string | null; ext: 'atom' | 'json' } {
  const m = /^(?:(events|drafts)|([A-Za-z]{2})(\/drafts)?)\.(atom|json)$/.exec(rest);
  if (!m) throw new AppError('NOT_FOUND', `no feed "${rest}"; feeds: events.atom, drafts.atom, {CC}.atom, {CC}/drafts.atom (and .json twins)`);
  const kind: FeedKind = m[1] === 'drafts' || m[3] ? 'drafts' : 'events';
  return { kind, cc: m[2]?.toUpperCase() ?? null, ext: m[4] as 'atom' | 'json' };
}

export async function feedEntries(store: Store, kind: FeedKind, cc: string | null): Promise<FeedEntry[]> {
  const events = await store.ledger.listEvents({ statuses: [kind === 'events' ? 'active' : 'draft'], ...(cc ? { country: cc } : {}), limit: SCAN });
  const recent = [...events].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)).slice(0, FEED_SIZE);
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
