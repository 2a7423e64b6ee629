/**
 * OONI failure strings (df-007-errors) -> where they happened and what they look like in our
 * `layer.action.qualifier` vocabulary, plus the bogon test for DNS answers. Failures are data:
 * strings in, labels out, nothing thrown.
 */
import type { Layer } from '../model.js';

export type FailureKind =
  | 'timeout'
  | 'reset'
  | 'refused'
  | 'unreachable'
  | 'nxdomain'
  | 'dns_refused'
  | 'eof'
  | 'ssl_hostname'
  | 'ssl_authority'
  | 'ssl_certificate'
  | 'ssl_other'
  | 'other';

export function failureKind(f: string): FailureKind {
  const s = f.toLowerCase();
  if (s.includes('nxdomain') || s.includes('dns_no_answer') || s.includes('android_dns_cache_no_data') || s.includes('dns_name_error')) return 'nxdomain';
  if (s.includes('dns_refused') || s.includes('dns_servfail') || s.includes('dns_server_failure')) return 'dns_refused';
  if (s.includes('timeout') || s.includes('timed_out') || s.includes('response_never_received') || s.includes('deadline')) return 'timeout';
  if (s.includes('reset')) return 'reset';
  if (s.includes('refused')) return 'refused';
  if (s.includes('unreachable') || s.includes('no_route')) return 'unreachable';
  if (s.includes('eof')) return 'eof';
  if (s.includes('ssl_invalid_hostname')) return 'ssl_hostname';
  if (s.includes('ssl_unknown_authority')) return 'ssl_authority';
  if (s.includes('ssl_invalid_certificate')) return 'ssl_certificate';
  if (s.includes('ssl') || s.includes('tls')) return 'ssl_other';
  return 'other';
}

/** The mechanism label for a failure seen at a layer (docs/design/020 §4 vocabulary). */
export function mechanismFor(layer: Layer, failure: string): string {
  const k = failureKind(failure);
  switch (layer) {
    case 'dns':
      return k === 'nxdomain' ? 'dns.nxdomain' : k === 'dns_refused' ? 'dns.refused' : k === 'timeout' ? 'dns.timeout' : 'dns.injection.other';
    case 'tcp':
      return k === 'timeout' ? 'tcp.timeout' : k === 'refused' ? 'tcp.refused' : k === 'unreachable' ? 'ip.unreachable' : 'tcp.reset';
    case 'tls':
      if (k === 'ssl_authority' || k === 'ssl_certificate') return 'tls.mitm.self_signed';
      if (k === 'ssl_hostname') return 'tls.mitm.ca_signed';
      return k === 'timeout' ? 'tls.timeout' : k === 'reset' ? 'tls.reset.sni' : 'tls.reset.other';
    case 'http':
      return k === 'timeout' ? 'http.timeout' : k === 'reset' || k === 'eof' ? 'http.reset.host' : 'http.error';
  }
}

/** Which layer a failure belongs to when only the operation name is known (urlgetter, tor). */
export function layerOfOperation(op: string | null | undefined, failure: string): Layer {
  const o = (op ?? '').toLowerCase();
  if (o.includes('resolve') || o.includes('dns')) return 'dns';
  if (o.includes('connect')) return 'tcp';
  if (o.includes('tls') || o.includes('handshake')) return 'tls';
  if (o.includes('http') || o.includes('round_trip') || o.includes('read') || o.includes('write')) return 'http';
  const k = failureKind(failure);
  if (k === 'nxdomain' || k === 'dns_refused') return 'dns';
  if (k.startsWith('ssl')) return 'tls';
  return 'tcp';
}

const V4_BOGONS: [number, number][] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0000000, 24],
  [0xc0000200, 24],
  [0xc0a80000, 16],
  [0xc6120000, 15],
  [0xc6336400, 24],
  [0xcb007100, 24],
  [0xe0000000, 3],
];

/** True for private, loopback, link-local, documentation, multicast and reserved addresses. */
export function isBogon(ip: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (m) {
    const n = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
    return V4_BOGONS.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  if (!ip.includes(':')) return false;
  const s = ip.toLowerCase();
  return (
    s === '::' ||
    s === '::1' ||
    /^f[cd]/.test(s) ||
    /^fe[89ab]/.test(s) ||
    /^ff/.test(s) ||
    s.startsWith('2001:db8') ||
    (s.startsWith('::ffff:') && isBogon(s.slice(7)))
  );
}

/** "1.2.3.4:443" or "[2001:db8::1]:443" -> ip. */
export function ipOfEndpoint(ep: string): string {
  const v6 = /^\[(.+)\]:\d+$/.exec(ep);
  if (v6) return v6[1]!;
  const i = ep.lastIndexOf(':');
  return i > 0 && ep.indexOf(':') === i ? ep.slice(0, i) : ep;
}
