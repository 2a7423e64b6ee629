/**
 * How deep a disruption was, where its record says so. STOP files the Russian strikes on
 * Ukraine's power grid as shutdowns of the oblasts hit, and its text measures them: "Traffic
 * dropped by ~30-50% for entire regions", "Traffic was down 68% in Kharkiv", "its traffic dropped
 * 82%". Priced as the whole area offline, a disruption that took a third of the traffic is priced
 * three times over.
 *
 * Cost is linear in the share of the area's use cut off, so the stated drop scales the area's
 * share: a range ("~30-50%", "between ~21-50%") is triangular over it with its mode in the middle;
 * a single figure is the largest drop the record reports (the most-hit place, the worst hour), so
 * it is the mode and the high end, with half of it the low end. IODA's active probing signal (the
 * share of the area's networks that answer) is read as traffic is. A drop of the country's
 * traffic ("national traffic dropped 20%", "the active probing signal from IODA dropped ~10%
 * nationally") is not the depth of a local cut: it is the share of the whole country's use the
 * cut took, the area's share × its depth, so it bounds what the area can cost. The rule and its
 * figures are in docs/design/014-price-of-an-hour.md (Decision 17).
 */

export interface TrafficDrop {
  /** Share of the area's traffic lost: most likely, and the range. */
  share: number;
  low: number;
  high: number;
  /** What was read, quoted. */
  quote: string;
  /** The country's traffic, not the area's: the share of the whole country's use lost. */
  national: boolean;
}

const DROP =
  /\b(?:traffic|connectivity|probing\s+signal)\b[^.;]{0,40}?\b(?:was\s+)?(?:down|dropped|fell|declined|decreased|reduced)\s+(?:by\s+|to\s+)?(?:between\s+)?~?(\d{1,3})(?:\s*(?:-|–|to|and)\s*~?(\d{1,3}))?\s*%(\s+(?:lower|below|less))?/i;
/** The verb first: "dropped country-wide internet traffic by as much as 49%", "dropped country-wide traffic by 13%". */
const DROPPED =
  /\b(?:dropped|reduced|lowered|decreased|cut)\s+((?:[\w'-]+\s+){0,3}?)(?:traffic|connectivity)\s+(?:\w+\s+)?by\s+(?:as much as\s+|up to\s+|about\s+|approximately\s+|~)?(\d{1,3})\s*%/i;
/** The country's traffic, not the area's: the words just before the noun, or between verb and noun. */
const COUNTRY_WORDS = "(national|nationwide|country-?wide|the country's)";
const NATIONAL = new RegExp(`\\b${COUNTRY_WORDS}\\s+$`, 'i');
const COUNTRY_WORD = new RegExp(`\\b${COUNTRY_WORDS}\\b`, 'i');
/** The country named just after the figure: "dropped ~10% nationally". */
const NATIONAL_AFTER = /^\s*(?:nationally|nationwide|country-?wide|across the country)\b/i;

/** The drop stated, its figures as written, and whether it is the country's traffic. */
function stated(text: string): { quote: string; a: string; b?: string; lower: boolean; to: boolean; national: boolean } | null {
  const m = DROP.exec(text);
  if (m) {
    const before = NATIONAL.exec(text.slice(Math.max(0, m.index - 30), m.index));
    const after = NATIONAL_AFTER.exec(text.slice(m.index + m[0].length));
    return {
      quote: (before?.[0] ?? '') + m[0] + (after?.[0] ?? ''),
      a: m[1]!,
      b: m[2],
      lower: !!m[3],
      to: /\bto\s+(?:between\s+)?~?\d/i.test(m[0]),
      national: before !== null || after !== null,
    };
  }
  const v = DROPPED.exec(text);
  return v ? { quote: v[0], a: v[2]!, lower: false, to: false, national: COUNTRY_WORD.test(v[1]!) } : null;
}

/**
 * The drop an event's text states, or null. A drop of the area's traffic is the disruption's
 * depth. A drop of the country's traffic is that depth only for a disruption of the whole country
 * (`wholeCountry`: Ukraine's nationwide grid strikes of November–December 2022); for a smaller
 * area it comes back marked `national`, the share of the country's use lost.
 */
export function trafficDrop(text: string, wholeCountry = false): TrafficDrop | null {
  const m = stated(text);
  if (!m) return null;
  const national = m.national && !wholeCountry;
  // "dropped to 40%" without "lower": 40 % of the traffic was left.
  const to = m.to && !m.lower;
  const a = Number(m.a) / 100;
  const b = m.b === undefined ? undefined : Number(m.b) / 100;
  const lost = (x: number) => (to ? 1 - x : x);
  if (b === undefined) {
    const d = lost(a);
    return d > 0 && d < 1 ? { share: d, low: d / 2, high: d, quote: m.quote.trim(), national } : null;
  }
  const [lo, hi] = [lost(a), lost(b)].sort((x, y) => x - y) as [number, number];
  return lo > 0 && hi < 1 && lo < hi ? { share: (lo + hi) / 2, low: lo, high: hi, quote: m.quote.trim(), national } : null;
}
