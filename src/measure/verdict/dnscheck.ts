/**
 * dnscheck (ts-028): the probe resolves a DoT/DoH server's name (bootstrap), then looks the test
 * domain up through each of its addresses (`lookups`, one urlgetter-shaped result per endpoint).
 * OONI does not score it, and it has no control: only artefacts (bogon or fingerprinted answers)
 * are `blocked`; a failed bootstrap, or every lookup failing while connecting to the resolver
 * (TCP) or in its handshake (TLS, QUIC) after a working bootstrap, is `likely_blocked`: the
 * encrypted-DNS endpoint is blocked. A lookup's `queries[].failure` repeats the dial error of its
 * transport, so a lookup is placed by its transport operations first, its query failure last.
 */
import { isConfirmingMatch, type FingerprintMatcher } from '../fingerprints/matcher.js';
import type { Envelope, Layer } from '../model.js';
import type { Json } from '../reader/parse.js';
import type { VerdictBuilder } from './builder.js';
import { failureKind, isBogon, layerOfOperation, mechanismFor } from './failures.js';
import { asArr, asObj, asStr, dnsQueries, tcpResults, tlsResults } from './view.js';

/** Where one failed lookup stopped: a transport layer (tcp, tls), `dns` (the resolver answered with an error), or `http` (a DoH round trip). */
export interface LookupFailure {
  endpoint: string;
  layer: Layer;
  failure: string;
  where: string;
  /** The lookup dialled an IPv6 address. */
  v6: boolean;
}

/** QUIC handshakes (DoQ, DoH3): a QUIC handshake carries TLS, so its failure is a TLS failure. */
const quicFailures = (l: Json): { failure: string; index: number }[] =>
  asArr(l.quic_handshakes).flatMap((h, index) => {
    const f = asStr(asObj(h)?.failure);
    return f ? [{ failure: f, index }] : [];
  });

/** A dial error carried only by the query (no transport operation recorded): where its kind places it. */
function layerOfDialError(failure: string): Layer {
  const k = failureKind(failure);
  if (k === 'refused' || k === 'reset' || k === 'unreachable') return 'tcp';
  return k.startsWith('ssl') ? 'tls' : 'dns';
}

/** The operation a failed lookup stopped at, or null when it recorded no failure. */
export function lookupFailure(endpoint: string, l: Json): LookupFailure | null {
  const base = `test_keys.lookups["${endpoint}"]`;
  const tcp = tcpResults(l);
  const tls = tlsResults(l);
  const v6 = tcp.some((t) => t.ip.includes(':')) || /^[a-z0-9]+:\/\/\[/i.test(endpoint);
  const at = (layer: Layer, failure: string, where: string): LookupFailure => ({
    endpoint,
    layer,
    failure,
    where: `${base}.${where.replace(/^test_keys\./, '')}`,
    v6,
  });
  const q = dnsQueries(l).find((x) => x.failure);
  const failed = asStr(l.failure) ?? q?.failure ?? null;
  if (!failed) return null;
  const t = tcp.find((x) => x.failure);
  if (t && !tcp.some((x) => x.success)) return at('tcp', t.failure!, t.where);
  const h = tls.find((x) => x.failure);
  if (h) return at('tls', h.failure!, h.where);
  const qh = quicFailures(l)[0];
  if (qh) return at('tls', qh.failure, `quic_handshakes[${qh.index}]`);
  const op = asStr(l.failed_operation);
  if (op && op !== 'top_level') return at(layerOfOperation(op, failed), failed, 'failure');
  // transport recorded and working: the exchange with the resolver itself failed
  if (tcp.length || tls.length) return at('dns', failed, q ? q.where : 'failure');
  return at(layerOfDialError(failed), failed, q ? q.where : 'failure');
}

export function dnscheckVerdict(b: VerdictBuilder, env: Envelope, tk: Json, m: FingerprintMatcher): void {
  const lookups = Object.entries(asObj(tk.lookups) ?? {}).map(([ep, l]) => [ep, asObj(l) ?? {}] as const);
  const injected = lookups.flatMap(([ep, l]) =>
    dnsQueries(l).flatMap((q) =>
      q.answers.filter((a) => isBogon(a.value) || m.matchDns(a.value).some((fp) => isConfirmingMatch(env.probe_cc, fp))).map((a) => ({ ep, a })),
    ),
  );
  if (injected.length) {
    b.add(
      'dns',
      'blocked',
      'dnscheck.answer_injected',
      isBogon(injected[0]!.a.value) ? 'dns.injection.bogon' : 'dns.injection.blockpage',
      injected.slice(0, 3).map(({ ep, a }) => ({ rule: '', layer: 'dns', where: `test_keys.lookups["${ep}"]`, value: a.value })),
    );
    return;
  }
  if (lookups.some(([, l]) => !asStr(l.failure) && dnsQueries(l).some((q) => q.answers.length > 0))) {
    b.add('dns', 'ok', 'dnscheck.lookup_ok');
    return;
  }
  const boot = asStr(tk.bootstrap_failure);
  if (boot) {
    b.add('dns', 'likely_blocked', 'dnscheck.bootstrap_failed', mechanismFor('dns', boot), [
      { rule: '', layer: 'dns', where: 'test_keys.bootstrap_failure', value: boot },
    ]);
    return;
  }
  if (!lookups.length) {
    b.add(null, 'insufficient', 'dnscheck.no_lookups');
    return;
  }
  judgeFailedLookups(b, lookups);
}

/** Every lookup failed (none returned answers): blocked endpoint when each stopped at TCP or TLS, else no conclusion. */
function judgeFailedLookups(b: VerdictBuilder, lookups: (readonly [string, Json])[]): void {
  const failures = lookups.map(([ep, l]) => lookupFailure(ep, l));
  // IPv6 lookups that could not connect while an IPv4 lookup connected: the probe has no IPv6
  const v4Connected = lookups.some(([, l]) => tcpResults(l).some((t) => t.success && !t.ip.includes(':')));
  const probeV6 = (f: LookupFailure | null) => !!f && v4Connected && f.v6 && f.layer === 'tcp';
  const counted = failures.filter((f) => !probeV6(f));
  if (counted.length < failures.length) b.add('tcp', 'note', 'tcp.ipv6_broken_probe');
  const evidence = (fs: LookupFailure[]) => fs.slice(0, 4).map((f) => ({ rule: '', layer: f.layer, where: f.where, value: f.failure }));
  if (counted.length && counted.every((f) => f && (f.layer === 'tcp' || f.layer === 'tls'))) {
    const fs = counted as LookupFailure[];
    for (const layer of ['tcp', 'tls'] as const) {
      const at = fs.filter((f) => f.layer === layer);
      if (at.length) b.add(layer, 'likely_blocked', 'dnscheck.all_lookups_failed', mechanismFor(layer, at[0]!.failure), evidence(at));
    }
    return;
  }
  const known = counted.filter((f): f is LookupFailure => f !== null);
  b.add(null, 'insufficient', 'dnscheck.lookups_failed', null, [
    ...evidence(known),
    { rule: '', where: 'test_keys.lookups', value: `${lookups.length} lookups, none answered; ${known.length} with a failure, not all at TCP/TLS` },
  ]);
}
