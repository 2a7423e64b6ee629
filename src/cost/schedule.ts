/**
 * How many hours of an event's date range the network was actually cut. Many shutdowns are a
 * few hours a day over a date range (exam shutdowns, curfew-style cuts), and Access Now's STOP
 * records the range with the schedule in its free text ("shut down 26 times", "between 4:00am
 * to 12:00pm", "for five hours", "daily"). Reading that text gives the active share of the span:
 *   active hours = occasions × hours per occasion, capped at the span;
 * hours per occasion from a stated clock window or duration, else (exam shutdowns only) from the
 * hours STOP states for exam shutdowns elsewhere (EXAM_HOURS). Text that names no schedule
 * leaves the span whole: the result is null, never a guess. The rules and their figures are in
 * docs/design/013-hours-and-ends.md.
 */

import { apartWindow, clock, datedWindows, unionHours } from './dated-windows.js';
import { DATE, DAY_OF_MONTH, IN_SENTENCE, dateOf } from './phases.js';

export interface Schedule {
  /** Share of the span the network was cut: most likely, and the range of its uncertainty. */
  share: number;
  low: number;
  high: number;
  /** Active hours (most likely) and the span they fall in. */
  hours: number;
  span_hours: number;
  occasions: number;
  hours_each: number;
  /** What the schedule was read from, quoted. */
  basis: string;
  /** Read from the hours service was up each day: the rest was down, cut or (a "Shutdown, Throttle" record) slowed. */
  up?: true;
}

/**
 * Hours per occasion of an exam shutdown whose text gives none: the 10th percentile, median and
 * 90th percentile of the hours per occasion that STOP's exam-shutdown records state (clock
 * windows or durations, a range as its middle; 2016–2025 snapshot of 2026-05-20, n = 38; recomputed by
 * schedule.test.ts from the records copied into test/fixtures/stop/exam-shutdowns.csv).
 */
export const EXAM_HOURS = { low: 1.25, mode: 3.25, high: 7.5, n: 38 } as const;

/** Number words STOP's texts use for counts and lengths. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const num = (s: string): number => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);
const NUM = '(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';

/** A time of day: "4:00pm", "15:00", "8am", or the words "midnight" and "noon". */
const TIME = '(?:(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?|(midnight|noon))';
const WINDOW = new RegExp(`\\b${TIME}\\s*(?:to|until|till|and|-|–)\\s*${TIME}(?![\\d/])`, 'gi');
/** "for 5 hours", "lasting around 3-5 hours", "for ~1-2 hours": a length, or a range of lengths (groups: from, to, unit). */
const FOR_HOURS = new RegExp(
  `\\b(?:for|lasted|lasting|about|around|approximately|~)\\s*(?:about\\s+|around\\s+|~)?${NUM}(?:\\s*(?:-|–|to)\\s*${NUM})?(?:\\s*-\\s*|\\s+)(hours?|hrs?|minutes?|mins?)\\b`,
  'gi',
);
/** Words just before a length that make it the hours service was up, not cut: "only available for 2-3 hours per day". */
const UP_FOR = /\b(?:available|accessible|restored|working|online|usable|back)\s*$/i;
/** A length stated per day: "for ~18 hours per day", "only available for 2-3 hours a day". */
const PER_DAY = /^\s*(?:per|a|each|every)\s+day\b/i;
const N_HOUR = new RegExp(`\\b${NUM}[- ]hours?\\s+(?:shutdown|blackout|outage|disruption|period|window)`, 'i');
/** A continuous cut's length as the text states it ("lasted approximately 34 hours", "a 22-hour internet shutdown", "lifted after 15 hours"). */
const NUM_OR_AN = `${NUM.slice(0, -1)}|an|a)`;
const LASTED = new RegExp(
  `\\b(?:for|lasted|lasting|after)\\s+(?:(?:about|around|approximately|nearly|almost|over|another|more\\s+than|~)\\s*)*${NUM_OR_AN}(?:\\s*-\\s*|\\s+)(hours?|hrs?)\\b`,
  'i',
);
const N_HOUR_LONG = new RegExp(`(?:^|[^\\w.])~?${NUM}[- ]hours?\\s+(?:[a-z]+\\s+){0,2}(?:shutdown|blackout|outage|disruption|ban)`, 'i');
/** Words that say the stated length was not the whole cut. */
const EXTENDED = /\b(extend|extension|prolong|renew|again)/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** "26 times", "on 14 occasions", "on at least 4 Fridays". */
const TIMES = new RegExp(
  `\\b${NUM}\\s+(?:separate\\s+|individual\\s+|different\\s+)?(times|occasions|instances|events|shutdowns|blackouts|rounds|${WEEKDAYS.map((d) => `${d}s`).join('|')})\\b`,
  'i',
);
/** "on Aug. 21 and Aug. 28", "on 27 July and 3 August 2019": the days named, each an occasion. */
const ON_DAYS = new RegExp(`\\bon\\s+${DAY_OF_MONTH}(?:\\s*,\\s*${DAY_OF_MONTH})*,?\\s+and\\s+${DAY_OF_MONTH}`, 'i');
/** "repeated every Monday and Thursday": those weekdays within the span. */
const EVERY_WEEKDAY = new RegExp(`\\bevery\\s+((?:${WEEKDAYS.join('|')})(?:\\s*(?:,|and|&)\\s*(?:${WEEKDAYS.join('|')}))*)\\b`, 'i');
const TWICE = /\btwice\s+(?:a\s+day|daily|each\s+day|every\s+day|per\s+day)\b/i;
const DAILY =
  /\b(daily|every\s?day|each\s+day|each\s+morning|every\s+morning|every\s+night|nightly|each\s+night|curfew[- ]style|curfew|(?:hours?|hrs?)\s+(?:per|a)\s+day)\b/i;
const EXAM = /\bexam/i;

/** A month's name just before a number: the number is a day of the month ("Dec. 10 to 12:00pm"), not an hour. */
const AFTER_MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i;

/** A clock window at a match, in hours, or null when it is not a time of day (a day range, a date). */
function windowHours(text: string, m: RegExpExecArray | RegExpMatchArray): number | null {
  const [, n1, mm1, p1, w1, n2, mm2, p2, w2] = m;
  const [h1, m1, ap1] = w1 ? ['12', '00', /^m/i.test(w1) ? 'am' : 'pm'] : [n1, mm1, p1];
  const [h2, m2, ap2] = w2 ? ['12', '00', /^m/i.test(w2) ? 'am' : 'pm'] : [n2, mm2, p2];
  if (AFTER_MONTH.test(text.slice(Math.max(0, m.index! - 12), m.index))) return null;
  // A time, not a day range ("Jun. 20 to 24"): the left side says so, or the right has minutes.
  if (!(m1 || ap1 || m2 || ap2) || (!m1 && !ap1 && ap2 && Number(h1) > 12)) return null;
  const b = clock(h2!, m2, ap2);
  // "8-11am": an unmarked left side takes the right side's half of the day, or the other
  // half when that would put it after the right side ("11-1pm").
  let a = clock(h1!, m1, ap1 ?? ap2);
  if (!ap1 && ap2 && a !== null && b !== null && a >= b) a = clock(h1!, m1, /^p/i.test(ap2) ? 'am' : 'pm');
  if (a === null || b === null) return null;
  const hours = b > a ? b - a : b + 24 - a;
  return hours > 0 && hours < 24 ? hours : null;
}

/** What may join a second window of the same day to the first: "7:00 to 10:00 and 1:00 to 4:00", "8:00am-12:00pm and another from around 1:00pm-5:00pm". */
const SECOND = /^\s*,?\s*and\s+(?:(?:another|then|again|from|between|around|about|approximately)\s+){0,3}/i;

/**
 * The first clock window in the text ("4:00am to 12:00pm", "15:00 to 21:00"), in hours; with a
 * second window joined to it by "and" (two a day: an exam's morning and afternoon papers), the
 * two together.
 */
export function clockWindow(text: string): { hours: number; phrase: string } | null {
  for (const m of text.matchAll(WINDOW)) {
    const hours = windowHours(text, m);
    if (hours === null) continue;
    const after = m.index + m[0].length;
    const join = SECOND.exec(text.slice(after));
    if (join) {
      const next = new RegExp(WINDOW.source, 'iy');
      next.lastIndex = after + join[0].length;
      const n = next.exec(text);
      const more = n ? windowHours(text, n) : null;
      if (n && more !== null && hours + more < 24) return { hours: hours + more, phrase: text.slice(m.index, n.index + n[0].length).trim() };
    }
    return { hours, phrase: m[0].trim() };
  }
  return null;
}

/**
 * Hours of one occasion stated in the text: a clock window, else "for N hours" (a range "for 6-8
 * hours" is its middle, with its ends as the range; a length the text says service was up for is
 * not a cut) or "an N-hour shutdown".
 */
export function statedHours(text: string): { hours: number; low: number; high: number; phrase: string; up?: true } | null {
  const w = clockWindow(text);
  if (w) return { ...w, low: w.hours, high: w.hours };
  const lengths = [...text.matchAll(FOR_HOURS)];
  const upFor = (m: RegExpExecArray) => UP_FOR.test(text.slice(Math.max(0, m.index - 30), m.index));
  const f = lengths.find((m) => !upFor(m));
  if (f) {
    const { low, high } = lengthOf(f);
    return low > 0 && high >= low && high < 24 ? { hours: (low + high) / 2, low, high, phrase: f[0].trim() } : null;
  }
  // The hours service was up each day ("only available for 2-3 hours per day"): the rest of the day was down.
  for (const m of lengths) {
    const perDay = upFor(m) ? PER_DAY.exec(text.slice(m.index + m[0].length)) : null;
    if (!perDay) continue;
    const { low, high } = lengthOf(m);
    const word = /\S+\s*$/.exec(text.slice(0, m.index))?.[0] ?? ''; // "available", the word that makes it the hours up
    const phrase = `${word}${m[0]}${perDay[0]}`.trim();
    return low > 0 && high >= low && high < 24 ? { hours: 24 - (low + high) / 2, low: 24 - high, high: 24 - low, phrase, up: true } : null;
  }
  const n = N_HOUR.exec(text);
  const hours = n ? num(n[1]!) : 0;
  return hours > 0 && hours < 24 ? { hours, low: hours, high: hours, phrase: n![0].trim() } : null;
}

/**
 * The length of one continuous cut stated in the text, in hours (any length; "an hour" is 1),
 * or null. Used only where no schedule (occasions, clock window) is stated.
 */
export function statedDuration(text: string): { hours: number; phrase: string } | null {
  const f = LASTED.exec(text) ?? N_HOUR_LONG.exec(text);
  if (!f) return null;
  const n = /^an?$/i.test(f[1]!) ? 1 : num(f[1]!);
  return n > 0 ? { hours: n, phrase: f[0].replace(/^[^\w~]/, '').trim() } : null;
}

/** "a blackout of nearly 5 days straight", "a 3-day blackout": the length of one continuous blackout, in days or hours. */
const BLACKOUT_OF = new RegExp(
  `\\b(?:blackout|shutdown|outage)\\s+of\\s+(?:(?:about|around|approximately|nearly|almost|roughly|~)\\s*)?${NUM}\\s+(days?|hours?)\\b`,
  'i',
);
const N_DAY_BLACKOUT = new RegExp(`\\b${NUM}[- ](day|hour)[- ](?:long\\s+)?(?:blackout|shutdown|outage)\\b`, 'i');

/**
 * The length of one continuous blackout the text states, in hours ("a blackout of nearly 5 days
 * straight": 120 h), or null. For a record cut for part of its span and slowed for the rest,
 * where it is the part cut.
 */
export function blackoutLength(text: string): { hours: number; phrase: string } | null {
  const m = BLACKOUT_OF.exec(text) ?? N_DAY_BLACKOUT.exec(text);
  if (!m) return null;
  const n = num(m[1]!) * (/^day/i.test(m[2]!) ? 24 : 1);
  return n > 0 ? { hours: n, phrase: m[0].trim() } : null;
}

/**
 * Whole days within a daily schedule: "From Nov. 12 to Nov. 18, it was blocked all day and night"
 * (Kenya, 2024: a block in exam hours that ran around the clock for a week). Both days included.
 */
const WHOLE_DAYS = new RegExp(
  `\\b(?:from|between)\\s+${DATE}\\s*(?:to|and|until|till|through|-|–)\\s*${DATE}${IN_SENTENCE}{0,80}?\\b(?:all day and night|day and night|around the clock|round the clock|24 hours a day|all day long)\\b`,
  'i',
);

/** The whole days a daily schedule's text states within the span, or null. */
export function wholeDays(text: string, startMs: number, spanHours: number): { days: number; phrase: string } | null {
  const m = WHOLE_DAYS.exec(text);
  if (!m) return null;
  const from = dateOf(m, 1, startMs);
  const to = from === null ? null : dateOf(m, 8, from);
  if (from === null || to === null || to < from || to - from > 183 * 86_400_000) return null;
  const endMs = startMs + spanHours * 3_600_000;
  const ms = Math.min(endMs, to + 86_400_000) - Math.max(startMs, from);
  const days = Math.round(ms / 86_400_000);
  return days >= 1 ? { days, phrase: m[0].trim() } : null;
}

function occasionsOf(text: string, days: number, startMs?: number): { n: number; phrase: string; named?: true } | null {
  const t = TIMES.exec(text);
  if (t && num(t[1]!) >= 1 && num(t[1]!) <= days * 3) return { n: num(t[1]!), phrase: t[0] };
  const on = ON_DAYS.exec(text);
  if (on) {
    const n = on[0].match(new RegExp(DAY_OF_MONTH, 'gi'))!.length;
    if (n < days) return { n, phrase: on[0], named: true };
  }
  const w = startMs === undefined ? null : EVERY_WEEKDAY.exec(text);
  if (w) {
    const on = new Set(
      w[1]!
        .toLowerCase()
        .split(/\s*(?:,|and|&)\s*/)
        .map((d) => WEEKDAYS.indexOf(d)),
    );
    let n = 0;
    for (let i = 0; i < days; i++) if (on.has(new Date(startMs! + i * 86_400_000).getUTCDay())) n++;
    if (n >= 1) return { n, phrase: w[0] };
  }
  const tw = TWICE.exec(text);
  if (tw) return { n: 2 * days, phrase: tw[0] };
  const d = DAILY.exec(text);
  if (d) return { n: days, phrase: d[0] };
  return null;
}

/**
 * The schedule stated in an event's text over a span of `spanHours`, or null when the text
 * states none (the span is then priced whole). `exam` marks an exam shutdown (STOP's cause).
 */
export function scheduleOf(text: string, spanHours: number, exam = EXAM.test(text), startMs?: number): Schedule | null {
  if (!(spanHours > 0)) return null;
  const dated = startMs === undefined ? undefined : datedSchedule(text, spanHours, startMs);
  if (dated !== undefined) return dated === 'whole' ? null : dated;
  const days = Math.max(1, Math.round(spanHours / 24));
  const stated = statedHours(text);
  const occ = occasionsOf(text, days, startMs);
  let n: number;
  let each: { mode: number; low: number; high: number };
  const basis: string[] = [];
  if (stated) {
    each = { mode: stated.hours, low: stated.low, high: stated.high };
    const told =
      stated.low < stated.high ? `${round(stated.low)}–${round(stated.high)} h each, ${round(stated.hours)} h on average` : `${round(stated.hours)} h each`;
    basis.push(`"${stated.phrase}" (${stated.up ? `the hours it was up: the rest of each day down, ${told}` : told})`);
    if (occ) {
      n = occ.n;
      basis.push(`"${occ.phrase}" (${n} occasions)`);
      // A daily schedule with whole days in it: those days count 24 h, the others their occasions.
      const whole = startMs !== undefined && n % days === 0 ? wholeDays(text, startMs, spanHours) : null;
      if (whole && whole.days < days) {
        const perDay = n / days;
        const day = (h: number) => Math.min(24, perDay * h);
        const hours = Math.min(spanHours, (days - whole.days) * day(stated.hours) + 24 * whole.days);
        const occasions = n - whole.days * perDay + whole.days;
        basis.push(`"${whole.phrase}" (${whole.days} whole days of 24 h)`);
        if (hours >= spanHours) return null;
        return {
          share: hours / spanHours,
          low: hours / spanHours,
          high: hours / spanHours,
          hours,
          span_hours: spanHours,
          occasions,
          hours_each: round(hours / occasions),
          basis: basis.join('; '),
        };
      }
    } else if (days <= 2) {
      n = 1;
      basis.push('one occasion (the record spans at most two days)');
    } else if (exam) {
      n = days;
      basis.push(`exam shutdown with no count: daily over ${days} days (an upper bound)`);
    } else return null;
  } else if (occ?.named && !exam) {
    // Days named with no hours stated: each a day recorded without times (datesOnlyShare): 0–24 h, 8 h on average.
    return {
      share: TINY,
      low: TINY,
      high: Math.min(1, (occ.n * 24) / spanHours),
      hours: occ.n * 8,
      span_hours: spanHours,
      occasions: occ.n,
      hours_each: 8,
      basis: `"${occ.phrase}" (${occ.n} days named, hours not stated: each a day recorded without times, 0–24 h, 8 h on average)`,
    };
  } else if (exam) {
    each = { mode: EXAM_HOURS.mode, low: EXAM_HOURS.low, high: EXAM_HOURS.high };
    n = occ?.n ?? days;
    basis.push(occ ? `"${occ.phrase}" (${n} occasions)` : `exam shutdown with no count: daily over ${days} days (an upper bound)`);
    basis.push(
      `hours each not stated: ${EXAM_HOURS.mode} h (${EXAM_HOURS.low}–${EXAM_HOURS.high} h), the median (10th–90th percentile) of the hours STOP states for exam shutdowns (n = ${EXAM_HOURS.n})`,
    );
  } else {
    // One continuous cut of a stated length, in a record whose dates could hold it and no more:
    // at most two days of slack for dates recorded without times, no word of an extension, and
    // no count of occasions over more than two days.
    const d = occ && days > 2 ? null : statedDuration(text);
    if (!d || d.hours >= spanHours || spanHours > d.hours + 48 || EXTENDED.test(text)) return null;
    each = { mode: d.hours, low: d.hours, high: d.hours };
    n = 1;
    basis.push(`"${d.phrase}" (${round(d.hours)} h, one continuous cut; the record's dates span ${round(spanHours)} h)`);
  }
  const hours = Math.min(spanHours, n * each.mode);
  if (hours >= spanHours) return null;
  const share = hours / spanHours;
  return {
    share,
    low: Math.min(1, (n * each.low) / spanHours),
    high: Math.min(1, (n * each.high) / spanHours),
    hours,
    span_hours: spanHours,
    occasions: n,
    hours_each: each.mode,
    basis: basis.join('; '),
    ...(stated?.up ? { up: true as const } : {}),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The hours a FOR_HOURS match states: its figure, or the two ends of its range. */
function lengthOf(m: RegExpExecArray): { low: number; high: number } {
  const per = /^min/i.test(m[3]!) ? 1 / 60 : 1;
  return { low: num(m[1]!) * per, high: (m[2] ? num(m[2]) : num(m[1]!)) * per };
}

/** How far a record's first and last days may lie from its windows: a day, and half a day for zones. */
const SLACK_MS = 36 * 3_600_000;

/**
 * The cut its dated windows state (dated-windows.ts), within the record's span: their union, or
 * 'whole' when it fills the span (the cut is stated for all of it: priced whole, nothing to
 * average over). Undefined when the text states none in the span, or when they do not reach from
 * the record's first day to its last (an order extended, a restoration told without a time: what
 * the rest was is not stated), and the other readings apply.
 */
export function datedSchedule(text: string, spanHours: number, startMs: number): Schedule | 'whole' | undefined {
  const endMs = startMs + spanHours * 3_600_000;
  const stated = datedWindows(text, startMs).filter((w) => w.to > startMs && w.from < endMs);
  // With no window stated whole, a start and an end the text states apart, on the record's first and last days.
  const apart = stated.length ? null : apartWindow(text, startMs, endMs);
  const windows = apart ? [apart] : stated;
  if (!windows.length) return undefined;
  const first = Math.min(...windows.map((w) => w.from));
  const last = Math.max(...windows.map((w) => w.to));
  if (first > startMs + SLACK_MS || last < endMs - SLACK_MS) return undefined;
  // An order extended past its last stated window into the record's last day: the extension's hours are not stated.
  if (EXTENDED.test(text) && last < endMs - 24 * 3_600_000) return undefined;
  const { hours, cuts } = unionHours(windows, startMs, endMs);
  if (hours >= spanHours - 1e-9) return 'whole';
  const share = hours / spanHours;
  const quoted = [...new Set(windows.map((w) => `"${w.phrase}"`))];
  return {
    share,
    low: share,
    high: share,
    hours,
    span_hours: spanHours,
    occasions: cuts,
    hours_each: round(hours / cuts),
    basis: `${quoted.join(', ')} (${round(hours)} h${cuts > 1 ? ` in ${cuts} cuts` : ''}, dated windows as stated)`,
  };
}

/** The smallest share a range may start at: the engine's shares are in (0, 1]. */
const TINY = 1e-4;

/**
 * Hours of a cut recorded by its dates only (no times) that states no schedule: it began at some
 * time of its first day and ended at some time of its last, each equally likely within its day.
 * Over n whole days its length is then (n − 1) days plus the difference of two uniform times of
 * day: triangular from (n − 2) days to n days with its mode at n − 1 (for one day, from 0 to 24 h
 * with its mode at 0: a third of the day on average). Pricing 00:00 of the first day to 24:00 of
 * the last, the longest it could have lasted, over-counts short cuts most: a one-day record is
 * 24 h priced, 8 h expected.
 */
export function datesOnlyShare(spanHours: number): Omit<Schedule, 'occasions' | 'hours_each'> | null {
  const n = Math.round(spanHours / 24);
  if (!(n >= 1) || Math.abs(spanHours - n * 24) > 1) return null;
  const share = n === 1 ? TINY : (n - 1) / n;
  const low = n === 1 ? TINY : Math.max(TINY, (n - 2) / n);
  const mean = n === 1 ? 8 : (n - 1) * 24;
  return {
    share,
    low,
    high: 1,
    hours: mean,
    span_hours: spanHours,
    basis: `dates only, no times: start and end each uniform within their day, so ${n === 1 ? 'one day is 0–24 h, 8 h on average' : `${n} days are ${n - 2}–${n} days, ${n - 1} most likely`}`,
  };
}
