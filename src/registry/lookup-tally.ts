/**
 * What `registry lookup` tells from every match of its query: the decisions listing it, each
 * with its register records (an entry is one record, however many of its ranges hold the
 * address), and the page of matches shown. The figures are counted over every match; only the
 * `matches` list is a page, and the answer names the cursor of the next one.
 */
import { AppError } from '../shared/index.js';
import type { RegistryMatchRecord } from '../store/index.js';
import { decisionKey } from './decision-key.js';

/** Matches shown when the caller gives no `limit`. */
export const LOOKUP_PAGE = 50;

export interface LookupDecision {
  decision_number: string;
  decision_body: string;
  decision_date: string | null;
  snapshots: string[];
  entries: number;
}

const recordOf = (m: RegistryMatchRecord) => `${m.snapshotId}\u0000${m.sourceFile}\u0000${m.line}`;

/** The records matched: one per (snapshot, file, line), whatever number of its ranges matched. */
export const recordsOf = (matches: RegistryMatchRecord[]): number => new Set(matches.map(recordOf)).size;

/** Decisions in order of first match, each with the snapshots listing it and its distinct records. */
export function decisionsOf(matches: RegistryMatchRecord[]): LookupDecision[] {
  const decisions = new Map<string, LookupDecision & { records: Set<string> }>();
  for (const m of matches) {
    const key = decisionKey(m);
    const d = decisions.get(key) ?? {
      decision_number: m.decisionNumber,
      decision_body: m.decisionBody,
      decision_date: m.decisionDate,
      snapshots: [],
      entries: 0,
      records: new Set<string>(),
    };
    if (!d.snapshots.includes(m.snapshotId)) d.snapshots.push(m.snapshotId);
    d.records.add(recordOf(m));
    d.entries = d.records.size;
    decisions.set(key, d);
  }
  return [...decisions.values()].map(({ records: _records, ...d }) => d);
}

/** The position a lookup cursor names: a whole number of matches already shown, else VALIDATION naming `cursor`. */
export function lookupOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (/^(0|[1-9]\d{0,8})$/.test(cursor)) return Number(cursor);
  throw new AppError('VALIDATION', 'cursor: not a next_cursor value from a previous lookup page', {
    issues: [{ path: ['cursor'], message: 'invalid cursor' }],
  });
}

/** One page of the matches and the cursor of the next (null on the last page). */
export function pageOf<T>(all: T[], offset: number, limit: number): { page: T[]; next_cursor: string | null } {
  const page = all.slice(offset, offset + limit);
  return { page, next_cursor: offset + limit < all.length ? String(offset + limit) : null };
}
