/**
 * The shape of every field the rules read, declared once: a measurement whose field has the
 * wrong type is `invalid` with `validity.bad_field` naming the field (its path in the
 * measurement), never an exception and never a silent "absent". null counts as absent, which
 * the rules handle; only a present value of the wrong type is bad. Envelope fields that place a
 * measurement (test_name, measurement_start_time, test_keys) are checked by the reader, which
 * rejects the line with file, line and offset instead (reader/parse.ts).
 */
import type { Json } from '../reader/parse.js';
import { httpUrlHost } from './view.js';

/** The largest AS number (32 bits, RFC 6793). */
const MAX_ASN = 4294967295;

/** A trailing `!`: the value must be there and not null whenever the object holding it is. */
type Kind =
  'string' | 'string!' | 'number' | 'boolean' | 'boolean!' | 'object' | 'object!' | 'list' | 'string|boolean' | 'string|list' | 'string|object' | 'any';

/** A field path below test_keys: `a.b` for objects, `a[].b` for every item of a list, `a{}.b` for every value of an object. */
type Shape = Record<string, Kind>;

const WEB: Shape = {
  blocking: 'string|boolean',
  accessible: 'boolean',
  x_blocking_flags: 'number',
  x_dns_flags: 'number',
  x_null_null_flags: 'number',
  control: 'object',
  'control.dns': 'object',
  'control.dns.addrs': 'list',
  'control.dns.failure': 'string',
  'control.tcp_connect': 'object',
  'control.tls_handshake': 'object',
  'control.ip_info': 'object',
  'control.http_request': 'object',
  'control.http_request.status_code': 'number',
  'control.http_request.body_length': 'number',
  'control.http_request.headers': 'object',
  'control.http_request.failure': 'string',
  'control.http_request.title': 'string',
  queries: 'list',
  'queries[]': 'object',
  'queries[].hostname': 'string',
  'queries[].failure': 'string',
  'queries[].answers': 'list',
  'queries[].answers[]': 'object',
  'queries[].tags': 'list',
  tcp_connect: 'list',
  'tcp_connect[]': 'object',
  'tcp_connect[].ip': 'string',
  'tcp_connect[].port': 'number',
  'tcp_connect[].status': 'object',
  'tcp_connect[].status.success': 'boolean',
  'tcp_connect[].status.failure': 'string',
  'tcp_connect[].tags': 'list',
  tls_handshakes: 'list',
  'tls_handshakes[]': 'object',
  'tls_handshakes[].address': 'string',
  'tls_handshakes[].server_name': 'string',
  'tls_handshakes[].failure': 'string',
  'tls_handshakes[].tags': 'list',
  requests: 'list',
  'requests[]': 'object',
  'requests[].failure': 'string',
  'requests[].request': 'object',
  'requests[].request.url': 'string',
  'requests[].response': 'object',
  'requests[].response.code': 'number',
  'requests[].response.body': 'string|object',
  'requests[].response.body_is_truncated': 'boolean',
  'requests[].response.headers': 'object',
  'requests[].response.headers_list': 'list',
  'requests[].tags': 'list',
  network_events: 'list',
};

/**
 * The df-00x observations (dnst, tcpconnect, tlshandshake, httpt) as the app verdicts read them
 * through view.ts and firstFailure (apps.ts). A connect's `status` and its `success` are required:
 * the verdicts count a connect as failed unless it is `true`, so anything else (a string, null,
 * nothing, no status at all) would read as a blocked endpoint. A request's `request.url` may be
 * missing: measurement-kit's telegram (0.0.x) writes requests without one.
 */
const OBSERVATIONS: Shape = {
  queries: 'list',
  'queries[]': 'object',
  'queries[].hostname': 'string',
  'queries[].engine': 'string',
  'queries[].failure': 'string',
  'queries[].answers': 'list',
  'queries[].answers[]': 'object',
  'queries[].answers[].answer_type': 'string',
  'queries[].answers[].ipv4': 'string',
  'queries[].answers[].ipv6': 'string',
  'queries[].answers[].hostname': 'string',
  'queries[].answers[].asn': 'number',
  'queries[].tags': 'list',
  tcp_connect: 'list',
  'tcp_connect[]': 'object',
  'tcp_connect[].ip': 'string',
  'tcp_connect[].port': 'number',
  'tcp_connect[].status': 'object!',
  'tcp_connect[].status.success': 'boolean!',
  'tcp_connect[].status.failure': 'string',
  'tcp_connect[].tags': 'list',
  tls_handshakes: 'list',
  'tls_handshakes[]': 'object',
  'tls_handshakes[].address': 'string',
  'tls_handshakes[].server_name': 'string',
  'tls_handshakes[].failure': 'string',
  'tls_handshakes[].no_tls_verify': 'boolean',
  'tls_handshakes[].tags': 'list',
  requests: 'list',
  'requests[]': 'object',
  'requests[].failure': 'string',
  'requests[].request': 'object',
  'requests[].request.url': 'string',
  'requests[].response': 'object',
  'requests[].response.code': 'number',
  'requests[].response.body': 'string|object',
  'requests[].response.body_is_truncated': 'boolean',
  'requests[].response.headers': 'object',
  'requests[].response.headers_list': 'list',
  'requests[].tags': 'list',
  failure: 'string',
  failed_operation: 'string',
};

/**
 * dnscheck's lookups: one urlgetter-shaped result per endpoint, whose connects and handshakes
 * place a failed lookup (dnscheck.ts), so they are declared as the app observations are.
 */
const LOOKUPS: Shape = Object.fromEntries([
  ['lookups', 'object'],
  ['lookups{}', 'object'],
  ...Object.entries({ ...OBSERVATIONS, quic_handshakes: 'list', 'quic_handshakes[]': 'object', 'quic_handshakes[].failure': 'string' }).map(
    ([k, v]) => [`lookups{}.${k}`, v] as const,
  ),
]) as Shape;

/** What the Tor bootstrap tests (vanilla_tor, torsf, psiphon) report and bootstrapVerdict reads. */
const BOOTSTRAP: Shape = { failure: 'string', failed_operation: 'string', tor_progress: 'number' };

const SHAPES: Record<string, Shape> = {
  web_connectivity: WEB,
  telegram: { ...OBSERVATIONS, telegram_web_status: 'string' },
  whatsapp: OBSERVATIONS,
  signal: { ...OBSERVATIONS, signal_backend_status: 'string' },
  // facebook_messenger writes a boolean `failure` in its connects (false: none)
  facebook_messenger: { ...OBSERVATIONS, 'tcp_connect[].status.failure': 'string|boolean' },
  tor: {
    targets: 'object',
    'targets{}': 'object',
    'targets{}.failure': 'string',
    'targets{}.summary': 'object',
    'targets{}.summary.connect': 'object',
    'targets{}.summary.connect.failure': 'string',
    'targets{}.tcp_connect': 'list',
  },
  vanilla_tor: BOOTSTRAP,
  torsf: BOOTSTRAP,
  psiphon: BOOTSTRAP,
  dnscheck: LOOKUPS,
  urlgetter: { requests: 'list', 'requests[]': 'object', failure: 'string' },
};

/**
 * The status strings the app verdicts read, with the values OONI writes (docs: ooni-measurement.md,
 * "ok"/"blocked"). Any other string is a bad field: read as "not blocked" it would be an `ok`
 * nothing measured. null or absent is no value (the verdicts say the check is not reported).
 */
const ENUMS: Record<string, Record<string, readonly string[]>> = {
  telegram: { telegram_web_status: ['ok', 'blocked'] },
  signal: { signal_backend_status: ['ok', 'blocked'] },
};

/**
 * Keys of test_keys named by a pattern (with `-` read as `_`, as facebookMessengerVerdict reads
 * them): facebook_messenger's per-endpoint `*_dns_consistent` and `*_reachable` flags and its
 * `facebook_tcp_blocking` / `facebook_dns_blocking` summaries are booleans.
 */
const KEY_PATTERNS: Record<string, [RegExp, Kind][]> = {
  facebook_messenger: [[/^facebook_(.+_dns_consistent|.+_reachable|tcp_blocking|dns_blocking)$/, 'boolean']],
};

function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v;
}

function fits(v: unknown, k: Kind): boolean {
  if (v === null || v === undefined) return !k.endsWith('!');
  if (k === 'any') return true;
  return k.replace('!', '').split('|').includes(kindOf(v));
}

const bad = (where: string, kind: Kind, v: unknown): BadField => ({
  where,
  expected: kind.replace('!', '').replace('|', ' or '),
  got: v === undefined ? 'no value' : kindOf(v),
});

export interface BadField {
  /** Path in the measurement, e.g. "test_keys.requests[2].response.code". */
  where: string;
  expected: string;
  got: string;
}

/** Walk one dotted path (with `[]` for list items) and report every value of the wrong type. */
function check(tk: Json, path: string, kind: Kind, out: BadField[]): void {
  const steps = path.split('.');
  const walk = (v: unknown, i: number, at: string): void => {
    if (out.length >= 3) return;
    if (i === steps.length) {
      if (!fits(v, kind)) out.push(bad(at, kind, v));
      return;
    }
    if (v === null || v === undefined) return;
    let step = steps[i]!;
    const each = step.endsWith('[]');
    const values = step.endsWith('{}');
    if (each || values) step = step.slice(0, -2);
    if (typeof v !== 'object' || Array.isArray(v)) return; // the parent's own check reports it
    const child = (v as Json)[step];
    if (values) {
      if (child && typeof child === 'object' && !Array.isArray(child))
        for (const [k, item] of Object.entries(child)) walk(item, i + 1, `${at}.${step}[${JSON.stringify(k)}]`);
      return;
    }
    if (!each) return walk(child, i + 1, `${at}.${step}`);
    if (!Array.isArray(child)) return;
    child.forEach((item, j) => walk(item, i + 1, `${at}.${step}[${j}]`));
  };
  walk(tk, 0, 'test_keys');
}

/**
 * Envelope fields of the wrong type or form: probe_cc must be a string, probe_asn a string
 * "AS<number>" with a number of at most 32 bits (4294967295, as every AS number is and as the
 * filters accept), and report_id a string, as every real OONI measurement writes them. A missing
 * or null one is not wrong here (validity.unknown_network and validity.no_report_id cover it).
 */
export function badEnvelopeFields(raw: Json): BadField[] {
  const out: BadField[] = [];
  const cc = raw.probe_cc;
  if (cc !== null && cc !== undefined && typeof cc !== 'string') out.push({ where: 'probe_cc', expected: 'string', got: kindOf(cc) });
  const asn = raw.probe_asn;
  if (asn !== null && asn !== undefined) {
    if (typeof asn !== 'string') out.push({ where: 'probe_asn', expected: 'string "AS<number>"', got: kindOf(asn) });
    else if (!/^AS\d+$/i.test(asn)) out.push({ where: 'probe_asn', expected: 'string "AS<number>"', got: `string ${JSON.stringify(asn.slice(0, 20))}` });
  }
  const n = typeof asn === 'number' ? asn : typeof asn === 'string' && /^(?:AS)?\d+$/i.test(asn.trim()) ? Number(asn.trim().replace(/^AS/i, '')) : null;
  if (n !== null && n > MAX_ASN)
    out.push({ where: 'probe_asn', expected: 'an AS number of at most 4294967295 (32 bits)', got: JSON.stringify(asn).slice(0, 30) });
  const rid = raw.report_id;
  if (rid !== null && rid !== undefined && typeof rid !== 'string') out.push({ where: 'report_id', expected: 'string', got: kindOf(rid) });
  return out;
}

/** The tests whose rules read `input` as the URL measured: it must be an absolute http(s) URL with a host. */
const URL_INPUT_TESTS = new Set(['web_connectivity']);

/** Fields of the wrong type (at most 3), in declaration order; every `*_failure` key must be a string. */
export function badFields(testName: string, tk: Json, input: unknown): BadField[] {
  const out: BadField[] = [];
  if (URL_INPUT_TESTS.has(testName) && (typeof input !== 'string' || !httpUrlHost(input)))
    out.push({
      where: 'input',
      expected: 'an absolute http(s) URL with a host (the URL measured)',
      got: typeof input === 'string' ? `string ${JSON.stringify(input.slice(0, 60))}` : kindOf(input),
    });
  for (const [k, v] of Object.entries(tk))
    if (k.endsWith('_failure') && v !== null && v !== undefined && typeof v !== 'string')
      out.push({ where: `test_keys.${k}`, expected: 'string', got: kindOf(v) });
  for (const [re, kind] of KEY_PATTERNS[testName] ?? [])
    for (const [k, v] of Object.entries(tk)) if (re.test(k.replace(/-/g, '_')) && !fits(v, kind)) out.push(bad(`test_keys.${k}`, kind, v));
  for (const [path, kind] of Object.entries(SHAPES[testName] ?? {})) check(tk, path, kind, out);
  for (const [k, allowed] of Object.entries(ENUMS[testName] ?? {})) {
    const v = tk[k];
    if (typeof v === 'string' && !allowed.includes(v))
      out.push({ where: `test_keys.${k}`, expected: allowed.map((a) => JSON.stringify(a)).join(' or '), got: `string ${JSON.stringify(v.slice(0, 40))}` });
  }
  return out.slice(0, 3);
}
