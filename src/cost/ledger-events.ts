/**
 * Every cost-bearing ledger event (shutdowns, throttling, blocks) matching the filters, read page
 * by page: what bulk pricing, the comparison with Top10VPN and the durations of ended events
 * are computed from.
 */
import { TECHNICAL_CATEGORIES, listEvents, stopRecordTexts, stopRecordTextsByYear, type LedgerEvent, type ListFilters } from '../ledger/index.js';
import type { Store } from '../store/index.js';
import type { LedgerPriors } from './event-scenario.js';
import { networkTable, shareTable } from './unknown-area.js';
import { durationTable } from './unknown-end.js';
import { networkKindTable } from './unrecorded-network.js';
import { blockWeightTable } from './unnamed-platforms.js';
import { supersededTable } from './superseded.js';

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
 * A record of several countries (Kenya's shutdown of 25 June 2024, which cut Burundi, Rwanda,
 * Tanzania and Uganda too) is an event in each: priced once per country it lists (or the one
 * asked for), with that country's regions; each distinct country once. Its area is placed in none of them (the geocoder
 * leaves a share of one country's people to --country), so a sub-national one takes its
 * reference class in each.
 */
export function eachCountry(e: LedgerEvent, only?: string): LedgerEvent[] {
  if (e.countries.length === 1) return [e];
  // a country listed twice (a store written before the ledger refused that) is priced once
  const countries = [...new Set(e.countries)];
  if (countries.length === 1) return [{ ...e, countries }];
  return countries
    .filter((cc) => !only || cc === only)
    .map((cc) => ({ ...e, countries: [cc], regions: e.regions.filter((r) => r.startsWith(`${cc}-`)), places: [], population_affected: null }));
}

/**
 * What the whole ledger says about records that lack an end or a placed area, whatever the
 * filters: the durations of its ended events (unknown-end.ts) and the population shares of its
 * placed sub-national events (unknown-area.ts), the kinds of its recorded network cuts
 * (unrecorded-network.ts), the weights of its blocks that named their platforms
 * (unnamed-platforms.ts); and the texts of every event's STOP records.
 */
export async function ledgerPriors(deps: { store: Store }): Promise<LedgerPriors> {
  const events = await technicalEvents(deps);
  return {
    durations: durationTable(events),
    shares: shareTable(events),
    networks: networkTable(events),
    networkKinds: networkKindTable(events),
    blockWeights: blockWeightTable(events),
    superseded: supersededTable(events),
    ...(await recordTexts(deps)),
  };
}

/**
 * What each event's STOP records say, from one read of their links: event id → the texts,
 * earliest first (stopRecordTexts), and event id → count_year → that year's text
 * (stopRecordTextsByYear). With an id, that event's records only.
 */
export async function recordTexts(deps: { store: Store }, id?: string): Promise<Required<Pick<LedgerPriors, 'texts' | 'yearTexts'>>> {
  const links = id === undefined ? await deps.store.ledger.linksOfKind('stop_row') : await deps.store.ledger.listLinks(id);
  return { texts: stopRecordTexts(links), yearTexts: stopRecordTextsByYear(links) };
}
