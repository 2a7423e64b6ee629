/**
 * A ledger event records what happened: a start, an end or a source's publication date that has
 * not yet begun anywhere cannot be true, and would be priced as hours still to come. The STOP
 * import refuses such records; an event added or edited by hand is held to the same rule here.
 * Pure: "now" is the caller's clock, passed in.
 */
import { futureProblem, latestDateBegun, partialDateStart, type FieldIssue } from '../shared/index.js';

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

/** One issue per date of the event later than now: `start`, `end`, `sources[i].published`. Dates that are not valid are left to the schema. */
export function futureDateIssues(e: { start: string; end: string | null; sources: readonly { published: string | null }[] }, nowMs: number): FieldIssue[] {
  const dated: [FieldIssue['path'], string | null][] = [
    [['start'], e.start],
    [['end'], e.end],
    ...e.sources.map((s, i): [FieldIssue['path'], string | null] => [['sources', i, 'published'], s.published]),
  ];
  return dated.flatMap(([path, v]) => {
    const why = v === null ? null : futureDate(v, nowMs);
    return why ? [{ path, message: `${why}; an event records what has happened` }] : [];
  });
}
