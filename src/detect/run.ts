/**
 * `splinternet detect` and GET /api/detections: run the chosen detectors over the store with
 * the same filters, attach each detection's ledger status, and (with emit) create the drafts.
 */
import { checkParamPairs, paramRangeProblem } from './param-ranges.js';
import { AppError, isAppError, TIME_BOUND_FORMS, timeBoundEnd, timeBoundStart, type Clock, type FieldIssue, type ProgressReporter } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { BLOCK_METHOD, DEFAULT_BLOCK_RUN_PARAMS, runBlock, type BlockRunParams } from './block-run.js';
import { DETECTION_KINDS, type Detection, type DetectionInput, type DetectionKind, type SeriesReport } from './detection.js';
import { emitDrafts, withDrafts, type EmitReport } from './drafts.js';
import { checkOutageRunParams, DEFAULT_OUTAGE_RUN_PARAMS, OUTAGE_METHOD, runOutage, type OutageRunParams } from './outage-run.js';
import { DEFAULT_SHUTDOWN_RUN_PARAMS, runShutdown, SHUTDOWN_METHOD, type ShutdownRunParams } from './shutdown-run.js';
import { OONI_INPUT, SPEEDTEST_INPUT } from './ooni-throughput.js';
import { OONI_THROTTLE_METHOD, runThrottling, THROTTLE_INPUTS } from './throttle-inputs.js';
import { DEFAULT_THROTTLE_RUN_PARAMS, THROTTLE_METHOD, type ThrottleRunParams } from './throttle-run.js';

export interface DetectQuery {
  cc?: string;
  /** "AS12389" or "12389". */
  asn?: string;
  target?: string;
  /** Dates (YYYY[-MM[-DD]]) or ISO instants; until is inclusive of its day. */
  since?: string;
  until?: string;
  kind?: DetectionKind;
  /** One input (KIND_INPUTS): only the kinds that have it run; default every input. */
  input?: DetectionInput;
}

/** The inputs each kind judges (a detection names one of them). */
export const KIND_INPUTS: Record<DetectionKind, readonly DetectionInput[]> = {
  block: ['ooni_verdicts'],
  throttling: THROTTLE_INPUTS,
  shutdown: ['ooni_volume'],
  outage: ['outage_signals'],
};

/** The kinds whose series are per target (a domain or app); the others judge no target. */
export const TARGET_KINDS: readonly DetectionKind[] = ['block', 'throttling'];

/**
 * The kinds a query runs: its kind, or every kind that has its input and takes its target. A kind
 * named with an input or a target it does not have is a VALIDATION error naming `input`/`target`,
 * never a run that ignores it; so is a target with the speed-test input (runThrottling reads the
 * speed tests only when no target is given).
 */
export function kindsFor(query: Pick<DetectQuery, 'kind' | 'input' | 'target'>): DetectionKind[] {
  const bad = (field: 'input' | 'target', message: string) => new AppError('VALIDATION', message, { issues: [{ path: [field], message }] });
  const { kind, input, target } = query;
  if (kind && input !== undefined && !KIND_INPUTS[kind].includes(input))
    throw bad('input', `input "${input}" is not an input of kind ${kind} (its inputs: ${KIND_INPUTS[kind].join(', ')})`);
  if (kind && target !== undefined && !TARGET_KINDS.includes(kind)) throw bad('target', `target applies to kinds ${TARGET_KINDS.join(', ')}, not ${kind}`);
  if (target !== undefined && input === SPEEDTEST_INPUT)
    throw bad(
      'target',
      `target applies to the block detector and the ${OONI_INPUT} input of throttling, not to input "${input}" (a speed-test dataset has one target)`,
    );
  const kinds = kind
    ? [kind]
    : DETECTION_KINDS.filter((k) => (input === undefined || KIND_INPUTS[k].includes(input)) && (target === undefined || TARGET_KINDS.includes(k)));
  if (!kinds.length)
    throw bad(
      'target',
      `target applies to kinds ${TARGET_KINDS.join(', ')}; input "${input}" is of kind ${DETECTION_KINDS.filter((k) => KIND_INPUTS[k].includes(input!)).join(', ')}`,
    );
  return kinds;
}

export interface DetectParams {
  block: BlockRunParams;
  throttling: ThrottleRunParams;
  shutdown: ShutdownRunParams;
  outage: OutageRunParams;
}

export const DEFAULT_DETECT_PARAMS: DetectParams = {
  block: DEFAULT_BLOCK_RUN_PARAMS,
  throttling: DEFAULT_THROTTLE_RUN_PARAMS,
  shutdown: DEFAULT_SHUTDOWN_RUN_PARAMS,
  outage: DEFAULT_OUTAGE_RUN_PARAMS,
};

export interface DetectReport {
  items: Detection[];
  series: SeriesReport[];
  emitted: EmitReport | null;
  kinds: DetectionKind[];
  query: DetectQuery;
  params: DetectParams;
  methods: Partial<Record<DetectionKind, string>>;
}

const sameType = (v: unknown, d: unknown): boolean => typeof v === typeof d && (v === null) === (d === null) && Array.isArray(v) === Array.isArray(d);
const typeWords = (d: unknown): string =>
  typeof d === 'number' ? 'a number' : typeof d === 'string' ? 'text' : typeof d === 'boolean' ? 'true or false' : Array.isArray(d) ? 'a list' : 'an object';

/**
 * Merge user overrides (e.g. { block: { edd: 30 } }) over the defaults, refusing unknown keys and
 * values outside a parameter's range (param-ranges.ts): every refused detector and parameter is
 * named in one error, so a request is corrected in one go.
 */
export function resolveParams(over: Record<string, Record<string, unknown>> | undefined): DetectParams {
  const out = structuredClone(DEFAULT_DETECT_PARAMS) as unknown as Record<string, Record<string, unknown>>;
  const issues: FieldIssue[] = [];
  const lines: string[] = [];
  const refuse = (path: string[], line: string, message: string) => {
    issues.push({ path, message });
    lines.push(line);
  };
  for (const [kind, values] of Object.entries(over ?? {})) {
    const base = Object.hasOwn(out, kind) ? out[kind] : undefined;
    if (!base) {
      refuse(['params', kind], `unknown detector "${kind}" in params; valid: ${DETECTION_KINDS.join(', ')}`, 'unknown detector');
      continue;
    }
    for (const [k, v] of Object.entries(values)) {
      if (!Object.hasOwn(base, k)) {
        refuse(
          ['params', kind, k],
          `params.${kind}.${k}: unknown parameter; the parameters of ${kind} are ${Object.keys(base).join(', ')}`,
          'unknown parameter',
        );
        continue;
      }
      // a value is refused by what its parameter takes: its choices, its range, else its default's type
      const problem = paramRangeProblem(kind, k, v) ?? (sameType(v, base[k]) ? null : `must be ${typeWords(base[k])}, got ${JSON.stringify(v)}`);
      if (problem) refuse(['params', kind, k], `params.${kind}.${k}: ${problem}`, problem);
      else base[k] = v;
    }
  }
  if (issues.length) throw new AppError('VALIDATION', lines.join('; '), { issues });
  checkParamPairs(out);
  const params = out as unknown as DetectParams;
  checkOutageRunParams(params.outage);
  return params;
}

/**
 * What kindsFor and resolveParams refuse in a query, as field issues (none when it runs): the
 * detect ops' check of meaning, run beside their schema so a bad date never hides a kind that
 * has not the input asked for.
 */
export function detectQueryIssues(q: Partial<Pick<DetectQuery, 'kind' | 'input' | 'target'>>, params?: Record<string, Record<string, unknown>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const f of [() => kindsFor(q), () => resolveParams(params)]) {
    try {
      f();
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION') throw e;
      issues.push(...e.issues);
    }
  }
  return issues;
}

const METHODS: Record<DetectionKind, string> = {
  block: BLOCK_METHOD,
  throttling: `${THROTTLE_METHOD} OONI input: ${OONI_THROTTLE_METHOD}`,
  shutdown: SHUTDOWN_METHOD,
  outage: OUTAGE_METHOD,
};

const DAY_MS = 86_400_000;

/**
 * Bounds of a view judged per UTC day (throttling: speed tests, OONI throughput), widened to whole
 * days: since to the start of its day, an exclusive until to the end of its day. A time of day in
 * --since/--until never makes part of a day into that day's row or verdict.
 */
export function wholeDays<T extends { since?: string; until?: string }>(q: T): T {
  const floor = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS) * DAY_MS;
  const ceil = (iso: string) => Math.ceil(Date.parse(iso) / DAY_MS) * DAY_MS;
  return {
    ...q,
    since: q.since === undefined ? undefined : new Date(floor(q.since)).toISOString(),
    until: q.until === undefined ? undefined : new Date(ceil(q.until)).toISOString(),
  };
}

/** The period a whole-day view covers (UTC; until exclusive), and whether a bound was moved out to make it whole days. */
export interface DayWindow {
  since: string | null;
  until: string | null;
  widened: boolean;
}

/** wholeDays, with the window it gives and whether it is wider than the bounds asked for. */
export function wholeDayWindow<T extends { since?: string; until?: string }>(q: T): { q: T; window: DayWindow } {
  const w = wholeDays(q);
  const moved = (a?: string, b?: string) => a !== undefined && b !== undefined && Date.parse(a) !== Date.parse(b);
  return { q: w, window: { since: w.since ?? null, until: w.until ?? null, widened: moved(q.since, w.since) || moved(q.until, w.until) } };
}

export function normaliseQuery(q: DetectQuery): { cc?: string; asnNumber?: number; asn?: string; target?: string; since?: string; until?: string } {
  const asnDigits = q.asn?.replace(/^AS/i, '');
  if (asnDigits !== undefined && !/^\d{1,10}$/.test(asnDigits)) {
    throw new AppError('VALIDATION', `asn must look like AS12389 or 12389, got "${q.asn}"`, { issues: [{ path: ['asn'], message: 'not an ASN' }] });
  }
  const date = (name: 'since' | 'until', v: string | undefined, f: (s: string) => Date) => {
    if (v === undefined) return undefined;
    const d = f(v);
    if (Number.isNaN(d.getTime()))
      throw new AppError('VALIDATION', `${name} must be a date (${TIME_BOUND_FORMS}), got "${v}"`, {
        issues: [{ path: [name], message: 'not a date' }],
      });
    return d.toISOString();
  };
  const untilEnd = date('until', q.until, timeBoundEnd);
  return {
    cc: q.cc?.toUpperCase(),
    asnNumber: asnDigits === undefined ? undefined : Number(asnDigits),
    asn: asnDigits === undefined ? undefined : `AS${asnDigits}`,
    target: q.target,
    since: date('since', q.since, timeBoundStart),
    // until is inclusive of its day/hour: the filters take an exclusive bound just after it.
    until: untilEnd === undefined ? undefined : new Date(Date.parse(untilEnd) + 1).toISOString(),
  };
}

export async function detect(
  deps: { store: Store; clock: Clock; progress: ProgressReporter; actor: string },
  query: DetectQuery,
  options: { emit?: boolean; params?: Record<string, Record<string, unknown>> } = {},
): Promise<DetectReport> {
  const params = resolveParams(options.params);
  const q = normaliseQuery(query);
  const kinds = kindsFor(query);
  const throttleInput = THROTTLE_INPUTS.find((i) => i === query.input);
  const found: Omit<Detection, 'draft'>[] = [];
  const series: SeriesReport[] = [];
  deps.progress.start('detect', kinds.length, 'detectors');
  for (const [i, kind] of kinds.entries()) {
    const r =
      kind === 'throttling'
        ? await runThrottling(
            deps.store,
            wholeDays({ cc: q.cc, asn: q.asnNumber, target: q.target, since: q.since, until: q.until, input: throttleInput }),
            params.throttling,
          )
        : kind === 'block'
          ? await runBlock(deps.store, { cc: q.cc, asn: q.asn, target: q.target, since: q.since, until: q.until }, params.block)
          : kind === 'outage'
            ? await runOutage(deps.store, { cc: q.cc, asn: q.asn, since: q.since, until: q.until }, params.outage)
            : await runShutdown(deps.store, { cc: q.cc, asn: q.asn, since: q.since, until: q.until }, params.shutdown);
    found.push(...r.detections);
    series.push(...r.series);
    deps.progress.update(i + 1, { detections: found.length });
  }
  deps.progress.stop();
  found.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  const emitted = options.emit ? await emitDrafts(deps, found) : null;
  return {
    items: await withDrafts(deps.store, found),
    series,
    emitted,
    kinds,
    query,
    params,
    methods: Object.fromEntries(kinds.map((k) => [k, METHODS[k]])),
  };
}
