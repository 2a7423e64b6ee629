/**
 * One raw JSONL line -> a measurement object, or a reject reason. Required fields are the ones
 * without which we cannot place a measurement in a cell or score it: test_name,
 * measurement_start_time (a parseable UTC time) and a test_keys key (null is allowed: it scores
 * as invalid, like fastpath's accuracy 0). probe_cc / probe_asn / report_id may be missing: the
 * row is kept (ZZ / AS0 / content-hash key) and scored invalid, as fastpath would discard it.
 */
import { isAscii } from 'node:buffer';
import { isProbeCountryCode } from '../../geo/index.js';
import type { Envelope, RejectReason } from '../model.js';
import { ooniTestNameOf } from '../test-names.js';

export type Json = Record<string, unknown>;

export interface Parsed {
  envelope: Envelope;
  raw: Json;
  testKeys: Json | null;
}

export type ParseResult = { ok: true; value: Parsed } | { ok: false; reason: RejectReason; detail: string };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** Decode bytes to a string: ASCII lines (the vast majority) take the fast latin1 path. */
export function decodeLine(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A line as text, or why it is not UTF-8 (JSON text is UTF-8, RFC 8259): bytes that are not
 * would otherwise become U+FFFD and be stored changed. ASCII lines skip the check; others
 * are decoded once, strictly, and located only when that fails.
 */
export function decodeStrict(bytes: Buffer): { text: string } | { bad: string } {
  if (isAscii(bytes)) return { text: bytes.toString('latin1') };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const at = firstNonUtf8(bytes);
    return { bad: `not UTF-8: byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at} of the line (JSON text is UTF-8)` };
  }
}

/** Offset of the first byte that starts no valid UTF-8 sequence. */
function firstNonUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const n =
      bytes[i]! < 0x80
        ? 1
        : bytes[i]! >= 0xc2 && bytes[i]! < 0xe0
          ? 2
          : bytes[i]! >= 0xe0 && bytes[i]! < 0xf0
            ? 3
            : bytes[i]! >= 0xf0 && bytes[i]! < 0xf5
              ? 4
              : 0;
    if (n === 0 || i + n > bytes.length) return i;
    try {
      strictUtf8.decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return 0;
}

/** Days in a month of the proleptic Gregorian calendar (the one DuckDB's TIMESTAMP uses). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The start time forms a measurement may carry, as a reject names them. */
export const START_TIME_FORMS = '"YYYY-MM-DD HH:MM:SS" (UTC) or ISO 8601 with Z or an offset (2022-11-10T01:57:59+03:00)';

/**
 * OONI writes "YYYY-MM-DD HH:MM:SS" (UTC); the API and some fixtures use ISO with Z, and an
 * explicit offset (+03:00, +0330, -05:00) names the instant as exactly: it is converted to UTC.
 * Null for anything that is not a real instant: a month over 12, a day past the month's end
 * (2019-02-30, 2019-04-31), an hour over 23, minutes or seconds over 59 (DuckDB's TIMESTAMP has
 * no leap second), all judged in the time's own zone, or an offset over 23:59. Every value
 * returned here casts to TIMESTAMP.
 */
export function normaliseTime(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):?(\d{2}))?$/.exec(v);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const offsetMin = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  if (sign && (Number(oh) > 23 || Number(om) > 59)) return null;
  if (offsetMin === 0) return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(Number(h), Number(mi) - offsetMin, Number(s), 0);
  const iso = t.toISOString();
  return /^\d{4}-/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : null;
}

/**
 * The earliest start time a measurement can have: OONI published its first measurements in 2012
 * (ooniprobe's first releases). An earlier one (0001-01-01, the Unix epoch's 1969-12-31) is a
 * probe's unset or broken clock, not a moment measured.
 */
export const OONI_BEGAN = '2012-01-01 00:00:00';

export function normaliseAsn(v: unknown): string {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return `AS${v}`;
  if (typeof v === 'string') {
    const m = /^(?:AS)?(\d+)$/i.exec(v.trim());
    if (m) return `AS${Number(m[1])}`;
  }
  return 'AS0';
}

/**
 * probe_cc as stored: an assigned ISO 3166-1 alpha-2 code, XK or ZZ (in upper case), so every
 * stored measurement can be asked for by its country. Anything else (missing, not a string, a
 * code ISO does not assign such as XX) is ZZ, which the verdict marks validity.unknown_network.
 */
export function normaliseCc(v: unknown): string {
  if (typeof v !== 'string') return 'ZZ';
  const cc = v.toUpperCase();
  return isProbeCountryCode(cc) ? cc : 'ZZ';
}

/**
 * Tests whose input OONI writes as a list of strings: the legacy meek_fronted_requests_test
 * ([front domain, host]). Every other test's input is a string or null.
 */
const LIST_INPUT_TESTS = new Set(['meek_fronted_requests_test']);

/**
 * The input as one string (a meek list joined by a space; null when there is none), or why it
 * is no input OONI writes: an object, number, boolean, or a list (outside meek, or holding a
 * non-string) would otherwise be read as no input, and measurements that differ only there
 * would share one key (key.ts).
 */
function inputOf(v: unknown, testName: string): { input: string | null } | { bad: string } {
  if (v === undefined || v === null) return { input: null };
  if (typeof v === 'string') return { input: v };
  if (Array.isArray(v) && LIST_INPUT_TESTS.has(testName) && v.every((x) => typeof x === 'string')) return { input: v.join(' ') };
  const kind = Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
  const allowed = LIST_INPUT_TESTS.has(testName) ? 'a string, a list of strings or null' : 'a string or null';
  return { bad: `input is ${kind}: ${JSON.stringify(v).slice(0, 60)} (OONI writes ${allowed} for ${testName})` };
}

export function parseMeasurement(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'malformed_json', detail: (e as Error).message.slice(0, 200) };
  }
  return parseObject(raw);
}

/** The checks after JSON.parse: shared with the fast path, which parses a projection of the line instead. */
export function parseObject(raw: unknown): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return {
      ok: false,
      reason: 'not_an_object',
      detail: `a JSON ${raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw}, not a measurement object`,
    };
  const m = raw as Json;
  const missing = ['test_name', 'measurement_start_time', 'test_keys'].filter((k) => !(k in m));
  if (missing.length) return { ok: false, reason: 'missing_field', detail: `missing ${missing.join(', ')}` };
  if (typeof m.test_name !== 'string' || !/^[a-z0-9_]+$/.test(m.test_name))
    return { ok: false, reason: 'bad_field', detail: 'test_name is not a snake_case string' };
  const start = normaliseTime(m.measurement_start_time);
  if (!start)
    return {
      ok: false,
      reason: 'bad_field',
      detail: `measurement_start_time ${JSON.stringify(m.measurement_start_time)?.slice(0, 40)} is not a time on the calendar: ${START_TIME_FORMS}`,
    };
  if (start < OONI_BEGAN)
    return { ok: false, reason: 'bad_field', detail: `measurement_start_time "${start}" is before ${OONI_BEGAN}, when OONI began measuring` };
  const tk = m.test_keys;
  if (tk !== null && (typeof tk !== 'object' || Array.isArray(tk))) return { ok: false, reason: 'bad_field', detail: 'test_keys is not an object' };
  // a test named by its bucket folder (webconnectivity) is the test it names, stored and judged as such
  const testName = ooniTestNameOf(m.test_name) ?? m.test_name;
  const input = inputOf(m.input, testName);
  if ('bad' in input) return { ok: false, reason: 'bad_field', detail: input.bad };
  const ann = (m.annotations && typeof m.annotations === 'object' ? m.annotations : {}) as Json;
  return {
    ok: true,
    value: {
      raw: m,
      testKeys: (tk as Json | null) ?? null,
      envelope: {
        measurement_uid: str(m.measurement_uid),
        report_id: str(m.report_id) || null,
        input: input.input,
        probe_cc: normaliseCc(m.probe_cc),
        probe_asn: normaliseAsn(m.probe_asn),
        probe_network_name: str(m.probe_network_name),
        resolver_asn: m.resolver_asn === undefined || m.resolver_asn === null ? null : normaliseAsn(m.resolver_asn),
        test_name: testName,
        test_version: str(m.test_version),
        software_name: str(m.software_name),
        software_version: str(m.software_version),
        platform: str(ann.platform) ?? str(m.platform),
        measurement_start_time: start,
      },
    },
  };
}

/**
 * A measurement nested so deep that judging it overflows the stack (JSON.parse reads any depth;
 * the rules and the stored rule inputs walk values recursively). Such a line is a reject
 * (`too_deep`), never a failed ingest; real OONI measurements nest a dozen levels.
 */
export const isTooDeep = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);

/** The deepest nesting in a value, counted without recursion, for a too_deep reject's detail. */
export function tooDeepDetail(v: unknown): string {
  let max = 0;
  const stack: [unknown, number][] = [[v, 1]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (x === null || typeof x !== 'object') continue;
    if (d > max) max = d;
    for (const y of Array.isArray(x) ? x : Object.values(x as Record<string, unknown>)) stack.push([y, d + 1]);
  }
  return `nested ${max} levels deep: too deep to judge (real measurements nest about a dozen)`;
}
