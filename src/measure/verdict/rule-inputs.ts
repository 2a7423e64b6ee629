/**
 * The rule inputs kept per stored measurement, so that a rule change reaches measurements
 * already in the store without re-reading their files (`measurements rescore`). They are the
 * fields the rules read (the projection of projection.ts, absent fields left absent) with each
 * large HTTP body replaced by its facts (view.ts BodyFacts: length, title, the body
 * fingerprints it matched at ingest, and the Censored Planet signatures it matched where the
 * rules searched for them).
 *
 * Guarantees, held by rule-inputs.test.ts on every fixture measurement: scoring the read-back
 * inputs with the same rules and fingerprints gives the same flags and verdict as scoring the
 * raw line. What facts cannot give: a fingerprint added after ingest is not searched for in a
 * body over BODY_KEPT_CHARS (one removed since no longer matches), and such a body's Censored
 * Planet signatures are known only where the rules at ingest searched for them (a page unlike
 * the control's; searching every large body would cost ingest a third more CPU); bodies up to
 * that size, where block pages are, are kept whole and searched again.
 */
import type { ProjectionSpec } from '../../store/index.js';
import { fingerprintKey, type FingerprintMatcher } from '../fingerprints/matcher.js';
import { parseObject, type Json, type ParseResult, type Parsed } from '../reader/parse.js';
import { FULL_LINE_TESTS, MEASUREMENT_PROJECTION, TEST_KEYS } from './projection.js';
import { asArr, asObj, BodyFacts, httpResults, titleOf, type HttpResult } from './view.js';

/** Stored-format version: bump when the layout below changes (old rows then need re-ingest). */
export const RULE_INPUTS_FORMAT = 3;
/**
 * The format that first kept every key a test's rules read: format 2 keeps the outcome keys of
 * the tests in experiments.ts (browser_web `result`, ...), format 3 whatsapp's status keys
 * (its departures from them are noted). Older inputs of a test are read only when its rules
 * read no key added since; the other tests' inputs of any format are read as they are.
 */
const FIRST_FORMAT: Record<string, number> = {
  browser_web: 2,
  riseupvpn: 2,
  sni_blocking: 2,
  echcheck: 2,
  meek_fronted_requests_test: 2,
  dns_consistency: 2,
  whatsapp: 3,
};
const readable = (f: unknown, testName: unknown) =>
  typeof f === 'number' &&
  Number.isInteger(f) &&
  f >= 1 &&
  f <= RULE_INPUTS_FORMAT &&
  f >= (typeof testName === 'string' && Object.hasOwn(FIRST_FORMAT, testName) ? FIRST_FORMAT[testName]! : 1);
/** Bodies up to this many characters are kept whole; longer ones as facts. */
export const BODY_KEPT_CHARS = 8192;
/** Tests whose rules read the body's content itself (the echoed request of the middlebox tests): bodies kept whole. */
const BODY_CONTENT_TESTS = new Set(['http_header_field_manipulation']);

type Node = ProjectionSpec[string];
const ENVELOPE: ProjectionSpec = Object.fromEntries(Object.entries(MEASUREMENT_PROJECTION).filter(([k]) => k !== 'test_keys'));

/** Keep the spec's fields of a value; anything not shaped as the spec expects is kept as it is (validity judges it). */
function project(v: unknown, spec: Node): unknown {
  if (spec === 'json' || spec === 'body') return v;
  if (Array.isArray(spec)) return Array.isArray(v) ? v.map((x) => project(x, spec[0])) : v;
  const o = asObj(v);
  if (!o) return v;
  const out: Json = {};
  for (const k of Object.keys(spec)) if (Object.hasOwn(o, k)) out[k] = project(o[k], spec[k]!);
  return out;
}

/** Received request lines longer than this are kept as their length (the rule compares them with the short lines sent). */
const ECHO_KEPT_CHARS = 256;

/**
 * test_keys as the rules read them: whole for the tests that enumerate their keys, else
 * projected plus every top-level *failure key, with two large values cut to what is read:
 * - http_invalid_request_line `received`: an entry equal to the line sent, or short, is kept;
 *   a long one becomes {$len} (it cannot equal the line sent, which is all the rule asks);
 * - tor `targets`: per target its failure, its connect summary's failure and whether it has
 *   TCP connects.
 */
function testKeysOf(testName: string, tk: Json): Json {
  if (FULL_LINE_TESTS.has(testName)) return { ...tk };
  const out = project(tk, TEST_KEYS) as Json;
  for (const k of Object.keys(tk)) if (k.endsWith('failure') && !Object.hasOwn(out, k)) out[k] = tk[k];
  if (Array.isArray(out.received)) {
    const sent = asArr(out.sent);
    out.received = out.received.map((v: unknown, i) => (typeof v === 'string' && v.length > ECHO_KEPT_CHARS && v !== sent[i] ? { $len: v.length } : v));
  }
  const targets = testName === 'tor' ? asObj(out.targets) : null;
  if (targets) {
    out.targets = Object.fromEntries(
      Object.entries(targets).map(([k, t]) => {
        const o = asObj(t);
        if (!o) return [k, t];
        const connect = asObj(asObj(o.summary)?.connect);
        const tcp = Array.isArray(o.tcp_connect) ? (o.tcp_connect.length ? [null] : []) : null;
        return [k, { failure: o.failure, summary: connect ? { connect: { failure: connect.failure } } : null, tcp_connect: tcp }];
      }),
    );
  }
  return out;
}

/** The stored form of one response body (see the header). */
function storedBody(raw: unknown, r: HttpResult | undefined, matcher: FingerprintMatcher, keepWhole: boolean): unknown {
  if (!r || r.badBase64) return raw; // kept as written: validity judges it
  if (r.body === null) return null;
  if (keepWhole || r.body.length <= BODY_KEPT_CHARS) return r.body;
  const fps = matcher
    .matchHttp(r)
    .filter((h) => h.where === 'body')
    .map((h) => fingerprintKey(h.fp));
  // the signatures the rules looked for at ingest (null: they did not look, and cannot have needed them)
  const sigs = matcher.signaturesIfSearched(r)?.map(fingerprintKey) ?? null;
  return { $facts: [r.bodyLength, titleOf(r), fps, sigs] };
}

/**
 * The rule inputs of one measurement, as stored (JSON text). Call it after scoreMeasurement on
 * the same Parsed with the same matcher: what the rules searched for then is what a large body's
 * facts can answer.
 */
export function ruleInputsOf(p: Parsed, matcher: FingerprintMatcher, bucketHour: string | null): string {
  const m = project(p.raw, ENVELOPE) as Json;
  if (Object.hasOwn(p.raw, 'test_keys')) {
    const tk = p.testKeys;
    if (!tk) m.test_keys = null;
    else {
      const out = testKeysOf(p.envelope.test_name, tk);
      const reqs = asArr(tk.requests);
      if (reqs.length && Array.isArray(out.requests)) {
        const byIndex = new Map(httpResults(tk).map((r) => [r.index, r]));
        const keepWhole = BODY_CONTENT_TESTS.has(p.envelope.test_name);
        out.requests = (out.requests as unknown[]).map((req, i) => {
          const o = asObj(req);
          const resp = asObj(o?.response);
          if (!o || !resp || !Object.hasOwn(resp, 'body')) return req;
          return { ...o, response: { ...resp, body: storedBody(resp.body, byIndex.get(i), matcher, keepWhole) } };
        });
      }
      m.test_keys = out;
    }
  }
  return JSON.stringify({ f: RULE_INPUTS_FORMAT, bucket_hour: bucketHour, m });
}

export type StoredInputs = { ok: true; parsed: Parsed; bucketHour: string | null } | { ok: false; reason: string };

/** Read stored rule inputs back into what scoreMeasurement takes. */
export function readRuleInputs(text: string): StoredInputs {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `stored rule inputs are not JSON: ${(e as Error).message.slice(0, 120)}` };
  }
  const d = asObj(doc);
  const m = asObj(d?.m);
  if (!d || !readable(d.f, m?.test_name))
    return { ok: false, reason: `stored rule inputs have format ${JSON.stringify(d?.f)}, this version reads ${RULE_INPUTS_FORMAT}: re-ingest` };
  for (const req of asArr(asObj(m?.test_keys)?.requests)) {
    const resp = asObj(asObj(req)?.response);
    const f = asObj(resp?.body)?.$facts;
    if (resp && Array.isArray(f))
      resp.body = new BodyFacts(Number(f[0]), typeof f[1] === 'string' ? f[1] : null, asArr(f[2]).map(String), Array.isArray(f[3]) ? f[3].map(String) : null);
  }
  const parsed: ParseResult = parseObject(m);
  if (!parsed.ok) return { ok: false, reason: `stored rule inputs: ${parsed.detail}` };
  return { ok: true, parsed: parsed.value, bucketHour: typeof d.bucket_hour === 'string' ? d.bucket_hour : null };
}
