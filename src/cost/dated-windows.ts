/**
 * Cuts whose text gives their ends with dates: "from 17:15 (local time) on Nov. 16 to 17:15
 * (local time) on Nov. 18", "between 9:45 on Oct. 25 and 6:15 on Oct. 26", "From Mar. 23 at
 * 12:00 to Mar. 24 at 12:00", "from 1:00 to 2:00 on Mar. 3". STOP's recent records state most
 * shutdown orders this way (India's above all). A reader of clock windows alone sees "10 to
 * 12:00pm" in "from 12:00pm on Dec. 10 to 12:00pm on Dec. 11" and prices two hours of a 24-hour
 * order. Here each window is read whole, and the hours cut are the union of the windows a text
 * states (a window repeated for other districts counts once). An end given as a day without a
 * time ("to Jun. 25") is the middle of that day, the expected time of a time uniform within it;
 * a part of a day with its date ("the evening of Oct. 16", "early Feb. 18") is the middle of
 * that part. Days with their hours in parentheses ("June 4-5 (13:45 - 02:05 UTC)") run from the
 * first day's first time to the last day's last time; a start and an end stated apart ("with
 * effect from 22:00 on Feb. 4 … until 7:30 on Feb. 7") are one window (`apartWindow`).
 * Both ends of a window are read in the same zone, so its length does not depend on which zone
 * the text names. The year is the record's: a window that would fall more than six months
 * before the record's start is in the next year (a December record naming "Jan. 2").
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MON = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const TIME = '(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?';
/** A zone named after a time: "13:30 UTC+0", "10:00 UTC", "18:00 GMT+3". */
const ZONE = '(?:(?:UTC|GMT)(?:\\s*[+-]\\s*\\d{1,2}(?::\\d{2})?)?\\s*)?';
/** A zone or a note, or both, between a time and its date: "(UTC+5, local time)", "UTC+0 (15:30 local time)", "local time". */
const NOTE = `${ZONE}(?:local\\s+time\\s*)?(?:\\([^)]{0,60}\\)\\s*)?`;
/** A day named with its month ("Jun. 21", "June 21st, 2025"): groups month, day. */
export const DATE = `${MON}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*\\d{4})?`;
/** Not a day of the month: no month name just before. */
const NOT_DAY = '(?<!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*)';
/** A time, then its date: "17:15 (local time) on Nov. 16". Groups: hour, minute, am/pm, month, day. */
const AT_DATE = `${NOT_DAY}\\b${TIME}\\s*${NOTE}(?:on\\s+)?${DATE}`;
/** A date, then its time: "Mar. 23 at 12:00". Groups: month, day, hour, minute, am/pm. */
const DATE_AT = `\\b${DATE}\\s*,?\\s*at\\s+${TIME}`;
/**
 * What joins two ends; an end may be approximate ("until around 05:00", "to approximately 5:30")
 * or a floor ("until at least 11:45 (local time) on Nov. 19": the end the record could confirm).
 */
const JOIN = '\\s*(?:to|until|till|through|and|-|–)\\s*(?:(?:around|about|approximately|roughly|at\\s+least)\\s+|~\\s*)?';
/** A date without a time, not followed by one. Groups: month, day. */
const BARE_DATE = `\\b${DATE}(?!\\d|\\s*,?\\s*(?:at\\s+)?\\d{1,2}(?::|\\s*[ap]\\.?m))`;
/**
 * A part of a day named with its date: "the morning of May 11", "early Feb. 18", "the evening of
 * Oct. 16", "early morning on Apr. 20", "the early morning hours of Aug. 30". Groups: part, month, day.
 */
const PART_DATE = `\\b(?:at\\s+least\\s+)?(?:the\\s+)?(early(?:\\s+morning)?|morning|mid-?afternoon|afternoon|evening|night|late)(?:\\s+hours)?\\s+(?:(?:local\\s+time\\s+)?(?:of|on)\\s+(?:the\\s+)?)?${DATE}(?!\\d)`;
/**
 * The middle of each part of a day, the expected time of a time uniform within it: early (morning)
 * 0:00–6:00, morning 6:00–12:00, afternoon 12:00–18:00, evening, night or late 18:00–24:00.
 */
const PART_HOUR: Record<string, number> = {
  early: 3,
  'early morning': 3,
  morning: 9,
  afternoon: 15,
  'mid-afternoon': 15,
  midafternoon: 15,
  evening: 21,
  night: 21,
  late: 21,
};

export interface DatedWindow {
  from: number;
  to: number;
  phrase: string;
}

const HOUR = 3_600_000;
/** A day named without a time: its middle, the expected time of a time uniform within the day (as schedule.ts's datesOnlyShare). */
const NOON = 12;

/** A time of day in hours from an hour, its minutes and am/pm ("15:00pm" is 15:00), or null when it is none. */
export function clock(h: string, m: string | undefined, ampm: string | undefined): number | null {
  let hour = Number(h);
  const min = m ? Number(m) : 0;
  if (hour > 24 || min > 59) return null;
  const ap = ampm?.toLowerCase().replace(/\./g, '');
  if (ap === 'pm' && hour < 12) hour += 12;
  if (ap === 'am' && hour === 12) hour = 0;
  return hour + min / 60;
}

function day(year: number, mon: string, d: string): number | null {
  const month = MONTHS.indexOf(mon.toLowerCase().slice(0, 3));
  const n = Number(d);
  return month < 0 || n < 1 || n > 31 ? null : Date.UTC(year, month, n);
}

type Groups = (string | undefined)[];
/** An instant from [hour, minute, am/pm] and [month, day]; a bare hour ("Dec. 3 to 5") is not a time. */
function instant(year: number, [h, m, ap]: Groups, [mon, d]: Groups): number | null {
  const t = m || ap ? clock(h!, m, ap) : null;
  const at = day(year, mon!, d!);
  return t === null || at === null ? null : at + t * HOUR;
}
const atDate = (year: number, g: Groups) => instant(year, g.slice(0, 3), g.slice(3, 5));
const dateAt = (year: number, g: Groups) => instant(year, g.slice(2, 5), g.slice(0, 2));
const noonOf = (year: number, [mon, d]: Groups) => {
  const at = day(year, mon!, d!);
  return at === null ? null : at + NOON * HOUR;
};

/**
 * A day named without a time, as an instant: its middle, in the record's year, or the next year
 * when it would fall more than six months before `startMs` (as the windows above).
 */
export function middayOf(mon: string, d: string, startMs: number): number | null {
  return placed(noonOf(new Date(startMs).getUTCFullYear(), [mon, d]), startMs);
}

/** An instant of the record's year, moved to the next year when it falls more than six months before the record's start. */
function placed(t: number | null, startMs: number): number | null {
  const year = new Date(startMs).getUTCFullYear();
  return t !== null && t < startMs - 183 * 24 * HOUR ? t + (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) : t;
}
const partOf = (year: number, [part, mon, d]: Groups) => {
  const at = day(year, mon!, d!);
  const h = PART_HOUR[part!.toLowerCase().replace(/\s+/g, ' ')];
  return at === null || h === undefined ? null : at + h * HOUR;
};

/** Two times of one date; at least one with minutes or am/pm, so that "1 to 2 on Mar. 3" is no window. */
function sameDay(y: number, [mon, d]: Groups, [h1, m1, ap1, h2, m2, ap2]: Groups): [number | null, number | null] {
  const at = day(y, mon!, d!);
  const timed = m1 || ap1 || m2 || ap2;
  const a = timed ? clock(h1!, m1, ap1 ?? ap2) : null;
  const b = timed ? clock(h2!, m2, ap2) : null;
  if (at === null || a === null || b === null) return [null, null];
  return [at + a * HOUR, at + (b > a ? b : b + 24) * HOUR];
}

type Reading = [RegExp, (year: number, g: Groups) => [number | null, number | null]];
const READINGS: Reading[] = [
  // Both ends dated, in either order of time and date.
  [new RegExp(`${AT_DATE}${JOIN}${AT_DATE}`, 'gi'), (y, g) => [atDate(y, g.slice(0, 5)), atDate(y, g.slice(5, 10))]],
  [new RegExp(`${DATE_AT}${JOIN}${DATE_AT}`, 'gi'), (y, g) => [dateAt(y, g.slice(0, 5)), dateAt(y, g.slice(5, 10))]],
  [new RegExp(`${AT_DATE}${JOIN}${DATE_AT}`, 'gi'), (y, g) => [atDate(y, g.slice(0, 5)), dateAt(y, g.slice(5, 10))]],
  [new RegExp(`${DATE_AT}${JOIN}${AT_DATE}`, 'gi'), (y, g) => [dateAt(y, g.slice(0, 5)), atDate(y, g.slice(5, 10))]],
  // Both ends on one date: "from 1:00 to 2:00 on Mar. 3", "between 8:45pm (UTC+0) until 10:45pm
  // (UTC+0) on Feb. 20", or the date first: "on Jul. 16 between 5:30am (local, UTC+4:30) until
  // around 9:30pm" (past midnight when the end is earlier).
  [
    new RegExp(`${NOT_DAY}\\b${TIME}\\s*${NOTE}${JOIN}${TIME}\\s*${NOTE}on\\s+${DATE}`, 'gi'),
    (y, [h1, m1, ap1, h2, m2, ap2, mon, d]) => sameDay(y, [mon, d], [h1, m1, ap1, h2, m2, ap2]),
  ],
  [
    new RegExp(`\\bon\\s+${DATE}\\s*,?\\s*(?:from|between)\\s+${TIME}\\s*${NOTE}${JOIN}${TIME}(?![\\d:])`, 'gi'),
    (y, [mon, d, ...times]) => sameDay(y, [mon, d], times),
  ],
  // Days with the hours in parentheses after them: "June 3 (15:30 - 19:00 UTC)", "June 4-5 (13:45 -
  // 02:05 UTC)": from the first day's first time to the last day's last time (past midnight when the
  // end is earlier on one day).
  [
    new RegExp(`\\b${MON}\\s+(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?\\s*\\(\\s*${TIME}\\s*(?:-|–|to)\\s*${TIME}\\s*${ZONE}\\)`, 'gi'),
    (y, [mon, d1, d2, h1, m1, ap1, h2, m2, ap2]) => {
      const [from, to] = sameDay(y, [mon, d1], [h1, m1, ap1, h2, m2, ap2]);
      if (from === null || to === null || d2 === undefined) return [from, to];
      const last = day(y, mon!, d2);
      const end = clock(h2!, m2, ap2);
      return last === null || end === null || last < from - 24 * HOUR ? [null, null] : [from, last + end * HOUR];
    },
  ],
  // A part of a day at one end or both: "between the evening of Oct. 16 and the morning of Oct. 17",
  // "between the morning of May 11 and 06:00 on May 12", "from Jan. 3 to the evening of Feb. 8".
  [new RegExp(`${PART_DATE}${JOIN}${PART_DATE}`, 'gi'), (y, g) => [partOf(y, g.slice(0, 3)), partOf(y, g.slice(3, 6))]],
  [new RegExp(`${PART_DATE}${JOIN}${AT_DATE}`, 'gi'), (y, g) => [partOf(y, g.slice(0, 3)), atDate(y, g.slice(3, 8))]],
  [new RegExp(`${PART_DATE}${JOIN}${DATE_AT}`, 'gi'), (y, g) => [partOf(y, g.slice(0, 3)), dateAt(y, g.slice(3, 8))]],
  [new RegExp(`${AT_DATE}${JOIN}${PART_DATE}`, 'gi'), (y, g) => [atDate(y, g.slice(0, 5)), partOf(y, g.slice(5, 8))]],
  [new RegExp(`${DATE_AT}${JOIN}${PART_DATE}`, 'gi'), (y, g) => [dateAt(y, g.slice(0, 5)), partOf(y, g.slice(5, 8))]],
  [new RegExp(`${PART_DATE}${JOIN}(?:on\\s+)?${BARE_DATE}`, 'gi'), (y, g) => [partOf(y, g.slice(0, 3)), noonOf(y, g.slice(3, 5))]],
  [new RegExp(`${BARE_DATE}${JOIN}${PART_DATE}`, 'gi'), (y, g) => [noonOf(y, g.slice(0, 2)), partOf(y, g.slice(2, 5))]],
  // One end dated, the other a day without a time: "from 7:00pm on Jun. 20 to Jun. 25", "from Jul. 20 to 15:00 on Jul. 25".
  [new RegExp(`${AT_DATE}${JOIN}(?:on\\s+)?${BARE_DATE}`, 'gi'), (y, g) => [atDate(y, g.slice(0, 5)), noonOf(y, g.slice(5, 7))]],
  [new RegExp(`${DATE_AT}${JOIN}(?:on\\s+)?${BARE_DATE}`, 'gi'), (y, g) => [dateAt(y, g.slice(0, 5)), noonOf(y, g.slice(5, 7))]],
  [new RegExp(`${BARE_DATE}${JOIN}${AT_DATE}`, 'gi'), (y, g) => [noonOf(y, g.slice(0, 2)), atDate(y, g.slice(2, 7))]],
  [new RegExp(`${BARE_DATE}${JOIN}${DATE_AT}`, 'gi'), (y, g) => [noonOf(y, g.slice(0, 2)), dateAt(y, g.slice(2, 7))]],
];

/** What may name one instant: a time and its date, a date and its time, a part of a day, a day without a time. */
const INSTANTS: [RegExp, (year: number, g: Groups) => number | null][] = [
  [new RegExp(`^${AT_DATE}`, 'i'), atDate],
  [new RegExp(`^${DATE_AT}`, 'i'), dateAt],
  [new RegExp(`^${PART_DATE}`, 'i'), partOf],
  [new RegExp(`^${BARE_DATE}`, 'i'), noonOf],
];

/**
 * The instant the start of `text` names ("1:30 UTC+0 on May 17", "May 17 at 1:30", "the morning
 * of May 17", "May 17": its middle), placed in the record's year as the windows are; null if none.
 */
export function instantAt(text: string, startMs: number): { at: number; phrase: string } | null {
  const year = new Date(startMs).getUTCFullYear();
  for (const [re, read] of INSTANTS) {
    const m = re.exec(text);
    const at = m ? placed(read(year, m.slice(1)), startMs) : null;
    if (m && at !== null) return { at, phrase: m[0].trim() };
  }
  return null;
}

/** The dated windows of a text, in a record that starts at `startMs` (its year places the dates). */
export function datedWindows(text: string, startMs: number): DatedWindow[] {
  const year = new Date(startMs).getUTCFullYear();
  const place = (t: number | null) => placed(t, startMs);
  const out: DatedWindow[] = [];
  let rest = text;
  // Each reading masks what it took, so that a window is read once, by the most precise reading.
  for (const [re, read] of READINGS) {
    for (const m of rest.matchAll(re)) {
      // Masked even when it does not read (an end before its start): a weaker reading must not take part of it.
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
      const [from, to] = read(year, m.slice(1)).map(place) as [number | null, number | null];
      if (from === null || to === null || !(to > from)) continue;
      out.push({ from, to, phrase: m[0].replace(/\s+/g, ' ').trim() });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/** What states when a cut began, just before its instant: "with effect from", "starting from", "began", "beginning". */
const BEGAN =
  '\\b(?:with\\s+effect\\s+from|start(?:ing|ed)(?:\\s+(?:from|at))?|began(?:\\s+at)?|beginning(?:\\s+at)?)\\s+(?:(?:around|about|approximately|roughly)\\s+|~\\s*)?';
/** What states when it ended, just before its instant: "until", "restored by", "ended … by", "back online at". */
const ENDED =
  '\\b(?:until|till|(?:restored|returned|resumed|recovered|lifted|ended|back\\s+online|came\\s+back(?:\\s+online)?)(?:\\s+[a-z]+){0,3}?\\s+(?:by|at|around|on))\\s+(?:(?:around|about|approximately|roughly|at\\s+least)\\s+|~\\s*)?';
const BEGAN_AT = [new RegExp(`${BEGAN}${AT_DATE}`, 'gi'), new RegExp(`${BEGAN}${DATE_AT}`, 'gi')] as const;
const ENDED_AT = [new RegExp(`${ENDED}${AT_DATE}`, 'gi'), new RegExp(`${ENDED}${DATE_AT}`, 'gi')] as const;

/**
 * One cut whose start and end the text states apart, each a time with its date: "with effect from
 * 22:00 on Feb. 4 … offline for most of the period until 7:30 on Feb. 7" (Senegal 2024), "starting
 * from 3:00pm on Dec. 14 … slowly restored by 1:00pm on Dec. 17" (Gaza 2023): from the earliest
 * start to the latest end, as one window. Read only where both fall on the record's own first and
 * last days (a start stated for a later day is a later step, not the cut's start); null otherwise.
 */
export function apartWindow(text: string, startMs: number, endMs: number): DatedWindow | null {
  const year = new Date(startMs).getUTCFullYear();
  const instants = ([timeFirst, dateFirst]: readonly [RegExp, RegExp]) =>
    [
      ...[...text.matchAll(timeFirst)].map((m) => ({ t: placed(atDate(year, m.slice(1)), startMs), phrase: m[0].trim() })),
      ...[...text.matchAll(dateFirst)].map((m) => ({ t: placed(dateAt(year, m.slice(1)), startMs), phrase: m[0].trim() })),
    ].filter((x): x is { t: number; phrase: string } => x.t !== null);
  const starts = instants(BEGAN_AT);
  const ends = instants(ENDED_AT);
  if (!starts.length || !ends.length) return null;
  const first = starts.reduce((a, b) => (b.t < a.t ? b : a));
  const last = ends.reduce((a, b) => (b.t > a.t ? b : a));
  const dayOf = (t: number) => Math.floor(t / (24 * HOUR));
  if (dayOf(first.t) !== dayOf(startMs) || dayOf(last.t) !== dayOf(endMs - 1) || !(last.t > first.t)) return null;
  return { from: first.t, to: last.t, phrase: `${first.phrase} … ${last.phrase}` };
}

/** Hours in the union of windows, each clipped to [lo, hi]; and how many disjoint cuts they make. */
export function unionHours(windows: readonly DatedWindow[], lo: number, hi: number): { hours: number; cuts: number } {
  const parts = windows
    .map((w) => [Math.max(lo, w.from), Math.min(hi, w.to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let ms = 0;
  let cuts = 0;
  let end = -Infinity;
  for (const [a, b] of parts) {
    if (a > end) cuts++;
    ms += Math.max(0, b - Math.max(a, end));
    end = Math.max(end, b);
  }
  return { hours: ms / 3_600_000, cuts };
}
