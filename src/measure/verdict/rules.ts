/**
 * The rule set as data: every rule our verdicts can fire, with an id, a version and one line of
 * documentation. Stored with each measurement (`rules`), listed by `splinternet measurements
 * rules` and GET /api/measurements/rules, explained in docs/design/020-measurement-pipeline.md.
 * Bump a rule's version when its meaning changes; RULES_VERSION hashes the whole set.
 */
import { createHash } from 'node:crypto';
import type { Layer, Status } from '../model.js';

export interface Rule {
  id: string;
  version: number;
  layer: Layer | 'app' | 'validity' | 'any';
  status: Status | 'note';
  doc: string;
  /**
   * Why this rule may contradict OONI's `anomaly` flag (clear it with ok/down, or raise a
   * block the flag missed). A verdict that contradicts the flag must carry such a rule.
   */
  overrides?: string;
}

const r = (id: string, layer: Rule['layer'], status: Rule['status'], doc: string, version = 1, overrides?: string): Rule => ({
  id,
  version,
  layer,
  status,
  doc,
  ...(overrides ? { overrides } : {}),
});

/** Why the "control failed too" rules may clear OONI's anomaly flag. */
const CTRL_FAILED_TOO = "The control failed the same way: the website is down, whatever the probe's blocking heuristic says.";
/** Why a confirming block-page fingerprint may raise a block the flag missed. */
const CONFIRMED_FINGERPRINT = 'A block-page fingerprint that confirms in this country is proof, whether or not the probe flagged the measurement.';

export const RULES: readonly Rule[] = [
  r('validity.no_report_id', 'validity', 'invalid', 'No report_id: OONI fastpath discards it; kept, keyed by content hash, never counted as evidence.'),
  r(
    'validity.unknown_network',
    'validity',
    'invalid',
    'probe_cc ZZ (also a missing probe_cc, or one that is no assigned ISO 3166-1 code nor XK, which is stored as ZZ) or probe_asn AS0: the network is unknown, so the measurement cannot speak for one.',
    2,
  ),
  r('validity.no_test_keys', 'validity', 'invalid', 'test_keys is null: nothing was measured.'),
  r(
    'validity.unknown_failure',
    'validity',
    'invalid',
    'A *_failure key holds unknown_failure: the probe itself broke (fastpath: accuracy 0). Not "stopped after too many redirects", which is the website\'s loop (http.too_many_redirects).',
    2,
  ),
  r('validity.known_buggy_version', 'validity', 'invalid', 'Signal test/engine versions with known false positives (CA rotation ooni/probe#2344, #2627).'),
  r('validity.bad_body_encoding', 'validity', 'invalid', 'A response body claims base64 but is not: the measurement is corrupt.'),
  r(
    'validity.bad_field',
    'validity',
    'invalid',
    'A field the rules read has the wrong type (a list where an object belongs, a number for a URL, ...); the evidence names the field by its path. web_connectivity needs its input URL, an absolute http(s) URL with a host (not "http://", "javascript:..." or a word). probe_cc must be a string, probe_asn a string "AS<number>" as OONI writes it with a number of at most 4294967295 (32 bits), report_id a string (a number, or digits without AS, or an ASN above 32 bits, is stored under the network it names but judged invalid). Every field the app tests\' rules read is declared too: a connect\'s status object and its success must be there and success a boolean (a string, null or nothing is not read as a failed connect), a request\'s request.url must be a string, telegram_web_status and signal_backend_status "ok" or "blocked" (or null), facebook_messenger\'s *_reachable, *_dns_consistent and facebook_tcp_blocking must be booleans, failures strings.',
    4,
  ),
  r(
    'validity.wrong_date',
    'validity',
    'invalid',
    'Start time over 1 h after its bucket hour, or over a year before it (fastpath flag_measurements_with_wrong_date).',
  ),
  r(
    'dns.blockpage_ip',
    'dns',
    'blocked',
    'A DNS answer equals an OONI DNS fingerprint that confirms in this country (expected country, or scope nat/isp).',
    1,
    CONFIRMED_FINGERPRINT,
  ),
  r(
    'dns.bogon_not_in_ctrl',
    'dns',
    'blocked',
    'A DNS answer is a bogon (private/reserved) address the control never returned: injected answer.',
    1,
    "An injected private/reserved answer is interference even when the probe's heuristic accepted it.",
  ),
  r('dns.bogon_in_ctrl', 'dns', 'down', 'The bogon answer is also what the control got: the site is misconfigured, not blocked.', 1, CTRL_FAILED_TOO),
  r('dns.failure_ctrl_ok', 'dns', 'likely_blocked', 'The probe resolver failed (NXDOMAIN, refused, timeout) while the control resolved the name.'),
  r('dns.failure_ctrl_failing', 'dns', 'down', 'The probe and the control both failed to resolve: the name is gone, not blocked.', 1, CTRL_FAILED_TOO),
  r('dns.failure_no_ctrl', 'dns', 'insufficient', 'The probe resolver failed and there is no control to compare with.'),
  r('dns.answer_matches_ctrl', 'dns', 'ok', 'At least one answer is an address the control also got.'),
  r(
    'dns.answer_asn_matches_ctrl',
    'dns',
    'ok',
    "An answer is in an AS the control answers are in (same operator, other replica); only addresses the test helper resolved itself count (ip_info also lists the probe's answers).",
    2,
    "CDN geo-DNS: probes before 0.5 flag any answer unlike the control's; the same operator's AS is the site.",
  ),
  r(
    'dns.answer_tls_consistent',
    'dns',
    'ok',
    'CDN geo-DNS: the answer differs from the control but served a valid TLS certificate for the name.',
    1,
    'CDN geo-DNS or a transparent proxy: an address that completed TLS valid for the name serves the site.',
  ),
  r(
    'dns.answer_ctrl_nxdomain',
    'dns',
    'likely_blocked',
    '"Ghost" answers: the probe\'s resolver returned addresses for a name the control resolver says does not exist (NXDOMAIN).',
    1,
    'Answers for a name that does not exist come from the resolver on the path; probes before 0.5 call it down.',
  ),
  r(
    'dns.answer_leads_to_blockpage',
    'dns',
    'blocked',
    "Answers unlike the control's led to a page that is a known block page: the DNS answer is the redirect to it.",
    1,
    'The answer led to a known block page: proof, whatever the flag.',
  ),
  r(
    'dns.cdn_geo_http_consistent',
    'dns',
    'ok',
    'CDN geo-DNS: the answer differs from the control but the page fetched from it matches the control page.',
    1,
    "CDN geo-DNS: the page from the unmatched answer is the control's page.",
  ),
  r('dns.answer_unmatched', 'dns', 'likely_blocked', 'Answers match neither control addresses nor ASNs and nothing downstream vouches for them.'),
  r('dns.no_ctrl', 'dns', 'insufficient', 'Answers present but no control DNS result to compare with.'),
  r('tcp.connect_ok', 'tcp', 'ok', 'At least one TCP connect to the site succeeded.'),
  r(
    'tcp.dns_untrusted',
    'tcp',
    'note',
    "TCP/TLS/HTTP failures are ignored: they were towards addresses from a DNS answer judged interfered or unlike the control's (the DNS layer carries the verdict).",
    2,
  ),
  r('tcp.ipv6_broken_probe', 'tcp', 'note', 'IPv6 connects failed while IPv4 worked: the probe has no IPv6, not a block.'),
  r('tcp.failure_ctrl_ok', 'tcp', 'likely_blocked', 'Every TCP connect failed while the control connected to the same address (reset, timeout, refused).'),
  r('tcp.failure_ctrl_failing', 'tcp', 'down', 'TCP connects failed for the probe and for the control: the server is down.', 1, CTRL_FAILED_TOO),
  r('tcp.failure_no_ctrl', 'tcp', 'insufficient', 'TCP connects failed and the control did not test these addresses.'),
  r('tls.handshake_ok', 'tls', 'ok', 'A TLS handshake completed with a certificate valid for the name.'),
  r(
    'tls.failure_ctrl_ok',
    'tls',
    'likely_blocked',
    'TLS failed after TCP connected (reset after ClientHello = SNI filtering, bad certificate = MITM, timeout) while the control completed it.',
    1,
    'Probes before 0.5 do not count TLS failures as blocking; the control completed the handshake.',
  ),
  r('tls.failure_ctrl_failing', 'tls', 'down', 'TLS failed for the probe and the control: a server problem.', 1, CTRL_FAILED_TOO),
  r(
    'tls.failure_on_ctrl_addrs',
    'tls',
    'likely_blocked',
    "Besides the DNS answers unlike the control's, TLS also failed towards the control's own addresses while the control completed it: interference beyond DNS.",
    1,
    "TLS also failed towards the control's own addresses: interference the flag may have put at DNS only.",
  ),
  r('tls.failure_no_ctrl', 'tls', 'insufficient', 'TLS failed and there is no control TLS or HTTPS result.'),
  r(
    'http.blockpage_fingerprint',
    'http',
    'blocked',
    'A response matches an OONI HTTP fingerprint (body substring/regex, Location/Server header) that confirms in this country.',
    1,
    CONFIRMED_FINGERPRINT,
  ),
  r(
    'http.blockpage_signature',
    'http',
    'blocked',
    'A response that differs from the control matches a Censored Planet block-page signature.',
    1,
    "A Censored Planet block-page signature on a page unlike the control's: a block page the probe's heuristic missed.",
  ),
  r(
    'http.known_false_positive',
    'http',
    'ok',
    'A response matches a known false-positive signature (OONI scope fp, Censored Planet false positives, CDN captcha pages): not censorship.',
    1,
    "A known false-positive page (CDN CAPTCHA/challenge, OONI scope fp, Censored Planet false positive) differs from the control's page without being a block: OONI's http-diff counts it.",
  ),
  r(
    'http.failure_after_lower_layer',
    'http',
    'note',
    'The HTTP failure is explained by the TCP or TLS failure below it (TLS interference is not an HTTP failure).',
  ),
  r('http.failure_ctrl_ok', 'http', 'likely_blocked', 'The HTTP exchange failed (reset after the request, timeout, EOF) while the control fetched the page.'),
  r('http.failure_ctrl_failing', 'http', 'down', 'The HTTP exchange failed for the probe and the control: website down.', 1, CTRL_FAILED_TOO),
  r('http.failure_no_ctrl', 'http', 'insufficient', 'The HTTP exchange failed and there is no control fetch.'),
  r(
    'http.body_failure_ctrl_ok',
    'http',
    'likely_blocked',
    'The response started (status received), then the body stopped: a timeout (stalled, throttled transfer) or a cut while the control fetched the whole page.',
    1,
    'A transfer that stalls after the response began: probes before 0.5 may not flag it.',
  ),
  r(
    'http.throughput_low',
    'http',
    'likely_blocked',
    'network_events: a transfer of at least 16 KB ran under a tenth of the rate of another connection of the same measurement (same site, same seconds): throttled.',
    1,
    'Probes do not judge transfer speed: a throttled site still loads, so the anomaly flag misses it.',
  ),
  r(
    'http.broken_redirect',
    'http',
    'down',
    "The site redirects to a Location that is not a usable URL: the website's own fault, whatever the path.",
    1,
    "The website's own broken redirect fails every client: the probe calls it http-failure, it is down.",
  ),
  r(
    'http.redirect_to_bogon',
    'http',
    'likely_blocked',
    'A redirect to a private/reserved address (a filtering portal on the path, e.g. Check Point UserCheck) while the control fetched the page.',
    1,
    'A redirect to a private address is a portal on the path: interference the flag may miss.',
  ),
  r(
    'http.too_many_redirects',
    'http',
    'down',
    'More than ten redirects, and the control reached no page either: the website loops.',
    1,
    'A redirect loop fails every client: down, not blocked.',
  ),
  r(
    'redirect.failure_ctrl_ok',
    'any',
    'likely_blocked',
    'A later hop of the redirect chain failed (its lookup, connect, TLS handshake or fetch; the layer says which) while the test helper followed the same chain to a page.',
    1,
    'A later hop failed while the helper reached the page: probes before 0.5 judged the first hop only.',
  ),
  r(
    'redirect.failure_ctrl_failing',
    'any',
    'down',
    'A later hop of the redirect chain failed, and the test helper did not reach a page either.',
    1,
    CTRL_FAILED_TOO,
  ),
  r('redirect.failure_no_ctrl', 'any', 'insufficient', 'A later hop of the redirect chain failed and there is no control fetch.'),
  r(
    'http.matches_ctrl',
    'http',
    'ok',
    'Same status class as the control, and body length ratio > 0.7 or same uncommon headers or a shared title word (ts-017).',
  ),
  r(
    'http.diff_tls_authentic',
    'http',
    'ok',
    'The page differs from the control but came over a TLS session valid for the name: geo/CDN variation, not a block page.',
    1,
    "A page over TLS valid for the name is the site's own (geo/CDN variation): OONI's http-diff compares it with the control's page.",
  ),
  r(
    'http.diff_ctrl_error',
    'http',
    'down',
    "The control itself got a server error (5xx) or nothing: the probe's different page says nothing about blocking.",
    1,
    'The control itself got an error page or nothing: a different page from the probe proves nothing.',
  ),
  r(
    'http.diff',
    'http',
    'likely_blocked',
    'Over plain HTTP the page differs from the control (status, length, headers and title all differ): an unconfirmed block page.',
  ),
  r('http.no_ctrl', 'http', 'insufficient', 'A response came back but there is no control page to compare with.'),
  r(
    'wc.control_failure',
    'any',
    'insufficient',
    'The web_connectivity control (test helper) failed: without it only determinate artefacts (fingerprints, bogons) count.',
  ),
  r('app.telegram_dcs_unreachable', 'app', 'likely_blocked', 'Telegram: every TCP connect to the data centres failed, or every HTTP POST to them failed.'),
  r('app.telegram_web_blocked', 'app', 'likely_blocked', 'Telegram: web.telegram.org failed (telegram_web_status blocked).'),
  r('app.telegram_ok', 'app', 'ok', 'Telegram: data centres and web reachable (telegram_web_status "ok").', 2),
  r(
    'app.telegram_dcs_ok',
    'app',
    'ok',
    'Telegram: data centres reachable; the web check is not reported (telegram_web_status null or absent), so web.telegram.org is not judged (app.telegram_web_unknown).',
  ),
  r('app.telegram_web_unknown', 'app', 'insufficient', 'Telegram: telegram_web_status is null or absent: whether web.telegram.org is reachable is unknown.'),
  r('app.signal_blocked', 'app', 'likely_blocked', 'Signal: a backend endpoint failed (signal_backend_status blocked).'),
  r('app.signal_ok', 'app', 'ok', 'Signal: backend reachable.'),
  r('app.whatsapp_blocked', 'app', 'likely_blocked', 'WhatsApp: web.whatsapp.com or registration failed, or every endpoint connect failed.'),
  r('app.whatsapp_ok', 'app', 'ok', 'WhatsApp: web, registration and at least one endpoint reachable.'),
  r(
    'app.fbm_dns_inconsistent',
    'app',
    'likely_blocked',
    "Facebook Messenger: endpoint DNS answers are not in Facebook's AS (facebook_*_dns_consistent false).",
  ),
  r('app.fbm_unreachable', 'app', 'likely_blocked', 'Facebook Messenger: endpoints unreachable over TCP (facebook_*_reachable false or tcp_blocking).'),
  r('app.fbm_ok', 'app', 'ok', 'Facebook Messenger: DNS consistent and endpoints reachable.'),
  r('app.tor_targets_unreachable', 'app', 'likely_blocked', 'Tor: more than half of the directory authorities / bridges tested failed.'),
  r('app.tor_ok', 'app', 'ok', 'Tor: at least half of the tested targets worked.'),
  r('app.tor_bootstrap_failed', 'app', 'likely_blocked', 'vanilla_tor / torsf / psiphon: the tunnel did not bootstrap (failure set).'),
  r('app.tor_bootstrap_ok', 'app', 'ok', 'vanilla_tor / torsf / psiphon: the tunnel bootstrapped.'),
  r('dnscheck.answer_injected', 'dns', 'blocked', 'dnscheck: a lookup answer is a bogon or a confirming DNS fingerprint.'),
  r(
    'dnscheck.bootstrap_failed',
    'dns',
    'likely_blocked',
    'dnscheck: the system resolver could not resolve the DoH/DoT server name while lookups are impossible.',
  ),
  r(
    'dnscheck.all_lookups_failed',
    'any',
    'likely_blocked',
    'dnscheck: every lookup through the tested resolver failed at TCP/TLS/QUIC after a working bootstrap.',
  ),
  r('dnscheck.lookup_ok', 'dns', 'ok', 'dnscheck: at least one lookup through the tested resolver returned answers.'),
  r('dnscheck.no_lookups', 'any', 'insufficient', 'dnscheck: no lookup results.'),
  r('urlgetter.ok', 'any', 'ok', 'urlgetter: the fetch succeeded.'),
  r('urlgetter.mitm', 'tls', 'likely_blocked', 'urlgetter: TLS failed with a certificate error (ssl_*): a middlebox presented another certificate.'),
  r('urlgetter.reset', 'any', 'likely_blocked', 'urlgetter: the connection was reset during TLS or HTTP (rare for real outages).'),
  r('urlgetter.failure_no_ctrl', 'any', 'insufficient', 'urlgetter: timeouts, NXDOMAIN, refused: with no control these cannot tell down from blocked.'),
  r(
    'middlebox.header_tampering',
    'http',
    'likely_blocked',
    'http_header_field_manipulation: the echoed headers differ from those sent (or the echo is malformed).',
  ),
  r('middlebox.request_line_tampering', 'http', 'likely_blocked', 'http_invalid_request_line: the echoed request line differs from the one sent.'),
  r('middlebox.none', 'http', 'ok', 'Middlebox tests: what was sent came back unchanged.'),
  r('browser.loaded', 'any', 'ok', 'browser_web: the page loaded in the browser (result ok).'),
  r(
    'browser.load_failed',
    'any',
    'insufficient',
    'browser_web: the page did not load (result is not ok); the test records no layer or control, so down cannot be told from blocked.',
  ),
  r('riseupvpn.ok', 'any', 'ok', 'riseupvpn: the API answered (api_status ok), its CA certificate was fetched and no gateway failed.'),
  r(
    'riseupvpn.failed',
    'any',
    'insufficient',
    'riseupvpn: the API, its CA certificate or a gateway failed; OONI stopped scoring this test for false positives (failures seen from everywhere), so a failure is recorded, not called a block.',
  ),
  r(
    'sni.handshake_ok',
    'tls',
    'ok',
    'sni_blocking: the handshake with the target SNI succeeded or ended in ssl_invalid_hostname (the helper does not serve that name): no SNI filter.',
  ),
  r(
    'sni.target_failed_ctrl_ok',
    'any',
    'likely_blocked',
    'sni_blocking: the handshake with the target SNI failed otherwise (reset, timeout, EOF) while the control SNI to the same helper succeeded.',
  ),
  r(
    'sni.ctrl_failed',
    'any',
    'insufficient',
    'sni_blocking: the target SNI failed and the control SNI to the same helper failed too: the helper is not reachable.',
  ),
  r('ech.handshakes_ok', 'tls', 'ok', 'echcheck: the TLS handshakes with and without an ECH config all succeeded.'),
  r('ech.failed_plain_ok', 'tls', 'likely_blocked', 'echcheck: a handshake with an ECH config failed while the one without succeeded.'),
  r('ech.plain_failed', 'any', 'insufficient', 'echcheck: the handshake without ECH failed too: the server is not reachable, ECH cannot be judged.'),
  r('meek.ok', 'any', 'ok', 'meek_fronted_requests_test: the fronted request reached the meek server (success true).'),
  r(
    'meek.front_rejected',
    'http',
    'down',
    'meek_fronted_requests_test: the CDN answered but not as the meek server (success false with an HTTP status): the fronted domain no longer works, for everyone. Layer http (version 2: version 1 named none).',
    2,
  ),
  r(
    'meek.request_failed',
    'any',
    'insufficient',
    'meek_fronted_requests_test: the fronted request failed (success false, no answer); no control to tell down from blocked.',
  ),
  r(
    'dns_consistency.differs',
    'dns',
    'insufficient',
    "dns_consistency (legacy): a resolver's answers differ from the control resolver's or failed; the test keeps no AS or HTTP evidence to tell CDN geo-DNS from tampering.",
  ),
  r('dns_consistency.consistent', 'dns', 'ok', "dns_consistency (legacy): every resolver's answers matched the control resolver's."),
  r('generic.failure', 'any', 'insufficient', 'A test whose only outcome key is test_keys.failure reported one; we have no rule to tell down from blocked.'),
  r(
    'generic.ok',
    'any',
    'ok',
    'A test whose only outcome key is test_keys.failure (ndt, dash, openvpn, stunreachability, tcp_connect, http_requests) completed without one.',
    2,
  ),
  r('generic.no_rule', 'any', 'insufficient', "No rule reads this test's results (the evidence names the test): never ok by default."),
  r('insufficient.no_data', 'any', 'insufficient', 'Nothing in the measurement that a rule can judge.'),
  r(
    'probe.analysis',
    'any',
    'note',
    "The probe's own analysis (blocking, accessible, x_blocking_flags, x_dns_flags, x_null_null_flags) as written in test_keys; kept as evidence.",
  ),
  r(
    'probe.blocking_unexplained',
    'any',
    'likely_blocked',
    'web_connectivity >= 0.5: the probe names a blocking of the spec (dns, tcp_ip, http-failure, http-diff: its layer) that none of our rules explains away: its analysis counts. Any other blocking value is no class and counts for nothing.',
    2,
  ),
  r(
    'agreement.unexplained',
    'any',
    'note',
    "Our status contradicts OONI's anomaly flag and no fired rule says why: listed by `measurements agreement` for review.",
  ),
];

export const RULE_IDS = new Set(RULES.map((x) => x.id));
export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((x) => [x.id, x]));

/** Hash of every rule id and version: stored with each ingest so re-scoring can be detected. */
export const RULES_VERSION = createHash('sha256')
  .update(RULES.map((x) => `${x.id}@${x.version}`).join('\n'))
  .digest('hex')
  .slice(0, 12);
