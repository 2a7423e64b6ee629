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
 * blackout as such ("a complete blackout"). A cut the text calls brief ("Telegram and Instagram
 * blocked, and a brief complete shutdown", Iran 2017–18: 14 days), or dates to one day ("blocks
 * … as well as a reported shutdown on Nov. 26 in Astana", Kazakhstan 2022), is not the span:
 * the record is read as the blocks, with the brief cut beside them (`brief_cut`). A record with
 * no text of its own, or any doubt, keeps its filing. The records it changes on
 * the shipped ledger are listed in docs/design/014-price-of-an-hour.md (Decision 9).
 *
 * An event STOP repeats once per count_year has one text per record, and they can disagree. All
 * of them are read (the same texts, in the same order, as the schedule and platform-step
 * readers: event-scenario.ts, textsOf): one that describes a cut of a network keeps the filing,
 * whichever record it comes from and whatever the others say.
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
/**
 * A whole-network cut the text calls brief ("a brief complete shutdown"), or dates to one day ("a
 * reported shutdown on Nov. 26 in Astana": at most that day): not the record's span.
 */
const BRIEF_CUT =
  /\b(?:brief|short|short-lived|momentary)\s+(?:(?:complete|full|total|nationwide|near-total|internet|network)\s+)?(?:shut ?down|blackout|outage)s?\b|\b(?:a|one)\s+(?:reported\s+)?(?:shut ?down|blackout|outage)\s+on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b(?!\s*(?:-|–|to|until|through|and)\s*\d)/gi;
/** A place named right after a cut dated to one day ("… on Nov. 26 in Astana"): where it was cut. */
const BRIEF_PLACE = /^\s+in\s+(?:the\s+(?:city|capital|town|region|province)\s+of\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})/;
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
  /**
   * The texts describe blocks of services and name no cut of a network, or only one they call
   * brief (`brief_cut`, quoted: its length is not stated, and it is not the record's span), with
   * the place the text names right after it (`brief_place`: "on Nov. 26 in Astana").
   */
  | { kind: 'services-only'; quote: string; brief_cut?: string; brief_place?: string }
  /** The texts describe a ban on using a satellite service (Starlink) and none names a cut of a network in its first sentence. */
  | { kind: 'satellite-ban'; service: string; quote: string };

/** A text of the record's own: not empty and not the placeholder our import writes for none. */
const ownText = (t: string | null | undefined): string | null => {
  const text = (t ?? '').trim();
  return text && !NO_TEXT.test(text) ? text : null;
};

/**
 * Read what an event's records say was cut, from every text of them (`texts`: the summary and
 * each record's text, as textsOf gives them; texts of no record's own are passed over): null
 * when any text names a network cut, or none names a blocked service (the record keeps its
 * filing); otherwise what they say was cut, quoted from the first text that says it. `targets`
 * are the services the record names.
 */
export function readShutdownText(texts: readonly (string | null | undefined)[], targets: readonly string[]): RecordReading | null {
  const own = texts.map(ownText).filter((t): t is string => t !== null);
  // A ban on a satellite service is read from the sentence that states it, the first: the rest
  // of such a record tells of other shutdowns ("users continued to use Starlink during the full
  // shutdown"). A first sentence naming a network cut, in any text, keeps the filing.
  if (targets.length > 0 && targets.every((t) => SATELLITE.test(t))) {
    const firsts = own.map((t) => sentences(t)[0] ?? '');
    if (firsts.some((f) => networkCutPhrase(f) !== null)) return null;
    const ban = firsts.find((f) => BLOCKING.test(f) && SATELLITE.test(f));
    return ban === undefined ? null : { kind: 'satellite-ban', service: targets.join(', '), quote: quoted(ban) };
  }
  // A cut the text calls brief is read apart: the rest of the text must name no other cut.
  const brief = briefCut(own);
  const rest = own.map((t) => t.replace(BRIEF_CUT, (m) => ' '.repeat(m.length)));
  if (rest.some((t) => networkCutPhrase(t) !== null)) return null;
  const blocking = own.find((t) => BLOCKING.test(t));
  if (blocking === undefined) return null;
  const quote = quoted(sentences(blocking).find((x) => BLOCKING.test(x)) ?? blocking);
  if (brief === undefined) return { kind: 'services-only', quote };
  return brief.place
    ? { kind: 'services-only', quote, brief_cut: brief.quote, brief_place: brief.place }
    : { kind: 'services-only', quote, brief_cut: brief.quote };
}

/** The first brief cut the texts name, with the place named right after it, if any. */
function briefCut(texts: readonly string[]): { quote: string; place?: string } | undefined {
  for (const t of texts) {
    const m = new RegExp(BRIEF_CUT.source, 'i').exec(t);
    if (!m) continue;
    const p = BRIEF_PLACE.exec(t.slice(m.index + m[0].length));
    return p ? { quote: m[0], place: p[1]! } : { quote: m[0] };
  }
  return undefined;
}
