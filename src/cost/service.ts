/**
 * The cost engine's operations: price a scenario with one or several methods side by side,
 * rank every region of a country (the OZI table), and price a ledger event. Methods that
 * cannot price a scenario are listed under `skipped` with the reason when the caller asked for
 * all methods, and are a 400 naming the parameter when the caller asked for that method.
 */
import { unnamedSocialOnly } from './unnamed-platforms.js';
import { isCountryCode, regionPopulations, regionsOf, regionsWithPopulation, statsRegionsOf } from '../geo/index.js';
import { getEvent, type LedgerEvent } from '../ledger/index.js';
import { AppError, type FieldIssue, isAppError, percentText, validationError } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { rateHolderOf } from './data/currency.js';
import { econData, type CountryData } from './data/econ-data.js';
import { annualRate, rateFor, type RateResult } from './data/fx.js';
import { runEstimate, type Estimate, type SegmentRates } from './engine.js';
import { eventScenario, textsOf, type EventOverrides, type LedgerPriors, type Missing } from './event-scenario.js';
import { outageOfNetworks, suspendedOperators } from './network-outage.js';
import { ledgerPriors, recordTexts } from './ledger-events.js';
import { statesPlatformWindow } from './phases.js';
import { platformsOf } from './platforms.js';
import { getMethod } from './methods.js';
import { parseScenario, type ScenarioInput } from './scenario.js';
import type { Span } from './span.js';
import { endNotRecorded } from './unknown-end.js';
import { areaNotPlaced } from './unknown-area.js';
import { costComputeOf } from './compute.js';
import { Unavailable, type Plan, type Scenario } from './types.js';

/** The scenario as the results show it: validated, defaults filled in, with its periods. */
export type ScenarioView = ReturnType<typeof scenarioJson>;

export interface CostResult {
  scenario: ScenarioView;
  estimates: Estimate[];
  spread: { currency: string; methods: number; min_median: number; max_median: number; ratio: number | null } | null;
  skipped: { method: string; parameter: string; reason: string }[];
}

function segmentRate(data: CountryData, seg: Plan['segments'][number]): RateResult {
  return seg.from ? rateFor(data, { year: seg.period_year ?? seg.data_year, from: seg.from, to: seg.to }) : annualRate(data, seg.data_year);
}

/** Whose rates (a currency area's, else a country's) convert to a third currency (neither local nor US$), if any. */
export function thirdCurrencyHolder(scn: Scenario): string | undefined {
  return scn.currency !== scn.local_currency && scn.currency !== 'USD' ? rateHolderOf(scn.currency) : undefined;
}

function ratesFor(scn: Scenario, data: CountryData, other: CountryData | undefined, plan: Plan): SegmentRates[] {
  return plan.segments.map((seg) => ({ local: segmentRate(data, seg), ...(other ? { other: segmentRate(other, seg) } : {}) }));
}

export function scenarioJson(scn: Scenario, span: Span) {
  const { method_choice: _c, platforms, ...rest } = scn;
  return {
    ...rest,
    platform: platforms.length ? platforms.join(', ') : null,
    periods: span.segments.map((s) => ({ year: s.year, from: s.from, to: s.to, hours: s.hours })),
  };
}

/** The economic data a scenario reads: its country's, and the third currency's country's. */
export async function scenarioData(store: Store, scn: Scenario): Promise<CountryData[]> {
  const third = thirdCurrencyHolder(scn);
  return Promise.all([econData(store, scn.country), ...(third ? [econData(store, third)] : [])]);
}

/**
 * Price a parsed scenario with each of its methods, from data already read: synchronous and
 * pure, so a worker thread computes exactly what the calling thread would.
 */
export function priceScenarioWith(scn: Scenario, span: Span, datasets: readonly CountryData[]): CostResult {
  const find = (country: string) => datasets.find((d) => d.country === country);
  const data = find(scn.country);
  if (!data) throw new AppError('INTERNAL', `no economic data loaded for ${scn.country}`);
  const third = thirdCurrencyHolder(scn);
  const other = third ? find(third) : undefined;
  const estimates: Estimate[] = [];
  const skipped: CostResult['skipped'] = [];
  // per skipped method: whether it does not cover such scenarios at all (Unavailable.uncovered)
  const uncovered: boolean[] = [];
  // a method that could price the scenario once its data is loaded: the input is valid
  let someDataMissing = false;
  // the commands that load the data the methods lacked, each once
  const loads = new Set<string>();
  for (const id of scn.methods) {
    const model = getMethod(id);
    try {
      if (!model.types.includes(scn.type)) throw new Unavailable('type', `does not price --type ${scn.type}; it prices ${model.types.join(', ')}`, true);
      const plan = model.plan({ scenario: scn, data, span });
      estimates.push(runEstimate(model, plan, scn, ratesFor(scn, data, other, plan)));
    } catch (e) {
      if (!(e instanceof Unavailable)) throw e;
      if (scn.method_choice === 'explicit')
        throw unpriceable(
          unpricedError([{ path: [e.param], message: `${id}: ${e.message}` }], 'this scenario cannot be priced', e.dataMissing, e.load ? [e.load] : []),
          [e.uncovered],
        );
      skipped.push({ method: id, parameter: e.param, reason: e.message });
      uncovered.push(e.uncovered);
      someDataMissing ||= e.dataMissing;
      if (e.dataMissing && e.load) loads.add(e.load);
    }
  }
  if (estimates.length === 0) {
    throw unpriceable(
      unpricedError(
        skipped.map((s) => ({ path: [s.parameter], message: `${s.method}: ${s.reason}` })),
        'no method can price this scenario',
        someDataMissing,
        [...loads],
      ),
      uncovered,
    );
  }
  // The spread is over the methods that share a currency: the largest such group (the first on a tie),
  // so one method left in its own currency (no exchange rate) does not hide the others' spread.
  const groups = [...new Set(estimates.map((e) => e.currency))].map((c) => estimates.filter((e) => e.currency === c));
  const same = groups.reduce((best, g) => (g.length > best.length ? g : best), groups[0]!);
  const medians = same.map((e) => e.median);
  const spread =
    same.length > 1
      ? {
          currency: same[0]!.currency,
          methods: same.length,
          min_median: Math.min(...medians),
          max_median: Math.max(...medians),
          ratio: Math.min(...medians) > 0 ? Number((Math.max(...medians) / Math.min(...medians)).toFixed(3)) : null,
        }
      : null;
  return { scenario: scenarioJson(scn, span), estimates, spread, skipped };
}

/** Price a parsed scenario with each of its methods, in the calling thread. */
export async function priceScenario(store: Store, scn: Scenario, span: Span): Promise<CostResult> {
  return priceScenarioWith(scn, span, await scenarioData(store, scn));
}

/**
 * Price a scenario: validated here (a bad one fails before any work), its data read here, the
 * Monte Carlo run by the store's cost compute (a worker pool in the server) or in this thread.
 */
export async function estimateCost(deps: { store: Store }, input: ScenarioInput): Promise<CostResult> {
  const { scenario, span } = parseScenario(input);
  const data = await scenarioData(deps.store, scenario);
  const compute = costComputeOf(deps.store);
  return compute ? compute({ input, data }) : priceScenarioWith(scenario, span, data);
}

export interface RegionsResult {
  items: ({ code: string; name: string; currency: string } & Omit<Estimate['regions'][number], 'code' | 'name'>)[];
  method: string;
  method_version: string;
  currency: string;
  scenario: ScenarioView;
  total: { median: number; low: number; high: number; point: number };
  inputs: Estimate['inputs'];
  /** The years and vintages of the data read, and the sources of the data records (not the assumptions): repeated on every CSV row. */
  data_years: number[];
  data_vintage: string[];
  sources: string[];
  notes: string[];
  rates: Estimate['rates'];
}

/**
 * Every region of a country, ranked by median cost, highest first (the OZI table): by regional
 * output where we hold it (RU, CN), else by each region's population share.
 */
/**
 * The one method a regional table is ranked by, or none (the country's default). Two methods, or
 * `all`, are refused naming `method`: the table has one ranking, so a second method would be lost.
 */
/** The method `cost regions` ranks by: the one asked, or undefined for the country's default; more than one (or all) is an issue naming `method`. */
export function rankingMethodIssues(method: ScenarioInput['method']): FieldIssue[] {
  const asked = askedMethods(method);
  if (asked.length <= 1 && asked[0] !== 'all') return [];
  return [
    {
      path: ['method'],
      message: `cost regions ranks the regions by one method, got ${asked.join(', ')}; name one (default ozi-regional for RU, brookings-2016 elsewhere) and ask again for each other method`,
    },
  ];
}

const askedMethods = (method: ScenarioInput['method']) => [
  ...new Set((Array.isArray(method) ? method : method ? [method] : []).flatMap((m) => m.split(',').map((x) => x.trim()))),
];

function oneRankingMethod(method: ScenarioInput['method']): string | undefined {
  const issues = rankingMethodIssues(method);
  if (issues.length) throw validationError(issues, 'cannot rank regions');
  return askedMethods(method)[0];
}

export async function costRegions(deps: { store: Store }, input: ScenarioInput): Promise<RegionsResult> {
  if (input.regions && (Array.isArray(input.regions) ? input.regions.length : input.regions)) {
    throw new AppError('VALIDATION', 'region: `cost regions` prices every region of the country; use `splinternet cost --region ...` for a subset', {
      issues: [{ path: ['region'], message: 'not accepted here' }],
    });
  }
  const method = oneRankingMethod(input.method);
  const country = (input.country ?? '').toUpperCase();
  const chosen = method ?? (country === 'RU' ? 'ozi-regional' : 'brookings-2016');
  const withOutput = statsRegionsOf(country).map((r) => r.code);
  // Without regional output data, every region with a population is priced by its population share.
  const regions = chosen === 'ozi-regional' ? [] : withOutput.length ? withOutput : isCountryCode(country) ? regionsWithPopulation(country) : [];
  if (chosen !== 'ozi-regional' && regions.length === 0 && isCountryCode(country))
    throw validationError(
      [
        {
          path: ['country'],
          message: `no region of ${country} has regional output data or a population in the gazetteer: there is nothing to rank (price the whole country with splinternet cost)`,
        },
      ],
      'cannot rank regions',
    );
  const res = await estimateCost(deps, { ...input, method: chosen, regions });
  const e = res.estimates[0]!;
  const byPopulation = !withOutput.length && chosen !== 'ozi-regional';
  const coverage = byPopulation ? populationCoverage(country, regions) : null;
  const items = [...e.regions]
    .sort((a, b) => b.median - a.median || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, name: r.name, median: r.median, low: r.low, high: r.high, point: r.point, currency: e.currency, usd: r.usd }));
  return {
    items,
    method: e.method,
    method_version: e.method_version,
    currency: e.currency,
    scenario: res.scenario,
    total: { median: e.median, low: e.low, high: e.high, point: e.point },
    inputs: e.inputs,
    data_years: e.years,
    data_vintage: e.data_vintage,
    sources: [...new Set(e.inputs.filter((i) => i.year !== null && i.year !== undefined).map((i) => i.source))],
    notes: [...e.notes, ...(coverage ? [coverage] : []), ...(byPopulation ? [SHARE_FIXED] : [])],
    rates: e.rates,
  };
}

/**
 * A table priced by population share splits one national figure by fixed shares (they add up to
 * the country's); `cost --region` prices one region with its share uncertain (×/÷ 2), so its
 * median moves and its interval is wider. The table says which it gives.
 */
const SHARE_FIXED =
  "each region's median and 90 % interval hold its population share fixed (the shares add up to the country): the interval is the method's uncertainty alone and leaves out the share's, a proxy for the region's output; cost --region CODE draws the share ×/÷ 2 (triangular), with the same point, a different median and a wider interval";

/** What a table of regions priced by population share leaves out, in words (null when nothing). */
function populationCoverage(country: string, listed: string[]): string | null {
  const all = regionsOf(country).length;
  const { found } = regionPopulations(country, listed);
  const share = found.reduce((s, r) => s + r.share, 0);
  if (listed.length === all && share >= 0.999) return null;
  const pct = `${percentText(share, 1)} %`;
  return listed.length < all
    ? `${listed.length} of the ${all} ISO 3166-2 regions of ${country} have a population in the gazetteer (a GeoNames admin-1 unit mapped to their code); they hold ${pct} of its people. The others are not listed, and the total is the listed regions', not the country's`
    : `the ${all} ISO 3166-2 regions of ${country} hold ${pct} of its people by the gazetteer (the rest live in GeoNames units with no ISO code); the total is the regions', not the country's`;
}

export interface EventCostResult extends Partial<CostResult> {
  event: {
    id: string;
    title: string;
    category: string;
    subtype: string;
    countries: string[];
    regions: string[];
    start: string;
    end: string | null;
    end_not_recorded: boolean;
    status: string;
  };
  mapping: string[];
  missing: Missing[];
  estimates: Estimate[];
}

/** Price a ledger event (its country, regions, type and span), or say what is missing. */
export async function costEvent(deps: { store: Store }, id: string, overrides: EventOverrides = {}): Promise<EventCostResult> {
  const e = await getEvent(deps, id);
  const records = await recordTexts(deps, e.id);
  const own = textsOf(e, records.texts);
  const needsLedger =
    endNotRecorded(e) ||
    areaNotPlaced(e) ||
    unnamedSocialOnly(e) ||
    (e.category === 'shutdown' &&
      (e.subtype === 'unrecorded_network' || ((outageOfNetworks(e, own) || suspendedOperators(e, own) !== null) && overrides.isp_share === undefined))) ||
    // a block whose text gives platforms their own windows prices the ones it leaves out by the ledger's ended blocks
    (e.targets.length > 1 && own.some(statesPlatformWindow)) ||
    // an ongoing restriction priced to --end stops where later restrictions took over its platforms
    (e.end === null && overrides.end !== undefined && platformsOf(e).length > 0);
  return priceEvent(deps, e, overrides, needsLedger ? await ledgerPriors(deps) : records);
}

/** The event fields a cost result names, beside its estimates. */
export function eventRef(e: LedgerEvent): EventCostResult['event'] {
  return {
    id: e.id,
    title: e.title,
    category: e.category,
    subtype: e.subtype,
    countries: e.countries,
    regions: e.regions,
    start: e.start,
    end: e.end,
    end_not_recorded: endNotRecorded(e),
    status: e.status,
  };
}

/** Price an event already read from the ledger (bulk pricing reads a page of events at once). */
export async function priceEvent(deps: { store: Store }, e: LedgerEvent, overrides: EventOverrides = {}, priors: LedgerPriors = {}): Promise<EventCostResult> {
  const { input, missing, mapping } = eventScenario(e, overrides, priors);
  const event = eventRef(e);
  if (missing.length) return { event, mapping, missing, estimates: [] };
  try {
    return { event, mapping, missing, ...(await estimateCost(deps, input)) };
  } catch (e) {
    // Data the scenario needs and the store lacks (e.g. regional output for the event's
    // regions) is something the event is missing, not a bad request.
    if (!isAppError(e) || e.details.unpriceable !== true) throw e;
    return { event, mapping, missing: unpricedMissing(e), estimates: [] };
  }
}

/**
 * What an event no method priced misses. An event no method asked for covers (its country, its
 * kind) misses a method, not its own fields. A method that does not cover it beside one that
 * does but lacks its data says nothing of the event: it misses that data only (a KP event misses
 * its GDP, not a method because ozi-regional prices RU only).
 */
function unpricedMissing(e: AppError): EventCostResult['missing'] {
  const uncovered = (e.details.uncovered ?? []) as boolean[];
  const all = e.issues.map((i, k) => ({ field: uncovered[k] ? 'method' : i.path.join('.'), reason: i.message, uncovered: uncovered[k] === true }));
  const own = all.filter((m) => !m.uncovered);
  return (own.length ? own : all).map(({ field, reason }) => ({ field, reason }));
}

/**
 * Why a scenario is not priced: NOT_FOUND (404) when a method would price it once economic data
 * this database does not hold is loaded (the input is valid), naming the commands that load it
 * (`loads`), else a VALIDATION error (400).
 */
function unpricedError(issues: FieldIssue[], prefix: string, dataMissing: boolean, loads: string[]): AppError {
  const e = validationError(issues, prefix);
  if (!dataMissing) return e;
  const how = loads.length ? `; load the missing data with ${loads.join('; and ')}` : '';
  return new AppError('NOT_FOUND', `${e.message}${how}`, { issues, details: { load_commands: loads } });
}

/** Mark a 400 as "valid input, but the data or methods cannot price it" (vs malformed input). */
/** A scenario no method could price; `uncovered[i]`: issue i is a method not covering such scenarios, not data missing. */
function unpriceable(e: AppError, uncovered: boolean[]): AppError {
  return new AppError(e.code, e.message, { issues: e.issues, details: { ...e.details, unpriceable: true, uncovered } });
}
