/**
 * Every cost-bearing ledger event (shutdowns, throttling, blocks) matching the filters, read page
 * by page: what bulk pricing, the comparison with Top10VPN and the durations of ended events
 * are computed from.
 */
import { TECHNICAL_CATEGORIES, listEvents, stopRecordTexts, type LedgerEvent, type ListFilters } from '../ledger/index.js';
import type { Store } from '../store/index.js';
import type { LedgerPriors } from './event-scenario.js';
import { networkTable, shareTable } from './unknown-area.js';
import { durationTable } from './unknown-end.js';
import { networkKindTable } from './unrecorded-network.js';

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

/**
 * What the whole ledger says about records that lack an end or a placed area, whatever the
 * filters: the durations of its ended events (unknown-end.ts) and the population shares of its
 * placed sub-national events (unknown-area.ts), the kinds of its recorded network cuts
 * (unrecorded-network.ts); and the texts of every event's STOP records.
 */
export async function ledgerPriors(deps: { store: Store }): Promise<LedgerPriors> {
  const events = await technicalEvents(deps);
  return {
    durations: durationTable(events),
    shares: shareTable(events),
    networks: networkTable(events),
    networkKinds: networkKindTable(events),
    texts: await recordTexts(deps),
  };
}

/** Event id → the texts of its STOP records, earliest first (stopRecordTexts). */
export async function recordTexts(deps: { store: Store }, id?: string): Promise<Map<string, string[]>> {
  return stopRecordTexts(id === undefined ? await deps.store.ledger.linksOfKind('stop_row') : await deps.store.ledger.listLinks(id));
}
