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
import { answeredText, departs, judgeBogons, maskedByBogon, urlOutcomes, type Bogons } from './app-endpoints.js';
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

/** Failures towards bogon addresses, or of hosts a bogon answer named, follow from the DNS answer: noted, not counted. */
function noteMasked(b: VerdictBuilder, tk: Json, bg: Bogons): void {
  if (!bg.answers.length && !bg.hosts.size) return;
  const tcp = tcpResults(tk).filter((t) => t.failure && bg.addrs.has(t.ip));
  const http = httpResults(tk).filter((r) => r.failure && maskedByBogon(bg, r.url));
  if (tcp.length + http.length)
    b.add('tcp', 'note', 'tcp.dns_untrusted', null, [
      {
        rule: '',
        layer: 'tcp',
        value: `${tcp.length} connects and ${http.length} requests failed towards bogon answers (${[...bg.hosts].slice(0, 3).join(', ')})`,
      },
    ]);
}

export function telegramVerdict(b: VerdictBuilder, tk: Json): void {
  const bg = judgeBogons(b, tk);
  const tcp = tcpResults(tk).filter((t) => !bg.addrs.has(t.ip));
  const dcReqs = httpResults(tk).filter((r) => !r.url?.includes('web.telegram.org') && !maskedByBogon(bg, r.url));
  const tcpAllFailed = tcp.length > 0 && !tcp.some((t) => t.success);
  const httpAllFailed = dcReqs.length > 0 && dcReqs.every((r) => r.failure);
  noteMasked(b, tk, bg);
  if (tcpAllFailed || httpAllFailed) {
    const t = tcp.find((x) => x.failure);
    const r = dcReqs.find((x) => x.failure);
    likely(
      b,
      'app.telegram_dcs_unreachable',
      tcpAllFailed && t ? { layer: 'tcp', failure: t.failure!, where: t.where } : r ? { layer: 'http', failure: r.failure!, where: r.where } : null,
    );
  }
  // the web check loaded when every web.telegram.org URL it fetched answered on some attempt
  const web = urlOutcomes(tk, (u) => hostOf(u) === 'web.telegram.org' && !maskedByBogon(bg, u));
  const webLoaded = web.length > 0 && web.every((o) => o.answered);
  if (tk.telegram_web_status === 'blocked' && webLoaded) departs(b, tk, 'telegram_web_status', 'telegram_web_failure', web.map(answeredText).join('; '));
  else if (tk.telegram_web_status === 'blocked' && !bg.hosts.has('web.telegram.org')) {
    const dead = web.find((o) => !o.answered);
    const f = firstFailure(tk, (h) => !h || h.includes('telegram.org'));
    likely(
      b,
      'app.telegram_web_blocked',
      f ??
        (dead?.failed ? { layer: 'http', failure: dead.failed.failure!, where: dead.failed.where } : null) ??
        (asStr(tk.telegram_web_failure) ? { layer: 'tls', failure: asStr(tk.telegram_web_failure)!, where: 'test_keys.telegram_web_failure' } : null),
      'http',
    );
  }
  if (!tcpAllFailed && !httpAllFailed && (tcp.length || dcReqs.length)) {
    // "ok" and "blocked" are the values OONI writes (any other is a bad_field, fields.ts); null or
    // absent means the web check was not reported, so the web is not judged reachable
    if (tk.telegram_web_status === 'ok') b.add(null, 'ok', 'app.telegram_ok');
    else if (tk.telegram_web_status === 'blocked' && webLoaded)
      b.add(
        null,
        'ok',
        'app.telegram_web_loaded',
        null,
        web.slice(0, 3).map((o) => ({ rule: '', layer: 'http', where: o.answered!.where, value: answeredText(o) })),
      );
    else if (tk.telegram_web_status !== 'blocked') {
      b.add(null, 'ok', 'app.telegram_dcs_ok');
      b.add(null, 'insufficient', 'app.telegram_web_unknown', null, [
        { rule: '', where: 'test_keys.telegram_web_status', value: tk.telegram_web_status === null ? 'null' : 'no value' },
      ]);
    }
  }
}

export function signalVerdict(b: VerdictBuilder, tk: Json): void {
  const bg = judgeBogons(b, tk);
  noteMasked(b, tk, bg);
  if (tk.signal_backend_status === 'blocked') {
    // an endpoint is blocked when every attempt at its URL failed; the probe's key also counts a failed retry
    const urls = urlOutcomes(tk, (u) => !maskedByBogon(bg, u));
    const dead = urls.filter((o) => !o.answered);
    if (urls.length && !dead.length) {
      b.add(null, 'ok', 'app.signal_endpoints_answered');
      departs(
        b,
        tk,
        'signal_backend_status',
        'signal_backend_failure',
        `every endpoint answered on some attempt: ${urls
          .filter((o) => o.failed)
          .map(answeredText)
          .join('; ')}`,
      );
      return;
    }
    if (!urls.length && bg.answers.length) return;
    const host = dead[0] ? hostOf(dead[0].url) : null;
    const backend = asStr(tk.signal_backend_failure);
    const f =
      (host ? firstFailure(tk, (h) => h === host) : firstFailure(tk)) ??
      (dead[0]?.failed ? { layer: layerOfOperation(null, dead[0].failed.failure!), failure: dead[0].failed.failure!, where: dead[0].failed.where } : null) ??
      (backend ? { layer: layerOfOperation(null, backend), failure: backend, where: 'test_keys.signal_backend_failure' } : null);
    likely(b, 'app.signal_blocked', f);
  } else if (tk.signal_backend_status === 'ok') b.add(null, 'ok', 'app.signal_ok');
}

const WHATSAPP_KEY_URLS = new Set(['https://web.whatsapp.com/', 'https://v.whatsapp.net/v2/register']);

export function whatsappVerdict(b: VerdictBuilder, tk: Json): void {
  const bg = judgeBogons(b, tk);
  noteMasked(b, tk, bg);
  const key = urlOutcomes(tk, (u) => WHATSAPP_KEY_URLS.has(u) && !maskedByBogon(bg, u));
  const tcp = tcpResults(tk).filter((t) => !bg.addrs.has(t.ip));
  const dead = key.find((o) => !o.answered);
  if (dead)
    likely(
      b,
      'app.whatsapp_blocked',
      firstFailure(tk, (h) => !h || h === hostOf(dead.url)) ?? { layer: 'http', failure: dead.failed!.failure!, where: dead.failed!.where },
    );
  else if (tcp.length && !tcp.some((t) => t.success))
    likely(b, 'app.whatsapp_blocked', { layer: 'tcp', failure: tcp[0]!.failure ?? 'generic_timeout_error', where: tcp[0]!.where });
  else if (key.length || tcp.length) {
    b.add(null, 'ok', 'app.whatsapp_ok');
    const said = (k: string) => tk[k] === 'blocked';
    const of = (u: string) => key.find((o) => o.url === u);
    const web = of('https://web.whatsapp.com/');
    const reg = of('https://v.whatsapp.net/v2/register');
    if (said('whatsapp_web_status') && web) departs(b, tk, 'whatsapp_web_status', 'whatsapp_web_failure', answeredText(web));
    if (said('registration_server_status') && reg) departs(b, tk, 'registration_server_status', 'registration_server_failure', answeredText(reg));
    if (said('whatsapp_endpoints_status') && tcp.some((t) => t.success))
      departs(b, tk, 'whatsapp_endpoints_status', null, `${tcp.filter((t) => t.success).length} of ${tcp.length} endpoint connects succeeded`);
  }
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

/**
 * Where a tunnel's bootstrap failed, when the measurement says so: the operation that failed, or
 * vanilla tor's bootstrap progress (tor's phases: 5 % `conn` is the TCP connection to the first
 * relay, 10 % `conn_done` to 15 % `handshake_done` the TLS handshake with it). Otherwise null: a
 * pluggable transport (snowflake's broker and WebRTC proxies, psiphon's tunnel) or a circuit past
 * the first relay stalled where no network step is recorded.
 */
function bootstrapLayer(testName: string, tk: Json, failure: string): Layer | null {
  const op = asStr(tk.failed_operation);
  if (op && op !== 'top_level') return layerOfOperation(op, failure);
  const progress = typeof tk.tor_progress === 'number' ? tk.tor_progress : null;
  if (testName !== 'vanilla_tor' || progress === null) return null;
  if (progress >= 5 && progress < 10) return 'tcp';
  if (progress >= 10 && progress <= 15) return 'tls';
  return null;
}

export function bootstrapVerdict(b: VerdictBuilder, tk: Json, testName: string): void {
  const f = asStr(tk.failure);
  if (f) {
    const layer = bootstrapLayer(testName, tk, f);
    const mechanism = layer ? mechanismFor(layer, f) : /timeout/.test(f) ? 'tunnel.bootstrap.timeout' : 'tunnel.bootstrap.failed';
    const progress = typeof tk.tor_progress === 'number' ? ` at ${tk.tor_progress}%` : '';
    b.add(layer, 'likely_blocked', 'app.tor_bootstrap_failed', mechanism, [
      { rule: '', layer: layer ?? 'app', where: 'test_keys.failure', value: `${f}${progress}` },
    ]);
  } else b.add(null, 'ok', 'app.tor_bootstrap_ok');
}
