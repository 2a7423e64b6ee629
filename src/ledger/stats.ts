/**
 * Event counts per country, category and start year: what the dashboard's world map, country
 * profiles and China–Russia comparison are drawn from, without shipping every event to the
 * browser. The same filters as the event list, so each count links to the list behind it.
 */
import type { EventCountRecord, Store } from '../store/index.js';
import { toEventQuery, type ListFilters } from './service.js';
import { TECHNICAL_CATEGORIES } from './taxonomy.js';

export interface EventCounts {
  items: EventCountRecord[];
  /** Categories counted as technical controls (the rest are legal, offline or cooperation). */
  technical_categories: string[];
  next_cursor: null;
}

export async function countEvents(deps: { store: Store }, f: Omit<ListFilters, 'cursor' | 'limit'>): Promise<EventCounts> {
  const items = await deps.store.ledger.countEventsBy(toEventQuery(f));
  return { items, technical_categories: [...TECHNICAL_CATEGORIES], next_cursor: null };
}
