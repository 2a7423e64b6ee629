/**
 * The ledger link: a shutdown, throttling or block event becomes a cost scenario (its country,
 * regions, type and time span). What the ledger does not record but a scenario needs (a
 * throttle's severity, an end date for an ongoing block, a single country) is reported as
 * `missing`, with how to supply it, instead of being guessed.
 */
import { fieldApplies } from './type-fields.js';
import type { LedgerEvent } from '../ledger/index.js';
import { TECHNICAL_CATEGORIES } from '../ledger/index.js';
import { statsRegionsOf } from '../geo/index.js';
import { AppError, partialDateEnd, partialDateStart } from '../shared/index.js';
import { platformsOf, unweightedTargets } from './platforms.js';
import type { ScenarioInput } from './scenario.js';
import { readShutdownText } from './record-text.js';
import { durationsFor, endNotRecorded, type DurationTable } from './unknown-end.js';
import { sharesFor, type NetworkTable, type ShareTable } from './unknown-area.js';
import { networkKindsFor, type NetworkKindTable } from './unrecorded-network.js';
import { blockWeightsFor, unnamedSocialOnly, type BlockWeightTable } from './unnamed-platforms.js';
import { CIRCUMVENTED_EFFECT, circumvented } from './circumvented.js';
import type { Stated } from './cut-and-slowed.js';
import { disruptionDepth, namedNetworksScope, networksCutOff, operatorsSuspended, pct } from './network-outage.js';
import { staggeredTakeover, takeover, THREAT_TAG, type SupersededTable } from './superseded.js';
import { activeHours, dailyWithinImputed, imputeEnd, placeShare, stepsAndSplit } from './span-steps.js';

const YEAR_MS = 365.25 * 86_400_000;

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
  /** Ongoing throttles and blocks whose platforms later restrictions took over (superseded.ts). */
  superseded?: SupersededTable;
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
  // --country picks one of the event's countries; an event is never priced in a country it does not list
  const asked = o.country?.trim().toUpperCase();
  if (asked !== undefined && !e.countries.includes(asked)) {
    const listed = e.countries.join(', ');
    throw new AppError('VALIDATION', `country: ${asked} is not a country of event ${e.id}; it lists ${listed}`, {
      issues: [{ path: ['country'], message: `one of the event's countries: ${listed}` }],
    });
  }
  const country = asked ?? (new Set(e.countries).size === 1 ? e.countries[0] : undefined);
  // A threat recorded as what it threatened (tag `threat`) restricted nothing yet: nothing to price.
  if (e.tags.includes(THREAT_TAG)) {
    missing.push({
      field: 'category',
      reason: `a threat to ${e.category === 'block' ? 'block' : e.category === 'throttling' ? 'slow' : 'cut'} (tag "${THREAT_TAG}"), not a restriction carried out: nothing was restricted to price; a restriction that followed is its own event`,
    });
    return { input: { country }, missing, mapping };
  }
  if (!country) missing.push({ field: 'country', reason: `the event lists ${e.countries.join(', ')}; price one country at a time with --country` });
  const uniquePlatforms = platformsOf(e);
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
      const area = country && reading.brief_place ? briefCutArea(country, reading.brief_place, mapping) : null;
      input.brief_cut = {
        basis: `"${reading.brief_cut}": a cut of the whole network the text calls brief, its length not stated: 0–24 h, 8 h on average, as a single day recorded without times`,
        area,
      };
      mapping.push(
        `and the "${reading.brief_cut}" it names is priced beside the blocks as a cut of ${area ? `the network in ${reading.brief_place} (${pct(area.share)} of ${country})` : 'the whole network'} of 0–24 h (8 h on average; its length is not stated)`,
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
    namedNetworksScope(e, texts, input, missing, mapping, o, priors.networks);
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
  // An override reaches the events whose type uses it (a bulk --platform-weight leaves shutdowns alone).
  if (o.platform_weight !== undefined && (!input.type || fieldApplies('platform_weight', input.type))) input.platform_weight = o.platform_weight;
  if (o.isp_share !== undefined && (!input.type || fieldApplies('isp_share', input.type))) input.isp_share = o.isp_share;

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
    return unapplied(o, { input, missing, mapping });
  }
  // An end nobody recorded is never priced as ongoing: without a duration to give it, it is not priced.
  if (unrecorded) {
    missing.push({
      field: 'end',
      reason: country
        ? `the ledger records no end (not marked ongoing) and no ended events of its kind give it a duration`
        : `the ledger records no end (not marked ongoing); its duration is given from the ended events of one country: price it with --country (${e.countries.join(' or ')})`,
    });
    return unapplied(o, { input, missing, mapping });
  }
  const takenOver = e.end === null && o.end !== undefined ? takeover(e, o.end, priors.superseded) : undefined;
  const end = e.end ?? takenOver ?? o.end;
  if (takenOver) {
    const by = priors.superseded!.get(e.id)!.by.map((b) => `${b.platforms.join(', ')} by the ${b.category} ${b.id} from ${b.start}`);
    mapping.push(
      `ongoing in the ledger, but later restrictions took over all it restricted (${by.join('; ')}): priced up to ${takenOver}, not to --end ${o.end}, so no platform-hour is charged twice`,
    );
  } else if (e.end === null && o.end !== undefined && partialDateEnd(o.end).getTime() > partialDateStart(e.start).getTime()) {
    // An --end before the event began prices nothing: `missing` says so, and the mapping does not claim a price.
    mapping.push(`ongoing in the ledger: priced up to ${o.end} (--end)`);
    const years = (partialDateEnd(o.end).getTime() - partialDateStart(e.start).getTime()) / YEAR_MS;
    if (e.category === 'block' && years > 1)
      mapping.push(
        `a block ${Math.floor(years)} years long, priced every day of it at the platform's whole share: people moving to other services or to a VPN over the years are not modelled, so the figure is an upper bound; Top10VPN counts a block only to the end of the year it began (cost compare top10vpn)`,
      );
  }
  if (!end) missing.push({ field: 'end', reason: 'the event is ongoing in the ledger; pass --end DATE to price it up to a date' });
  else if (e.end === null && partialDateEnd(end).getTime() <= partialDateStart(e.start).getTime())
    missing.push({ field: 'end', reason: `the event began ${e.start.slice(0, 10)}, after --end ${end}: none of it falls before that date` });
  else {
    const precise = (d: string) => /^\d{4}-\d{2}-\d{2}/.test(d);
    input.start = precise(e.start) ? e.start : partialDateStart(e.start).toISOString();
    // an end known to the month or year is its period's last day, date-only: priced to the end
    // of that day (the next day's 00:00, exclusive) as an end known to the day is
    input.end = precise(end) ? end : partialDateEnd(end).toISOString().slice(0, 10);
    const period = (d: string) => (d.length === 4 ? 'year' : 'month');
    if ((!precise(e.start) || !precise(end)) && e.date_precision !== 'day')
      mapping.push(
        `dates known to the ${e.date_precision} only: priced from the earliest start (${input.start.slice(0, 10)}) to the latest end (${input.end.slice(0, 10)})`,
      );
    else {
      if (!precise(e.start))
        mapping.push(`start known to the ${period(e.start)} only (${e.start}): priced from the earliest start it allows (${input.start.slice(0, 10)})`);
      if (!precise(end)) mapping.push(`end known to the ${period(end)} only (${end}): priced to the latest end it allows (${input.end.slice(0, 10)})`);
    }
    if (e.end !== null && activeHours(e, texts, input, mapping)) stated ??= 'hours';
    stepsAndSplit(e, texts, input, mapping, priors, stated, o.severity);
    if (takenOver) staggeredTakeover(priors.superseded!.get(e.id)!, input, mapping);
  }
  return unapplied(o, { input, missing, mapping });
}

/** A request's option the scenario does not read is named in the mapping as not applied, never dropped silently. */
function unapplied<T extends { input: ScenarioInput; mapping: string[] }>(o: EventOverrides, s: T): T {
  if (o.severity !== undefined && !severityApplied(s.input, s.mapping))
    s.mapping.push(`--severity ${o.severity} not applied: ${SEVERITY_USE}; this event ${pricedAs(s.input)}`);
  if (o.platform_weight !== undefined && s.input.platform_weight === undefined)
    s.mapping.push(`--platform-weight ${o.platform_weight} not applied: it weighs a block or a throttle of services; this event ${pricedAs(s.input)}`);
  if (o.isp_share !== undefined && s.input.isp_share === undefined && !s.mapping.some((m) => m.includes(`--isp-share ${o.isp_share}`)))
    s.mapping.push(`--isp-share ${o.isp_share} not applied: it prices an outage of named networks' subscribers; this event ${pricedAs(s.input)}`);
  return s;
}

const SEVERITY_USE = 'it prices throttling and the slowed hours of a "Shutdown, Throttle" record';

/** Whether the scenario reads the request's severity: a throttle's, or the slowed hours of a cut-and-slowed record. */
const severityApplied = (input: ScenarioInput, mapping: string[]): boolean =>
  input.severity !== undefined || (input.cut_part?.slowed ?? null) !== null || mapping.some((m) => m.includes('severity 1 (given in the request)'));

function pricedAs(input: ScenarioInput): string {
  const t = input.type;
  if (!t) return 'has no scenario it could apply to';
  if (t === 'full' || t === 'mobile' || t === 'fixed') return `is priced as a ${t} shutdown`;
  if (t === 'platform') return 'is priced as a block of platforms';
  return `is priced as type ${t}`;
}

/**
 * The share of the country a brief cut reached, where its text names the place ("a reported
 * shutdown on Nov. 26 in Astana"): the place's population share (span-steps.ts, placeShare).
 * Null, and said, when the place is not found or is the whole country.
 */
function briefCutArea(country: string, place: string, mapping: string[]): { share: number; low: number; high: number; basis: string } | null {
  const p = placeShare(country, place, place);
  if ('share' in p && p.share < 1) return p;
  mapping.push(
    `the brief cut's place, ${place}, could not be placed (${'share' in p ? 'no smaller area with a population' : p.reason}): priced as the whole country`,
  );
  return null;
}

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
  // A national or platform record is the whole country unless its area is less (a named exception: "Nationwide (except Kurdistan)").
  if (e.scope === 'isp' || ((e.scope === 'national' || e.scope === 'platform') && !(pop && pop.share < 1))) return;
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

/** An area stated as most of the country ("Most of the country", "the majority of the country"), naming no part of it. */
export const MOST_OF_COUNTRY = /^(?:in )?(?:most|much|the (?:bulk|majority|greater part)|(?:a )?majority) of the country$/i;
