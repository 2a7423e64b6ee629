import { describe, expect, it } from 'vitest';
import { daysInYear, parseSpan, zonedToUtc } from './span.js';

const err = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; issues: { path: string[] }[]; message: string };
  }
  throw new Error('expected an error');
};

describe('spans', () => {
  it('splits the Xinjiang shutdown into its two calendar years, end day inclusive', () => {
    const s = parseSpan({ start: '2009-07-05', end: '2010-05-14' });
    expect(s.segments.map((x) => [x.year, x.hours / 24])).toEqual([
      [2009, 180],
      [2010, 134],
    ]);
    expect(s.hours).toBe(314 * 24);
  });

  it('honours the time zone for local times and year boundaries', () => {
    const s = parseSpan({ start: '2019-12-31T22:00', end: '2020-01-01T02:00', tz: 'Europe/Moscow' });
    expect(s.start).toBe('2019-12-31T19:00:00.000Z');
    expect(s.segments.map((x) => [x.year, x.hours])).toEqual([
      [2019, 2],
      [2020, 2],
    ]);
    expect(zonedToUtc(2020, 7, 1, 0, 0, 0, 'Asia/Urumqi')).toBe(Date.parse('2020-06-30T18:00:00Z'));
  });

  it('accepts explicit offsets and start + hours', () => {
    const s = parseSpan({ start: '2023-07-05T02:00:00+03:00', end: '2023-07-05T04:00:00+03:00' });
    expect(s.hours).toBe(2);
    expect(parseSpan({ start: '2020-01-01', hours: 36 }).end).toBe('2020-01-02T12:00:00.000Z');
    expect(parseSpan({ hours: 24 })).toMatchObject({ dated: false, segments: [{ year: null, hours: 24 }] });
  });

  it('rejects negative or zero durations, end before start, bad dates and zones, naming the parameter', () => {
    expect(err(() => parseSpan({ hours: -5 })).issues[0]!.path).toEqual(['hours']);
    expect(err(() => parseSpan({ hours: 0 })).issues[0]!.path).toEqual(['hours']);
    expect(err(() => parseSpan({})).issues[0]!.path).toEqual(['hours']);
    const e = err(() => parseSpan({ start: '2020-05-02', end: '2020-05-01' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues[0]!.path).toEqual(['end']);
    expect(e.message).toMatch(/after the start/);
    expect(err(() => parseSpan({ start: '2020-02-30', end: '2020-03-01' })).issues[0]!.path).toEqual(['start']);
    expect(err(() => parseSpan({ start: 'yesterday', hours: 3 })).issues[0]!.path).toEqual(['start']);
    expect(err(() => parseSpan({ hours: 3, tz: 'Mars/Olympus' })).issues[0]!.path).toEqual(['tz']);
    expect(err(() => parseSpan({ start: '2020-01-01' })).issues[0]!.path).toEqual(['end']);
    expect(err(() => parseSpan({ end: '2020-01-01' })).issues[0]!.path).toEqual(['start']);
    expect(err(() => parseSpan({ start: '2020-01-01', end: '2020-01-02', hours: 3 })).issues[0]!.path).toEqual(['hours']);
  });

  it('knows leap years', () => {
    expect([daysInYear(2020), daysInYear(2021), daysInYear(1900), daysInYear(2000)]).toEqual([366, 365, 365, 366]);
  });
});

describe('a local time the zone does not show once', () => {
  it('is refused inside a spring-forward gap, naming the field, the zone and the jump', () => {
    const e = err(() => parseSpan({ start: '2024-03-31T02:30', end: '2024-03-31T05:00', tz: 'Europe/Berlin' }));
    expect(e.issues[0]!.path).toEqual(['start']);
    expect(e.message).toBe(
      'start: "2024-03-31T02:30" does not exist in Europe/Berlin: on 2024-03-31 the clocks jump from 02:00 to 03:00 (UTC+01:00 to UTC+02:00); give a time outside that gap, or an ISO date-time with offset',
    );
    expect(err(() => parseSpan({ start: '2024-03-10T01:00', end: '2024-03-10T02:15', tz: 'America/New_York' })).issues[0]!.path).toEqual(['end']);
  });
  it('is refused when the clocks go back and it occurs twice, with both offsets to choose from', () => {
    const e = err(() => parseSpan({ start: '2024-10-27T02:30', end: '2024-10-27T05:00', tz: 'Europe/Berlin' }));
    expect(e.issues[0]!.path).toEqual(['start']);
    expect(e.message).toBe(
      'start: "2024-10-27T02:30" occurs twice in Europe/Berlin: on 2024-10-27 the clocks go back from 03:00 to 02:00; give it with its offset, 2024-10-27T02:30+02:00 (the first) or 2024-10-27T02:30+01:00 (the second)',
    );
  });
  it('takes the times around the change, date-only days, and UTC as before', () => {
    expect(parseSpan({ start: '2024-03-31T01:30', end: '2024-03-31T03:30', tz: 'Europe/Berlin' }).hours).toBe(1);
    expect(parseSpan({ start: '2024-10-27', end: '2024-10-27', tz: 'Europe/Berlin' }).hours).toBe(25);
    expect(parseSpan({ start: '2024-03-31T02:30', end: '2024-03-31T03:30' }).hours).toBe(1);
  });
});
