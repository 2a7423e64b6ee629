/**
 * A cut that ended before its traffic came back, as its record says: "Although the near-total
 * blackout ended on Jun. 21, it took until Jun. 25 for traffic to return to pre-conflict levels"
 * (Iran, from 18 June 2025). STOP's end is the day traffic was back; priced as a whole cut to
 * that day, the days of recovery count as days of blackout.
 *
 * From the day the cut ended, the share of the area's use still cut falls from all of it to none
 * by the day traffic returned; how it fell is not recorded. It is priced as triangular from 5 % to
 * all of the area, most likely half (the mean of any steady return), through the scenario's
 * `narrowed` share: from an instant on, a smaller share of the country cut off. A day named
 * without a time is its middle (dated-windows.ts). The rule and its figures are in
 * docs/design/014-price-of-an-hour.md (Decision 21).
 */
import { DATE, middayOf } from './dated-windows.js';

const ENDED_THEN_RETURNED = new RegExp(
  `\\b(?:(?:near-?total|total|full|complete|nationwide)\\s+)?(?:blackout|shutdown|outage)\\s+ended\\s+(?:on\\s+)?${DATE}[^.]{0,80}?\\b(?:took|lasted)\\s+until\\s+${DATE}\\s+for\\s+(?:the\\s+)?(?:traffic|connectivity|access|services?)\\s+to\\s+(?:fully\\s+)?(?:return|recover)`,
  'i',
);

/** The share of the area still cut during the recovery: triangular(low, mode, high). */
export const RECOVERY_SHARE = { low: 0.05, mode: 0.5, high: 1 } as const;

export interface Recovery {
  /** The instant the cut ended (ms): the middle of the day named. */
  ended: number;
  /** The instant traffic was back, as the text dates it (ms). */
  returned: number;
  quote: string;
}

/** The end of the cut and the return of its traffic, as a record's text dates them; null when it states no such phase. */
export function recoveryAfterCut(text: string, startMs: number): Recovery | null {
  const m = ENDED_THEN_RETURNED.exec(text);
  if (!m) return null;
  const ended = middayOf(m[1]!, m[2]!, startMs);
  const returned = middayOf(m[3]!, m[4]!, startMs);
  if (ended === null || returned === null || !(ended > startMs) || !(returned > ended)) return null;
  return { ended, returned, quote: m[0] };
}
