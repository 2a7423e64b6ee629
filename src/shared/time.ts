/**
 * Time is an effect too: code that stamps records takes a Clock so tests can fix "now".
 * Ledger dates may be partial (year, month, day or a full date-time); helpers here order them.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/**
 * How far past "now" an observed time (a signal's bin, a measurement's start) may lie before it
 * is refused as in the future: clock skew between the observer and us, a bin still in progress.
 */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** The time zone furthest ahead of UTC (UTC+14): a calendar day begins there first. */
const AHEAD_MS = 14 * 3_600_000;

/**
 * The latest calendar date (YYYY-MM-DD) begun anywhere on Earth at `nowMs`, FUTURE_TOLERANCE_MS
 * allowed: a date that carries no time zone (a court decision's) is in the future only after it.
 */
export const latestDateBegun = (nowMs: number): string => new Date(nowMs + FUTURE_TOLERANCE_MS + AHEAD_MS).toISOString().slice(0, 10);

/** Why an instant is refused as in the future (after `nowMs` + FUTURE_TOLERANCE_MS), or null. */
export function futureProblem(atMs: number, nowMs: number): string | null {
  if (!(atMs > nowMs + FUTURE_TOLERANCE_MS)) return null;
  return `after now (${new Date(nowMs).toISOString()}; ${FUTURE_TOLERANCE_MS / 60_000} minutes allowed for clock skew)`;
}

/** ISO-8601 date (YYYY-MM-DD) or date-time with offset; month and year forms allowed. */
export const PARTIAL_DATE_RE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/**
 * The earliest instant a partial date may denote, for ordering and range filters:
 * "2019" -> 2019-01-01T00:00:00Z, "2019-07" -> 2019-07-01T00:00:00Z.
 */
export function partialDateStart(value: string): Date {
  if (/^\d{4}$/.test(value)) return new Date(`${value}-01-01T00:00:00Z`);
  if (/^\d{4}-\d{2}$/.test(value)) return new Date(`${value}-01T00:00:00Z`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return new Date(value);
}

/** The last instant a partial date may denote: "2019" -> 2019-12-31T23:59:59.999Z. */
export function partialDateEnd(value: string): Date {
  if (/^\d{4}$/.test(value)) return new Date(`${value}-12-31T23:59:59.999Z`);
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0, 23, 59, 59, 999));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T23:59:59.999Z`);
  return new Date(value);
}

/** True when the string is a real calendar date in one of the accepted partial forms. */
export function isValidPartialDate(value: string): boolean {
  if (!PARTIAL_DATE_RE.test(value)) return false;
  const d = partialDateStart(value);
  if (Number.isNaN(d.getTime())) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const [y, m, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, m - 1, day));
    return check.getUTCMonth() === m - 1 && check.getUTCDate() === day;
  }
  return true;
}

/** The longest wait one Node timer holds (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Call `fn` once, `ms` from now, for any finite `ms`: a wait longer than one timer holds is
 * chained from timers of at most MAX_TIMER_MS, so it never fires early. The handle cancels it.
 */
export function setLongTimeout(fn: () => void, ms: number): { clear(): void } {
  const due = Date.now() + Math.max(0, ms);
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = due - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(fn, Math.max(0, left));
  };
  arm();
  return { clear: () => clearTimeout(timer) };
}
