/**
 * Our verdicts for the instant-messaging and circumvention tests. These tests have no control,
 * so nothing here reaches `blocked` (that needs an artefact, see docs/design/020): consistent
 * endpoint failures give `likely_blocked`, with the layer and mechanism read from where the
 * failures happened (DNS answers, TCP connects, TLS handshakes, HTTP round trips).
 */
import type { Evidence, Layer } from '../model.js';
import type { Json } from '../reader/parse.js';
import type { VerdictBuilder } from './builder.js';
import { layerOfOperation, mechanismFor } from './failures.js';
import { asArr, asObj, asStr, dnsQueries, hostOf, httpResults, tcpResults, tlsResults } from './view.js';

/** Where a urlgetter-shaped result (queries, tcp_connect, tls_handshakes, requests) first failed. */
export function firstFailure(o: Json, hostFilter?: (h: string | null) => boolean): { layer: Layer; failure: string; where: string } | null {
  const queries = dnsQueries(o).filter((x) => !hostFilter || hostFilter(x.hostname));
  const q = queries.find((x) => x.failure);
  if (q) return { layer: 'dns', failure: q.failure!, where: q.where };
  // TCP: failures towards the addresses of the hosts in question (or, unfiltered, when nothing connected)
  const ips = new Set(queries.flatMap((x) => x.answers.map((a) => a.value)));
  const tcp = tcpResults(o);
  const t = hostFilter ? tcp.find((x) => x.failure && ips.has(x.ip)) : tcp.some((x) => x.success) ? undefined : tcp.find((x) => x.failure);
  if (t) return { layer: 'tcp', failure: t.failure!, where: t.where };
  const h = tlsResults(o).find((x) => x.failure && (!hostFilter || hostFilter(x.serverName)));
  if (h) return { layer: 'tls', failure: h.failure!, where: h.where };
  const r = httpResults(o).find((x) => x.failure && (!hostFilter || hostFilter(hostOf(x.url))));
  if (r) return { layer: layerOfOperation(null, r.failure!) === 'dns' ? 'dns' : 'http', failure: r.failure!, where: r.where };
  const f = asStr(o.failure);
  if (f) return { layer: layerOfOperation(asStr(o.failed_operation), f), failure: f, where: 'test_keys.failure' };
  return null;
}

const ev = (f: { layer: Layer; failure: string; where: string }): Evidence[] => [{ rule: '', layer: f.layer, where: f.where, value: f.failure }];

function likely(b: VerdictBuilder, rule: string, f: { layer: Layer; failure: string; where: string } | null, fallback: Layer = 'tcp'): void {
  const layer = f?.layer ?? fallback;
  b.add(layer, 'likely_blocked', rule, f ? mechanismFor(layer, f.failure) : null, f ? ev(f) : []);
}

export function telegramVerdict(b: VerdictBuilder, tk: Json): void {
  const tcp = tcpResults(tk);
  const dcReqs = httpResults(tk).filter((r) => !r.url?.includes('web.telegram.org'));
  const tcpAllFailed = tcp.length > 0 && !tcp.some((t) => t.success);
  const httpAllFailed = dcReqs.length > 0 && dcReqs.every((r) => r.failure);
  if (tcpAllFailed || httpAllFailed) {
    const t = tcp.find((x) => x.failure);
    const r = dcReqs.find((x) => x.failure);
    likely(
      b,
      'app.telegram_dcs_unreachable',
      tcpAllFailed && t ? { layer: 'tcp', failure: t.failure!, where: t.where } : r ? { layer: 'http', failure: r.failure!, where: r.where } : null,
    );
  }
  if (tk.telegram_web_status === 'blocked') {
    const f = firstFailure(tk, (h) => !h || h.includes('telegram.org'));
    likely(
      b,
      'app.telegram_web_blocked',
      f ?? (asStr(tk.telegram_web_failure) ? { layer: 'tls', failure: asStr(tk.telegram_web_failure)!, where: 'test_keys.telegram_web_failure' } : null),
      'http',
    );
  }
  if (!tcpAllFailed && !httpAllFailed && (tcp.length || dcReqs.length)) {
    // "ok" and "blocked" are the values OONI writes (any other is a bad_field, fields.ts); null or
    // absent means the web check was not reported, so the web is not judged reachable
    if (tk.telegram_web_status === 'ok') b.add(null, 'ok', 'app.telegram_ok');
    else if (tk.telegram_web_status !== 'blocked') {
      b.add(null, 'ok', 'app.telegram_dcs_ok');
      b.add(null, 'insufficient', 'app.telegram_web_unknown', null, [
        { rule: '', where: 'test_keys.telegram_web_status', value: tk.telegram_web_status === null ? 'null' : 'no value' },
      ]);
    }
  }
}

export function signalVerdict(b: VerdictBuilder, tk: Json): void {
  if (tk.signal_backend_status === 'blocked') {
    const f =
      firstFailure(tk) ??
      (asStr(tk.signal_backend_failure)
        ? {
            layer: layerOfOperation(null, asStr(tk.signal_backend_failure)!),
            failure: asStr(tk.signal_backend_failure)!,
            where: 'test_keys.signal_backend_failure',
          }
        : null);
    likely(b, 'app.signal_blocked', f);
  } else if (tk.signal_backend_status === 'ok') b.add(null, 'ok', 'app.signal_ok');
}

export function whatsappVerdict(b: VerdictBuilder, tk: Json): void {
  const reqs = httpResults(tk);
  const key = reqs.filter((r) => r.url === 'https://web.whatsapp.com/' || r.url === 'https://v.whatsapp.net/v2/register');
  const tcp = tcpResults(tk);
  const failedKey = key.find((r) => r.failure);
  if (failedKey)
    likely(
      b,
      'app.whatsapp_blocked',
      firstFailure(tk, (h) => !h || h === hostOf(failedKey.url)) ?? { layer: 'http', failure: failedKey.failure!, where: failedKey.where },
    );
  else if (tcp.length && !tcp.some((t) => t.success))
    likely(b, 'app.whatsapp_blocked', { layer: 'tcp', failure: tcp[0]!.failure ?? 'generic_timeout_error', where: tcp[0]!.where });
  else if (key.length || tcp.length) b.add(null, 'ok', 'app.whatsapp_ok');
}

export function facebookMessengerVerdict(b: VerdictBuilder, tk: Json): void {
  const entries = Object.entries(tk).map(([k, v]) => [k.replace(/-/g, '_'), v] as const);
  const dnsBad = entries.filter(([k, v]) => /_dns_consistent$/.test(k) && v === false).map(([k]) => k);
  const tcpBad = entries.filter(([k, v]) => (/_reachable$/.test(k) && v === false) || (k === 'facebook_tcp_blocking' && v === true)).map(([k]) => k);
  if (dnsBad.length)
    b.add(
      'dns',
      'likely_blocked',
      'app.fbm_dns_inconsistent',
      'dns.injection.other',
      dnsBad.slice(0, 4).map((k) => ({ rule: '', layer: 'dns', where: `test_keys.${k}`, value: 'false' })),
    );
  if (tcpBad.length) {
    const t = tcpResults(tk).find((x) => x.failure);
    b.add(
      'tcp',
      'likely_blocked',
      'app.fbm_unreachable',
      mechanismFor('tcp', t?.failure ?? 'generic_timeout_error'),
      tcpBad.slice(0, 4).map((k) => ({ rule: '', layer: 'tcp', where: `test_keys.${k}`, value: String(tk[k]) })),
    );
  }
  if (!dnsBad.length && !tcpBad.length && entries.some(([k]) => k.startsWith('facebook_'))) b.add(null, 'ok', 'app.fbm_ok');
}

export function torVerdict(b: VerdictBuilder, tk: Json): void {
  const targets = Object.entries(asObj(tk.targets) ?? {});
  const failed = targets.filter(([, t]) => typeof asObj(t)?.failure === 'string');
  const ok = targets.filter(([, t]) => asObj(t)?.failure === null);
  if (failed.length + ok.length === 0) return;
  if (failed.length / (failed.length + ok.length) > 0.5) {
    const [name, t] = failed[0]!;
    const o = asObj(t)!;
    const conn = asObj(asObj(o.summary)?.connect)?.failure;
    const layer: Layer = conn || asArr(o.tcp_connect).length ? (conn ? 'tcp' : layerOfOperation(null, String(o.failure))) : 'tcp';
    b.add(layer, 'likely_blocked', 'app.tor_targets_unreachable', mechanismFor(layer, String(o.failure)), [
      { rule: '', layer, where: `test_keys.targets["${name}"]`, value: `${failed.length}/${failed.length + ok.length} targets failed (${String(o.failure)})` },
    ]);
  } else b.add(null, 'ok', 'app.tor_ok', null, [{ rule: '', value: `${failed.length}/${failed.length + ok.length} targets failed` }]);
}

export function bootstrapVerdict(b: VerdictBuilder, tk: Json): void {
  const f = asStr(tk.failure);
  if (f) {
    const layer: Layer = f.includes('timeout') ? 'tcp' : layerOfOperation(asStr(tk.failed_operation), f);
    b.add(layer, 'likely_blocked', 'app.tor_bootstrap_failed', mechanismFor(layer, f), [
      { rule: '', layer, where: 'test_keys.failure', value: `${f}${typeof tk.tor_progress === 'number' ? ` at ${tk.tor_progress}%` : ''}` },
    ]);
  } else b.add(null, 'ok', 'app.tor_bootstrap_ok');
}
