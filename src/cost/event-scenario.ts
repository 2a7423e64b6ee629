/**
 * The ledger link: a shutdown, throttling or block event becomes a cost scenario (its country,
 * regions, type and time span). What the ledger does not record but a scenario needs (a
 * throttle's severity, an end date for an ongoing block, a single country) is reported as
 * `missing`, with how to supply it, instead of being guessed.
 */
import type { LedgerEvent } from '../ledger/index.js';
import { SHUTDOWN_AND_THROTTLE_TAG, TECHNICAL_CATEGORIES } from '../ledger/index.js';
import { geocodeArea, isoNames, statsRegionsOf } from '../geo/index.js';
import { areaNarrowing } from './area-steps.js';
import { SHARE_SPREAD } from './weights.js';
import { AppError, partialDateEnd, partialDateStart } from '../shared/index.js';
import { findPlatform, unweightedTargets, WEIGHED_KINDS } from './platforms.js';
import type { ScenarioInput } from './scenario.js';
import { platformPhases } from './phases.js';
import { readShutdownText } from './record-text.js';
import { datedSchedule, datesOnlyShare, scheduleOf, statedHours } from './schedule.js';
import { durationsFor, endNotRecorded, type DurationTable, type Durations } from './unknown-end.js';
import { parseSpan } from './span.js';
import { isAccessNetwork, networkKey, networkShare, sharesFor, type NetworkTable, type ShareTable } from './unknown-area.js';
import { networkKindsFor, type NetworkKindTable } from './unrecorded-network.js';
import { blockWeightsFor, unnamedSocialOnly, type BlockWeightTable } from './unnamed-platforms.js';
import { CIRCUMVENTED_EFFECT, circumvented } from './circumvented.js';
import { trafficDrop } from './traffic-drop.js';
import { stillLargelyCutYears } from './still-cut.js';
import { RECOVERY_SHARE, recoveryAfterCut } from './recovery.js';
import { cutAndSlowed, type Stated } from './cut-and-slowed.js';

export interface Missing {
  field: string;
  reason: string;
}

export interface EventOverrides {
  country?: string;
  severity?: number;
  isp_share?: number;
  platform_weight?: number;
  end?: string;
  method?: string | string[];
  currency?: string;
  draws?: number;
  seed?: number;
}

/**
 * What the rest of the ledger says about what one event's record lacks: the durations of ended
 * events (for an end nobody recorded) and the population shares of placed events (for an area
 * nobody placed); and what each event's source records say (`texts`: event id → the texts of
 * its STOP records, earliest first, as stopRecordTexts gives them).
 */
export interface LedgerPriors {
  durations?: DurationTable;
  shares?: ShareTable;
  networks?: NetworkTable;
  /** How many of each country's recorded network cuts took the whole network, and how many mobile data only. */
  networkKinds?: NetworkKindTable;
  /** The weights of each country's blocks that named their platforms. */
  blockWeights?: BlockWeightTable;
  texts?: ReadonlyMap<string, readonly string[]>;
  /** Event id → count_year → that year's STOP record text (stopRecordTextsByYear). */
  yearTexts?: ReadonlyMap<string, ReadonlyMap<number, string>>;
}

/**
 * The texts the schedule and platform-step readers read, in the order they read them: the
 * event's summary first when no source record holds it (a hand-written or edited summary), then
 * the text of each of its STOP records, earliest count_year first. STOP rewrites an ongoing
 * event's text each year and the summary is the latest one, which can be vaguer than an earlier
 * record ("Other platforms were restored in 2021" where the 2021 record said "by Feb 10").
 */
export function textsOf(e: Pick<LedgerEvent, 'id' | 'summary'>, texts?: LedgerPriors['texts']): string[] {
  const records = texts?.get(e.id) ?? [];
  const summary = e.summary.trim();
  const out = [...(summary && !records.includes(summary) ? [summary] : []), ...records];
  return out.length ? out : [e.summary];
}

/** A part of an event priced on its own (a year of STOP's accounting, compare.ts): `whole_start` is the start of the whole event. */
export type EventPiece = LedgerEvent & { whole_start?: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const SHUTDOWN_TYPES: Record<string, 'full' | 'mobile' | 'fixed'> = { full: 'full', mobile: 'mobile', mobile_data: 'mobile', fixed: 'fixed' };

/** Map an event to scenario input; `missing` lists what stops it from being priced. */
export function eventScenario(
  e: EventPiece,
  o: EventOverrides = {},
  priors: LedgerPriors = {},
): { input: ScenarioInput; missing: Missing[]; mapping: string[] } {
  if (!(TECHNICAL_CATEGORIES as readonly string[]).includes(e.category)) {
    throw new AppError('VALIDATION', `id: event ${e.id} is a ${e.category} event; only ${TECHNICAL_CATEGORIES.join(', ')} events have a cost`, {
      issues: [{ path: ['id'], message: `category ${e.category} has no cost model` }],
    });
  }
  const missing: Missing[] = [];
  const mapping: string[] = [];
  const country = o.country ?? (e.countries.length === 1 ? e.countries[0] : undefined);
  if (!country) missing.push({ field: 'country', reason: `the event lists ${e.countries.join(', ')}; price one country at a time with --country` });
  const platforms = e.targets
    .filter((t) => WEIGHED_KINDS.includes(t.kind))
    .map((t) => findPlatform(t.name)?.id)
    .filter((x): x is string => !!x);
  const uniquePlatforms = [...new Set(platforms)];
  // Targets the weight table does not know are not priced: said, so a block's figure reads as a lower bound.
  const unweighted = unweightedTargets(e.targets);
  const lowerBound = () => {
    if (unweighted.length && o.platform_weight === undefined)
      mapping.push(
        `not priced: ${unweighted.join(', ')} (no weight in the platform table), so the figure is a lower bound; --platform-weight W prices the block as a whole`,
      );
  };
  const input: ScenarioInput = { country, method: o.method, currency: o.currency, draws: o.draws, seed: o.seed };
  whoWasCutOff(e, country, input, missing, mapping, priors.shares);

  // Every text of the event's records, read once for what was cut, the hours and the steps.
  const texts = textsOf(e, priors.texts);
  // What the texts measure of a cut filed as "Shutdown, Throttle" (cut-and-slowed.ts).
  let stated: Stated = null;
  const reading =
    e.category === 'shutdown'
      ? readShutdownText(
          texts,
          e.targets.map((t) => t.name),
        )
      : null;
  if (reading?.kind === 'services-only' && uniquePlatforms.length) {
    input.type = 'platform';
    input.platform = uniquePlatforms.join(',');
    mapping.push(
      `filed as a ${e.subtype} shutdown, but its text describes blocks of services and ${reading.brief_cut ? 'only a brief cut of the network' : 'no cut of a network'} ("${reading.quote}"): priced as a block of ${uniquePlatforms.join(', ')} (weights add up)`,
    );
    if (texts.some((t) => /throttl/i.test(t)))
      mapping.push('the throttling its text also describes is not priced: how badly traffic was slowed is not recorded');
    if (reading.brief_cut) {
      input.brief_cut = {
        basis: `"${reading.brief_cut}": a cut of the whole network the text calls brief, its length not stated: 0–24 h, 8 h on average, as a single day recorded without times`,
      };
      mapping.push(
        `and the "${reading.brief_cut}" it names is priced beside the blocks as a cut of the whole network of 0–24 h (8 h on average; its length is not stated)`,
      );
    }
  } else if (reading?.kind === 'satellite-ban') {
    input.type = 'isp';
    mapping.push(`filed as a ${e.subtype} shutdown, but its text describes a ban on using ${reading.service} and no cut of a network ("${reading.quote}")`);
    if (o.isp_share === undefined)
      missing.push({
        field: 'isp_share',
        reason: `a ban on using ${reading.service}, not a cut of the country's networks: it reaches that service's users only; pass --isp-share S, their share of subscribers`,
      });
  } else if (e.category === 'shutdown') {
    const t = SHUTDOWN_TYPES[e.subtype];
    if (t) input.type = t;
    else if (e.subtype === 'unrecorded_network') unrecordedNetworks(country, input, missing, mapping, priors.networkKinds);
    else if (e.subtype === 'curfew')
      missing.push({
        field: 'hours',
        reason: 'a curfew shutdown repeats for part of each day and the ledger does not record how many hours; price it with splinternet cost --hours',
      });
    else missing.push({ field: 'type', reason: `shutdown subtype "${e.subtype}" has no cost model (full, mobile and fixed shutdowns do)` });
    networksCutOff(e, texts, input, missing, mapping, o, priors.networks);
    operatorsSuspended(e, texts, input, missing, mapping, o, priors.networks);
    if (disruptionDepth(e, texts, input, mapping)) stated = 'depth';
  } else if (e.category === 'throttling') {
    input.type = 'throttling';
    if (uniquePlatforms.length) {
      input.platform = uniquePlatforms.join(',');
      lowerBound();
    }
    // Throttling of services that are not named (or have no weight) is not the whole network's.
    else if (unnamedSocial(e, country, input, mapping, o, priors.blockWeights)) input.type = 'throttling';
    else if (e.subtype === 'platform' && o.platform_weight === undefined)
      missing.push({
        field: 'platform_weight',
        reason: `throttling of services with no weight (${e.targets.map((t) => t.name).join(', ') || 'none named'}); pass --platform-weight W in (0,1]`,
      });
    if (o.severity === undefined)
      missing.push({
        field: 'severity',
        reason: 'the ledger does not record how badly traffic was slowed; pass --severity S in [0,1] (1 = unusable, which Top10VPN counts as a shutdown)',
      });
    else input.severity = o.severity;
  } else {
    if (['platform', 'messaging', 'website', 'search'].includes(e.subtype) && uniquePlatforms.length) {
      input.type = 'platform';
      input.platform = uniquePlatforms.join(',');
      mapping.push(`block of ${uniquePlatforms.join(', ')} priced as a platform outage (weights add up)`);
      if (circumvented(e)) {
        input.block_effect = { ...CIRCUMVENTED_EFFECT };
        mapping.push(
          `its sources say the block did not stop the service (tag circumvented): priced for the share of the platform's use it stopped, uniform ${CIRCUMVENTED_EFFECT.low * 100}–${CIRCUMVENTED_EFFECT.high * 100} %; the collateral damage of what was blocked with it is not priced`,
        );
      }
      lowerBound();
    } else if (['platform', 'messaging', 'website', 'search'].includes(e.subtype) && unnamedSocial(e, country, input, mapping, o, priors.blockWeights)) {
      input.type = 'platform';
    } else if (['platform', 'messaging', 'website', 'search'].includes(e.subtype)) {
      missing.push({
        field: 'platform_weight',
        reason: `no weight for the targets (${e.targets.map((t) => t.name).join(', ')}); pass --platform-weight W in (0,1]`,
      });
      if (o.platform_weight !== undefined) {
        input.type = 'platform';
        input.platform = e.targets[0]?.name ?? 'target';
        missing.pop();
      }
    } else
      missing.push({
        field: 'type',
        reason: `block subtype "${e.subtype}" (VPNs, protocols, IP ranges) has no cost model: its collateral damage is not measured`,
      });
  }
  if (o.platform_weight !== undefined) input.platform_weight = o.platform_weight;
  if (o.isp_share !== undefined) input.isp_share = o.isp_share;

  // --end prices what is ongoing; an event that ended keeps its own end; an end nobody recorded
  // is given the durations of the events that did end (unknown-end.ts).
  const unrecorded = e.end === null && endNotRecorded(e);
  const imputed =
    unrecorded && country && /^\d{4}-\d{2}-\d{2}/.test(e.start) ? (priors.durations ? durationsFor(priors.durations, e, country) : undefined) : undefined;
  if (o.end !== undefined && (e.end !== null || unrecorded))
    mapping.push(
      `--end ${o.end} not applied: it prices only events marked ongoing, and this one ${e.end !== null ? `ended ${e.end}` : `has an end nobody recorded${imputed ? ' (imputed below)' : ''}`}`,
    );
  if (imputed) {
    imputeEnd(e, imputed, input, mapping);
    if (dailyWithinImputed(e, texts, imputed, input, mapping)) stated ??= 'hours';
    stepsAndSplit(e, texts, input, mapping, priors, stated, o.severity);
    return { input, missing, mapping };
  }
  // An end nobody recorded is never priced as ongoing: without a duration to give it, it is not priced.
  if (unrecorded) {
    missing.push({
      field: 'end',
      reason: country
        ? `the ledger records no end (not marked ongoing) and no ended events of its kind give it a duration`
        : `the ledger records no end (not marked ongoing); its duration is given from the ended events of one country: price it with --country (${e.countries.join(' or ')})`,
    });
    return { input, missing, mapping };
  }
  const end = e.end ?? o.end;
  if (e.end === null && o.end !== undefined) mapping.push(`ongoing in the ledger: priced up to ${o.end} (--end)`);
  if (!end) missing.push({ field: 'end', reason: 'the event is ongoing in the ledger; pass --end DATE to price it up to a date' });
  else if (e.end === null && partialDateEnd(end).getTime() <= partialDateStart(e.start).getTime())
    missing.push({ field: 'end', reason: `the event began ${e.start.slice(0, 10)}, after --end ${end}: none of it falls before that date` });
  else {
    const precise = (d: string) => /^\d{4}-\d{2}-\d{2}/.test(d);
    input.start = precise(e.start) ? e.start : partialDateStart(e.start).toISOString();
    input.end = precise(end) ? end : partialDateEnd(end).toISOString();
    if (!precise(e.start) || !precise(end))
      mapping.push(
        `dates known to the ${e.date_precision} only: priced from the earliest start (${input.start.slice(0, 10)}) to the latest end (${input.end.slice(0, 10)})`,
      );
    if (e.end !== null && activeHours(e, texts, input, mapping)) stated ??= 'hours';
    stepsAndSplit(e, texts, input, mapping, priors, stated, o.severity);
  }
  return { input, missing, mapping };
}

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
function stepsAndSplit(
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
  if (n.at >= Date.parse(input.end)) return;
  const geo = geocodeArea(country, n.remainder, 'local', isoNames);
  const pop = geo.population_affected;
  const before = input.affected_share ?? 1;
  if (!pop || !(pop.share < before)) {
    mapping.push(
      `its record says the area cut off narrowed from ${when} to ${n.remainder} ("${n.quote}"), ${pop ? 'no smaller than the area priced' : `which could not be placed (${geo.reason ?? 'no place with a population'})`}: the whole area is priced over the whole span`,
    );
    return;
  }
  const f = SHARE_SPREAD[pop.confidence];
  const places = geo.places.map((p) => `${p.name} (${p.kind}, ${p.population.toLocaleString('en-US')})`).join(', ');
  const basis = `the population share of the place left cut off, ${pop.estimate.toLocaleString('en-US')} people of ${pop.national_population.toLocaleString('en-US')} (${pop.year}): ${places}; geocoding confidence ${pop.confidence}, ×/÷ ${f}; the record: "${n.quote}"`;
  input.narrowed = { from, share: pop.share, low: pop.share / f, high: Math.min(1, pop.share * f), basis };
  mapping.push(
    `the area cut off narrowed from ${when}: from then priced as ${n.remainder}, ${(pop.share * 100).toPrecision(3)} % of ${country}'s population (${basis})`,
  );
}

/**
 * A shutdown nobody in government ordered (STOP: ordered_by "Non-government": a cyberattack, a
 * strike on infrastructure) that names the networks it hit cut those networks, not the country,
 * even where STOP files it as nationwide: a state can order every operator, an attacker reaches
 * only its targets. It is an outage of those networks, priced by their share of subscribers
 * (--isp-share), which the ledger does not hold. Without --isp-share their share is a proxy:
 * the networks named among every network the ledger names in the country, each taken as an
 * equal share of subscribers (unknown-area.ts, networkShare). A record with a sub-national area
 * is such an outage only where its text says a cyberattack hit the networks ("The Russian
 * network ASVT was disrupted by a DDoS attack", Moscow 2025): its area is then scaled by their
 * share. Strikes on power and lines (Gaza, Ukraine's grid) cut every network of the area and
 * keep it whole.
 */
const CYBERATTACK = /\b(?:cyber-?\s?attacks?|DDoS|hack(?:er|ers|ed|ing)?)\b/i;

/** True when the event is an outage of the networks it names (see networksCutOff); `texts` are its record texts. */
export const outageOfNetworks = (e: Pick<LedgerEvent, 'actors' | 'scope'>, texts: readonly string[] = []): boolean =>
  (e.scope === 'national' || texts.some((t) => CYBERATTACK.test(t))) &&
  e.actors.some((a) => a.role === 'ordered_by' && /^non-?government$/i.test(a.name)) &&
  e.actors.some((a) => a.role === 'implemented_by');

/** A rule that prices an outage of some networks' subscribers: the event, its texts, the input it sets, what it lacks and says, the request, the networks the ledger names. */
type NetworkRule = (
  e: LedgerEvent,
  texts: readonly string[],
  input: ScenarioInput,
  missing: Missing[],
  mapping: string[],
  o: EventOverrides,
  known: NetworkTable | undefined,
) => void;

/** The share of subscribers `--isp-share` gives, as a factor with its (empty) range. */
const givenShare = (o: EventOverrides) =>
  o.isp_share === undefined
    ? undefined
    : { share: o.isp_share, low: o.isp_share, high: o.isp_share, basis: `given in the request (--isp-share ${o.isp_share})` };

const networksCutOff: NetworkRule = (e, texts, input, missing, mapping, o, known) => {
  const networks = e.actors.filter((a) => a.role === 'implemented_by').map((a) => a.name);
  if (!outageOfNetworks(e, texts) || !input.type) return;
  // A nationwide record that states how far the country's traffic fell measures every network at once: that depth prices it (disruptionDepth).
  if (e.scope === 'national' && texts.some((t) => trafficDrop(t, true) !== null)) return;
  // An attack on a broadcaster ("Russia's state media provider VGTRK") took its own services down, not anyone's access.
  const access = networks.length === 0 || networks.some(isAccessNetwork);
  const proxy = access && o.isp_share === undefined && known && input.country ? networkShare(known, input.country, networks) : undefined;
  if (e.scope !== 'national') {
    const given = givenShare(o);
    const f = given ?? proxy;
    if (f) {
      // Regions priced by their output hold every network's subscribers: the attacked networks' share is a share of their people.
      if (input.regions?.length && e.population_affected) {
        mapping.push(
          `${[input.regions].flat().join(', ')} taken by population (${pct(e.population_affected.share)} of ${input.country}), not output, to take the attacked networks' share of it`,
        );
        delete input.regions;
        input.affected_share = e.population_affected.share;
      }
      if (!input.regions?.length) {
        const what = given ? f.basis : `a proxy: ${f.basis}`;
        scaleArea(input, f, `the share of subscribers the attacked networks hold, ${what}`);
        mapping.push(
          `its text says a cyberattack hit the networks it names (${networks.join(', ')}), not ordered by a government: priced as their share of the area's subscribers, ${what}`,
        );
        return;
      }
    }
  } else if (proxy) {
    input.affected_share = proxy.share;
    input.affected_low = proxy.low;
    input.affected_high = proxy.high;
    input.affected_confidence = 'low';
    input.affected_basis = proxy.basis;
    mapping.push(`not ordered by a government and names the networks it cut: priced as their share of subscribers, a proxy: ${proxy.basis}`);
    return;
  }
  input.type = 'isp';
  // An outage of named networks: which of them is priced by their share, not by the kinds of cut.
  delete input.networks_whole_p;
  delete input.networks_basis;
  mapping.push(
    access
      ? `not ordered by a government and names the networks it cut (${networks.join(', ')}): priced as an outage of those networks`
      : `not ordered by a government, and what it names (${networks.join(', ')}) is no access network: an outage of their own services, not of anyone's internet`,
  );
  if (o.isp_share === undefined)
    missing.push({
      field: 'isp_share',
      reason: access
        ? `not ordered by a government (STOP ordered_by: Non-government) and names the networks it cut (${networks.join(', ')}): an outage of those networks, not of the country; pass --isp-share S, their share of subscribers`
        : `not ordered by a government and what it names (${networks.join(', ')}) is a broadcaster or a state body, not a network that serves subscribers: nobody's access is recorded as cut; pass --isp-share S if it was`,
    });
};

/**
 * Scale the share of the country cut off (the whole country when none is set), its range and its
 * reference class by a factor with its own range: cost is linear in that share, so a part of the
 * area's use (an operator's subscribers, the traffic a disruption took) is priced exactly so.
 */
function scaleArea(input: ScenarioInput, f: { share: number; low: number; high: number }, why: string): void {
  const area = input.affected_share ?? 1;
  input.affected_share = area * f.share;
  input.affected_low = (input.affected_low ?? area) * f.low;
  input.affected_high = (input.affected_high ?? area) * f.high;
  if (input.affected_values) input.affected_values = input.affected_values.map((v) => v * f.share);
  input.affected_confidence = 'low';
  input.affected_basis = `${input.affected_basis ? `${input.affected_basis}; ` : ''}× ${why}`;
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

/**
 * A disruption whose text says how far traffic fell ("Traffic dropped by ~30-50% for entire
 * regions") cut that share of the area's use, not all of it: the area's share is scaled by the
 * drop (traffic-drop.ts). The first text that states one wins. Regions priced by their output
 * (Russia, China) are left alone. True when a drop was read.
 */
function disruptionDepth(e: Pick<LedgerEvent, 'scope'>, texts: readonly string[], input: ScenarioInput, mapping: string[]): boolean {
  if (!input.type || !['full', 'mobile', 'fixed'].includes(input.type) || input.regions?.length) return false;
  const d = texts.map((t) => trafficDrop(t, e.scope === 'national')).find((x) => x !== null);
  if (!d) return false;
  const depth = `${pct(d.low)}–${pct(d.high)}, most likely ${pct(d.share)}`;
  scaleArea(input, d, `the share of its traffic the disruption took, ${depth} ("${d.quote}")`);
  mapping.push(`its text says how far traffic fell ("${d.quote}"): priced as that share of the area cut off, ${depth}`);
  return true;
}

/** "suspension of internet services from Korek Telecom": what was cut is that operator's service. */
const SUSPENDED_SERVICES =
  /\b(?:suspen\w*|shut\w*\s+down|cut\w*(?:\s+off)?|disconnect\w*|halt\w*|terminat\w*)\s+(?:of\s+)?(?:the\s+)?(?:(?:internet|mobile|data|network|telecom\w*)\s+)*services?\s+(?:provided\s+)?(?:by|from|of)\s+(?:the\s+)?([A-Z][\w&.-]*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+)[A-Z][\w&.-]*){0,12})/;

/** The operators whose services the event's texts say an order suspended (implementers it names), with the quote; null if none. */
export function suspendedOperators(e: Pick<LedgerEvent, 'category' | 'actors'>, texts: readonly string[]): { quote: string; named: string[] } | null {
  if (e.category !== 'shutdown') return null;
  const operators = e.actors.filter((a) => a.role === 'implemented_by').map((a) => a.name);
  for (const t of texts) {
    const m = SUSPENDED_SERVICES.exec(t);
    // Every implementer the named list holds, by the first word of its name ("Korek" of "Iraq: Korek Telecom").
    const words = new Set((m?.[1] ?? '').toLowerCase().split(/[\s,&]+/));
    const named = operators.filter((op) => words.has(networkKey(op).split(' ')[0]!));
    if (m && named.length) return { quote: m[0], named };
  }
  return null;
}

/**
 * A government order that suspends the services of named operators (Iraq, from 18 February
 * 2025: "the immediate suspension of internet services from Korek Telecom in the Kurdistan
 * Region") cuts those operators' subscribers, not everyone in the area: the area's share is
 * scaled by the operators' share of subscribers, from the networks the ledger names in the
 * country (the proxy of an outage of named networks, unknown-area.ts). The operator must be one
 * the record names as implementing the order. With no proxy, `--isp-share` is asked for.
 */
const operatorsSuspended: NetworkRule = (e, texts, input, missing, mapping, o, known) => {
  if (outageOfNetworks(e, texts) || input.type === 'isp' || !input.type) return;
  const s = suspendedOperators(e, texts);
  if (!s) return;
  const { quote, named } = s;
  const given = givenShare(o);
  const proxy = given ?? (known && input.country && !input.regions?.length ? networkShare(known, input.country, named) : undefined);
  if (!proxy) {
    input.type = 'isp';
    delete input.networks_whole_p;
    delete input.networks_basis;
    mapping.push(`its text says the order suspended the services of ${named.join(', ')} ("${quote}"): an outage of that operator's subscribers`);
    missing.push({
      field: 'isp_share',
      reason: `the order suspended the services of ${named.join(', ')} ("${quote}"); pass --isp-share S, their share of subscribers`,
    });
    return;
  }
  const what = given ? proxy.basis : `a proxy: ${proxy.basis}`;
  scaleArea(input, proxy, `the share of its subscribers the suspended operator holds, ${what}`);
  mapping.push(
    `its text says the order suspended the services of ${named.join(', ')} ("${quote}"): priced as that operator's share of the area's subscribers, ${what}`,
  );
};

/**
 * A block (or throttling) of "social media" that names no platform: its weight drawn from the
 * weights of its country's blocks that named theirs (unnamed-platforms.ts). False when the
 * targets name something else, the request gives a weight, or no block named its platforms.
 */
function unnamedSocial(
  e: LedgerEvent,
  country: string | undefined,
  input: ScenarioInput,
  mapping: string[],
  o: EventOverrides,
  table: BlockWeightTable | undefined,
): boolean {
  if (o.platform_weight !== undefined || !unnamedSocialOnly(e) || !country || !table) return false;
  const w = blockWeightsFor(table, country);
  if (!w) return false;
  const which =
    w.counted === 'blocks'
      ? `the ${w.n} blocks of ${country} that named their platforms`
      : `the blocks that named their platforms, each of ${w.n} ${w.n === 1 ? 'country' : 'countries'} by its median`;
  input.platform = 'social media (unnamed)';
  input.platform_weight = w.median;
  input.platform_weight_values = w.values;
  input.platform_weight_basis = `the weight of one of ${which}, each equally likely: median ${pct(w.median)} (quartiles ${pct(w.q1)}–${pct(w.q3)})`;
  mapping.push(`a block of "${e.targets.map((t) => t.name).join(', ')}", which names no platform: priced by ${input.platform_weight_basis}`);
  return true;
}

/**
 * A cut of the whole network that does not say which networks: the whole network with the chance
 * its country's recorded cuts took it, else mobile data only (unrecorded-network.ts).
 */
function unrecordedNetworks(
  country: string | undefined,
  input: ScenarioInput,
  missing: Missing[],
  mapping: string[],
  table: NetworkKindTable | undefined,
): void {
  const k = country && table ? networkKindsFor(table, country) : undefined;
  if (!k) {
    missing.push({
      field: 'type',
      reason:
        'the record does not say which networks were cut and no recorded cut says which kind is likely; price it with splinternet cost --type full or --type mobile',
    });
    return;
  }
  input.type = 'full';
  input.networks_whole_p = k.p_whole;
  input.networks_basis = k.basis;
  mapping.push(`networks cut not recorded: the whole network with chance ${pct(k.p_whole)}, else mobile data only (${k.basis})`);
}

/** Price an event with no recorded end up to the upper quartile of ended events, cut for median/q3 of it. */
function imputeEnd(e: LedgerEvent, d: Durations, input: ScenarioInput, mapping: string[]): void {
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
  mapping.push(`priced from ${start} to ${input.end} (${d.q3} d, the upper quartile) for ${d.median} of those days (the median): ${basis}`);
}

/**
 * An end nobody recorded, on a record whose text states a daily schedule ("Service was down daily
 * for about 5 hours") or whose cause STOP gives as exam cheating (cut for the exam's hours of each
 * day, Decision 1 of docs/design/013): the days imputed by imputeEnd are cut for that part of each day, not
 * whole. A count of occasions ("26 times") is not read here: over days nobody recorded it could
 * not be placed. True when it read such a schedule.
 */
function dailyWithinImputed(e: LedgerEvent, texts: readonly string[], d: Durations, input: ScenarioInput, mapping: string[]): boolean {
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
  return true;
}

/**
 * Hours actually cut within an ended event's dates, from the schedule its text states (a few
 * hours a day, N occasions); with none stated, a record of dates without times is priced for
 * the length its dates give on average (schedule.ts, datesOnlyShare); timed spans stay whole.
 * Of the event's texts (textsOf), the first that states hours or a schedule by itself wins;
 * failing that, the first that gives one as an exam shutdown (the exam default hours). True when
 * the hours priced come from a text (a schedule, dated windows, times for the whole span).
 */
function activeHours(e: LedgerEvent, texts: readonly string[], input: ScenarioInput, mapping: string[]): boolean {
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
  return true;
}

/**
 * Who was cut off: regions priced by their output where we hold regional output (Russia, China)
 * and the event names regions only; otherwise the geocoded population share of the country
 * (a proxy for its share of output). A sub-national event whose area could not be geocoded is
 * not priced as the whole country: it is given the shares of the placed events of its country
 * and scope (unknown-area.ts), or, with none, it is missing its area, with the geocoder's reason.
 */
function whoWasCutOff(
  e: LedgerEvent,
  country: string | undefined,
  input: ScenarioInput,
  missing: Missing[],
  mapping: string[],
  shares: ShareTable | undefined,
): void {
  const own = e.regions.filter((r) => !country || r.startsWith(`${country}-`) || r.startsWith('UA-'));
  const withOutput = country ? new Set(statsRegionsOf(country).map((r) => r.code)) : new Set<string>();
  // Places below region level, units counted but not named ("40 regions", geo/counted.ts) or parts of a region ("parts of", geo/parts.ts): the regions named are not the whole area.
  const notJustRegions = (e.places ?? []).some((p) => p.kind !== 'region' || !p.region || p.part);
  if (own.length && own.every((r) => withOutput.has(r)) && !notJustRegions) {
    input.regions = own;
    mapping.push(`priced as ${own.join(', ')} by regional output (GRP)`);
    return;
  }
  const pop = e.population_affected;
  if (e.scope === 'national' || e.scope === 'isp' || (e.scope === 'platform' && !(pop && pop.share < 1))) return;
  const most = !pop && e.geocode?.text ? MOST_OF_COUNTRY.exec(e.geocode.text.trim()) : null;
  if (most) {
    // More than half of the country, up to all of it: the text's own bound, not a class's median.
    input.affected_share = 0.75;
    input.affected_low = 0.5;
    input.affected_high = 1;
    input.affected_confidence = 'low';
    input.affected_basis = `"${e.geocode!.text}": more than half of the country and up to all of it (triangular 50–100 %, 75 % most likely)`;
    mapping.push(`priced by who was cut off: ${input.affected_basis}`);
    return;
  }
  const imputed = !pop && country && shares ? sharesFor(shares, e, country) : undefined;
  if (imputed) {
    const why = e.geocode?.reason ?? 'not geocoded';
    input.affected_share = imputed.median;
    input.affected_low = imputed.q1;
    input.affected_high = imputed.q3;
    input.affected_values = imputed.values;
    input.affected_confidence = 'low';
    const which =
      imputed.scope === 'unnamed' ? 'shutdowns that reached more than one city (a national one as the whole country)' : `geocoded ${imputed.scope} events`;
    input.affected_basis = `area not placed (${why}): share of the country cut off ${imputed.counted === 'events' ? `by the ${imputed.n} ${which} of ${imputed.of}` : `by the ${which} of ${imputed.n} countries (each country's median)`}, median ${pct(imputed.median)} (quartiles ${pct(imputed.q1)}–${pct(imputed.q3)})`;
    mapping.push(`priced by who was cut off, imputed: ${input.affected_basis}`);
    return;
  }
  if (!pop) {
    missing.push({
      field: 'area',
      reason: `the event is ${e.scope} and its area could not be geocoded (${e.geocode?.reason ?? 'not geocoded: run splinternet events geocode'}); price it with splinternet cost --affected-share S`,
    });
    return;
  }
  if (pop.share >= 1) return;
  input.affected_share = pop.share;
  input.affected_confidence = pop.confidence;
  input.affected_basis = `${pop.estimate.toLocaleString('en-US')} people of ${pop.national_population.toLocaleString('en-US')} (${pop.year}): ${(e.places ?? []).map((p) => `${p.name} (${p.kind}, ${p.population.toLocaleString('en-US')})`).join(', ')}`;
  mapping.push(`priced by who was cut off: ${(pop.share * 100).toPrecision(3)} % of ${country}'s population (${pop.method}; confidence ${pop.confidence})`);
}

const pct = (x: number) => `${Number((x * 100).toPrecision(2))} %`;

/** An area stated as most of the country ("Most of the country", "the majority of the country"), naming no part of it. */
export const MOST_OF_COUNTRY = /^(?:in )?(?:most|much|the (?:bulk|majority|greater part)|(?:a )?majority) of the country$/i;
