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

/**
 * The bounds of a range filter (`--since/--until`, `?since=&until=`), one grammar everywhere:
 * a partial date (YYYY, YYYY-MM, YYYY-MM-DD), a UTC time "YYYY-MM-DD HH:MM[:SS]" or
 * "YYYY-MM-DDTHH:MM[:SS]" (OONI's measurement_start_time form; no offset means UTC), or an ISO
 * date-time with offset. A bound denotes a period: its start is the first instant of it, its end
 * the last ("2022-11" ends at 2022-11-30T23:59:59.999Z, "2022-11-10 10:28" at 10:28:59.999Z),
 * so an `until` includes the whole year, month, day, minute or second it names.
 */
export const TIME_BOUND_FORMS = 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset';

const UTC_TIME_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

/** A time bound in a form PARTIAL_DATE_RE takes (a UTC time gets its Z), and how long a period it names past its start. */
function asPartial(value: string): { iso: string; spanMs: number } {
  const m = UTC_TIME_RE.exec(value);
  if (!m) return { iso: value, spanMs: 0 };
  return { iso: `${m[1]}T${m[2]}${m[3] ?? ''}Z`, spanMs: m[4] ? 0 : m[3] ? 999 : 59_999 };
}

/** True when the text is a time bound on the calendar (not 2021-02-30, not 24:00). */
export function isValidTimeBound(value: string): boolean {
  const { iso } = asPartial(value);
  if (!isValidPartialDate(iso)) return false;
  const t = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  return !t || (Number(t[1]) < 24 && Number(t[2]) < 60 && Number(t[3] ?? 0) < 60);
}

/** The first instant a time bound denotes. */
export function timeBoundStart(value: string): Date {
  return partialDateStart(asPartial(value).iso);
}

/** The last instant a time bound denotes (a day, minute or second includes all of itself). */
export function timeBoundEnd(value: string): Date {
  const { iso, spanMs } = asPartial(value);
  const m = /T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  // an ISO date-time with offset names its minute or second too
  const span = spanMs || (m ? (m[1] ? 999 : 59_999) : 0);
  return new Date(partialDateEnd(iso).getTime() + span);
}

/** An instant as OONI writes measurement_start_time, "YYYY-MM-DD HH:MM:SS" (UTC, the second it falls in). */
export const utcSeconds = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');

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
