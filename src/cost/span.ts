/**
 * A scenario's time span: `hours` alone, or start/end timestamps with a time zone. A span that
 * crosses New Year is split into one segment per calendar year (in the scenario's time zone),
 * because each year is costed with that year's data. Date-only values are whole days in the
 * time zone: --start 2009-07-05 --end 2010-05-14 covers both days (end is inclusive).
 * A local time the zone does not show exactly once (in a spring-forward gap, or twice when the
 * clocks go back) is refused, naming the zone and the change: it is never moved silently.
 * Bad input is a VALIDATION error naming the parameter and what is valid.
 */
import { AppError, type FieldIssue } from '../shared/index.js';

export interface Segment {
  /** Calendar year of the segment; null when the scenario gave hours without a date. */
  year: number | null;
  from: string | null;
  to: string | null;
  hours: number;
}

export interface Span {
  dated: boolean;
  start: string | null;
  end: string | null;
  tz: string;
  hours: number;
  segments: Segment[];
}

export interface SpanInput {
  hours?: number;
  start?: string;
  end?: string;
  tz?: string;
}

const HOUR = 3_600_000;
const MAX_HOURS = 50 * 366 * 24;

const bad = (param: string, message: string) => new AppError('VALIDATION', `${param}: ${message}`, { issues: [{ path: [param], message }] });

const knownZones = new Set(['UTC']);
function checkTz(tz: string): string {
  if (knownZones.has(tz)) return tz;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    knownZones.add(tz);
    return tz;
  } catch {
    throw bad('tz', `unknown time zone "${tz}"; use an IANA name such as UTC, Europe/Moscow or Asia/Urumqi`);
  }
}

/** The wall-clock parts of an instant in a time zone. */
const formats = new Map<string, Intl.DateTimeFormat>();
function wallParts(ms: number, tz: string): number[] {
  if (tz === 'UTC') {
    const d = new Date(ms);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  }
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
}

const offsetAt = (ms: number, tz: string): number => {
  const [y, mo, d, h, mi, s] = wallParts(ms, tz) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000;
};

/** The instant at which the wall clock in `tz` shows the given local time. */
export function zonedToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = guess - offsetAt(guess, tz);
  return guess - offsetAt(first, tz);
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const utcOffset = (off: number) => `${off < 0 ? '-' : '+'}${hhmm(Math.abs(off))}`;

/**
 * Refuses a wall-clock time `tz` does not show exactly once: one in a spring-forward gap (it does
 * not exist) or one the clocks go back over (it happens twice), naming the zone and the change.
 * Offsets are read a day either side, so one change a day at most is assumed (true of every zone).
 */
function onceInZone(param: string, value: string, wall: number[], tz: string): void {
  const [y, mo, d, h, mi, s] = wall as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const before = offsetAt(guess - 24 * HOUR, tz);
  const after = offsetAt(guess + 24 * HOUR, tz);
  if (before === after) return;
  const shows = (off: number) => offsetAt(guess - off, tz) === off;
  const fits = [before, after].filter(shows);
  if (fits.length === 1) return;
  // the instant the offset changes, to the second
  let lo = guess - 24 * HOUR;
  let hi = guess + 24 * HOUR;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, tz) === before) lo = mid;
    else hi = mid;
  }
  const day = value.slice(0, 10);
  const from = hhmm(hi + before);
  const to = hhmm(hi + after);
  if (fits.length === 0)
    throw bad(
      param,
      `"${value}" does not exist in ${tz}: on ${day} the clocks jump from ${from} to ${to} (UTC${utcOffset(before)} to UTC${utcOffset(after)}); give a time outside that gap, or an ISO date-time with offset`,
    );
  throw bad(
    param,
    `"${value}" occurs twice in ${tz}: on ${day} the clocks go back from ${from} to ${to}; give it with its offset, ${value}${utcOffset(before)} (the first) or ${value}${utcOffset(after)} (the second)`,
  );
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parse a timestamp; `endOfDay` makes a date-only value mean the end of that day. */
export function parseInstant(param: string, value: string, tz: string, endOfDay: boolean): number {
  const v = value.trim();
  const local = LOCAL_RE.exec(v);
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number, number];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) throw bad(param, `"${value}" is not a real date/time`);
    const dateOnly = local[4] === undefined;
    if (!dateOnly && tz !== 'UTC') onceInZone(param, v, [y, mo, d, h, mi, s], tz);
    return dateOnly && endOfDay ? zonedToUtc(y, mo, d + 1, 0, 0, 0, tz) : zonedToUtc(y, mo, d, h, mi, s, tz);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    const ms = Date.parse(v);
    if (Number.isFinite(ms)) return ms;
  }
  throw bad(param, `"${value}" is not a timestamp; use YYYY-MM-DD, YYYY-MM-DDTHH:MM (in --tz) or an ISO date-time with offset (2019-08-03T12:00:00+03:00)`);
}

const yearAt = (ms: number, tz: string): number => wallParts(ms, tz)[0]!;

const DAY = 86_400_000;

/** The local calendar date of an instant in `tz`, as a day number (days since 1970-01-01 of that date). */
export function localDay(ms: number, tz: string): number {
  const [y, mo, d] = wallParts(ms, tz) as [number, number, number];
  return Date.UTC(y, mo - 1, d) / DAY;
}

/** The instant local day `day` (a day number) begins in `tz`. */
export function localDayStart(day: number, tz: string): number {
  const d = new Date(day * DAY);
  return zonedToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, 0, tz);
}

/** The local date of an instant in `tz`, YYYY-MM-DD. */
export const localDate = (ms: number, tz: string): string => new Date(localDay(ms, tz) * DAY).toISOString().slice(0, 10);

/** Split [from, to) at New Year in `tz`. */
function splitYears(from: number, to: number, tz: string): Segment[] {
  const out: Segment[] = [];
  let cur = from;
  while (cur < to) {
    const y = yearAt(cur, tz);
    const next = Math.min(to, zonedToUtc(y + 1, 1, 1, 0, 0, 0, tz));
    out.push({ year: y, from: new Date(cur).toISOString(), to: new Date(next).toISOString(), hours: (next - cur) / HOUR });
    cur = next;
  }
  return out;
}

/**
 * The span of a scenario, or a VALIDATION error naming each of its faults at once: a time zone
 * that is not one does not hide a bad duration or date (the dates are then read in UTC, so their
 * form is still checked), and each of start and end is read whatever the other is.
 */
export function parseSpan(input: SpanInput): Span {
  const issues: FieldIssue[] = [];
  /** The value, or undefined with the fault noted. */
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      issues.push(...e.issues);
      return undefined;
    }
  };
  const tz = attempt(() => checkTz(input.tz ?? 'UTC'));
  const zone = tz ?? 'UTC';
  const { hours, start, end } = input;
  const note = (param: string, message: string) => issues.push({ path: [param], message });
  if (hours !== undefined && (!Number.isFinite(hours) || hours <= 0)) note('hours', `must be a positive number of hours, got ${hours}`);
  else if (hours !== undefined && hours > MAX_HOURS) note('hours', `must be at most ${MAX_HOURS} (50 years), got ${hours}`);
  if (start === undefined) {
    if (end !== undefined) note('start', 'an --end needs a --start');
    else if (hours === undefined) note('hours', 'give the duration: --hours H, or --start T --end T');
  } else if (end !== undefined && hours !== undefined) note('hours', 'give either --hours or --end with --start, not both');
  else if (end === undefined && hours === undefined) note('end', 'a --start needs an --end (or --hours)');
  const from = start === undefined ? undefined : attempt(() => parseInstant('start', start, zone, false));
  const until = end === undefined ? undefined : attempt(() => parseInstant('end', end, zone, true));
  if (issues.length) throw new AppError('VALIDATION', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { issues });
  if (from === undefined)
    return { dated: false, start: null, end: null, tz: zone, hours: hours!, segments: [{ year: null, from: null, to: null, hours: hours! }] };
  const to = until ?? from + hours! * HOUR;
  if (to <= from) {
    const inclusive = end !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(end) ? ', counting a date-only end to the end of its day' : '';
    throw bad('end', `the end (${end}) must be after the start (${start}); the duration would be ${((to - from) / HOUR).toFixed(1)} hours${inclusive}`);
  }
  if ((to - from) / HOUR > MAX_HOURS) throw bad('end', 'the span is over 50 years');
  return {
    dated: true,
    start: new Date(from).toISOString(),
    end: new Date(to).toISOString(),
    tz: zone,
    hours: (to - from) / HOUR,
    segments: splitYears(from, to, zone),
  };
}

/** Days in a calendar year (daily output = annual output / days in that year). */
export const daysInYear = (y: number): number => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);
