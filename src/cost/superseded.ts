/**
 * An ongoing restriction another restriction took over. Russia's throttling of Twitter from
 * 10 March 2021 is marked ongoing in the ledger, and so is the block of Facebook, Twitter and
 * Instagram from 26 February 2022: priced up to --end, both would charge Twitter's hours after
 * 26 February 2022, once as slowed and once as blocked. A platform blocked cannot also be slowed.
 *
 * Rule: an ongoing throttle or block (no end in the ledger) whose every priced platform a later
 * event of the same country restricts at least as hard (a block takes over a throttle or a
 * block, a throttle only a throttle) across the whole country, is priced up to the start of the last of those
 * later events (themselves ongoing) instead of --end. An event that ended keeps its own end,
 * whatever overlaps it.
 * The rule and its figures are in docs/design/014-price-of-an-hour.md (Decision 24).
 */
import type { LedgerEvent } from '../ledger/index.js';
import { partialDateEnd, partialDateStart } from '../shared/index.js';
import { platformsOf } from './platforms.js';
import type { ScenarioInput } from './scenario.js';

/** From when an ongoing event's platforms are all restricted by later events, and by which. */
export interface Supersession {
  /** The start (as the ledger gives it) of the last later event needed to cover every platform. */
  at: string;
  by: { id: string; category: string; start: string; platforms: string[] }[];
}

export type SupersededTable = ReadonlyMap<string, Supersession>;

/** The ledger tag of a restriction threatened, not carried out (data/ledger/README.md): it restricts nothing. */
export const THREAT_TAG = 'threat';

const RANK: Record<string, number> = { throttling: 1, block: 2 };
const BELOW_NATIONAL = new Set(['regional', 'local', 'isp']);

const restricts = (e: LedgerEvent) => e.status === 'active' && RANK[e.category] !== undefined && e.countries.length === 1 && !e.tags.includes(THREAT_TAG);
/** A restriction of the whole country: no region or place, and a scope that is not below national. */
const nationwide = (e: LedgerEvent) => !BELOW_NATIONAL.has(e.scope) && e.regions.length === 0 && e.places.length === 0;

/** Every ongoing nationwide throttle or block whose platforms later events took over (the rule above). */
export function supersededTable(events: readonly LedgerEvent[]): SupersededTable {
  const candidates = events.filter(restricts);
  // Only an ongoing restriction of the whole country takes over; its start and platforms are read once.
  const takers = candidates
    .filter((f) => f.end === null && nationwide(f))
    .map((f) => ({ f, at: partialDateStart(f.start).getTime(), platforms: platformsOf(f) }))
    .sort((a, b) => a.at - b.at || a.f.id.localeCompare(b.f.id));
  const out = new Map<string, Supersession>();
  for (const e of candidates) {
    if (e.end !== null) continue;
    const mine = platformsOf(e);
    if (!mine.length) continue;
    const start = partialDateStart(e.start).getTime();
    const later = takers
      .filter(({ f, at }) => f.id !== e.id && f.countries[0] === e.countries[0] && RANK[f.category]! >= RANK[e.category]! && at > start)
      .map(({ f, platforms }) => ({ f, covers: platforms.filter((p) => mine.includes(p)) }))
      .filter((x) => x.covers.length);
    const left = new Set(mine);
    const by: Supersession['by'] = [];
    for (const { f, covers } of later) {
      if (!covers.some((p) => left.has(p))) continue;
      for (const p of covers) left.delete(p);
      by.push({ id: f.id, category: f.category, start: f.start, platforms: covers });
      if (!left.size) {
        out.set(e.id, { at: f.start, by });
        break;
      }
    }
  }
  return out;
}

/**
 * The instant an ongoing event priced up to `end` stops being charged because later events took
 * over its platforms, or undefined when none did before `end`.
 */
export function takeover(e: Pick<LedgerEvent, 'id' | 'end'>, end: string, table: SupersededTable | undefined): string | undefined {
  const s = e.end === null ? table?.get(e.id) : undefined;
  if (!s) return undefined;
  const at = partialDateStart(s.at);
  return at.getTime() < partialDateEnd(end).getTime() ? at.toISOString() : undefined;
}

/**
 * Where later events took the platforms over at different times (Iran's block of Instagram and
 * Telegram: Telegram by a block of 2018, Instagram by one of 2022), each platform is priced for
 * the share of the span up to its own takeover (the platform-phase weights of phases.ts, spread
 * evenly over the span as they are there). A record whose text already gives its platforms their
 * windows keeps those, and says the takeover's were not applied.
 */
export function staggeredTakeover(s: Supersession, input: ScenarioInput, mapping: string[]): void {
  const at = new Map<string, string>();
  for (const b of s.by) for (const p of b.platforms) if (!at.has(p)) at.set(p, b.start);
  if (!input.platform || !input.start || !input.end || new Set(at.values()).size < 2) return;
  if (input.platform_phases) {
    mapping.push('the takeover of its platforms at different times is not applied: its record gives the platforms their own windows');
    return;
  }
  const from = Date.parse(input.start);
  const span = Date.parse(input.end) - from;
  const shares: Record<string, number> = {};
  for (const p of input.platform.split(',')) {
    const t = at.get(p);
    if (t) shares[p] = Math.min(1, Math.max(1e-6, (partialDateStart(t).getTime() - from) / span));
  }
  const basis = `each platform up to the start of the restriction that took it over (${[...at].map(([p, t]) => `${p} ${t}`).join(', ')})`;
  input.platform_phases = { shares, basis };
  mapping.push(`platforms taken over at different times: ${basis}`);
}
