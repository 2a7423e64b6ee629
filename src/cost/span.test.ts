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
