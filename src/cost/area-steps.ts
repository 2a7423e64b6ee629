/**
 * An area cut off that narrowed. A regional shutdown often ends in most of its area and goes on
 * in a part of it, and STOP says so in its text: "Although access was restored in most states
 * around 12 weeks later, reports indicate that Birnin Gwari, Kaduna State, has remained cutoff
 * since 2021" (Nigeria, from 2 September 2021; STOP repeats the record every year since). Pricing
 * the whole area over the whole span prices four states for years where the record says one
 * district was left.
 *
 * Cost is linear in the share of the country cut off × the hours, so the narrowing is priced
 * exactly by giving each period the share of its hours before and after it (weights.ts,
 * affectedUnits). This module only reads the text: the instant the area narrowed and the place
 * named as left cut off. It never guesses: it needs both a restoration over part of the area with
 * a date ("on Nov. 28", "by 3 March") or a delay from the start ("around 12 weeks later", "after
 * 10 days"), and a place named as remaining cut off ("X has remained cut off", "except in X");
 * otherwise the result is null (the whole area over the whole span). The rules and figures are in
 * docs/design/014-price-of-an-hour.md (Decision 10).
 */
import { DATE, IN_SENTENCE, dateOf } from './phases.js';
import { NUMBER_WORDS } from './schedule.js';

export interface AreaNarrowing {
  /** The instant the area narrowed (ms since the epoch). */
  at: number;
  /** The text naming the place left cut off ("Birnin Gwari, Kaduna State"). */
  remainder: string;
  /** True when the text gives the instant approximately ("around 12 weeks later"). */
  approximate: boolean;
  /** What was read, quoted. */
  quote: string;
}

/** Number words, and "a week later". */
const NUMBERS: Readonly<Record<string, number>> = { a: 1, an: 1, ...NUMBER_WORDS };
const UNIT_MS = { day: 86_400_000, week: 7 * 86_400_000, month: 30.44 * 86_400_000 } as const;

const WHAT =
  '(?:access|service|services|the internet|internet|connectivity|connections?|(?:mobile|phone|telephone|telecom(?:munication)?s?|network|internet)\\s+(?:services?|access|connections?|networks?))';
const RESTORE = '(?:restored|reinstated|resumed|returned|reconnected|switched back on)';
const PART = '(?:most|some|many|several|other|the other|all other|the rest of the|the remaining|parts of the|much of the|most of the)';
const AREA =
  '(?:states?|regions?|provinces?|districts?|areas?|count(?:y|ies)|cities|towns|parts|localities|oblasts|governorates|zones|divisions|townships|municipalities|LGAs|local government areas)';
const APPROX = '(?:around|about|roughly|approximately|some|nearly|almost|over|more than)';
/** "around 12 weeks later", "after 10 days", "two months after". */
const DELAY = `(?:(${APPROX})\\s+)?(\\d+|${Object.keys(NUMBERS).join('|')})\\s+(day|week|month)s?\\s+(?:later|after(?:wards)?|after the shutdown began)`;
const AFTER_DELAY = `after\\s+(?:(${APPROX})\\s+)?(\\d+|${Object.keys(NUMBERS).join('|')})\\s+(day|week|month)s?`;
/**
 * A restoration over part of the area (not "some areas of Hpakant": a part of a named place leaves
 * no named remainder), with when: groups 1–3 a delay, 4–6 "after" a delay, 7–13 a date. */
const PART_RESTORED = new RegExp(
  `\\b(?:${WHAT}\\s+(?:was|were|has been|have been|had been)\\s+(?:\\w+\\s+)?${RESTORE}|${RESTORE}\\s+(?:\\w+\\s+){0,2}?${WHAT})\\s+(?:to|in|across|for)\\s+${PART}\\s+(?:of the\\s+)?(?:\\w+\\s+)?${AREA}\\b(?!\\s+of\\s+[A-Z])${IN_SENTENCE}{0,40}?(?:${DELAY}|${AFTER_DELAY}|(?:on|by|from)\\s+${DATE})`,
  'i',
);
/** A restoration with its date, then "except (in) X": groups 1–7 the date, 8 the place. */
const RESTORED_EXCEPT = new RegExp(
  `\\b${WHAT}\\s+(?:was|were|has been|have been|had been)\\s+(?:\\w+\\s+)?${RESTORE}\\b${IN_SENTENCE}{0,60}?(?:on|by|from)\\s+${DATE}\\s*,?\\s+(?:except|save|apart from)\\s+(?:in|for)\\s+(${IN_SENTENCE}+)`,
  'i',
);
/** "… has remained cut off", "… remains offline", "… was still disconnected". */
const REMAINED =
  /\s*,?\s+(?:has|have|had)?\s*(?:remained|remains|stayed|stays|is still|are still|was still|were still|continued to be|continues to be)\s+(?:cut\s?-?off|offline|disconnected|without (?:internet|access|service|connectivity|network)|shut ?down|in (?:the )?dark|under (?:a |the )?(?:shutdown|blackout))/gi;
/** The proper name just before a verb: capitalised words, with one ", Region" after the place. */
const TRAILING_NAME = /((?:[A-Z][\w'’-]*)(?:[ -](?:[A-Z][\w'’-]*|of|de|el|al))*(?:,\s*[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)?)\s*$/;

const numberOf = (s: string) => NUMBERS[s.toLowerCase()] ?? Number(s);

/** The place named as left cut off, or null. */
function remainderOf(text: string): { name: string; quote: string } | null {
  for (const m of text.matchAll(REMAINED)) {
    const before =
      text
        .slice(0, m.index)
        .split(/[.;]\s|\bthat\b|\bbut\b|\bwhile\b/)
        .pop() ?? '';
    const name = TRAILING_NAME.exec(before)?.[1]?.trim();
    if (name && !/^(?:The|It|This|Internet|Access|Service|Mobile)$/.test(name)) return { name, quote: `${name}${m[0]}`.trim() };
  }
  return null;
}

/**
 * When the area cut off narrowed and to what, as the event's text states it, or null when it
 * states no such step (see the module comment). A delay ("12 weeks later") counts from `start`,
 * the start of the whole event.
 */
export function areaNarrowing(text: string, start: string): AreaNarrowing | null {
  const startMs = Date.parse(start);
  if (!Number.isFinite(startMs)) return null;
  const except = RESTORED_EXCEPT.exec(text);
  if (except) {
    const at = dateOf(except, 1, startMs);
    // The place is what follows "except in", up to the next clause ("…, where it stayed off").
    const name = except[8]!.split(/,|\b(?:where|which|due|because|until|as well|and the)\b/)[0]!.trim();
    if (at !== null && at > startMs && /^[A-Z]/.test(name) && name.split(/\s+/).length <= 6)
      return { at, remainder: name, approximate: false, quote: except[0].trim() };
  }
  const part = PART_RESTORED.exec(text);
  const rest = part ? remainderOf(text) : null;
  if (!part || !rest) return null;
  let at: number | null;
  let approximate = false;
  if (part[2] ?? part[5]) {
    const n = numberOf((part[2] ?? part[5])!);
    const unit = (part[3] ?? part[6])!.toLowerCase() as keyof typeof UNIT_MS;
    approximate = !!(part[1] ?? part[4]) || unit === 'month';
    at = Number.isFinite(n) && n > 0 ? startMs + n * UNIT_MS[unit] : null;
  } else at = dateOf(part, 7, startMs);
  if (at === null || !(at > startMs)) return null;
  return { at, remainder: rest.name, approximate, quote: `${part[0].trim().replace(/\.$/, '')}; ${rest.quote}` };
}
