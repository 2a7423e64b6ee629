/**
 * facebook_messenger: the probe writes one `facebook_<endpoint>_dns_consistent` and one
 * `_reachable` key per endpoint. "Consistent" means "the answers are in Facebook's AS" by the
 * probe's own ASN lookup; when that lookup failed (`asn: null` on every answer) the probe writes
 * `false` for answers that are Facebook's. So an inconsistent key is checked against the answers
 * the measurement holds: by their ASN where the probe wrote one, else by the shipped IP-to-AS
 * table (facebook-as.ts). Only endpoints whose answers leave Facebook's AS (or whose lookup
 * failed, or is missing) stay inconsistent.
 */
import type { Evidence } from '../model.js';
import type { Json } from '../reader/parse.js';
import { departs, judgeBogons } from './app-endpoints.js';
import type { VerdictBuilder } from './builder.js';
import { FACEBOOK_ASN, inFacebookAs, ipNumber } from './facebook-as.js';
import { mechanismFor } from './failures.js';
import { dnsQueries, tcpResults, type TcpResult } from './view.js';

/** The host each endpoint key names (ooni/spec ts-019). */
const ENDPOINT_HOSTS: Record<string, string> = {
  stun: 'stun.fbsbx.com',
  b_api: 'b-api.facebook.com',
  b_graph: 'b-graph.facebook.com',
  edge: 'edge-mqtt.facebook.com',
  external_cdn: 'external.xx.fbcdn.net',
  scontent_cdn: 'scontent.xx.fbcdn.net',
  star: 'star.c10r.facebook.com',
};

/** The endpoint's address answers when every one is in Facebook's AS, else null. */
function facebookAnswers(tk: Json, key: string): { value: string; by: string }[] | null {
  const host = ENDPOINT_HOSTS[/^facebook_(.+)_dns_consistent$/.exec(key)?.[1] ?? ''];
  const qs = dnsQueries(tk).filter((q) => q.hostname === host);
  if (!host || !qs.length || qs.some((q) => q.failure)) return null;
  const addrs = qs.flatMap((q) => q.answers).filter((a) => ipNumber(a.value) !== null);
  if (!addrs.length) return null;
  const placed = addrs.map((a) => ({
    value: a.value,
    ok: a.asn !== null ? a.asn === FACEBOOK_ASN : inFacebookAs(a.value),
    by: a.asn !== null ? 'the probe' : 'the shipped IP-to-AS table',
  }));
  return placed.every((a) => a.ok) ? placed : null;
}

/** The connects towards the addresses an endpoint's lookups answered (`facebook_<endpoint>_reachable`). */
function endpointConnects(tk: Json, key: string): TcpResult[] {
  const host = ENDPOINT_HOSTS[/^facebook_(.+)_reachable$/.exec(key)?.[1] ?? ''];
  if (!host) return [];
  const addrs = new Set(dnsQueries(tk).flatMap((q) => (q.hostname === host ? q.answers.map((a) => a.value) : [])));
  return tcpResults(tk).filter((t) => addrs.has(t.ip));
}

export function facebookMessengerVerdict(b: VerdictBuilder, tk: Json): void {
  judgeBogons(b, tk);
  const entries = Object.entries(tk).map(([k, v]) => [k.replace(/-/g, '_'), v] as const);
  // the key as the probe wrote it (hyphens up to v0.3.0)
  const rawKey = (k: string) => Object.keys(tk).find((x) => x.replace(/-/g, '_') === k) ?? k;
  const claimed = entries.filter(([k, v]) => /_dns_consistent$/.test(k) && v === false).map(([k]) => k);
  const cleared = claimed.map((k) => [k, facebookAnswers(tk, k)] as const).filter((x): x is [string, { value: string; by: string }[]] => x[1] !== null);
  const dnsBad = claimed.filter((k) => !cleared.some(([c]) => c === k));
  // a key that says reachable while every connect to the endpoint's addresses failed follows the measurement
  const contradicted = entries
    .filter(([k, v]) => /_reachable$/.test(k) && v === true)
    .map(([k]) => [k, endpointConnects(tk, k)] as const)
    .filter(([, c]) => c.length && !c.some((t) => t.success));
  const tcpBad = [
    ...entries.filter(([k, v]) => (/_reachable$/.test(k) && v === false) || (k === 'facebook_tcp_blocking' && v === true)).map(([k]) => k),
    ...contradicted.map(([k]) => k),
  ];
  if (cleared.length)
    b.add(
      'dns',
      'note',
      'app.fbm_dns_in_facebook_as',
      null,
      cleared.slice(0, 4).map(([k, a]): Evidence => ({
        rule: '',
        layer: 'dns',
        where: `test_keys.${k}`,
        value: `false, but ${a.map((x) => x.value).join(', ')} in AS${FACEBOOK_ASN} (${a[0]!.by})`,
      })),
    );
  if (dnsBad.length)
    b.add(
      'dns',
      'likely_blocked',
      'app.fbm_dns_inconsistent',
      'dns.injection.other',
      dnsBad.slice(0, 4).map((k) => ({ rule: '', layer: 'dns', where: `test_keys.${k}`, value: 'false' })),
    );
  if (tcpBad.length) {
    // the failure of the unreachable endpoint's own connects, else of any connect
    const t = tcpBad.flatMap((k) => endpointConnects(tk, k)).find((x) => x.failure) ?? tcpResults(tk).find((x) => x.failure);
    b.add(
      'tcp',
      'likely_blocked',
      'app.fbm_unreachable',
      mechanismFor('tcp', t?.failure ?? 'generic_timeout_error'),
      tcpBad.slice(0, 4).map((k) => ({ rule: '', layer: 'tcp', where: `test_keys.${rawKey(k)}`, value: String(tk[rawKey(k)]) })),
    );
    for (const [k, c] of contradicted) {
      const f = c.find((x) => x.failure);
      departs(b, tk, rawKey(k), null, `no connect to its addresses succeeded (${c.length} failed${f ? `: ${f.failure} at ${f.where}` : ''})`);
    }
  }
  if (dnsBad.length || tcpBad.length || !entries.some(([k]) => k.startsWith('facebook_'))) return;
  const reached = entries.some(([k, v]) => /_reachable$/.test(k) && v === true) || tcpResults(tk).some((t) => t.success);
  if (reached) b.add(null, 'ok', 'app.fbm_ok');
  else
    b.add(null, 'insufficient', 'app.fbm_reach_untested', null, [
      { rule: '', where: 'test_keys.facebook_tcp_blocking', value: 'no endpoint connect recorded' },
    ]);
}
