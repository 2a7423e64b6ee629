/**
 * Platforms lifted before the rest. A block of several platforms often ends in steps, and STOP
 * says so in its text: "Some platforms were restored by Feb 10. Facebook remained blocked."
 * (Uganda, 2021), "Most blocks were lifted by Jun. 8, but Telegram Web remained blocked on
 * provider Sonatel until Aug. 6." (Senegal, 2023), "even though access to X returned the same
 * day, Telegram remained blocked" (Tanzania, 2024). Pricing every platform over the whole span
 * prices months of blocks the record says ended after days.
 *
 * A block's cost is linear in each platform's weight × the hours it was blocked, so a platform
 * lifted early is priced exactly by scaling its weight by the share of the span it was blocked.
 * This module reads those shares from the text. It never guesses: a platform the text does not
 * place keeps the whole span, and with no lifting date stated, or no platform named as lifted or
 * as remaining, the result is null (the whole span for every platform). The rules and their
 * figures are in docs/design/014-price-of-an-hour.md (Decision 8).
 */
import { findPlatform } from './platforms.js';

export interface PlatformPhases {
  /** Share of the priced span each platform was blocked, in (0, 1]; platforms not listed keep 1. */
  shares: Record<string, number>;
  /** What the shares were read from, quoted. */
  basis: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DAY_ALTERNATIVES = `${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})\\s+${MONTH}(?:,?\\s+(\\d{4}))?`;
/** A day of a month: "Feb 10", "Jun. 8, 2023", "10 February". */
export const DAY_OF_MONTH = `(?:${DAY_ALTERNATIVES})`;
/** A day (DAY_OF_MONTH, its groups first), "the same day", or a year ("in 2021": by its end). */
export const DATE = `(?:${DAY_ALTERNATIVES}|the same day|in\\s+(\\d{4})\\b)`;
const LIFT_VERB = '(?:restored|lifted|unblocked|reinstated|unbanned|returned)';
/** "Some platforms were restored by Feb 10", "Most blocks were lifted by Jun. 8", "other platforms were unblocked on 10 February". */
const OTHERS_LIFTED = new RegExp(
  `\\b(?:some|most|other|the other|all other|the rest of the)\\s+(?:of the\\s+)?(?:[a-z]+\\s+){0,2}?(?:were|was|had been|have been)\\s+${LIFT_VERB}\\s+(?:(?:by|on|after|from)\\s+)?${DATE}`,
  'i',
);
/** Text within one sentence: a full stop ends it unless a number follows ("Aug. 6", "Sep. 21"). */
export const IN_SENTENCE = '(?:[^.;]|\\.(?=\\s*\\d))';
/** "access to X returned the same day", "WhatsApp and Google Play were restored in 2024 on Dec. 24". */
const NAMED_LIFTED = new RegExp(
  `(${IN_SENTENCE}*?)\\s+(?:was|were|had been|have been)?\\s*${LIFT_VERB}\\s+(?:in\\s+(\\d{4})\\s+)?(?:by\\s+|on\\s+|after\\s+)?${DATE}`,
  'gi',
);
/** "Facebook remained blocked", "Telegram Web remained blocked on provider Sonatel until Aug. 6". */
const REMAINED = new RegExp(
  `(${IN_SENTENCE}*?)\\s+(?:remained|remains|stayed|was still|were still|continued to be)\\s+(?:blocked|restricted|inaccessible|unavailable|banned)(${IN_SENTENCE}*)`,
  'gi',
);
const UNTIL = new RegExp(`\\buntil\\s+(?:at least\\s+)?(?:around\\s+)?${DATE}`, 'i');
/** "…, but the rest were ongoing", "the others remained blocked". */
const REST_REMAINED =
  /\b(?:the rest|the others|the remaining (?:platforms|services|apps))\s+(?:were|was|remained|remain|stayed)\s+(?:ongoing|blocked|restricted|in place)/i;

/**
 * "WhatsApp was blocked from Oct. 29 to Nov. 6", "Signal was blocked between Oct. 28 and
 * Nov. 4": a platform's own window, both ends dated (each day included).
 */
const WINDOW = new RegExp(
  `(${IN_SENTENCE}*?)\\s+(?:was|were|had been|have been)\\s+(?:blocked|restricted|banned|inaccessible)\\s+(?:in\\s+[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*)*\\s+)?(?:from|between)\\s+${DATE}\\s*(?:to|and|until|till|through|-|–)\\s*${DATE}`,
  'gi',
);

const DAY = 86_400_000;

/** True when a text gives some platform its own dated window (its reading may then need the ledger's block durations). */
const HAS_WINDOW = new RegExp(WINDOW.source, 'i');
export const statesPlatformWindow = (text: string): boolean => HAS_WINDOW.test(text);

/**
 * The instant a date phrase names: 00:00 UTC of that day ("the same day": the end of the start's
 * day; "in 2021": the end of that year, the latest it can mean). Its year is the one the phrase gives, else `year` ("restored in 2024 on Dec. 24"), else
 * the first such date on or after the start.
 */
export function dateOf(m: RegExpExecArray | RegExpMatchArray, at: number, startMs: number, year?: string): number | null {
  const phrase = m[0].toLowerCase();
  if (/the same day$/.test(phrase)) return Math.floor(startMs / DAY) * DAY + DAY;
  if (m[at + 6]) return Date.UTC(Number(m[at + 6]) + 1, 0, 1);
  const month = MONTHS.indexOf((m[at] ?? m[at + 4] ?? '').slice(0, 3).toLowerCase());
  const day = Number(m[at + 1] ?? m[at + 3]);
  const given = m[at + 2] ?? m[at + 5] ?? year;
  if (month < 0 || !(day >= 1 && day <= 31)) return null;
  const startYear = new Date(startMs).getUTCFullYear();
  let t = Date.UTC(given ? Number(given) : startYear, month, day);
  // A date without a year that falls before the start is in the next year.
  if (!given && t < Math.floor(startMs / DAY) * DAY) t = Date.UTC(startYear + 1, month, day);
  return t;
}

/** The event's platforms named in a phrase (by any of their names, as whole words). */
function named(phrase: string, platforms: readonly string[]): string[] {
  return platforms.filter((id) => {
    const p = findPlatform(id);
    const names = [id, ...(p?.names ?? [])];
    return names.some((n) => new RegExp(`(^|[^\\w])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[^\\w]|$)`, 'i').test(phrase));
  });
}

/**
 * The subject of the last clause of `s`: the words after the last "but", "however", "while",
 * "even though"…, then after the last comma, unless what precedes it is a short list item
 * ("Facebook, Instagram and Twitter").
 */
function subjectOf(s: string): string {
  const clause = s.split(/\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|\b(?:even )?though\b|\balthough\b/i).pop() ?? s;
  const parts = clause.split(',');
  let subject = parts.pop() ?? '';
  while (parts.length && parts[parts.length - 1]!.trim().split(/\s+/).length <= 3) subject = `${parts.pop()},${subject}`;
  return subject;
}

/**
 * Each platform's share of the span [start, end) it was blocked, as the event's text states
 * it, or null when the text states no step (see the module comment).
 */
export function platformPhases(
  text: string,
  platforms: readonly string[],
  start: string,
  end: string,
  unplaced?: { share: number; basis: string },
): PlatformPhases | null {
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  if (platforms.length < 2 || !(endMs > startMs)) return null;
  const span = endMs - startMs;
  const shareUntil = (t: number) => Math.min(1, Math.max(0, (t - startMs) / span));

  const remaining = new Map<string, number>();
  const quotes: string[] = [];
  for (const m of text.matchAll(REMAINED)) {
    const subject = subjectOf(m[1] ?? '');
    const ids = named(subject, platforms);
    if (!ids.length) continue;
    const until = UNTIL.exec(m[2] ?? '');
    // "until Aug. 6" includes that day.
    const t = until ? dateOf(until, 1, startMs) : null;
    for (const id of ids) remaining.set(id, t === null ? 1 : Math.max(shareUntil(t + DAY), 1e-4));
    quotes.push((subject + m[0].slice((m[1] ?? '').length)).trim());
  }

  // A platform's own dated window: the share of the span it covers (cost is linear in hours, so
  // where in the span the window lies does not matter).
  const windowed = new Map<string, number>();
  for (const m of text.matchAll(WINDOW)) {
    const subject = subjectOf(m[1] ?? '');
    const ids = named(subject, platforms).filter((id) => !remaining.has(id));
    const from = dateOf(m, 2, startMs);
    const to = from === null ? null : dateOf(m, 9, from);
    // An end without a year is taken after the start ("Dec. 28 to Jan. 3"), but not half a year after ("May 15 to May 12").
    const endYear = m[11] ?? m[14] ?? m[15];
    if (!ids.length || from === null || to === null || !(to >= from) || (!endYear && to - from > 183 * DAY)) continue;
    const share = Math.min(1, Math.max(0, (Math.min(endMs, to + DAY) - Math.max(startMs, from)) / span));
    for (const id of ids) windowed.set(id, share);
    quotes.push((subject + m[0].slice((m[1] ?? '').length)).replace(/^[\s,;:]+/, '').trim());
  }

  const lifted = new Map<string, number>();
  const others = OTHERS_LIFTED.exec(text);
  if (others && remaining.size) {
    const t = dateOf(others, 1, startMs);
    if (t !== null) for (const id of platforms) if (!remaining.has(id)) lifted.set(id, shareUntil(t));
    quotes.unshift(others[0].trim());
  } else {
    const rest = REST_REMAINED.exec(text);
    for (const m of text.matchAll(NAMED_LIFTED)) {
      const subject = subjectOf(m[1] ?? '');
      const ids = named(subject, platforms).filter((id) => !remaining.has(id));
      const t = ids.length ? dateOf(m, 3, startMs, m[2]) : null;
      if (t === null) continue;
      for (const id of ids) lifted.set(id, shareUntil(t));
      quotes.unshift((subject + m[0].slice((m[1] ?? '').length)).trim());
    }
    // Only the platforms the text says were lifted move; the others keep the whole span, so a
    // named lifting needs no "the rest remained" (it only confirms it).
    if (rest) quotes.push(rest[0]);
  }

  // A text that names the platforms blocked over the whole span ("Twitter, WeChat, and VKontakte
  // were blocked … from Nov. 3, 2021 until Aug. 1, 2022") does not say the record's other
  // platforms were blocked that long: each is given an unrecorded time (`unplaced`).
  const whole = [...windowed].filter(([, s]) => s >= 1).map(([id]) => id);
  const left = unplaced && whole.length ? platforms.filter((id) => !windowed.has(id) && !lifted.has(id) && !remaining.has(id)) : [];
  for (const id of left) lifted.set(id, unplaced!.share);
  if (left.length) quotes.push(`${left.join(', ')}: not named as blocked over the span, so each ${unplaced!.basis}`);

  const shares: Record<string, number> = {};
  for (const [id, s] of [...windowed, ...lifted, ...remaining]) if (s < 1) shares[id] = Math.max(s, 1e-4);
  // A step needs a platform lifted (or blocked only for a window) within the span and one
  // blocked longer: liftings that give every platform one date ("all were restored on Feb 10")
  // are no step.
  const steps = Object.keys(shares).filter((id) => lifted.has(id) || windowed.has(id));
  const all = platforms.map((id) => shares[id] ?? 1);
  if (!steps.length || Math.max(...all) - Math.min(...all) < 1e-9) return null;
  const list = platforms.map((id) => `${id} ${Math.round((shares[id] ?? 1) * 1000) / 10} %`).join(', ');
  return { shares, basis: `share of the span each platform was blocked, as the record states: ${list} ("${quotes.join('"; "')}")` };
}
