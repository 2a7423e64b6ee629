/**
 * The cost engine's vocabulary: scenario types, method ids, the resolved scenario, the inputs
 * every figure cites, and the contract between a method (which prices one segment of time)
 * and the engine (which draws parameters, converts currencies and summarises).
 */
import type { Dist } from './random.js';

export const SCENARIO_TYPES = ['full', 'mobile', 'fixed', 'platform', 'throttling', 'isp'] as const;
export type ScenarioType = (typeof SCENARIO_TYPES)[number];

export const METHOD_IDS = ['ozi-regional', 'deloitte-2016', 'brookings-2016', 'cost-escalated'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** A validated scenario (see scenario.ts for the rules). */
export interface Scenario {
  country: string;
  regions: string[];
  type: ScenarioType;
  /** Platform ids (several for a multi-platform block: weights add up). */
  platforms: string[];
  severity: number | null;
  isp_share: number | null;
  platform_weight: number | null;
  mobile_share: number | null;
  /** Share of the country cut off (population share of the geocoded area), with its confidence; null = the whole country or its regions. */
  affected: { share: number; confidence: 'high' | 'medium' | 'low'; basis: string; low?: number; high?: number; values?: number[] } | null;
  /**
   * From `from` on, `share` of the country was cut off (its range low–high): the record says most
   * of the area was restored then and names the place left cut off (area-steps.ts), or that the
   * cut ended then and traffic came back over the days after (recovery.ts); null = the same area
   * over the whole span. A `from` before the span's start prices the whole span so.
   */
  narrowed: { from: string; share: number; low: number; high: number; basis: string } | null;
  /** Years whose records say the cut was largely, not wholly, in place: the area's share those years × uniform(low, high); null = whole every year. */
  still_cut: { years: number[]; later: boolean; low: number; high: number; basis: string } | null;
  /**
   * A record cut for part of its span and slowed for the rest, the split not recorded: every
   * period × (share cut, uniform(low, high)), plus the rest at severity `slowed` when given
   * (null: the slowed hours are not priced); null = cut throughout.
   */
  cut_part: { low: number; high: number; slowed: number | null; basis: string } | null;
  /** A full shutdown whose networks were not recorded: the whole network with chance p_whole, else mobile data only; null = as its type says. */
  unrecorded_networks: { p_whole: number; basis: string } | null;
  /**
   * A block its sources say did not stop the service (ledger tag `circumvented`): the share of
   * the platform's use it stopped, uniform over [low, high]; null = all of it.
   */
  block_effect: { low: number; high: number; basis: string } | null;
  /**
   * A record of blocks whose text also names a whole-network cut it calls brief ("a brief
   * complete shutdown"): that cut, its length not stated, is 0–24 h of the span (8 h on average,
   * as a single day recorded without times); `area`, where the text names its place ("on Nov. 26
   * in Astana"), the share of the country it reached (null: the whole country); null = none.
   */
  brief_cut: { basis: string; area: { share: number; low: number; high: number; basis: string } | null } | null;
  /** A block's weight imputed from a reference class (a block of unnamed social media): each value equally likely; null = the table's or the request's. */
  platform_weight_class: { values: number[]; basis: string } | null;
  /** Share of the span the network was actually cut (a schedule of a few hours a day), with its range; null = the whole span. */
  active: { share: number; low: number; high: number; basis: string } | null;
  /** Share of the span each platform of a block was blocked, where platforms were lifted at different times; null = every platform the whole span. */
  platform_phases: { shares: Record<string, number>; basis: string } | null;
  start: string | null;
  end: string | null;
  tz: string;
  hours: number;
  year: number | null;
  currency: string;
  local_currency: string;
  methods: MethodId[];
  /** 'explicit' when the caller named the method(s): then a method that cannot price the scenario is a 400. */
  method_choice: 'explicit' | 'all';
  draws: number;
  seed: number;
}

/** One number an estimate used, with where it came from. */
export interface InputValue {
  name: string;
  value: number | string;
  unit: string;
  source: string;
  year: number | null;
  geo?: string;
  vintage?: string;
  note?: string;
  distribution?: string;
}

export interface ParamSpec {
  name: string;
  dist: Dist;
  unit: string;
  source: string;
  /**
   * The stream its draws come from, when not its name: one quantity read for several years (the
   * mobile share of each year's subscriptions) draws every year's value from one stream, so the
   * years move together and each year's draws are those of that year priced alone.
   */
  stream?: string;
}

/** One calendar-year piece of the span, with the data year the method priced it with. */
export interface SegmentPlan {
  period_year: number | null;
  /** The year whose prices the figure is in (its exchange rate's year where the period has no dates). */
  data_year: number;
  /** The year of the records read, where the method carried older records to data_year (ozi-regional scales GRP by national GDP). */
  source_year?: number;
  from: string | null;
  to: string | null;
  hours: number;
}

export interface Plan {
  /** The currency the method computes in: the country's local currency or US dollars. */
  native: 'local' | 'USD';
  /** Region breakdown (ISO 3166-2); empty for a national figure. */
  regions: string[];
  params: ParamSpec[];
  inputs: InputValue[];
  notes: string[];
  /** Set when part of the method is a documented proxy (e.g. no BCG share for the country). */
  proxy: string | null;
  segments: SegmentPlan[];
  /**
   * The cost of segment s in region r (R = max(1, regions.length)), in the native currency, for
   * a parameter draw p: terms.coef[s·R + r] × units[terms.unit[s·R + r]].fn(p).
   */
  terms: { coef: number[]; unit: number[] };
  units: Unit[];
}

/**
 * A per-draw factor of a plan. `key` must name everything `fn` reads besides the draw itself
 * (the parameter indices and any constant it closes over): units with the same key, method,
 * seed and parameter specs share their memoised values (see draws.ts).
 */
export interface Unit {
  key: string;
  /** Indices of the parameters the unit reads (its memo key names their streams and ranges). */
  reads: number[];
  /** The unit for one parameter vector. */
  fn: (p: Float64Array) => number;
  /** The unit for every draw: out[j] from draws[i][j] (one array per parameter); equals fn. */
  fill: (draws: readonly Float64Array[], out: Float64Array) => void;
}

/**
 * A constant times a unit. Methods keep constants (a share, a penetration) out of the unit so
 * that segments and countries that differ only by constants share one unit and its draws.
 */
export interface Factor {
  c: number;
  unit: Unit;
}

export interface MethodParamDoc {
  name: string;
  description: string;
  dist: Dist;
  source: string;
}

export interface MethodModel {
  id: MethodId;
  version: string;
  title: string;
  summary: string;
  formula: string;
  citation: string[];
  types: readonly ScenarioType[];
  /** Data year for scenarios given in hours without a date (e.g. the calibration year). */
  referenceYear?: number;
  params: MethodParamDoc[];
  calibration?: Record<string, unknown>;
  plan(ctx: import('./method-kit.js').PlanContext): Plan;
}

/**
 * Thrown by a method that cannot price a scenario; names the parameter at fault. `uncovered`: the
 * method does not price such scenarios at all (another country, another kind of restriction), as
 * opposed to data it lacks for this one; a ledger event it does not cover is missing a method.
 * `dataMissing`: the scenario is valid and the method could price it, but this database lacks the
 * economic data it reads (nothing has been imported for the country): a 404 NOT_FOUND, not a fault
 * of the input; `load` then names the command that loads it.
 */
export class Unavailable extends Error {
  constructor(
    readonly param: string,
    message: string,
    readonly uncovered = false,
    readonly dataMissing = false,
    /** With dataMissing: the command that loads the data lacking (data/manifest.ts loadCommand). */
    readonly load?: string,
  ) {
    super(message);
    this.name = 'Unavailable';
  }
}
