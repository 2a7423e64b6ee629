/**
 * The shape of every field the rules read, declared once: a measurement whose field has the
 * wrong type is `invalid` with `validity.bad_field` naming the field (its path in the
 * measurement), never an exception and never a silent "absent". null counts as absent, which
 * the rules handle; only a present value of the wrong type is bad. Envelope fields that place a
 * measurement (test_name, measurement_start_time, test_keys) are checked by the reader, which
 * rejects the line with file, line and offset instead (reader/parse.ts).
 */
import type { Json } from '../reader/parse.js';

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'list' | 'string|boolean' | 'string|list' | 'any';

/** A field path below test_keys: `a.b` for objects, `a[].b` for every item of a list. */
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
  'requests[].response.headers': 'object',
  'requests[].response.headers_list': 'list',
  'requests[].tags': 'list',
  network_events: 'list',
};

const SHAPES: Record<string, Shape> = {
  web_connectivity: WEB,
  telegram: {
    requests: 'list',
    'requests[]': 'object',
    'requests[].request': 'object',
    tcp_connect: 'list',
    'tcp_connect[]': 'object',
    'tcp_connect[].status': 'object',
    telegram_web_status: 'string',
  },
  whatsapp: {
    requests: 'list',
    'requests[]': 'object',
    'requests[].request': 'object',
    tcp_connect: 'list',
    'tcp_connect[]': 'object',
    'tcp_connect[].status': 'object',
  },
  signal: { signal_backend_status: 'string' },
  tor: { targets: 'object' },
  dnscheck: { lookups: 'object' },
  urlgetter: { requests: 'list', 'requests[]': 'object', failure: 'string' },
};

function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v;
}

function fits(v: unknown, k: Kind): boolean {
  if (v === null || v === undefined || k === 'any') return true;
  const t = kindOf(v);
  return k.split('|').includes(t);
}

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
    if (out.length >= 3 || v === null || v === undefined) return;
    if (i === steps.length) {
      if (!fits(v, kind)) out.push({ where: at, expected: kind.replace('|', ' or '), got: kindOf(v) });
      return;
    }
    let step = steps[i]!;
    const each = step.endsWith('[]');
    if (each) step = step.slice(0, -2);
    if (typeof v !== 'object' || Array.isArray(v)) return; // the parent's own check reports it
    const child = (v as Json)[step];
    if (!each) return walk(child, i + 1, `${at}.${step}`);
    if (!Array.isArray(child)) return;
    child.forEach((item, j) => walk(item, i + 1, `${at}.${step}[${j}]`));
  };
  walk(tk, 0, 'test_keys');
}

/**
 * Envelope fields of the wrong type or form: probe_cc must be a string and probe_asn a string
 * "AS<number>", as every real OONI measurement writes them. A missing or null one is not wrong
 * here (validity.unknown_network covers it).
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
  return out;
}

/** Fields of the wrong type (at most 3), in declaration order; every `*_failure` key must be a string. */
export function badFields(testName: string, tk: Json, input: unknown): BadField[] {
  const out: BadField[] = [];
  if (testName === 'web_connectivity' && typeof input !== 'string') out.push({ where: 'input', expected: 'string (the URL measured)', got: kindOf(input) });
  for (const [k, v] of Object.entries(tk))
    if (k.endsWith('_failure') && v !== null && v !== undefined && typeof v !== 'string')
      out.push({ where: `test_keys.${k}`, expected: 'string', got: kindOf(v) });
  for (const [path, kind] of Object.entries(SHAPES[testName] ?? {})) check(tk, path, kind, out);
  return out.slice(0, 3);
}
