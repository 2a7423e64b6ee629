/**
 * Every cost-bearing ledger event (shutdowns, throttling, blocks) matching the filters, read page
 * by page: what bulk pricing, the comparison with Top10VPN and the durations of ended events
 * are computed from.
 */
import { TECHNICAL_CATEGORIES, listEvents, type LedgerEvent, type ListFilters } from '../ledger/index.js';
import type { Store } from '../store/index.js';
import { durationTable, type DurationTable } from './unknown-end.js';

export async function technicalEvents(deps: { store: Store }, filters: Omit<ListFilters, 'cursor' | 'limit'> = {}): Promise<LedgerEvent[]> {
  const categories = filters.category ? [filters.category] : [...TECHNICAL_CATEGORIES];
  const events: LedgerEvent[] = [];
  for (const category of categories) {
    let cursor: string | undefined;
    do {
      const page = await listEvents(deps, { ...filters, category, cursor, limit: 1000 });
      events.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }
  return events;
}

/** The durations of the whole ledger's ended events (see unknown-end.ts), whatever the filters. */
export async function ledgerDurations(deps: { store: Store }): Promise<DurationTable> {
  return durationTable(await technicalEvents(deps));
}
