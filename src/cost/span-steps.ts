/**
 * What a record says of its span: the hours actually cut (a schedule, dated windows, a length its
 * dates give on average), an end nobody recorded given the durations of ended events, and the
 * steps within the span (the area narrowed, the cut eased as traffic came back, a year it was
 * largely in place, platforms lifted before the rest), then how a "Shutdown, Throttle" record
 * divides between cut and slowed hours. Each step sets the scenario input and says why in
 * `mapping`; eventScenario (event-scenario.ts) calls them in order.
 */
import type { LedgerEvent } from '../ledger/index.js';
import { SHUTDOWN_AND_THROTTLE_TAG } from '../ledger/index.js';
import { geocodeArea, isoNames } from '../geo/index.js';
import { areaNarrowing } from './area-steps.js';
import { cutAndSlowed, type Stated } from './cut-and-slowed.js';
import type { EventPiece, LedgerPriors } from './event-scenario.js';
import { platformPhases } from './phases.js';
import { RECOVERY_SHARE, recoveryAfterCut } from './recovery.js';
import type { ScenarioInput } from './scenario.js';
import { blackoutLength, datedSchedule, datesOnlyShare, scheduleOf, statedHours } from './schedule.js';
import { parseSpan } from './span.js';
import { stillLargelyCutYears } from './still-cut.js';
import { durationsFor, type DurationTable, type Durations } from './unknown-end.js';
import { SHARE_SPREAD } from './weights.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A block of several platforms whose record says some were lifted before the rest ("Some
 * platforms were restored by Feb 10. Facebook remained blocked.") prices each platform for the
 * share of the priced span it was blocked (phases.ts), as the first of the event's texts that
 * states a step gives it (textsOf). A weight given in the request prices the set as one and is
 * left alone.
 */
function platformSteps(texts: readonly string[], input: ScenarioInput, mapping: string[], blocks?: Durations): void {
  if (!input.platform || input.platform_weight !== undefined || !input.start || !input.end) return;
  let span: ReturnType<typeof parseSpan>;
  try {
    span = parseSpan({ start: input.start, end: input.end });
  } catch {
    return; // a bad span is reported by parseScenario, naming the field
  }
  // A platform the text leaves out where it names those blocked over the whole span: the median of the ended blocks.
  const unplaced = blocks
    ? {
        share: Math.min(1, (blocks.median * 24) / span.hours),
        basis: `${blocks.median} d, the median duration of the ${blocks.n} ended blocks of ${blocks.of} (quartiles ${blocks.q1}–${blocks.q3} d)`,
      }
    : undefined;
  let p: ReturnType<typeof platformPhases> = null;
  for (const text of texts) if (!p && span.start && span.end) p = platformPhases(text, input.platform.split(','), span.start, span.end, unplaced);
  if (!p) return;
  input.platform_phases = p;
  mapping.push(`platforms lifted at different times: ${p.basis}`);
}

/** The durations of the ended service blocks of the event's country (or of every country), for platforms a text does not place. */
function blockDurations(e: LedgerEvent, country: string | undefined, table: DurationTable | undefined): Durations | undefined {
  return table && country ? durationsFor(table, { ...e, category: 'block', subtype: 'platform' }, country) : undefined;
}

/**
 * What the records say changed within the priced span, once its ends are known: the area
 * narrowed, the cut eased as traffic returned, a year the cut was largely in place, platforms
 * lifted before the rest.
 */
function spanSteps(e: EventPiece, texts: readonly string[], input: ScenarioInput, mapping: string[], priors: LedgerPriors): Stated {
  narrowedArea(e, texts, input, mapping);
  const eased = recoveryPhase(e, texts, input, mapping);
  stillLargelyCutYears(priors.yearTexts?.get(e.id), input, mapping);
  platformSteps(texts, input, mapping, blockDurations(e, input.country, priors.durations));
  return eased ? 'hours' : null;
}

/**
 * The steps within the priced span, then how a record STOP files as "Shutdown, Throttle" divides
 * between cut and slowed hours, unless its texts state its hours or depth (`stated`, or a dated
 * recovery read among the steps).
 */
export function stepsAndSplit(
  e: EventPiece,
  texts: readonly string[],
  input: ScenarioInput,
  mapping: string[],
  priors: LedgerPriors,
  stated: Stated,
  severity?: number,
): void {
  const eased = spanSteps(e, texts, input, mapping, priors);
  if (e.tags.includes(SHUTDOWN_AND_THROTTLE_TAG)) cutAndSlowed(input, mapping, stated ?? eased, severity);
}

/**
 * An area that narrowed: the record says most of the area was restored at some instant and names
 * the place left cut off ("access was restored in most states around 12 weeks later … Birnin
 * Gwari, Kaduna State, has remained cutoff"; area-steps.ts). From that instant the scenario is
 * priced as the place's population share (geocoded like any area), period by period
 * (weights.ts, affectedUnits). The first of the event's texts that states a narrowing wins. A
 * delay ("12 weeks later") counts from the start of the whole event, also in a piece of it. Areas
 * priced by regional output (Russia, China) are left whole: their share is not a population share.
 */
function narrowedArea(e: EventPiece, texts: readonly string[], input: ScenarioInput, mapping: string[]): void {
  const country = input.country;
  if (!country || input.regions?.length || !input.start || !input.end || e.category === 'block') return;
  const whole = e.whole_start ?? e.start;
  let n: ReturnType<typeof areaNarrowing> = null;
  for (const t of texts) if (!n) n = areaNarrowing(t, whole);
  if (!n) return;
  const from = new Date(n.at).toISOString();
  const when = `${from.slice(0, 10)}${n.approximate ? ' (approximately, as the record says)' : ''}`;
  if (!(n.at < pricedEnd(input))) return;
  const place = placeShare(country, n.remainder, 'the place left cut off');
  const before = input.affected_share ?? 1;
  if (!('share' in place) || !(place.share < before)) {
    mapping.push(
      `its record says the area cut off narrowed from ${when} to ${n.remainder} ("${n.quote}"), ${'share' in place ? 'no smaller than the area priced' : `which could not be placed (${place.reason})`}: the whole area is priced over the whole span`,
    );
    return;
  }
  const basis = `${place.basis}; the record: "${n.quote}"`;
  input.narrowed = { from, share: place.share, low: place.low, high: place.high, basis };
  mapping.push(
    `the area cut off narrowed from ${when}: from then priced as ${n.remainder}, ${(place.share * 100).toPrecision(3)} % of ${country}'s population (${basis})`,
  );
}

/**
 * The population share of a place a record names (the place left cut off, the place of a brief
 * cut), geocoded like any area, with its range by the geocoder's confidence (SHARE_SPREAD); or
 * the reason it could not be placed.
 */
export function placeShare(country: string, place: string, what: string): { share: number; low: number; high: number; basis: string } | { reason: string } {
  const geo = geocodeArea(country, place, 'local', isoNames);
  const pop = geo.population_affected;
  if (!pop) return { reason: geo.reason ?? 'no place with a population' };
  const f = SHARE_SPREAD[pop.confidence];
  const places = geo.places.map((p) => `${p.name} (${p.kind}, ${p.population.toLocaleString('en-US')})`).join(', ');
  const basis = `the population share of ${what}, ${pop.estimate.toLocaleString('en-US')} people of ${pop.national_population.toLocaleString('en-US')} (${pop.year}): ${places}; geocoding confidence ${pop.confidence}, ×/÷ ${f}`;
  return { share: pop.share, low: pop.share / f, high: Math.min(1, pop.share * f), basis };
}

/**
 * A cut that ended before its traffic returned, or part of which came back before its end
 * (recovery.ts): from that instant the area is priced at the share still cut while traffic came
 * back, through the scenario's `narrowed` share. The first text that dates such a phase wins; an
 * area that narrowed, a block, or regions priced by their output are left alone. True when a
 * phase was read within the span.
 */
function recoveryPhase(e: EventPiece, texts: readonly string[], input: ScenarioInput, mapping: string[]): boolean {
  if (input.narrowed || input.regions?.length || !input.start || !input.end || !input.type || !['full', 'mobile', 'fixed'].includes(input.type)) return false;
  const whole = Date.parse(e.whole_start ?? e.start);
  const r = texts.map((t) => recoveryAfterCut(t, whole)).find((x) => x !== null);
  if (!r || !(r.ended < pricedEnd(input))) return false;
  const before = input.affected_share ?? 1;
  const from = new Date(r.ended).toISOString();
  const when = from.endsWith('T12:00:00.000Z') ? from.slice(0, 10) : `${from.slice(0, 16)}Z`;
  const { low, mode, high } = RECOVERY_SHARE;
  const what =
    r.returned === null
      ? `part of the cut came back ${when} ("${r.quote}")`
      : `the cut ended ${when} and traffic returned by ${new Date(r.returned).toISOString().slice(0, 10)} ("${r.quote}")`;
  const basis = `${what}: the share still cut while the rest came back, triangular(${low * 100} %, ${mode * 100} %, ${high * 100} %) of the area`;
  input.narrowed = { from, share: before * mode, low: before * low, high: before * high, basis };
  mapping.push(
    `its record says ${r.returned === null ? 'part of the cut came back before its end' : 'the cut ended before traffic returned'} ("${r.quote}"): from ${when} priced as ${mode * 100} % of the area cut off (${low * 100}–${high * 100} %)`,
  );
  return true;
}

/** The instant the priced span ends (a date's end is the end of that day), in ms; NaN when the span is bad. */
function pricedEnd(input: ScenarioInput): number {
  try {
    return Date.parse(parseSpan({ start: input.start, end: input.end }).end ?? '');
  } catch {
    return NaN; // a bad span is reported by parseScenario, naming the field
  }
}

/** Price an event with no recorded end up to the upper quartile of ended events, cut for triangular(q1, median, q3)/q3 of it. */
export function imputeEnd(e: LedgerEvent, d: Durations, input: ScenarioInput, mapping: string[]): void {
  const start = e.start.slice(0, 10);
  input.start = /^\d{4}-\d{2}-\d{2}T/.test(e.start) ? e.start : start;
  input.end = new Date(Date.parse(start) + (d.q3 - 1) * 86_400_000).toISOString().slice(0, 10);
  const basis = `end not recorded: duration of the ${d.n} ended events of ${d.of} of the same kind, median ${d.median} d (quartiles ${d.q1}–${d.q3} d)`;
  if (d.median < d.q3) {
    input.active_share = d.median / d.q3;
    input.active_low = d.q1 / d.q3;
    input.active_high = 1;
  }
  input.active_basis = basis;
  // the days priced are drawn triangular(q1, median, q3): the median is their most likely value, (q1 + median + q3) / 3 their mean
  const mean = Math.round(((d.q1 + d.median + d.q3) / 3) * 10) / 10;
  mapping.push(
    d.median < d.q3
      ? `priced from ${start} to ${input.end} (${d.q3} d, the upper quartile) for ${d.q1}–${d.q3} of those days, most likely ${d.median} (the median), ${mean} on average: ${basis}`
      : `priced from ${start} to ${input.end} (${d.q3} d, the upper quartile, also the median) for all of those days: ${basis}`,
  );
}

/**
 * An end nobody recorded, on a record whose text states a daily schedule ("Service was down daily
 * for about 5 hours") or whose cause STOP gives as exam cheating (cut for the exam's hours of each
 * day, Decision 1 of docs/design/013): the days imputed by imputeEnd are cut for that part of each day, not
 * whole. A count of occasions ("26 times") is not read here: over days nobody recorded it could
 * not be placed. True when it read the hours cut each day; false for none, or for the hours
 * service was up ("only available for 2-3 hours per day"), whose rest may be cut or slowed.
 */
export function dailyWithinImputed(e: LedgerEvent, texts: readonly string[], d: Durations, input: ScenarioInput, mapping: string[]): boolean {
  // Only STOP's cause says an exam shutdown here: a text naming an exam ("protests over a recruitment examination") does not.
  const exam = e.tags.includes('exam-cheating');
  const span = d.q3 * 24;
  const s = (texts.length ? texts : ['']).map((t) => scheduleOf(t, span, exam)).find((x) => x !== null && x.occasions % d.q3 === 0);
  if (!s) return false;
  const base = input.active_share ?? 1;
  input.active_share = base * s.share;
  input.active_low = (input.active_low ?? base) * s.low;
  input.active_high = (input.active_high ?? base) * s.high;
  input.active_basis = `${input.active_basis}; each day cut for ${s.occasions / d.q3} × ${s.hours_each} h: ${s.basis}`;
  mapping.push(`each of those days priced for ${Math.round((s.hours / d.q3) * 10) / 10} h of 24 (${s.basis})`);
  return !s.up;
}

/**
 * Hours actually cut within an ended event's dates, from the schedule its text states (a few
 * hours a day, N occasions); with none stated, a record of dates without times is priced for
 * the length its dates give on average (schedule.ts, datesOnlyShare); timed spans stay whole.
 * Of the event's texts (textsOf), the first that states hours or a schedule by itself wins;
 * failing that, the first that gives one as an exam shutdown (the exam default hours). True when
 * the hours priced come from a text that states the hours cut (a schedule, dated windows, times
 * for the whole span); not for the hours it says service was up, whose rest may be cut or slowed.
 */
export function activeHours(e: LedgerEvent, texts: readonly string[], input: ScenarioInput, mapping: string[]): boolean {
  let spanHours: number;
  try {
    spanHours = parseSpan({ start: input.start, end: input.end }).hours;
  } catch {
    return false; // a bad span is reported by parseScenario, naming the field
  }
  const exam = e.tags.includes('exam-cheating') || texts.some((t) => /\bexam/i.test(t));
  const startMs = Date.parse(input.start ?? '');
  // Each text is read once: its dated windows first (they state hours by themselves), else its schedule.
  const reads = texts.map((t) => {
    const dated = Number.isFinite(startMs) ? datedSchedule(t, spanHours, startMs) : undefined;
    if (dated !== undefined) return { s: dated === 'whole' ? null : dated, states: true, whole: dated === 'whole' };
    const at = Number.isFinite(startMs) ? startMs : undefined;
    return { s: scheduleOf(t, spanHours, exam, at), states: statedHours(t) !== null || scheduleOf(t, spanHours, false, at) !== null, whole: false };
  });
  const s = (reads.find((r) => r.s && r.states) ?? reads.find((r) => r.s))?.s ?? null;
  if (!s) {
    // Times stated for the whole span: nothing to average over.
    if (reads.some((r) => r.whole)) return true;
    // Cut for part of its span and slowed for the rest: a blackout's stated length is the part cut.
    const b = e.tags.includes(SHUTDOWN_AND_THROTTLE_TAG) ? texts.map(blackoutLength).find((x) => x !== null && x.hours < spanHours) : undefined;
    if (b) {
      input.active_share = input.active_low = input.active_high = b.hours / spanHours;
      input.active_basis = `1 × ${b.hours} h of ${Math.round(spanHours)} h: "${b.phrase}" (the blackout's length, the part of the span cut)`;
      mapping.push(
        `priced for ${b.hours} h of the ${Math.round(spanHours)} h between start and end ("${b.phrase}": the blackout's length, the part of the span cut; the rest slowed)`,
      );
      return true;
    }
    const d = e.date_precision === 'day' && DATE_ONLY.test(e.start) && DATE_ONLY.test(e.end ?? '') ? datesOnlyShare(spanHours) : null;
    if (!d) return false;
    input.active_share = d.share;
    input.active_low = d.low;
    input.active_high = d.high;
    input.active_basis = d.basis;
    mapping.push(`priced for ${Math.round(d.hours * 10) / 10} h of the ${Math.round(spanHours)} h its dates span, on average (${d.basis})`);
    return false;
  }
  input.active_share = s.share;
  input.active_low = s.low;
  input.active_high = s.high;
  input.active_basis = `${s.occasions} × ${s.hours_each} h of ${Math.round(s.span_hours)} h: ${s.basis}`;
  mapping.push(`priced for ${Math.round(s.hours * 10) / 10} h of the ${Math.round(s.span_hours)} h between start and end (${s.basis})`);
  return !s.up;
}
