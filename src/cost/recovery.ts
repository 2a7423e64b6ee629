/**
 * A cut that ended before its traffic came back, as its record says: "Although the near-total
 * blackout ended on Jun. 21, it took until Jun. 25 for traffic to return to pre-conflict levels"
 * (Iran, from 18 June 2025). STOP's end is the day traffic was back; priced as a whole cut to
 * that day, the days of recovery count as days of blackout. A record that dates a partial return
 * says the same of the hours after it: "Some networks returned around 1:30 UTC+0 on May 17, while
 * Giga went offline again until around 13:30 UTC+0 on May 17" (Tripoli, 2025), "The internet was
 * partially restored the next day around four o'clock and on June 22 was fully restored" (Yasuj,
 * 2021).
 *
 * From the instant the cut ended (or part of it came back), the share of the area's use still cut
 * falls from all of it to none by the end; how it fell is not recorded. It is priced as triangular
 * from 5 % to all of the area, most likely half (the mean of any steady return), through the
 * scenario's `narrowed` share: from an instant on, a smaller share of the country cut off. A day
 * named without a time is its middle (dated-windows.ts), and so is "the next day"; an hour without
 * am, pm or minutes ("around four o'clock") is not read as a time. The rule and its figures are in
 * docs/design/014-price-of-an-hour.md (Decision 21).
 */
import { DATE, instantAt, middayOf } from './dated-windows.js';

const ENDED_THEN_RETURNED = new RegExp(
  `\\b(?:(?:near-?total|total|full|complete|nationwide)\\s+)?(?:blackout|shutdown|outage)\\s+ended\\s+(?:on\\s+)?${DATE}[^.]{0,80}?\\b(?:took|lasted)\\s+until\\s+${DATE}\\s+for\\s+(?:the\\s+)?(?:traffic|connectivity|access|services?)\\s+to\\s+(?:fully\\s+)?(?:return|recover)`,
  'i',
);

/**
 * Part of what was cut came back at an instant the text then names: "Some networks returned
 * around …", "The internet was partially restored on …" (or "the next day"). What was restored
 * must be a network, a provider, the internet or access, not a named service.
 */
const PARTLY_BACK = new RegExp(
  `\\b(?:(?:some|several|many|most)\\s+(?:of\\s+the\\s+)?(?:networks?|providers?|operators?|ISPs|areas|regions)\\s+(?:were\\s+|had\\s+)?(?:returned|restored|came\\s+back|recovered|reconnected)|(?:the\\s+)?(?:internet|connectivity|access|network|mobile\\s+data|mobile\\s+internet)\\s+(?:was|were)\\s+partially\\s+(?:restored|returned|resumed|reconnected))\\s+(?:(?:around|about|approximately|roughly|at|by|on|from)\\s+|~\\s*)*`,
  'gi',
);
const NEXT_DAY = /^the\s+(?:next|following)\s+day\b/i;
const DAY = 86_400_000;

/** The share of the area still cut during the recovery: triangular(low, mode, high). */
export const RECOVERY_SHARE = { low: 0.05, mode: 0.5, high: 1 } as const;

export interface Recovery {
  /** The instant the cut ended, or part of it came back (ms). */
  ended: number;
  /** The instant traffic was back, as the text dates it (ms); null: the end of the record. */
  returned: number | null;
  quote: string;
}

/** The end of the cut and the return of its traffic, as a record's text dates them; null when it states no such phase. */
export function recoveryAfterCut(text: string, startMs: number): Recovery | null {
  return endedThenReturned(text, startMs) ?? partlyBack(text, startMs);
}

function endedThenReturned(text: string, startMs: number): Recovery | null {
  const m = ENDED_THEN_RETURNED.exec(text);
  if (!m) return null;
  const ended = middayOf(m[1]!, m[2]!, startMs);
  const returned = middayOf(m[3]!, m[4]!, startMs);
  if (ended === null || returned === null || !(ended > startMs) || !(returned > ended)) return null;
  return { ended, returned, quote: m[0] };
}

/** The first dated partial return after the record's start ("the next day": the middle of the day after its first). */
function partlyBack(text: string, startMs: number): Recovery | null {
  for (const m of text.matchAll(PARTLY_BACK)) {
    const rest = text.slice(m.index + m[0].length);
    const next = NEXT_DAY.exec(rest);
    const day0 = Math.floor(startMs / DAY) * DAY;
    const when = next ? { at: day0 + DAY + DAY / 2, phrase: next[0] } : instantAt(rest, startMs);
    if (when && when.at > startMs) return { ended: when.at, returned: null, quote: `${m[0]}${when.phrase}`.trim() };
  }
  return null;
}
