/**
 * Events whose end nobody recorded. STOP leaves many records without an end date and not
 * marked ongoing (`shutdown_status` Unknown or empty: 160 Myanmar township shutdowns, 176
 * Indian ones). Leaving them unpriced counts them as zero hours; pricing them to a date counts
 * them as lasting until then. Instead their duration is an input with its uncertainty, taken
 * from the events that did end: the median and quartiles of the durations, in whole days, of
 * the ended ledger events of the same country and kind (network shutdown or service block), or
 * of every country when the country has fewer than MIN_ENDED. The span is priced up to the
 * upper quartile, and the share of it cut is triangular(q1/q3, median/q3, 1)
 * (docs/design/013-hours-and-ends.md).
 */
import { endNotRecorded, type LedgerEvent } from '../ledger/index.js';

export const MIN_ENDED = 5;

export interface Durations {
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** Whose ended events these are: a country code, or "all countries". */
  of: string;
}

/** The duration an unrecorded end is given, keyed by country and kind. */
export type DurationTable = Map<string, Durations>;

const kindOf = (e: Pick<LedgerEvent, 'category' | 'subtype'>) =>
  e.category === 'shutdown' || (e.category === 'throttling' && e.subtype === 'network') ? 'network' : 'service';
const key = (cc: string, kind: string) => `${cc}|${kind}`;

/** True when the event has no end and its source says the end was not recorded (not ongoing): the ledger's rule. */
export { endNotRecorded };

const DAY = 86_400_000;
function days(e: LedgerEvent): number | null {
  if (!e.end || !/^\d{4}-\d{2}-\d{2}/.test(e.start) || !/^\d{4}-\d{2}-\d{2}/.test(e.end)) return null;
  const d = Math.round((Date.parse(e.end.slice(0, 10)) - Date.parse(e.start.slice(0, 10))) / DAY) + 1;
  return d >= 1 ? d : null;
}

/** Count, quartiles and median of a non-empty list (nearest rank), as the imputed inputs state them. */
export function quartilesOf(v: readonly number[]): { n: number; q1: number; median: number; q3: number } {
  const s = [...v].sort((a, b) => a - b);
  const q = (p: number) => s[Math.round(p * (s.length - 1))]!;
  return { n: s.length, q1: q(0.25), median: q(0.5), q3: q(0.75) };
}

const quartiles = (v: number[], of: string): Durations => ({ ...quartilesOf(v), of });

/** Durations of the ended single-country events, per country and kind, and for all countries. */
export function durationTable(events: readonly LedgerEvent[]): DurationTable {
  const groups = new Map<string, number[]>();
  for (const e of events) {
    const d = days(e);
    if (d === null || e.countries.length !== 1) continue;
    for (const k of [key(e.countries[0]!, kindOf(e)), key('*', kindOf(e))]) groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  const table: DurationTable = new Map();
  for (const [k, v] of groups) if (v.length >= MIN_ENDED) table.set(k, quartiles(v, k.startsWith('*') ? 'all countries' : k.slice(0, 2)));
  return table;
}

/** The durations an event with no recorded end is given, or undefined when there are none. */
export function durationsFor(table: DurationTable, e: LedgerEvent, country: string): Durations | undefined {
  return table.get(key(country, kindOf(e))) ?? table.get(key('*', kindOf(e)));
}
