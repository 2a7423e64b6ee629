/**
 * What a shutdown record's own text says was cut. STOP files a record by its type and extent
 * columns, and a few records filed as a network shutdown describe no cut of any network:
 * "Facebook, Telegram, Signal, YouTube, and DuckDuckGo were blocked in Togo beginning Jun. 26
 * … daily, generalized throttling" (Togo, 2025: 92 days priced as the whole country offline),
 * "Iranian authorities banned the use of Starlink" (Iran, 2025). Pricing such a record as the
 * country cut off prices a blackout nobody reported.
 *
 * The reading is deliberately narrow: a record is read as something other than a network cut
 * only when its text says services were blocked, banned or restricted AND no sentence of it
 * puts a cutting word ("shut down", "cut off", "blackout", "suspended", "disrupted", "offline",
 * "down", "inaccessible", "blocked", "prohibited") within 60 characters of a network word
 * ("internet", "mobile", "network", "broadband", "services", …), and it names no shutdown or
 * blackout as such ("a reported shutdown on Nov. 26 in Astana", "a brief complete shutdown").
 * A record with no text of its own, or any doubt, keeps its filing. The records it changes on
 * the shipped ledger are listed in docs/design/014-price-of-an-hour.md (Decision 9).
 */

/** Words for the means of being online. */
const NETWORK =
  /\b(internet|networks?|mobile data|connectivity|broadband|mobile|fixed|fixed[- ]line|telecommunications?|phones?|cellular|3G|4G|traffic|services)\b/i;
/** Words for cutting something off. */
const CUTTING =
  /\b(shut ?downs?|shut(?:ting)? (?:down|off)|shuts (?:down|off)|cut|cuts|cutting|suspend\w*|blackouts?|disrupt\w*|offline|outages?|disconnect\w*|down|inaccessible|block\w*|prohibit\w*|bann\w*|restrict\w*)\b/gi;
/** A whole-network cut named without a network word. */
const WHOLE_CUT =
  /\b(complete|full|total|nationwide|countrywide|near-total)\s+(shut ?down|blackout|outage)|\b(shutdown|blackout)s?\b(?! of (social media|platforms?|apps?|services))/i;
/** Services blocked, banned or restricted. */
const BLOCKING = /\b(block(?:ed|ing|s)?|banned|bans?|restrict\w*|criminali[sz]ed|outlawed|prohibited)\b|\bshut\w* down (?:access to )?social media/i;
/** Satellite internet services: a ban on using them is not a cut of the country's networks. */
const SATELLITE = /\b(starlink|satellite)\b/i;
/** The text our STOP import writes for a record that has none. */
const NO_TEXT = /recorded by Access Now's #KeepItOn STOP/;

/** The sentences of a text: a full stop ends one unless a number follows ("Jun. 26"). */
const sentences = (text: string): string[] => text.split(/(?<=[.;])\s+(?=[A-Z(])/);

const quoted = (s: string): string => (s.length > 200 ? `${s.slice(0, 197)}…` : s);

/** The first phrase of the text that names a network being cut, or null. */
export function networkCutPhrase(text: string): string | null {
  const whole = WHOLE_CUT.exec(text);
  if (whole) return whole[0];
  for (const sentence of sentences(text)) {
    CUTTING.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CUTTING.exec(sentence))) {
      const near = sentence.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60);
      if (NETWORK.test(near)) return near.trim();
    }
  }
  return null;
}

export type RecordReading =
  /** The text describes blocks of services and names no cut of a network. */
  | { kind: 'services-only'; quote: string }
  /** The text describes a ban on using a satellite service (Starlink) and names no cut of a network. */
  | { kind: 'satellite-ban'; service: string; quote: string };

/**
 * Read a shutdown record's text: null when it names a network cut, has no text of its own, or
 * names no blocked service (it keeps its filing); otherwise what it says was cut. `targets` are
 * the services the record names.
 */
export function readShutdownText(summary: string | null | undefined, targets: readonly string[]): RecordReading | null {
  const text = (summary ?? '').trim();
  if (!text || NO_TEXT.test(text) || !BLOCKING.test(text)) return null;
  // A ban on a satellite service is read from the sentence that states it: the rest of such a
  // record tells of other shutdowns ("users continued to use Starlink during the full shutdown").
  if (targets.length > 0 && targets.every((t) => SATELLITE.test(t))) {
    const first = sentences(text)[0] ?? '';
    if (BLOCKING.test(first) && SATELLITE.test(first) && networkCutPhrase(first) === null)
      return { kind: 'satellite-ban', service: targets.join(', '), quote: quoted(first) };
    return null;
  }
  if (networkCutPhrase(text) !== null) return null;
  return { kind: 'services-only', quote: quoted(sentences(text).find((x) => BLOCKING.test(x)) ?? text) };
}
