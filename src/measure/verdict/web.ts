/**
 * Our web_connectivity verdict, layer by layer (DNS -> TCP -> TLS -> HTTP), each layer judged
 * against the test helper's control and against artefacts that need no control (block-page
 * fingerprints, bogon answers). Departures from OONI's single `blocking` value are explained in
 * docs/design/020-measurement-pipeline.md (TLS is its own layer; CDN geo-DNS and captcha pages
 * are not blocks; a page over valid TLS is authentic) and in docs/design/021-whole-measurement-verdicts.md
 * (every hop of the redirect chain, the browser-like path only, stalled transfers, the
 * website's own redirect faults).
 */
import { isConfirmingMatch, type FingerprintMatcher } from '../fingerprints/matcher.js';
import type { Envelope, Evidence } from '../model.js';
import type { Json } from '../reader/parse.js';
import type { VerdictBuilder } from './builder.js';
import { failureKind, ipOfEndpoint, isBogon, mechanismFor } from './failures.js';
import { connectionRates } from '../netevents/throughput.js';
import { chainOf, judgeLaterHop, onPath } from './web-chain.js';
import { BODY_KEPT_CHARS } from './rule-inputs.js';
import { asArr, asObj, asStr, scalar, hostOf, titleOf, tlsResults, type HttpResult } from './view.js';

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':');

interface Control {
  ok: boolean;
  dnsFailure: string | null;
  /** The IP addresses in control.dns.addrs; the host names listed there (CNAME targets) are no address. */
  dnsAddrs: string[];
  /** The host names in control.dns.addrs (evidence only). */
  dnsNames: string[];
  /**
   * The helper resolved the name: its DNS gave an IP address and its own fetch did not fail to
   * look the name up, or its fetch reached the site.
   */
  resolved: boolean;
  asns: Set<number>;
  tcp: Map<string, boolean>;
  tls: Map<string, boolean>;
  http: { failure: string | null; status: number | null; bodyLength: number | null; title: string | null; headers: Record<string, string> } | null;
}

function control(tk: Json): Control {
  const c = asObj(tk.control);
  const dns = asObj(c?.dns);
  const tcp = new Map<string, boolean>();
  for (const [ep, v] of Object.entries(asObj(c?.tcp_connect) ?? {})) tcp.set(ep, asObj(v)?.status === true && !asObj(v)?.failure);
  const tls = new Map<string, boolean>();
  for (const [ep, v] of Object.entries(asObj(c?.tls_handshake) ?? {}))
    tls.set(ep, asObj(v)?.status === true || (asObj(v)?.failure === null && asObj(v)?.status !== false));
  const listed = asArr(dns?.addrs).filter((a): a is string => typeof a === 'string');
  const dnsAddrs = listed.filter(isIp);
  // ip_info also describes the probe's own answers (flag 1): only addresses the helper resolved
  // itself (flag 2, or listed in control.dns when flags are absent) say which AS the site is in.
  const asns = new Set<number>();
  for (const [ip, v] of Object.entries(asObj(c?.ip_info) ?? {})) {
    const o = asObj(v);
    const flags = typeof o?.flags === 'number' ? o.flags : null;
    if (typeof o?.asn === 'number' && o.asn > 0 && (flags === null ? dnsAddrs.includes(ip) : (flags & 2) !== 0 || dnsAddrs.includes(ip))) asns.add(o.asn);
  }
  const h = asObj(c?.http_request);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObj(h?.headers) ?? {})) headers[k.toLowerCase()] = String(v);
  const http = h
    ? {
        failure: asStr(h.failure),
        status: typeof h.status_code === 'number' && h.status_code > 0 ? h.status_code : null,
        bodyLength: typeof h.body_length === 'number' && h.body_length >= 0 ? h.body_length : null,
        title: asStr(h.title),
        headers,
      }
    : null;
  const dnsFailure = asStr(dns?.failure);
  const fetchReached = !!http && http.status !== null && !http.failure;
  const fetchLookupFailed = !!http?.failure && isLookupFailure(http.failure);
  return {
    ok: !!c && Object.keys(c).length > 0 && !tk.control_failure,
    dnsFailure,
    dnsAddrs,
    dnsNames: listed.filter((a) => !isIp(a)),
    resolved: !dnsFailure && ((dnsAddrs.length > 0 && !fetchLookupFailed) || fetchReached),
    asns,
    tcp,
    tls,
    http,
  };
}

/** A failure to look a name up (dns_lookup_error, NXDOMAIN, no answer, refused, SERVFAIL). */
function isLookupFailure(f: string): boolean {
  const k = failureKind(f);
  return k === 'nxdomain' || k === 'dns_refused' || f.toLowerCase().startsWith('dns_');
}

/** Why the control did not resolve the name, as evidence for `dns.failure_ctrl_failing`. */
function ctrlUnresolved(ctrl: Control): Evidence {
  if (ctrl.dnsFailure) return { rule: '', where: 'test_keys.control.dns.failure', value: ctrl.dnsFailure };
  if (ctrl.http?.failure && isLookupFailure(ctrl.http.failure)) return { rule: '', where: 'test_keys.control.http_request.failure', value: ctrl.http.failure };
  return {
    rule: '',
    where: 'test_keys.control.dns.addrs',
    value: ctrl.dnsNames.join(', '),
    note: 'no IP address: host names only or none',
  };
}

const COMMON_HEADERS = new Set([
  'date',
  'content-type',
  'server',
  'cache-control',
  'vary',
  'set-cookie',
  'location',
  'expires',
  'x-powered-by',
  'content-encoding',
  'last-modified',
  'accept-ranges',
  'pragma',
  'x-frame-options',
  'etag',
  'x-content-type-options',
  'age',
  'via',
  'p3p',
  'x-xss-protection',
  'content-language',
  'cf-ray',
  'strict-transport-security',
  'link',
  'x-varnish',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
]);

/** ts-017's http-diff test, with the 2xx-status gate. */
function matchesControl(r: HttpResult, c: NonNullable<Control['http']>): boolean {
  if (r.status === null || c.status === null) return false;
  if (Math.floor(r.status / 100) !== Math.floor(c.status / 100)) return false;
  const len = r.bodyLength;
  if (c.bodyLength !== null && Math.max(len, c.bodyLength) > 0 && Math.min(len, c.bodyLength) / Math.max(len, c.bodyLength) > 0.7) return true;
  const uncommon = (h: Record<string, string>) => new Set(Object.keys(h).filter((k) => !COMMON_HEADERS.has(k)));
  const a = uncommon(r.headers);
  const b = uncommon(c.headers);
  if (a.size > 0 && a.size === b.size && [...a].every((k) => b.has(k))) return true;
  const words = (t: string | null) =>
    new Set(
      (t ?? '')
        .split(/\s+/)
        .filter((w) => w.length > 4)
        .map((w) => w.toLowerCase()),
    );
  const tw = words(titleOf(r));
  return [...words(c.title)].some((w) => tw.has(w));
}

export function webConnectivityVerdict(b: VerdictBuilder, env: Envelope, tk: Json, m: FingerprintMatcher): void {
  const host = hostOf(env.input);
  const https = (env.input ?? '').toLowerCase().startsWith('https:');
  const ctrl = control(tk);
  if (!ctrl.ok)
    b.add(null, 'insufficient', 'wc.control_failure', null, [
      { rule: '', where: 'test_keys.control_failure', value: scalar(tk.control_failure) || 'no control' },
    ]);

  const chain = chainOf(tk, host);
  const hop0 = chain.hops[0]!;

  // DNS (first hop; later hops are judged with the chain below)
  const queries = hop0.queries;
  const answers = queries.flatMap((q) => q.answers).filter((a) => isIp(a.value));
  const tls = hop0.tls;
  const tlsOkIps = new Set(tls.filter((t) => !t.failure && !t.noTlsVerify && t.address).map((t) => ipOfEndpoint(t.address!)));
  const fpHits = queries.flatMap((q) => q.answers.flatMap((a) => m.matchDns(a.value).map((fp) => ({ a, fp }))));
  const confirming = fpHits.filter((h) => isConfirmingMatch(env.probe_cc, h.fp));
  const dnsFailure = asStr(tk.dns_experiment_failure) ?? (queries.length && queries.every((q) => q.failure) ? queries[0]!.failure : null);
  let dnsPoisoned = false;
  let dnsUnmatched: Evidence[] | null = null;
  if (confirming.length) {
    dnsPoisoned = true;
    b.add(
      'dns',
      'blocked',
      'dns.blockpage_ip',
      'dns.injection.blockpage',
      confirming.map(({ a, fp }) => ({
        rule: '',
        layer: 'dns',
        where: a.where,
        value: a.value,
        fingerprint: { source: fp.source, name: fp.name, scope: fp.scope, pattern: fp.pattern },
      })),
    );
  } else if (answers.some((a) => isBogon(a.value))) {
    const bogons = answers.filter((a) => isBogon(a.value));
    const inCtrl = bogons.every((a) => ctrl.dnsAddrs.includes(a.value));
    dnsPoisoned = !inCtrl;
    b.add(
      'dns',
      inCtrl ? 'down' : 'blocked',
      inCtrl ? 'dns.bogon_in_ctrl' : 'dns.bogon_not_in_ctrl',
      inCtrl ? null : 'dns.injection.bogon',
      bogons.map((a) => ({ rule: '', layer: 'dns', where: a.where, value: a.value })),
    );
  } else if (answers.length && ctrl.ok && ctrl.dnsFailure && failureKind(ctrl.dnsFailure) === 'nxdomain') {
    // "ghost" answers: the control (a resolver outside the network) says the name does not exist
    dnsPoisoned = true;
    b.add('dns', 'likely_blocked', 'dns.answer_ctrl_nxdomain', 'dns.injection.other', [
      ...answers.slice(0, 2).map((a) => ({ rule: '', layer: 'dns' as const, where: a.where, value: a.value })),
      { rule: '', where: 'test_keys.control.dns.failure', value: ctrl.dnsFailure },
    ]);
  } else if (dnsFailure) {
    const ev = [{ rule: '', layer: 'dns' as const, where: 'test_keys.dns_experiment_failure', value: dnsFailure }];
    if (!ctrl.ok) b.add('dns', 'insufficient', 'dns.failure_no_ctrl', mechanismFor('dns', dnsFailure), ev);
    else if (ctrl.resolved) {
      dnsPoisoned = true;
      b.add('dns', 'likely_blocked', 'dns.failure_ctrl_ok', mechanismFor('dns', dnsFailure), ev);
    } else b.add('dns', 'down', 'dns.failure_ctrl_failing', null, [...ev, ctrlUnresolved(ctrl)]);
  } else if (answers.length) {
    if (!ctrl.ok || (ctrl.dnsAddrs.length === 0 && !ctrl.dnsFailure)) b.add('dns', 'insufficient', 'dns.no_ctrl');
    else if (answers.some((a) => ctrl.dnsAddrs.includes(a.value))) b.add('dns', 'ok', 'dns.answer_matches_ctrl');
    else if (answers.some((a) => a.asn !== null && ctrl.asns.has(a.asn))) b.add('dns', 'ok', 'dns.answer_asn_matches_ctrl');
    else if (answers.some((a) => tlsOkIps.has(a.value)))
      b.add('dns', 'ok', 'dns.answer_tls_consistent', null, [
        { rule: '', layer: 'tls', value: [...tlsOkIps][0], note: 'valid certificate for the name on an unmatched answer' },
      ]);
    else
      dnsUnmatched = answers
        .slice(0, 4)
        .map((a) => ({ rule: '', layer: 'dns' as const, where: a.where, value: a.value, note: `control answers: ${ctrl.dnsAddrs.slice(0, 4).join(', ')}` }));
  }

  // Answers in neither the control's addresses nor its ASes: if they lead to a block page, DNS sent the user there.
  const dnsDiffers =
    answers.length > 0 &&
    ctrl.ok &&
    ctrl.dnsAddrs.length > 0 &&
    !answers.some((a) => ctrl.dnsAddrs.includes(a.value) || (a.asn !== null && ctrl.asns.has(a.asn)));
  // Unmatched answers are suspect: what they lead to decides (end of this function), and the
  // failures they lead to are the DNS layer's, not TCP's or TLS's.
  const dnsSuspect = dnsPoisoned || dnsUnmatched !== null;

  // TCP: the connects the fetch went over (a 443 probe of an http:// URL says nothing about port 80)
  const tcp = onPath(hop0.tcp);
  const v4ok = tcp.some((t) => t.success && !t.ip.includes(':'));
  const tcpFailed = tcp.length > 0 && !tcp.some((t) => t.success);
  if (tcp.some((t) => t.success)) {
    b.add('tcp', 'ok', 'tcp.connect_ok');
    if (v4ok && tcp.some((t) => !t.success && t.ip.includes(':'))) b.add('tcp', 'note', 'tcp.ipv6_broken_probe');
  } else if (tcpFailed) {
    const ev = tcp.slice(0, 4).map((t) => ({ rule: '', layer: 'tcp' as const, where: t.where, value: `${t.ip}:${t.port ?? ''} ${t.failure ?? 'failed'}` }));
    const f = tcp.find((t) => t.failure)?.failure ?? 'generic_timeout_error';
    const ctrlStates = tcp
      .map((t) => ctrl.tcp.get(t.ip.includes(':') ? `[${t.ip}]:${t.port}` : `${t.ip}:${t.port}`))
      .filter((s): s is boolean => s !== undefined);
    if (dnsSuspect) b.add('tcp', 'note', 'tcp.dns_untrusted', null, ev);
    else if (ctrlStates.some((s) => s)) b.add('tcp', 'likely_blocked', 'tcp.failure_ctrl_ok', mechanismFor('tcp', f), ev);
    else if (ctrlStates.length) b.add('tcp', 'down', 'tcp.failure_ctrl_failing', null, ev);
    else b.add('tcp', 'insufficient', 'tcp.failure_no_ctrl', mechanismFor('tcp', f), ev);
  }

  // TLS (only meaningful where TCP connected)
  const tlsFailed = tls.length > 0 && !tls.some((t) => !t.failure);
  if (tls.some((t) => !t.failure)) b.add('tls', 'ok', 'tls.handshake_ok');
  else if (tlsFailed && !tcpFailed) {
    const t0 = tls[0]!;
    const ev = tls
      .slice(0, 3)
      .map((t) => ({ rule: '', layer: 'tls' as const, where: t.where, value: `${t.address ?? ''} sni=${t.serverName ?? ''} ${t.failure}` }));
    const ctrlTls = tls.map((t) => (t.address ? ctrl.tls.get(t.address) : undefined)).filter((s): s is boolean => s !== undefined);
    const ctrlOk = ctrlTls.some((s) => s) || (https && ctrl.http?.status !== null && ctrl.http?.status !== undefined && !ctrl.http.failure);
    if (dnsSuspect) {
      b.add('tls', 'note', 'tcp.dns_untrusted', null, ev);
      // the same failure towards the control's own addresses is interference beyond DNS
      const onCtrl = tlsResults(tk).filter(
        (t) => chain.hasClassic && !t.classic && (t.depth ?? 0) === 0 && t.address && ctrl.dnsAddrs.includes(ipOfEndpoint(t.address)),
      );
      if (onCtrl.length && onCtrl.every((t) => t.failure) && onCtrl.some((t) => ctrl.tls.get(t.address!)))
        b.add(
          'tls',
          'likely_blocked',
          'tls.failure_on_ctrl_addrs',
          mechanismFor('tls', onCtrl[0]!.failure!),
          onCtrl
            .slice(0, 2)
            .map((t) => ({ rule: '', layer: 'tls' as const, where: t.where, value: `${t.address ?? ''} sni=${t.serverName ?? ''} ${t.failure}` })),
        );
    } else if (ctrlOk) b.add('tls', 'likely_blocked', 'tls.failure_ctrl_ok', mechanismFor('tls', t0.failure!), ev);
    else if (ctrl.ok && (ctrlTls.length || ctrl.http?.failure)) b.add('tls', 'down', 'tls.failure_ctrl_failing', null, ev);
    else b.add('tls', 'insufficient', 'tls.failure_no_ctrl', mechanismFor('tls', t0.failure!), ev);
  }

  // HTTP: the browser-like path's fetches, the deepest hop first
  const reqs = chain.requests;
  const responses = reqs.filter((r) => r.status !== null || r.bodyLength > 0);
  const httpHits = responses.flatMap((r) => m.matchHttp(r).map((h) => ({ ...h, r })));
  const confirmingHttp = httpHits.filter((h) => isConfirmingMatch(env.probe_cc, h.fp));
  const fpEvidence = (hits: typeof httpHits) =>
    hits.slice(0, 3).map((h) => ({
      rule: '',
      layer: 'http' as const,
      where: `${h.r.where}.response.${h.where === 'body' ? 'body' : `headers.${h.where.slice(7)}`}`,
      value: foundValue(h.r, h.where, h.fp),
      ...(h.r.url ? { note: `response to ${h.r.url}` } : {}),
      fingerprint: { source: h.fp.source, name: h.fp.name, scope: h.fp.scope, pattern: h.fp.pattern },
    }));
  if (confirmingHttp.length) b.add('http', 'blocked', 'http.blockpage_fingerprint', 'http.blockpage', fpEvidence(confirmingHttp));
  const httpFailure = asStr(tk.http_experiment_failure) ?? reqs[0]?.failure ?? null;
  const final = reqs[0];
  const ctrlReached = !!ctrl.http && ctrl.http.status !== null && !ctrl.http.failure;
  // A redirect (3xx) that ends the chain with a failure is not a page: the failure is what happened.
  const responded = !!final && final.status !== null && !(isRedirect(final.status) && httpFailure);
  const deepest = chain.hops.at(-1)!;
  let brokeLater = false;
  if (!confirmingHttp.length && chain.hops.length > 1 && !(final && final.depth === deepest.depth && responded)) {
    if (dnsSuspect) b.add('http', 'note', 'tcp.dns_untrusted', null, [{ rule: '', where: 'test_keys.http_experiment_failure', value: httpFailure ?? '' }]);
    else
      brokeLater = judgeLaterHop(b, deepest, httpFailure, {
        ok: ctrl.ok && !!ctrl.http,
        reachedPage: ctrl.ok && ctrlReached,
        failure: ctrl.http?.failure ?? null,
      });
  }
  const redirectFault = httpFailure && isRedirect(final?.status) && !dnsSuspect ? redirectFaultOf(httpFailure, final!.location) : null;
  if (redirectFault === 'http.redirect_to_bogon' && !confirmingHttp.length && !brokeLater) {
    b.add('http', ctrlReached ? 'likely_blocked' : 'insufficient', 'http.redirect_to_bogon', 'http.redirect', [
      {
        rule: '',
        layer: 'http',
        where: final!.where,
        value: `${final!.status} Location ${final!.location ?? ''}`,
        note: `control: ${ctrl.http?.status ?? ''} ${ctrl.http?.failure ?? ''}`.trim(),
      },
    ]);
  } else if (redirectFault && !confirmingHttp.length && !brokeLater && (redirectFault === 'http.broken_redirect' || !ctrlReached)) {
    // the website's own redirects: a Location that is not a URL, or a loop past the client's limit
    b.add('http', 'down', redirectFault, null, [
      { rule: '', layer: 'http', where: final!.where, value: `${final!.status} Location ${final!.location ?? '(none)'}: ${httpFailure}` },
    ]);
  } else if (!confirmingHttp.length && !brokeLater) {
    if (httpFailure && !responded) {
      const ev = [{ rule: '', layer: 'http' as const, where: 'test_keys.http_experiment_failure', value: httpFailure }];
      const dnsFailed = !!dnsFailure && answers.length === 0;
      const lowerFailed = dnsFailed || tcpFailed || tlsFailed || (https && failureKind(httpFailure).startsWith('ssl'));
      if (lowerFailed) {
        b.add('http', 'note', 'http.failure_after_lower_layer', null, ev);
        if (https && !tls.length && !tcpFailed) {
          // older probes do not record tls_handshakes: an ssl_* or reset on an https URL is a TLS failure
          const ctrlOk = ctrl.http?.status !== null && ctrl.http?.status !== undefined && !ctrl.http.failure;
          if (dnsPoisoned) b.add('tls', 'note', 'tcp.dns_untrusted', null, ev);
          else
            b.add(
              'tls',
              ctrlOk ? 'likely_blocked' : ctrl.ok ? 'down' : 'insufficient',
              ctrlOk ? 'tls.failure_ctrl_ok' : ctrl.ok ? 'tls.failure_ctrl_failing' : 'tls.failure_no_ctrl',
              ctrlOk || !ctrl.ok ? mechanismFor('tls', httpFailure) : null,
              ev,
            );
        }
      } else if (https && !tls.length && !tcpFailed && ['reset', 'eof', 'timeout'].includes(failureKind(httpFailure)) && tcp.some((t) => t.success)) {
        // https with no recorded handshake: the failure happened during TLS (the request is inside TLS)
        const ctrlOk = ctrl.http?.status !== null && ctrl.http?.status !== undefined && !ctrl.http.failure;
        if (dnsPoisoned) b.add('tls', 'note', 'tcp.dns_untrusted', null, ev);
        else
          b.add(
            'tls',
            ctrlOk ? 'likely_blocked' : ctrl.ok ? 'down' : 'insufficient',
            ctrlOk ? 'tls.failure_ctrl_ok' : ctrl.ok ? 'tls.failure_ctrl_failing' : 'tls.failure_no_ctrl',
            ctrlOk || !ctrl.ok ? mechanismFor('tls', httpFailure) : null,
            ev,
          );
      } else if (dnsPoisoned) b.add('http', 'note', 'tcp.dns_untrusted', null, ev);
      else if (!ctrl.ok || !ctrl.http) b.add('http', 'insufficient', 'http.failure_no_ctrl', mechanismFor('http', httpFailure), ev);
      else if (ctrl.http.status !== null && !ctrl.http.failure) b.add('http', 'likely_blocked', 'http.failure_ctrl_ok', mechanismFor('http', httpFailure), ev);
      else b.add('http', 'down', 'http.failure_ctrl_failing', null, ev);
    } else if (final && responded) {
      const finalHttps = (final.url ?? env.input ?? '').toLowerCase().startsWith('https:');
      const ev: Evidence[] = [
        {
          rule: '',
          layer: 'http',
          where: `${final.where}.failure`,
          value: `${final.failure ?? ''} after status ${final.status}, ${final.bodyLength} body bytes read (control: ${ctrl.http?.bodyLength ?? '?'})`,
        },
      ];
      if (final.failure && !isRedirect(final.status)) {
        // the response started, then the body stopped coming: a stalled (throttled) or cut transfer
        const mech = failureKind(final.failure) === 'timeout' ? 'http.throttled' : mechanismFor('http', final.failure);
        if (dnsSuspect) b.add('http', 'note', 'tcp.dns_untrusted', null, ev);
        else if (!ctrl.ok || !ctrl.http) b.add('http', 'insufficient', 'http.failure_no_ctrl', mech, ev);
        else if (ctrlReached) b.add('http', 'likely_blocked', 'http.body_failure_ctrl_ok', mech, ev);
        else b.add('http', 'down', 'http.failure_ctrl_failing', null, ev);
      } else if (!ctrl.ok || !ctrl.http) b.add('http', 'insufficient', 'http.no_ctrl');
      else if (matchesControl(final, ctrl.http)) b.add('http', 'ok', 'http.matches_ctrl');
      else if (ctrl.http.failure || ctrl.http.status === null || ctrl.http.status >= 500)
        b.add('http', 'down', 'http.diff_ctrl_error', null, [
          { rule: '', where: 'test_keys.control.http_request', value: `${ctrl.http.status ?? ''} ${ctrl.http.failure ?? ''}`.trim() },
        ]);
      else if (finalHttps && !dnsPoisoned) b.add('http', 'ok', 'http.diff_tls_authentic');
      else {
        // a page unlike the control: known false positives (CDN captcha, OONI scope fp, Censored Planet) first, then block pages
        const cp = m.matchCensoredPlanet(final);
        const falsePositives = [...httpHits.filter((h) => h.r === final && h.fp.scope === 'fp').map((h) => h.fp), ...cp.falsePositives];
        const ev: Evidence[] = [
          {
            rule: '',
            layer: 'http',
            where: final.where,
            value: `status ${final.status} vs control ${ctrl.http.status}, body ${final.bodyLength} vs ${ctrl.http.bodyLength ?? '?'} bytes`,
          },
        ];
        if (falsePositives.length)
          b.add(
            'http',
            'ok',
            'http.known_false_positive',
            null,
            falsePositives.slice(0, 2).map((fp) => ({
              rule: '',
              layer: 'http',
              where: `${final.where}.response`,
              fingerprint: { source: fp.source, name: fp.name, scope: fp.scope, pattern: fp.pattern },
            })),
          );
        else if (cp.blockpages.length)
          b.add(
            'http',
            'blocked',
            'http.blockpage_signature',
            'http.blockpage',
            cp.blockpages.slice(0, 2).map((fp) => ({
              rule: '',
              layer: 'http',
              where: `${final.where}.response`,
              fingerprint: { source: fp.source, name: fp.name, scope: fp.scope, pattern: fp.pattern },
            })),
          );
        else b.add('http', 'likely_blocked', 'http.diff', hostOf(final.url) !== host && final.url ? 'http.redirect' : 'http.blockpage', ev);
      }
    }
  }

  // Throughput: one transfer far slower than another of the same measurement
  if (!dnsSuspect) judgeThroughput(b, tk);

  // DNS answers that matched nothing: judged by what they led to
  if (dnsUnmatched) {
    if (b.layerStatus('http') === 'ok') b.add('dns', 'ok', 'dns.cdn_geo_http_consistent');
    else if (b.layerStatus('http') === 'blocked') b.add('dns', 'blocked', 'dns.answer_leads_to_blockpage', 'dns.injection.blockpage', dnsUnmatched);
    else b.add('dns', 'likely_blocked', 'dns.answer_unmatched', 'dns.injection.other', dnsUnmatched);
  } else if (dnsDiffers && !dnsPoisoned && b.layerStatus('http') === 'blocked') {
    b.add(
      'dns',
      'blocked',
      'dns.answer_leads_to_blockpage',
      'dns.injection.blockpage',
      answers
        .slice(0, 2)
        .map((a) => ({ rule: '', layer: 'dns' as const, where: a.where, value: a.value, note: `control answers: ${ctrl.dnsAddrs.slice(0, 4).join(', ')}` })),
    );
  }
}

/** Transfers long enough to time (as the throughput extractor's detector uses: 16 KB). */
const MIN_TIMED_BYTES = 16_384;
/** A transfer under a tenth of the fastest one's rate in the same measurement is throttled. */
const THROTTLE_RATIO = 0.1;

function judgeThroughput(b: VerdictBuilder, tk: Json): void {
  const timed = connectionRates(tk).filter((c) => c.bytes >= MIN_TIMED_BYTES && c.kbps !== null);
  if (timed.length < 2) return;
  const fast = timed.reduce((a, c) => (c.kbps! > a.kbps! ? c : a));
  const slow = timed.reduce((a, c) => (c.kbps! < a.kbps! ? c : a));
  if (slow.kbps! >= fast.kbps! * THROTTLE_RATIO) return;
  b.add('http', 'likely_blocked', 'http.throughput_low', 'http.throttled', [
    {
      rule: '',
      layer: 'http',
      where: 'test_keys.network_events',
      value: `${slow.address ?? '?'}: ${slow.kbps} kbit/s over ${slow.bytes} bytes`,
      note: `fastest connection ${fast.address ?? '?'}: ${fast.kbps} kbit/s over ${fast.bytes} bytes`,
    },
  ]);
}

const isRedirect = (status: number | null | undefined) => typeof status === 'number' && status >= 300 && status < 400;

/**
 * The website's own redirect faults, by the client's failure string. A broken Location towards a
 * private address is a middlebox's captive/block portal (real: Check Point UserCheck at
 * 192.168.22.1), not the website's fault.
 */
function redirectFaultOf(failure: string, location: string | null): 'http.broken_redirect' | 'http.too_many_redirects' | 'http.redirect_to_bogon' | null {
  const f = failure.toLowerCase();
  if (f.includes('too many redirects')) return 'http.too_many_redirects';
  const target = /^[a-z][a-z0-9+.-]*:\/\/\[?([^/:?#\]]+)/i.exec(location ?? '')?.[1];
  if (target && isBogon(target)) return 'http.redirect_to_bogon';
  if (f.includes('invalid_redirect') || f.includes('redirect_location')) return 'http.broken_redirect';
  return null;
}

/**
 * The value a fingerprint matched, as found at its place: the header's value, or the matched
 * text of the body with up to 40 characters either side. A body over BODY_KEPT_CHARS is named
 * by its length, as the stored rule inputs keep only its facts (so a rescore gives the same).
 */
function foundValue(r: HttpResult, where: string, fp: { pattern: string; pattern_type: string }): string {
  if (where !== 'body') return r.headers[where.slice(7)] ?? '';
  if (r.body === null || r.bodyLength > BODY_KEPT_CHARS) return `a body of ${r.bodyLength} characters (matched when ingested)`;
  let at = -1;
  let len = fp.pattern.length;
  if (fp.pattern_type === 'regexp') {
    try {
      const hit = new RegExp(fp.pattern).exec(r.body);
      if (hit) [at, len] = [hit.index, hit[0].length];
    } catch {
      at = -1;
    }
  } else at = r.body.indexOf(fp.pattern);
  if (at < 0) return `a body of ${r.bodyLength} characters`;
  return r.body.slice(Math.max(0, at - 40), Math.min(r.body.length, at + len + 40));
}
