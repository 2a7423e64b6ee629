/**
 * The values each detector parameter can take. `resolveParams` refuses a number outside its
 * range (or a fraction where a count is meant), and a text value not among its parameter's
 * choices, naming the parameter, so a run never reports
 * settings that make no sense (a negative history, -1 networks) as the settings it used.
 */
import { AppError } from '../shared/index.js';
import { CUSUM_INITIAL_STATES } from './cusum.js';
import { VOLUME_BASELINES } from './volume.js';

/** Inclusive bounds; `above` makes the lower bound exclusive; `whole` asks for an integer. */
export interface ParamRange {
  min: number;
  max: number;
  above?: boolean;
  whole?: boolean;
}

const share: ParamRange = { min: 0, max: 1 };
const positiveShare: ParamRange = { min: 0, max: 1, above: true };
const count: ParamRange = { min: 1, max: 1e6, whole: true };
const span: ParamRange = { min: 0, max: 1e6 };
const positiveSpan: ParamRange = { min: 0, max: 1e6, above: true };

export const PARAM_RANGES: Record<string, Record<string, ParamRange>> = {
  block: {
    mu0: share,
    mu1: positiveShare,
    edd: positiveSpan,
    gapHours: span,
    halfLifeHours: positiveSpan,
    minHours: span,
    minNetworks: count,
    corroborationHours: span,
  },
  throttling: {
    minControlKbps: span,
    maxRatio: positiveShare,
    minTests: count,
    backgroundShare: share,
    z: positiveSpan,
    ooniMinTransferBytes: { min: 0, max: 1e12, whole: true },
    ooniMinControls: count,
    minNetworks: count,
    corroborationDays: span,
  },
  shutdown: {
    windowHours: positiveSpan,
    warning: positiveShare,
    critical: positiveShare,
    minBaseline: span,
    minHistoryHours: span,
    alpha: { min: 0, max: 0.5, above: true },
    bridgeHours: span,
    minHours: span,
    minNetworks: count,
    corroborationHours: span,
  },
  outage: {
    dropRatio: { min: 0.01, max: 0.99 },
    poissonAlpha: { min: 1e-9, max: 0.5 },
    minBaseline: { min: 0, max: 1e9 },
    minLowSamples: count,
    minDurationMin: span,
    recoverySamples: count,
    historyDays: { min: 1, max: 366 },
    slotHalfWidthMin: span,
    minSlotValues: count,
    trailingHours: positiveSpan,
    minTrailingCoverage: share,
    maxGapMin: positiveSpan,
  },
};

/** The values a text parameter may take, declared where the detector defines them. */
export const PARAM_CHOICES: Record<string, Record<string, readonly string[]>> = {
  block: { initial: CUSUM_INITIAL_STATES },
  shutdown: { baseline: VOLUME_BASELINES },
};

/** The whole range in words, both bounds stated: a value outside it is told what is allowed. */
const describe = (r: ParamRange) =>
  `${r.whole ? 'a whole number' : 'a number'} ${r.above ? `above ${r.min} and at most ${r.max}` : `from ${r.min} to ${r.max}`}`;

/**
 * What is wrong with a value of `params.<kind>.<name>`, or null when it is within its range or
 * among its choices (or the parameter has neither). A value that is not a number is wrong for a
 * ranged parameter; one that is not among the choices is wrong for a text parameter.
 */
export function paramRangeProblem(kind: string, name: string, value: unknown): string | null {
  const own = <T>(table: Record<string, Record<string, T>>): T | undefined =>
    Object.hasOwn(table, kind) && Object.hasOwn(table[kind]!, name) ? table[kind]![name] : undefined;
  const choices = own(PARAM_CHOICES);
  if (choices)
    return typeof value === 'string' && choices.includes(value)
      ? null
      : `must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${JSON.stringify(value)}`;
  const r = own(PARAM_RANGES);
  if (!r) return null;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (r.above ? value > r.min : value >= r.min) &&
    value <= r.max &&
    (!r.whole || Number.isInteger(value));
  return ok ? null : `must be ${describe(r)}, got ${JSON.stringify(value)}`;
}

/** Throws a VALIDATION error naming `params.<kind>.<name>` when a number is outside its range or a text value is not among its choices. */
export function checkParamRange(kind: string, name: string, value: unknown): void {
  if (typeof value !== 'number' && typeof value !== 'string') return;
  const message = paramRangeProblem(kind, name, value);
  if (message) throw new AppError('VALIDATION', `params.${kind}.${name}: ${message}`, { issues: [{ path: ['params', kind, name], message }] });
}

/**
 * Parameters judged as a pair: each may be within its own range while the pair is unusable.
 * `[kind, first, second, relation]`: the second must be above (or at most) the first. The error
 * names the second: block.mu1 must exceed mu0 (else v = mu1 - mu0 and h are not positive and every
 * series alarms at once); shutdown.critical must not exceed warning (else every run is critical).
 */
const PAIRS: readonly [string, string, string, 'above' | 'atMost'][] = [
  ['block', 'mu0', 'mu1', 'above'],
  ['shutdown', 'warning', 'critical', 'atMost'],
];

/** Throws a VALIDATION error naming `params.<kind>.<second>` when a pair of resolved parameters is unusable. */
export function checkParamPairs(params: Record<string, Record<string, unknown>>): void {
  for (const [kind, first, second, relation] of PAIRS) {
    const a = params[kind]?.[first];
    const b = params[kind]?.[second];
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    const ok = relation === 'above' ? b > a : b <= a;
    if (ok) continue;
    const message = `must be ${relation === 'above' ? 'above' : 'at most'} ${first} (${a}), got ${b}`;
    throw new AppError('VALIDATION', `params.${kind}.${second}: ${message}`, { issues: [{ path: ['params', kind, second], message }] });
  }
}
