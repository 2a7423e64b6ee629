// dnscheck verdicts place each lookup where it stopped (its TCP connects, TLS handshakes and failed
// operation before its queries' failure, which repeats the dial error). Inputs are the shipped IT
// 2020 `dot://dns.google:853` measurement (bootstrap working, 4 lookups); the SYNTHETIC cases edit
// only the lookups' failures, as a blocked endpoint would record them.
import { describe, expect, it } from 'vitest';
import { shippedMeasurements } from '../../../test/helpers/ooni.js';
import { FingerprintMatcher } from '../fingerprints/index.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { scoreMeasurement } from './index.js';

const real = (): Json => {
  const m = shippedMeasurements().find((x) => x.test_name === 'dnscheck');
  if (!m) throw new Error('no shipped dnscheck');
  return structuredClone(m);
};
const lookups = (m: Json) => Object.values((m.test_keys as Json).lookups as Json) as Json[];
const isV6 = (l: Json) => ((l.tcp_connect as Json[]) ?? []).some((c) => String(c.ip).includes(':'));
function score(m: Json) {
  const p = parseMeasurement(JSON.stringify(m));
  if (!p.ok) throw new Error(p.detail);
  return scoreMeasurement(p.value, new FingerprintMatcher([])).verdict;
}
/** SYNTHETIC: the lookup fails with `failure`, its queries carrying the same error, as the probe writes a dial error. */
function failLookup(l: Json, failure: string) {
  l.failure = failure;
  for (const q of l.queries as Json[]) Object.assign(q, { failure, answers: [] });
}

describe('dnscheck: every lookup failing after a working bootstrap', () => {
  it('the shipped measurement (two IPv4 lookups answered) stays ok', () => {
    expect(score(real())).toMatchObject({ status: 'ok', rules: ['dnscheck.lookup_ok'] });
  });

  it('SYNTHETIC: every connect refused is likely_blocked at TCP (tcp.refused), not "no lookup results"', () => {
    const m = real();
    for (const l of lookups(m)) {
      failLookup(l, 'connection_refused');
      for (const c of l.tcp_connect as Json[]) c.status = { success: false, failure: 'connection_refused', blocked: true };
      l.tls_handshakes = [];
    }
    const v = score(m);
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['tcp'], mechanism: 'tcp.refused' });
    expect(v.rules).toContain('dnscheck.all_lookups_failed');
    expect(v.evidence[0]!.where).toBe('test_keys.lookups["dot://8.8.4.4:853"].tcp_connect[0]');
  });

  it("SYNTHETIC: IPv4 handshakes reset (the real IPv6 lookups unroutable) is likely_blocked at TLS; the IPv6 lookups are the probe's", () => {
    const m = real();
    for (const l of lookups(m).filter((x) => !isV6(x))) {
      failLookup(l, 'connection_reset');
      for (const h of l.tls_handshakes as Json[]) h.failure = 'connection_reset';
    }
    const v = score(m);
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['tls'], mechanism: 'tls.reset.sni' });
    expect(v.rules).toEqual(['tcp.ipv6_broken_probe', 'dnscheck.all_lookups_failed']);
  });

  it('SYNTHETIC: a dial error recorded only as the failed operation (no connect entries) is still TCP', () => {
    const m = real();
    for (const l of lookups(m)) {
      failLookup(l, 'connection_refused');
      Object.assign(l, { failed_operation: 'connect', tcp_connect: [], tls_handshakes: [] });
    }
    expect(score(m)).toMatchObject({ status: 'likely_blocked', layers: ['tcp'], mechanism: 'tcp.refused' });
  });

  it('SYNTHETIC: the resolver answering with an error over a working TLS session is no block, and is not "no lookup results"', () => {
    const m = real();
    for (const l of lookups(m).filter((x) => !isV6(x))) failLookup(l, 'dns_nxdomain_error');
    const v = score(m);
    expect(v.status).toBe('insufficient');
    expect(v.rules).toContain('dnscheck.lookups_failed');
    expect(v.rules).not.toContain('dnscheck.no_lookups');
  });

  it('SYNTHETIC: no lookups at all is dnscheck.no_lookups', () => {
    const m = real();
    (m.test_keys as Json).lookups = {};
    expect(score(m)).toMatchObject({ status: 'insufficient', rules: ['dnscheck.no_lookups'] });
  });

  it('SYNTHETIC: a lookup connect whose success is no boolean is validity.bad_field, never read as a refused connect', () => {
    const m = real();
    for (const l of lookups(m)) {
      failLookup(l, 'connection_refused');
      for (const c of l.tcp_connect as Json[]) c.status = { success: 'false', failure: 'connection_refused' };
    }
    const v = score(m);
    expect(v.status).toBe('invalid');
    expect(v.evidence[0]).toMatchObject({ rule: 'validity.bad_field', where: 'test_keys.lookups["dot://8.8.4.4:853"].tcp_connect[0].status.success' });
  });
});
