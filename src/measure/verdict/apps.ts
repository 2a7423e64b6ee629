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
import { answeredText, departs, failedText, judgeBogons, maskedByBogon, urlOutcomes, whereFailed, type Bogons } from './app-endpoints.js';
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

export function likely(b: VerdictBuilder, rule: string, f: { layer: Layer; failure: string; where: string } | null, fallback: Layer = 'tcp'): void {
  const layer = f?.layer ?? fallback;
  b.add(layer, 'likely_blocked', rule, f ? mechanismFor(layer, f.failure) : null, f ? ev(f) : []);
}

/** Failures towards bogon addresses, or of hosts a bogon answer named, follow from the DNS answer: noted, not counted. */
export function noteMasked(b: VerdictBuilder, tk: Json, bg: Bogons): void {
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

/** The Telegram data centre addresses the test connects to (ts-020). */
const TELEGRAM_DCS = new Set(['149.154.175.50', '149.154.167.51', '149.154.175.100', '149.154.167.91', '149.154.171.5', '95.161.76.100']);

export function telegramVerdict(b: VerdictBuilder, tk: Json): void {
  const bg = judgeBogons(b, tk);
  const dcReqs = httpResults(tk).filter((r) => !r.url?.includes('web.telegram.org') && !maskedByBogon(bg, r.url));
  // the data centres' connects: the known DC addresses and the addresses the DC requests name, never web.telegram.org's
  const dcAddrs = new Set([...TELEGRAM_DCS, ...dcReqs.flatMap((r) => hostOf(r.url) ?? [])]);
  const tcp = tcpResults(tk).filter((t) => !bg.addrs.has(t.ip) && dcAddrs.has(t.ip));
  const tcpAllFailed = tcp.length > 0 && !tcp.some((t) => t.success);
  const httpAllFailed = dcReqs.length > 0 && dcReqs.every((r) => r.failure);
  noteMasked(b, tk, bg);
  if (tcpAllFailed || httpAllFailed) {
    const t = tcp.find((x) => x.failure);
    const deadDc = urlOutcomes(tk, (u) => dcReqs.some((r) => r.url === u)).find((o) => !o.answered);
    const r = dcReqs.find((x) => x.failure);
    likely(
      b,
      'app.telegram_dcs_unreachable',
      tcpAllFailed && t
        ? { layer: 'tcp', failure: t.failure!, where: t.where }
        : ((deadDc ? whereFailed(tk, deadDc) : null) ?? (r ? { layer: 'http', failure: r.failure!, where: r.where } : null)),
    );
  }
  // the web check loaded when every web.telegram.org URL it fetched answered on some attempt
  const web = urlOutcomes(tk, (u) => hostOf(u) === 'web.telegram.org' && !maskedByBogon(bg, u));
  const webLoaded = web.length > 0 && web.every((o) => o.answered);
  const webDead = web.find((o) => !o.answered);
  const status = tk.telegram_web_status;
  if (status === 'blocked' && webLoaded) departs(b, tk, 'telegram_web_status', 'telegram_web_failure', web.map(answeredText).join('; '));
  else if ((status === 'blocked' && !bg.hosts.has('web.telegram.org')) || (status === 'ok' && webDead)) {
    const f = webDead ? whereFailed(tk, webDead) : firstFailure(tk, (h) => !h || h.includes('telegram.org'));
    likely(
      b,
      'app.telegram_web_blocked',
      f ?? (asStr(tk.telegram_web_failure) ? { layer: 'tls', failure: asStr(tk.telegram_web_failure)!, where: 'test_keys.telegram_web_failure' } : null),
      'http',
    );
    if (status === 'ok' && webDead) departs(b, tk, 'telegram_web_status', 'telegram_web_failure', failedText(webDead));
  }
  if (!tcpAllFailed && !httpAllFailed && (tcp.length || dcReqs.length)) {
    // "ok" and "blocked" are the values OONI writes (any other is a bad_field, fields.ts); null or
    // absent means the web check was not reported, so the web is not judged reachable
    if (status === 'ok' && !webDead) b.add(null, 'ok', 'app.telegram_ok');
    else if (status === 'blocked' && webLoaded)
      b.add(
        null,
        'ok',
        'app.telegram_web_loaded',
        null,
        web.slice(0, 3).map((o) => ({ rule: '', layer: 'http', where: o.answered!.where, value: answeredText(o) })),
      );
    else if (status !== 'blocked' && status !== 'ok') {
      b.add(null, 'ok', 'app.telegram_dcs_ok');
      b.add(null, 'insufficient', 'app.telegram_web_unknown', null, [
        { rule: '', where: 'test_keys.telegram_web_status', value: status === null ? 'null' : 'no value' },
      ]);
    }
  }
}

export function signalVerdict(b: VerdictBuilder, tk: Json): void {
  const bg = judgeBogons(b, tk);
  noteMasked(b, tk, bg);
  const status = tk.signal_backend_status;
  if (status !== 'blocked' && status !== 'ok') return;
  // a backend is blocked when every attempt at its URL failed, whatever the status key says
  // (the key also counts a failed retry as blocked)
  const urls = urlOutcomes(tk, (u) => !maskedByBogon(bg, u));
  const dead = urls.filter((o) => !o.answered);
  if (urls.length && !dead.length) {
    if (status === 'ok') {
      b.add(null, 'ok', 'app.signal_ok');
      return;
    }
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
  if (!urls.length) {
    if (status === 'ok') b.add(null, 'ok', 'app.signal_ok');
    else if (!bg.answers.length) {
      const backend = asStr(tk.signal_backend_failure);
      likely(
        b,
        'app.signal_blocked',
        firstFailure(tk) ?? (backend ? { layer: layerOfOperation(null, backend), failure: backend, where: 'test_keys.signal_backend_failure' } : null),
      );
    }
    return;
  }
  likely(b, 'app.signal_blocked', whereFailed(tk, dead[0]!));
  if (status === 'ok') departs(b, tk, 'signal_backend_status', 'signal_backend_failure', dead.slice(0, 3).map(failedText).join('; '));
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
