/**
 * Turn a request (CLI flags, query string, JSON body, ledger event) into a validated scenario.
 * Every bad-input rule of a scenario is here: unknown country or region, a region outside
 * the country, a bad duration, severity outside [0,1], an unknown method, currency or platform.
 * All problems are collected and reported at once, each naming its parameter and what is valid.
 */
import { canonicalStatsRegion, getCountry, getRegion, isCountryCode, regionCountries, regionsWithPopulation, statsRegionsOf } from '../geo/index.js';
import { check } from '../op/index.js';
import { isAppError, validationError, type FieldIssue } from '../shared/index.js';
import { currencyOf, isKnownCurrency } from './data/currency.js';
import { PLATFORMS, findPlatform } from './platforms.js';
import { MAX_DRAWS, MISSING } from './scenario-schema.js';
import { fieldApplies } from './type-fields.js';
import { parseSpan, type Span } from './span.js';
import { METHOD_IDS, SCENARIO_TYPES, type MethodId, type Scenario, type ScenarioType } from './types.js';

export interface ScenarioInput {
  country?: string;
  regions?: string[] | string;
  type?: string;
  platform?: string;
  severity?: number;
  isp_share?: number;
  platform_weight?: number;
  mobile_share?: number;
  /** Share of the country's population cut off (a proxy for its share of output), in (0,1]. */
  affected_share?: number;
  affected_confidence?: 'high' | 'medium' | 'low';
  /** The range of an imputed share (quartiles of placed events); default: the share ×/÷ a factor by confidence. */
  affected_low?: number;
  affected_high?: number;
  affected_basis?: string;
  /** The shares of the reference class an imputed share comes from, each drawn with equal chance; within [affected_low, affected_high]. */
  affected_values?: number[];
  /** For a cut whose networks were not recorded (type full): the chance it took the whole network rather than mobile data only, and why. */
  networks_whole_p?: number;
  /** A block whose record also names a brief whole-network cut of unstated length, and why (type platform). */
  /** A brief whole-network cut beside blocks; `area`: the share of the country it reached, where the text names its place (null: all of it). */
  brief_cut?: { basis: string; area?: { share: number; low: number; high: number; basis: string } | null };
  /** A block that did not stop the service: the share of the platform's use it stopped, uniform over [low, high] within [0,1], and why. */
  block_effect?: { low: number; high: number; basis: string };
  /** A block's weight from a reference class (each value equally likely), with platform_weight its median, and why. */
  platform_weight_values?: number[];
  platform_weight_basis?: string;
  networks_basis?: string;
  /** Share of the span the network was actually cut, in (0,1], with its range (default: the share itself). */
  active_share?: number;
  active_low?: number;
  active_high?: number;
  active_basis?: string;
  /** From `from` on, the share of the country cut off (area-steps.ts): the record names a smaller area left cut off. */
  narrowed?: { from: string; share: number; low: number; high: number; basis: string };
  /** Years its records say the cut was largely, not wholly, in place (still-cut.ts): the share of the area cut those years, uniform low–high. */
  still_cut?: { years: number[]; later: boolean; low: number; high: number; basis: string };
  /** A record cut for part of its span and slowed for the rest, the split not recorded (cut-and-slowed.ts): the share cut uniform low–high, the slowed hours at severity `slowed` (null: not priced). */
  cut_part?: { low: number; high: number; slowed: number | null; basis: string };
  /** Share of the span each platform was blocked, in (0,1], where the record says some were lifted before the rest (phases.ts). */
  platform_phases?: { shares: Record<string, number>; basis: string };
  hours?: number;
  start?: string;
  end?: string;
  tz?: string;
  method?: string | string[];
  year?: number;
  currency?: string;
  draws?: number;
  seed?: number;
}

export const DEFAULT_DRAWS = 2000;
export const DEFAULT_SEED = 1;
export { MAX_DRAWS };

const inUnit = (v: number | undefined, lo: number, hiIncl: number, loIncl: boolean) =>
  v === undefined || (Number.isFinite(v) && (loIncl ? v >= lo : v > lo) && v <= hiIncl);

function validRegions(country: string): string {
  const stats = statsRegionsOf(country).map((r) => r.code);
  if (stats.length) return `${stats.length} codes, e.g. ${stats.slice(0, 6).join(', ')} (list: splinternet cost regions --country ${country})`;
  const byPop = regionsWithPopulation(country);
  return byPop.length
    ? `${byPop.length} codes priced by population share, e.g. ${byPop.slice(0, 6).join(', ')} (list: splinternet cost regions --country ${country})`
    : `none with output or population data for ${country}`;
}

export function parseScenario(input: ScenarioInput): { scenario: Scenario; span: Span } {
  const issues: FieldIssue[] = [];
  const bad = (path: string, message: string) => issues.push({ path: [path], message });
  const country = (input.country ?? '').trim().toUpperCase();
  if (!country) bad('country', MISSING.country);
  else if (!isCountryCode(country)) bad('country', check.countryProblem(input.country ?? '') ?? `unknown ISO 3166-1 alpha-2 country code "${input.country}"`);

  const regionItems = Array.isArray(input.regions) ? input.regions : input.regions !== undefined ? input.regions.split(',') : [];
  // An empty code is refused, never read as "no region" (which would price the whole country).
  if (regionItems.some((r) => !r.trim()))
    bad(
      'region',
      `an empty region code${country ? `; give an ISO 3166-2 code (valid for ${country}: ${validRegions(country)})` : ''}, or leave region out to price the whole country`,
    );
  const rawRegions = regionItems.map((r) => r.trim().toUpperCase()).filter(Boolean);
  const regions: string[] = [];
  for (const r of rawRegions) {
    const reg = getRegion(r);
    if (!reg) bad('region', `unknown ISO 3166-2 code "${r}"${country ? `; valid for ${country}: ${validRegions(country)}` : ''}`);
    else if (country && isCountryCode(country) && !regionCountries(r).includes(country))
      bad('region', `${r} (${reg.name}) is in ${regionCountries(r).join('/')}, not ${country}; valid for ${country}: ${validRegions(country)}`);
    else regions.push(canonicalStatsRegion(r) ?? r);
  }

  const type = (input.type ?? '') as ScenarioType;
  if (!SCENARIO_TYPES.includes(type)) bad('type', input.type ? `"${input.type}" is not a type; one of ${SCENARIO_TYPES.join(', ')}` : MISSING.type);
  const names = (input.platform ?? '')
    .split(/[,+]/)
    .map((x) => x.trim())
    .filter(Boolean);
  const known = names.map((n) => findPlatform(n));
  if (type === 'platform' && names.length === 0)
    bad('platform', `--type platform needs --platform NAME; known: ${PLATFORMS.map((p) => p.id).join(', ')} (or give --platform-weight)`);
  if (names.length && type && !fieldApplies('platform', type)) bad('platform', 'applies only to --type platform or throttling');
  names.forEach((n, i) => {
    if (!known[i] && input.platform_weight === undefined)
      bad('platform', `no weight for "${n}"; known: ${PLATFORMS.map((p) => p.id).join(', ')}; or give --platform-weight W in (0,1]`);
  });
  if (type === 'throttling' && input.severity === undefined) bad('severity', '--type throttling needs --severity S in [0,1] (1 = unusable)');
  if (!inUnit(input.severity, 0, 1, true)) bad('severity', `must be in [0,1], got ${input.severity}`);
  if (input.severity !== undefined && type && !fieldApplies('severity', type)) bad('severity', 'applies only to --type throttling');
  if (type === 'isp' && input.isp_share === undefined) bad('isp_share', "--type isp needs --isp-share S in (0,1], the ISP's market share");
  if (!inUnit(input.isp_share, 0, 1, false)) bad('isp_share', `must be in (0,1], got ${input.isp_share}`);
  else if (input.isp_share !== undefined && type && !fieldApplies('isp_share', type))
    bad('isp_share', `applies only to --type isp (the ISP's market share); a ${type} scenario does not use it`);
  if (!inUnit(input.platform_weight, 0, 1, false)) bad('platform_weight', `must be in (0,1], got ${input.platform_weight}`);
  else if (input.platform_weight !== undefined && type && !fieldApplies('platform_weight', type))
    bad('platform_weight', `applies only to --type platform or throttling (the weight of what was blocked or slowed); a ${type} scenario does not use it`);
  if (!inUnit(input.mobile_share, 0, 1, true)) bad('mobile_share', `must be in [0,1], got ${input.mobile_share}`);
  // A full shutdown is all of the network; the mobile share weighs a mobile (or, as 1 − it, a fixed-line) one.
  else if (input.mobile_share !== undefined && type && type !== 'mobile' && type !== 'fixed' && !(type === 'full' && input.networks_whole_p !== undefined))
    bad(
      'mobile_share',
      `applies only to --type mobile or fixed (the share of the cost of a full shutdown a mobile one takes); a ${type} scenario does not use it`,
    );
  if (!inUnit(input.affected_share, 0, 1, false)) bad('affected_share', `must be in (0,1], got ${input.affected_share}`);
  if (input.affected_share !== undefined && rawRegions.length) bad('affected_share', 'give regions (priced by their output) or an affected share, not both');
  if (!inUnit(input.active_share, 0, 1, false)) bad('active_share', `must be in (0,1], got ${input.active_share}`);
  else if (
    input.active_share !== undefined &&
    !(
      (input.active_low ?? input.active_share) <= input.active_share &&
      input.active_share <= (input.active_high ?? input.active_share) &&
      (input.active_low ?? 1) > 0 &&
      (input.active_high ?? 0) <= 1
    )
  )
    bad('active_share', `its range must hold it within (0,1]: ${input.active_low} ≤ ${input.active_share} ≤ ${input.active_high}`);
  if (
    input.affected_share !== undefined &&
    (input.affected_low !== undefined || input.affected_high !== undefined) &&
    !(
      (input.affected_low ?? input.affected_share) <= input.affected_share &&
      input.affected_share <= (input.affected_high ?? input.affected_share) &&
      (input.affected_low ?? 1) > 0 &&
      (input.affected_high ?? 0) <= 1
    )
  )
    bad('affected_share', `its range must hold it within (0,1]: ${input.affected_low} ≤ ${input.affected_share} ≤ ${input.affected_high}`);
  const vals = input.affected_values;
  if (vals !== undefined && (input.affected_share === undefined || !vals.length || !vals.every((v) => Number.isFinite(v) && v > 0 && v <= 1)))
    bad('affected_values', `a reference class of shares in (0,1] needs an affected_share: got ${vals.length} value(s)`);
  if (input.networks_whole_p !== undefined && (!inUnit(input.networks_whole_p, 0, 1, true) || input.type !== 'full'))
    bad('networks_whole_p', `the chance a cut of unrecorded networks took the whole network must be in [0,1], for type full: got ${input.networks_whole_p}`);
  const pv = input.platform_weight_values;
  if (pv !== undefined && (input.platform_weight === undefined || !pv.length || !pv.every((v) => Number.isFinite(v) && v > 0 && v <= 1)))
    bad('platform_weight_values', `a reference class of weights in (0,1] needs a platform_weight: got ${pv.length} value(s)`);
  const be = input.block_effect;
  if (be && !(Number.isFinite(be.low) && Number.isFinite(be.high) && be.low >= 0 && be.low < be.high && be.high <= 1 && type === 'platform'))
    bad('block_effect', `the share of a platform's use a block stopped must be a range within [0,1], for type platform: got ${be.low}–${be.high}`);
  if (input.brief_cut && type !== 'platform') bad('brief_cut', 'a brief cut of the whole network beside blocks applies only to type platform');
  const ba = input.brief_cut?.area;
  if (ba && !(ba.low > 0 && ba.low <= ba.share && ba.share <= ba.high && ba.high <= 1))
    bad('brief_cut', `the share of the country the brief cut reached must be in (0,1] within its range: ${ba.low} ≤ ${ba.share} ≤ ${ba.high}`);
  const nw = input.narrowed;
  if (nw && !(nw.low > 0 && nw.low <= nw.share && nw.share <= nw.high && nw.high <= 1 && Number.isFinite(Date.parse(nw.from))))
    bad(
      'narrowed',
      `the share of the country cut off after the area narrowed must be in (0,1] within its range, from a date: ${nw.low} ≤ ${nw.share} ≤ ${nw.high} from ${nw.from}`,
    );
  const sc = input.still_cut;
  if (
    sc &&
    !(sc.years.length && sc.years.every(Number.isInteger) && sc.low > 0 && sc.low < sc.high && sc.high <= 1 && type !== 'platform' && type !== 'throttling')
  )
    bad(
      'still_cut',
      `the share of the area still cut in the years named must be a range within (0,1], for a network cut, in whole years: ${sc.low}–${sc.high} in ${sc.years.join(', ')}`,
    );
  const cp = input.cut_part;
  if (
    cp &&
    !(cp.low >= 0 && cp.low < cp.high && cp.high <= 1 && (cp.slowed === null || inUnit(cp.slowed, 0, 1, true)) && ['full', 'mobile', 'fixed'].includes(type))
  )
    bad(
      'cut_part',
      `the share of the span cut must be a range within [0,1], the slowed hours' severity null or in [0,1], for a network cut (full, mobile, fixed): ${cp.low}–${cp.high}, severity ${cp.slowed}`,
    );
  for (const [id, s] of Object.entries(input.platform_phases?.shares ?? {}))
    if (!inUnit(s, 0, 1, false) || !names.some((n, i) => (known[i]?.id ?? n) === id))
      bad('platform_phases', `share of the span ${id} was blocked must be in (0,1] and name a platform of the scenario, got ${s}`);
  if (input.affected_confidence !== undefined && !['high', 'medium', 'low'].includes(input.affected_confidence))
    bad('affected_confidence', 'one of high, medium, low');

  // an empty name (or an empty list) is refused, as on every path; only a method left out means every method
  const given = input.method === undefined ? [] : (Array.isArray(input.method) ? input.method : [input.method]).flatMap((m) => m.split(','));
  const rawMethods = (input.method !== undefined && given.length === 0 ? [''] : given).map((m) => m.trim());
  const all = rawMethods.length === 0 || rawMethods.includes('all');
  const methods: MethodId[] = all ? [...METHOD_IDS] : [];
  for (const m of all ? [] : rawMethods) {
    if ((METHOD_IDS as readonly string[]).includes(m)) methods.push(m as MethodId);
    else bad('method', `"${m}" is not a method; one of ${METHOD_IDS.join(', ')}, all`);
  }

  if (input.year !== undefined && !(Number.isInteger(input.year) && input.year >= 1960 && input.year <= 2100))
    bad('year', `must be a year like 2020, got ${input.year}`);
  const local = country && isCountryCode(country) ? currencyOf(country) : 'LCU';
  const currency = (input.currency ?? local).trim().toUpperCase();
  if (currency !== 'LCU' && currency !== local && !isKnownCurrency(currency))
    bad('currency', `unknown currency "${input.currency}"; use ${local}, USD, or another ISO 4217 code such as RUB or CNY`);
  const draws = input.draws ?? DEFAULT_DRAWS;
  if (!Number.isInteger(draws) || draws < 100 || draws > MAX_DRAWS) bad('draws', `must be a whole number from 100 to ${MAX_DRAWS}, got ${input.draws}`);
  const seed = input.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) bad('seed', `must be a whole number from 0 to 4294967295, got ${input.seed}`);

  let span: Span | undefined;
  try {
    span = parseSpan({ hours: input.hours, start: input.start, end: input.end, tz: input.tz });
  } catch (e) {
    issues.push(...((e as { issues?: FieldIssue[] }).issues ?? [{ path: ['hours'], message: String(e) }]));
  }
  if (issues.length) throw validationError(issues, 'invalid cost scenario');
  return {
    span: span!,
    scenario: {
      country,
      regions: [...new Set(regions)],
      type,
      platforms: [...new Set(names.map((n, i) => known[i]?.id ?? n))],
      severity: input.severity ?? null,
      isp_share: input.isp_share ?? null,
      platform_weight: input.platform_weight ?? null,
      mobile_share: input.mobile_share ?? null,
      // A share of 1 is the whole country (no input) unless it comes with a range or a basis: an
      // imputed whole country (014, Decision 11) keeps its range below 1 and says why.
      affected:
        input.affected_share === undefined ||
        (input.affected_share === 1 &&
          input.affected_low === undefined &&
          input.affected_high === undefined &&
          input.affected_basis === undefined &&
          input.affected_values === undefined)
          ? null
          : {
              share: input.affected_share,
              confidence: input.affected_confidence ?? 'medium',
              basis: input.affected_basis ?? 'given in the request',
              ...(input.affected_low !== undefined || input.affected_high !== undefined
                ? { low: input.affected_low ?? input.affected_share, high: input.affected_high ?? input.affected_share }
                : {}),
              ...(input.affected_values?.length ? { values: [...input.affected_values].sort((a, b) => a - b) } : {}),
            },
      platform_weight_class: input.platform_weight_values?.length
        ? { values: [...input.platform_weight_values].sort((a, b) => a - b), basis: input.platform_weight_basis ?? 'given in the request' }
        : null,
      block_effect: be ?? null,
      brief_cut: input.brief_cut ? { basis: input.brief_cut.basis, area: input.brief_cut.area ?? null } : null,
      unrecorded_networks:
        input.networks_whole_p === undefined ? null : { p_whole: input.networks_whole_p, basis: input.networks_basis ?? 'given in the request' },
      active:
        input.active_share === undefined || input.active_share === 1
          ? null
          : {
              share: input.active_share,
              low: input.active_low ?? input.active_share,
              high: input.active_high ?? input.active_share,
              basis: input.active_basis ?? 'given in the request',
            },
      // A narrowing after the span changes nothing; one before its start gives the whole span the smaller area.
      narrowed: nw && span!.start && span!.end && Date.parse(nw.from) < Date.parse(span!.end) ? nw : null,
      still_cut: sc ?? null,
      cut_part: cp ?? null,
      platform_phases: input.platform_phases && Object.keys(input.platform_phases.shares).length ? input.platform_phases : null,
      start: span!.start,
      end: span!.end,
      tz: span!.tz,
      hours: span!.hours,
      year: input.year ?? null,
      currency: currency === 'LCU' ? local : currency,
      local_currency: local,
      methods,
      method_choice: all ? 'all' : 'explicit',
      draws,
      seed,
    },
  };
}

/** Every rule of parseScenario a scenario breaks, as field issues (none when it prices): the check of meaning of the cost ops' inputs. */
export function scenarioIssues(input: ScenarioInput): FieldIssue[] {
  try {
    parseScenario(input);
    return [];
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION') return e.issues;
    throw e;
  }
}

export const countryName = (cc: string): string => getCountry(cc)?.name ?? cc;
