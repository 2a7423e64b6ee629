/**
 * A ledger event records what happened: a start, an end or a source's publication date that has
 * not yet begun anywhere cannot be true, and would be priced as hours still to come. The STOP
 * import refuses such records; an event added or edited by hand is held to the same rule here.
 * Pure: "now" is the caller's clock, passed in.
 */
import { futureProblem, isValidPartialDate, latestDateBegun, partialDateStart, type FieldIssue } from '../shared/index.js';

/** Why a ledger date is later than now, or null: a calendar date once it has begun nowhere on Earth, a date-time once it is past now. */
function futureDate(value: string, nowMs: number): string | null {
  if (/T/.test(value)) {
    const why = futureProblem(partialDateStart(value).getTime(), nowMs);
    return why ? `${value} is ${why}` : null;
  }
  const first = partialDateStart(value).toISOString().slice(0, 10);
  const today = latestDateBegun(nowMs);
  return first > today ? `${value} is in the future (the latest date begun anywhere is ${today})` : null;
}

/** The value when it is a valid partial date, else null (a date that is not valid is the schema's to name). */
const dateAt = (v: unknown): string | null => (typeof v === 'string' && isValidPartialDate(v) ? v : null);

/**
 * One issue per date of the event later than now: `start`, `end`, `sources[i].published`. Reads
 * the document as sent, so it can run beside the schema's check on one that has other faults:
 * values that are not valid dates (or not there) are left to the schema.
 */
export function futureDateIssues(e: unknown, nowMs: number): FieldIssue[] {
  const doc = e !== null && typeof e === 'object' ? (e as Record<string, unknown>) : {};
  const sources = Array.isArray(doc.sources) ? (doc.sources as unknown[]) : [];
  const dated: [FieldIssue['path'], string | null][] = [
    [['start'], dateAt(doc.start)],
    [['end'], dateAt(doc.end)],
    ...sources.map((s, i): [FieldIssue['path'], string | null] => [
      ['sources', i, 'published'],
      dateAt(s !== null && typeof s === 'object' ? (s as Record<string, unknown>).published : null),
    ]),
  ];
  return dated.flatMap(([path, v]) => {
    const why = v === null ? null : futureDate(v, nowMs);
    return why ? [{ path, message: `${why}; an event records what has happened` }] : [];
  });
}
