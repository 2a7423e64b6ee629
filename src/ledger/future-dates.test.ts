import { describe, expect, it } from 'vitest';
import { futureDateIssues } from './future-dates.js';

// the clock of the QA run: 2026-12-06, 12:00 UTC; SYNTHETIC dates around it
const now = Date.parse('2026-12-06T12:00:00Z');
const ev = (start: string, end: string | null = null, published: string | null = null) => ({ start, end, sources: [{ published }] });
const paths = (e: ReturnType<typeof ev>) => futureDateIssues(e, now).map((i) => i.path.join('.'));

describe('futureDateIssues', () => {
  it('names a start, an end or a publication date that has begun nowhere yet', () => {
    expect(paths(ev('2026-12-01', '2027-02-01'))).toEqual(['end']);
    expect(paths(ev('2027-05-17'))).toEqual(['start']);
    expect(paths(ev('2027', '2028-01'))).toEqual(['start', 'end']);
    expect(paths(ev('2021-03-10', null, '2031-01-01'))).toEqual(['sources.0.published']);
    expect(futureDateIssues(ev('2027-05-17'), now)[0]!.message).toBe(
      '2027-05-17 is in the future (the latest date begun anywhere is 2026-12-07); an event records what has happened',
    );
  });
  it('takes a period that has begun, the day begun at UTC+14, and a date-time up to now', () => {
    expect(paths(ev('2026', '2026-12'))).toEqual([]);
    expect(paths(ev('2026-12-06', '2026-12-07'))).toEqual([]);
    expect(paths(ev('2026-12-06T11:59:00Z', '2026-12-06T21:00:00+10:00'))).toEqual([]);
    expect(paths(ev('2026-12-06T11:59:00Z', '2026-12-06T14:00:00Z'))).toEqual(['end']);
  });
  it('reads a document as sent: values that are not dates, or not there, are left to the schema (SYNTHETIC documents)', () => {
    expect(
      futureDateIssues({ start: '2021-02-30', end: '2027-02-01', sources: [{ published: 'soon' }, null, { published: '2031' }] }, now).map((i) =>
        i.path.join('.'),
      ),
    ).toEqual(['end', 'sources.2.published']);
    expect(futureDateIssues({ start: 5, sources: 'none' }, now)).toEqual([]);
    expect(futureDateIssues(null, now)).toEqual([]);
  });
});
