/**
 * What `ooni sync` lists: OONI's raw bucket is keyed by upload hour, then probe country, then
 * test (raw/YYYYMMDD/HH/CC/testname/*.jsonl.gz, test names without underscores), so a window
 * of hours times a set of countries and tests is a set of key prefixes. The window is of upload
 * hours: a measurement may start up to a day before the hour it was uploaded in.
 */
import { isProbeCountryCode } from '../../geo/index.js';
import { check } from '../../op/index.js';
import { AppError } from '../../shared/index.js';
import { parseTestNames, testDir } from '../test-names.js';

export { testDir };

export interface SyncWindow {
  /** First upload hour, "YYYY-MM-DDTHH" (UTC). */
  since: string;
  /** Last upload hour, inclusive, "YYYY-MM-DDTHH" (UTC). */
  until: string;
  cc?: string[];
  test_name?: string[];
}

const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}$/;
/** At most ~11 years of hours per run: a typo in a year should not start a million listings. */
const MAX_HOURS = 100_000;

/** OONI's probe countries: ISO 3166-1 alpha-2, plus XK (Kosovo) and ZZ (unknown), as probe_cc carries them. */
export const isProbeCountry = isProbeCountryCode;

/**
 * The window as the bucket names it, or a VALIDATION error naming the option and the value:
 * hours that are real calendar hours, countries OONI can report, test names OONI has (the
 * bucket folder spelling is taken for the test it names).
 */
export function checkWindow(w: SyncWindow): SyncWindow {
  windowHours(w);
  const cc = (w.cc ?? []).map((c) => c.trim().toUpperCase());
  const bad = cc.find((c) => !isProbeCountry(c));
  if (bad !== undefined) {
    const problem = check.countryProblem(bad, true) ?? `unknown country "${bad}"`;
    const meant = /did you mean \w+/.exec(problem)?.[0];
    throw new AppError(
      'VALIDATION',
      `--cc must be ISO 3166-1 alpha-2 codes, got "${bad}"${meant ? ` (${meant}?)` : ''}; accepted: assigned codes such as RU, IR, CN, and XK, ZZ as OONI reports them`,
      { issues: [{ path: ['cc'], message: problem }] },
    );
  }
  const test_name = parseTestNames('--test', w.test_name ?? []);
  return { since: w.since, until: w.until, cc: cc.length ? [...new Set(cc)] : undefined, test_name };
}

/** Upload hours of the window, oldest first, as bucket path parts "YYYYMMDD/HH". */
export function windowHours(w: SyncWindow): string[] {
  for (const [field, v] of [
    ['since', w.since],
    ['until', w.until],
  ] as const) {
    // a real hour: Date.parse takes 2021-02-30 as March 2nd, the round trip does not
    const t = HOUR.test(v) ? Date.parse(`${v}:00:00Z`) : NaN;
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 13) !== v)
      throw new AppError('VALIDATION', `--${field} must be a date (YYYY-MM-DD) or hour (YYYY-MM-DDTHH, 00-23), got "${v}"`, {
        issues: [{ path: [field], message: 'not a date' }],
      });
  }
  const from = Date.parse(`${w.since}:00:00Z`);
  const to = Date.parse(`${w.until}:00:00Z`);
  if (to < from)
    throw new AppError('VALIDATION', `--until (${w.until}) is before --since (${w.since})`, { issues: [{ path: ['until'], message: 'before since' }] });
  if ((to - from) / 3600_000 + 1 > MAX_HOURS)
    throw new AppError('VALIDATION', `the window ${w.since} .. ${w.until} spans more than ${MAX_HOURS} hours; sync it in parts`, {
      issues: [{ path: ['until'], message: 'window too long' }],
    });
  const out: string[] = [];
  for (let t = from; t <= to; t += 3600_000) {
    const iso = new Date(t).toISOString();
    out.push(`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}/${iso.slice(11, 13)}`);
  }
  return out;
}

/** The listing prefixes: one per hour and country (and test when given), or one per hour. */
export function syncPrefixes(w: SyncWindow): string[] {
  const ccs = w.cc?.length ? w.cc : [null];
  const tests = w.test_name?.length ? [...new Set(w.test_name.map(testDir))] : [null];
  const out: string[] = [];
  for (const h of windowHours(w)) {
    for (const cc of ccs) {
      if (cc === null) out.push(`raw/${h}/`);
      else for (const t of tests) out.push(t === null ? `raw/${h}/${cc}/` : `raw/${h}/${cc}/${t}/`);
    }
  }
  return [...new Set(out)];
}

/** Whether a listed key is a measurement file of the window's tests (listing without a country cannot narrow by test). */
export function wantedKey(key: string, w: SyncWindow): boolean {
  if (!/\.jsonl(\.gz)?$/.test(key)) return false;
  if (!w.test_name?.length) return true;
  const test = key.split('/')[4];
  return test !== undefined && w.test_name.map(testDir).includes(test);
}
