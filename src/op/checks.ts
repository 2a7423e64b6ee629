/**
 * The input checks every operation shares, written once: country codes, ASNs, dates and date
 * ranges, numbers, pagination. Operations compose their input schemas from these, so the CLI, the API
 * and the OpenAPI document give the same answer and the same message for the same bad value.
 * (src/op/checks.test.ts fails when a country-code pattern is written anywhere else.)
 */
import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { countryCodeHint, getCountry, isCountryCode, isProbeCountryCode, isRegionCode } from '../geo/index.js';
import {
  AppError,
  isValidPartialDate,
  isValidTimeBound,
  parseDecimal,
  parseWhole,
  TIME_BOUND_FORMS,
  timeBoundEnd,
  timeBoundStart,
  type FieldIssue,
} from '../shared/index.js';

/**
 * Why `value` is not a country code this filter takes, or null when it is one. Two letters,
 * any case, assigned in ISO 3166-1; with `probe`, also OONI's XK (Kosovo) and ZZ (unknown).
 * An unassigned code is an error, never an empty answer: the message says what was typed and,
 * for the usual mistakes (UK, EL, an alpha-3 code or a name), the code that was meant.
 */
export function countryProblem(value: string, probe = false): string | null {
  const up = value.trim().toUpperCase();
  const hint = countryCodeHint(value);
  const meant = hint ? `; did you mean ${hint} (${getCountry(hint)?.name ?? hint})?` : '';
  if (!/^[A-Z]{2}$/.test(up)) return `"${value}" is not an ISO 3166-1 alpha-2 country code: two letters, e.g. RU${meant}`;
  if (probe ? isProbeCountryCode(up) : isCountryCode(up)) return null;
  const where = probe ? '' : up === 'XK' || up === 'ZZ' ? '; XK and ZZ are taken only where the filter applies to OONI data' : '';
  return `unknown ISO 3166-1 alpha-2 country code "${value}"${meant}${where}`;
}

const country = (probe: boolean, description: string) =>
  z
    .string()
    .superRefine((v, ctx) => {
      const problem = countryProblem(v, probe);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v });
    })
    .trim()
    .toUpperCase()
    .meta({ description, example: 'RU' });

/** A filter's country: an assigned ISO 3166-1 alpha-2 code, any case (an unassigned one is a VALIDATION error). */
export const countryCode = country(false, 'ISO 3166-1 alpha-2 country code (case-insensitive; an unassigned code is a 400)');

/** A filter over OONI data (probe_cc) and what is detected from it: also XK (Kosovo) and ZZ (unknown), as OONI reports them. */
export const probeCountryCode = country(
  true,
  'ISO 3166-1 alpha-2 country code (case-insensitive), or XK (Kosovo) and ZZ (unknown) as OONI probe_cc carries them',
);

/** A filter's region: an ISO 3166-2 code we know (RU-MOW; also RU-CR/RU-SEV, see geo), any case; an unknown one is a VALIDATION error. */
export const regionCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    if (!isRegionCode(v))
      ctx.addIssue({
        code: 'custom',
        message: `unknown ISO 3166-2 region code "${v}" (e.g. RU-MOW; splinternet cost regions --country RU lists a country's)`,
        input: v,
      });
  })
  .meta({ description: 'ISO 3166-2, e.g. RU-MOW', example: 'RU-MOW' });

/**
 * What is wrong with a signal's region code, or null: ISO 3166-2's form (two letters, a dash, one
 * to three letters or digits) whose country part is a country. Subdivision codes are renumbered
 * over time and old series keep old codes, so the part after the dash is not checked against a list.
 */
export function regionFormProblem(value: string): string | null {
  const c = value.trim().toUpperCase();
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(c)) return `"${value}" is not an ISO 3166-2 code like IR-07`;
  const problem = countryProblem(c.slice(0, 2));
  return problem ? `region "${value}": ${problem}` : null;
}

/** A filter's signal region: ISO 3166-2's form with a real country part (regionFormProblem), upper-cased. */
export const regionForm = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = regionFormProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v });
  });

/** A stored country: an assigned ISO 3166-1 alpha-2 code, upper case (the message names the value and the code meant). */
export const knownCountryCode = z.string().superRefine((v, ctx) => {
  if (isCountryCode(v)) return;
  const problem = countryProblem(v) ?? `"${v}" must be upper case (${v.trim().toUpperCase()})`;
  ctx.addIssue({ code: 'custom', message: problem, input: v });
});

/** A network: AS12389 or 12389 (kept as given; domains normalise). */
export const asn = z
  .string()
  .regex(/^([Aa][Ss])?\d{1,10}$/, 'an ASN like AS12389 or 12389')
  // a 32-bit number (RFC 6793): AS4294967296 names no network
  .refine((v) => !(Number(v.replace(/^as/i, '')) > 4_294_967_295), 'an ASN is at most 4294967295 (32 bits)')
  .meta({ description: 'autonomous system number, AS12389 or 12389', example: 'AS12389' });

const notADate = (v: string) => `"${v}" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset`;

/** YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset (a real calendar date: not 2021-02-30). */
export const partialDate = z.string().superRefine((v, ctx) => {
  if (!isValidPartialDate(v)) ctx.addIssue({ code: 'custom', message: notADate(v), input: v });
});

/** An ISO 8601 instant with offset (2024-01-31T00:00:00Z), a real calendar date. */
export const instant = z.string().superRefine((v, ctx) => {
  if (!/T/.test(v) || !isValidPartialDate(v))
    ctx.addIssue({ code: 'custom', message: `"${v}" is not an instant: use an ISO date-time with offset, e.g. 2024-01-31T00:00:00Z`, input: v });
});

/** A range bound, one grammar for every `since`/`until` (TIME_BOUND_FORMS, src/shared/time.ts). */
export const timeBound = z.string().superRefine((v, ctx) => {
  if (!isValidTimeBound(v)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a date: use ${TIME_BOUND_FORMS}`, input: v });
});

/** A range's lower bound (inclusive); `until` includes the whole year, month, day, minute or second it names. */
export const since = timeBound.meta({ description: `from the start of this date or time: ${TIME_BOUND_FORMS}` });
export const until = timeBound.meta({ description: `up to the end of this date or time, inclusive: ${TIME_BOUND_FORMS}` });

/** The first or last instant of a range bound (undefined stays undefined). */
export function boundOf(v: string | undefined, end: boolean): Date | undefined {
  return v === undefined ? undefined : end ? timeBoundEnd(v) : timeBoundStart(v);
}

/** The range filters most listings take. */
export const dateRange = { since: since.optional(), until: until.optional() };

/** The input keys that make a date range, start then end. */
export const RANGE_KEYS = [
  ['since', 'until'],
  ['from', 'to'],
  ['started_from', 'to'],
] as const;

/**
 * A range that ends before it begins, as field issues on its end (every op's input is checked
 * by executeOp, so no listing answers such a range with an empty page). Partial dates compare
 * by the first and last instant they denote ("2021" ends at 2021-12-31T23:59:59.999Z).
 */
export function rangeIssues(input: unknown): FieldIssue[] {
  if (input === null || typeof input !== 'object') return [];
  const o = input as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const [a, b] of RANGE_KEYS) {
    const from = o[a];
    const to = o[b];
    if (typeof from !== 'string' || typeof to !== 'string') continue;
    const start = boundInstant(from, false);
    const end = boundInstant(to, true);
    if (start !== null && end !== null && end < start) issues.push({ path: [b], message: `"${to}" ends before ${a} "${from}" begins` });
  }
  return issues;
}

/** A range bound as epoch ms (a time bound, or a partial date for from/to), or null when it is neither. */
function boundInstant(v: string, end: boolean): number | null {
  if (!isValidTimeBound(v)) return null;
  return (end ? timeBoundEnd(v) : timeBoundStart(v)).getTime();
}

const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/**
 * A number an op takes as a JSON number or as text (a CLI option, a query string): text must be
 * a plain decimal (src/shared/decimal.ts), so an empty value, hex (0x10), "Infinity" or "NaN" is
 * a VALIDATION error naming the value ('"" is not a number'), never 0 or 16. `rules` adds the
 * field's own checks to the number: `check.number((n) => n.int('must be a whole number'))`.
 */
export function number<T extends z.ZodType<number, number> = z.ZodNumber>(rules?: (n: z.ZodNumber) => T) {
  const base = z.number({ error: (iss) => `${shown(iss.input)} is not a number` });
  const inner = rules ? rules(base) : (base as unknown as T);
  return z.preprocess((v: number | string) => (typeof v === 'string' ? (parseDecimal(v) ?? v) : v), inner);
}

/**
 * A whole number an op takes as a JSON number or as text (a CLI option, a query string): text
 * must be digits with a leading minus at most (parseWhole), so "1e3", "2.0", " 5" and "+5" are
 * refused as not whole numbers, never read as 1000, 2 or 5. With bounds, every refusal says them, in one
 * wording on every path: `must be a whole number from 100 to 100000, got "1e3"`.
 */
export function whole(min?: number, max?: number) {
  const range =
    min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` from ${min}` : max !== undefined ? ` up to ${max}` : '';
  const words = `must be a whole number${range}`;
  const error = (iss: { input?: unknown }) => `${words}, got ${shown(iss.input)}`;
  let n = z.number({ error }).int({ error, abort: true });
  if (min !== undefined) n = n.min(min, { error, abort: true });
  if (max !== undefined) n = n.max(max, { error });
  return z
    .preprocess((v: number | string) => (typeof v === 'string' ? (parseWhole(v) ?? v) : v), n)
    .meta({ type: 'integer', ...(min !== undefined ? { minimum: min } : {}), ...(max !== undefined ? { maximum: max } : {}) });
}

/** The largest random seed (32 bits): one range for every seeded op (cost, election fingerprints). */
export const SEED_MAX = 4_294_967_295;
/** A Monte Carlo seed, 0 to SEED_MAX, the same on every path. */
export const seed = whole(0, SEED_MAX);

/** A page size between 1 and `max`; anything else (0, -1, 1.5, "abc", too many) is a VALIDATION error saying the bounds. */
export const limit = (max: number) => {
  const bounds = `must be a whole number from 1 to ${max}`;
  return z
    .number({ error: bounds })
    .int({ error: bounds, abort: true })
    .min(1, { error: bounds, abort: true })
    .max(max, bounds)
    .meta({ description: `at most this many rows (1-${max})` });
};

/**
 * A target filter (a domain or an app) in the form measurement targets are stored: case does
 * not matter, a domain typed in Unicode is its IDNA (punycode) form, and a leading "www." is
 * dropped as ingest drops it, so `пример.рф`, `xn--e1afmkfd.xn--p1ai` and `WWW.Twitter.com`
 * each find their site. A host's root dot is dropped, as ingest drops it (`example.org.` is
 * `example.org`); a store ingested before that keeps the dot its inputs gave.
 */
export function targetForm(value: string): string {
  const t = value.trim().toLowerCase();
  // eslint-disable-next-line no-control-regex
  const ascii = /[^\x00-\x7f]/.test(t) ? domainToASCII(t) || t : t;
  return ascii.replace(/^www\./, '').replace(/(?<=.)\.$/, '');
}

/** A target filter read in its stored form (targetForm) before `inner` checks it. */
export const target = <T extends z.ZodType<string, string>>(inner: T) => z.preprocess((v: unknown) => (typeof v === 'string' ? targetForm(v) : v), inner);

/** An opaque cursor from a previous page's next_cursor. */
export const cursor = z.string().meta({ description: "the previous page's next_cursor" });

/** A page's next_cursor: the sort key and id of its last row, opaque to callers. */
export const encodeCursor = (key: string, id: string): string => Buffer.from(JSON.stringify([key, id])).toString('base64url');

/** A cursor's sort key: a calendar-valid instant, as the lists that page issue it (ISO, or with a space). */
const CURSOR_KEY = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;

function cursorKey(key: string): boolean {
  const m = CURSOR_KEY.exec(key);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

/**
 * The sort key and id a next_cursor carries: exactly [instant, non-empty id]. Anything this API
 * did not issue (not base64url JSON, another arity, a key that is no instant) is a VALIDATION
 * error naming `cursor`, before any query sees it.
 */
export function decodeCursor(value: string): { key: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2) {
      const [key, id] = v as [unknown, unknown];
      if (typeof key === 'string' && typeof id === 'string' && id !== '' && cursorKey(key)) return { key, id };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw new AppError('VALIDATION', 'cursor: not a next_cursor value from a previous page', { issues: [{ path: ['cursor'], message: 'invalid cursor' }] });
}
