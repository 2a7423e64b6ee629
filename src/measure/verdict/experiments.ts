/**
 * Rules for the OONI tests that write their outcome in keys of their own rather than in
 * `test_keys.failure`: browser_web (`result`), riseupvpn (`api_status`, `ca_cert_status`,
 * `failing_gateways`), sni_blocking (`target`/`control` sub-results), echcheck (handshakes with
 * and without an ECH config), meek_fronted_requests_test (`success`) and the legacy
 * dns_consistency (`inconsistent`, `failed`). Without them such a measurement read as "completed
 * without failure" whatever it said. A test no rule knows is `insufficient` with the test named,
 * never `ok`.
 */
import type { Evidence } from '../model.js';
import type { Json } from '../reader/parse.js';
import { firstFailure } from './apps.js';
import type { VerdictBuilder } from './builder.js';
import { mechanismFor } from './failures.js';
import { asArr, asObj, asStr, scalar } from './view.js';

/** Tests whose only outcome key is `test_keys.failure` (generic.ok / generic.failure decide them). */
export const FAILURE_KEY_TESTS = new Set(['ndt', 'dash', 'openvpn', 'stunreachability', 'tcp_connect', 'http_requests']);

const at = (where: string, value: unknown, layer?: Evidence['layer']): Evidence => ({
  rule: '',
  ...(layer ? { layer } : {}),
  where,
  value: value == null ? 'null' : scalar(value),
});

export function browserWebVerdict(b: VerdictBuilder, tk: Json): void {
  const result = asStr(tk.result);
  if (result === null) return; // nothing to judge: insufficient.no_data
  if (result === 'ok') b.add(null, 'ok', 'browser.loaded');
  else b.add(null, 'insufficient', 'browser.load_failed', null, [at('test_keys.result', result)]);
}

export function riseupvpnVerdict(b: VerdictBuilder, tk: Json): void {
  const gateways = asArr(tk.failing_gateways);
  if (tk.api_status === 'ok' && tk.ca_cert_status !== false && gateways.length === 0) {
    b.add(null, 'ok', 'riseupvpn.ok');
    return;
  }
  const f = firstFailure(tk);
  b.add(null, 'insufficient', 'riseupvpn.failed', null, [
    at('test_keys.api_status', tk.api_status ?? null),
    at('test_keys.ca_cert_status', tk.ca_cert_status ?? null),
    at('test_keys.failing_gateways', gateways.length),
    ...(f ? [at(f.where, f.failure, f.layer)] : []),
  ]);
}

/** sni_blocking (ts-024): null and ssl_invalid_hostname are success (the helper's certificate does not name the target SNI). */
const sniOk = (f: string | null) => f === null || f === 'ssl_invalid_hostname';

export function sniBlockingVerdict(b: VerdictBuilder, tk: Json): void {
  const target = asObj(tk.target);
  if (!target) return;
  const tf = asStr(target.failure);
  if (sniOk(tf)) {
    b.add('tls', 'ok', 'sni.handshake_ok');
    return;
  }
  const control = asObj(tk.control);
  const cf = control ? asStr(control.failure) : 'no control';
  const f = firstFailure(target);
  const layer = f && f.layer !== 'dns' ? f.layer : 'tls';
  const ev = [at('test_keys.target.failure', tf, layer), at('test_keys.control.failure', cf)];
  if (sniOk(cf)) b.add(layer, 'likely_blocked', 'sni.target_failed_ctrl_ok', mechanismFor(layer, tf), ev);
  else b.add(null, 'insufficient', 'sni.ctrl_failed', null, ev);
}

export function echcheckVerdict(b: VerdictBuilder, tk: Json): void {
  const hs = asArr(tk.tls_handshakes)
    .map((h, i) => ({ h: asObj(h), i }))
    .filter((x): x is { h: Json; i: number } => x.h !== null);
  if (!hs.length) return;
  const where = (i: number) => `test_keys.tls_handshakes[${i}].failure`;
  const plainFailed = hs.find((x) => x.h.echconfig == null && asStr(x.h.failure));
  const echFailed = hs.find((x) => x.h.echconfig != null && asStr(x.h.failure));
  if (plainFailed) b.add(null, 'insufficient', 'ech.plain_failed', null, [at(where(plainFailed.i), plainFailed.h.failure, 'tls')]);
  else if (echFailed) {
    const failure = asStr(echFailed.h.failure)!;
    b.add('tls', 'likely_blocked', 'ech.failed_plain_ok', mechanismFor('tls', failure), [at(where(echFailed.i), failure, 'tls')]);
  } else b.add('tls', 'ok', 'ech.handshakes_ok');
}

export function meekVerdict(b: VerdictBuilder, tk: Json): boolean {
  if (typeof tk.success !== 'boolean') return false;
  if (tk.success) {
    b.add(null, 'ok', 'meek.ok');
    return true;
  }
  const f = firstFailure(tk);
  const reqs = asArr(tk.requests).map(asObj);
  const answered = reqs.findIndex((r) => typeof asObj(r?.response)?.code === 'number' && (asObj(r?.response)?.code as number) > 0);
  if (!f && answered >= 0)
    b.add('http', 'down', 'meek.front_rejected', null, [at(`test_keys.requests[${answered}].response.code`, asObj(reqs[answered]?.response)?.code)]);
  else b.add(f?.layer ?? null, 'insufficient', 'meek.request_failed', null, f ? [at(f.where, f.failure, f.layer)] : []);
  return true;
}

export function dnsConsistencyVerdict(b: VerdictBuilder, tk: Json): void {
  const inconsistent = asArr(tk.inconsistent);
  const failed = asArr(tk.failed);
  if (!Array.isArray(tk.inconsistent) && !Array.isArray(tk.failed)) return;
  if (inconsistent.length || failed.length)
    b.add('dns', 'insufficient', 'dns_consistency.differs', null, [
      ...inconsistent.slice(0, 3).map((r) => at('test_keys.inconsistent', r, 'dns')),
      ...failed.slice(0, 3).map((r) => at('test_keys.failed', r, 'dns')),
    ]);
  else b.add('dns', 'ok', 'dns_consistency.consistent');
}
