// App verdicts read the whole measurement, not only the probe's status keys: an endpoint that
// answered in the same measurement is not blocked, DNS answers are checked against the shipped
// IP-to-AS table, bogon answers are a DNS block. Real shipped measurements; SYNTHETIC variants
// are marked.
import { describe, expect, it } from 'vitest';
import { shippedMeasurements } from '../../../test/helpers/ooni.js';
import { FingerprintMatcher } from '../fingerprints/index.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { scoreMeasurement } from './index.js';

const shipped = shippedMeasurements();
const pick = (cc: string, test: string): Json => {
  const m = shipped.find((x) => x.probe_cc === cc && x.test_name === test);
  if (!m) throw new Error(`no shipped ${cc} ${test}`);
  return structuredClone(m);
};
function score(m: Json) {
  const p = parseMeasurement(JSON.stringify(m));
  if (!p.ok) throw new Error(p.detail);
  return scoreMeasurement(p.value, new FingerprintMatcher([]));
}
const tk = (m: Json) => m.test_keys as Json;

describe('telegram: web.telegram.org is judged on what the measurement shows', () => {
  it('RU 2022: the web check loaded (HTTPS 200 after a timed-out retry), so the web is not blocked', () => {
    const m = pick('RU', 'telegram');
    expect(tk(m).telegram_web_status).toBe('blocked');
    const v = score(m).verdict;
    expect(v.status).toBe('ok');
    expect(v.rules).toContain('app.telegram_web_loaded');
    expect(v.rules).not.toContain('app.telegram_web_blocked');
    const dep = v.evidence.find((e) => e.where === 'test_keys.telegram_web_status');
    expect(dep?.value).toMatch(/blocked/);
  });

  it('SYNTHETIC: every attempt at https://web.telegram.org/ failed, so the web is likely blocked', () => {
    const m = pick('RU', 'telegram');
    for (const r of (tk(m).requests as Json[]).filter((x) => String((x.request as Json).url).includes('web.telegram.org'))) {
      r.failure = 'generic_timeout_error';
      r.response = null;
    }
    const v = score(m).verdict;
    expect(v.status).toBe('likely_blocked');
    expect(v.rules).toContain('app.telegram_web_blocked');
  });
});

describe('whatsapp', () => {
  it('JP 2022: bogon answers (0.0.0.0, ::) for the WhatsApp hosts are a DNS block, not tcp.refused', () => {
    const v = score(pick('JP', 'whatsapp')).verdict;
    expect(v).toMatchObject({ status: 'blocked', layers: ['dns'], mechanism: 'dns.injection.bogon' });
    expect(v.evidence.find((e) => e.rule === 'app.dns_bogon')?.value).toMatch(/^(0\.0\.0\.0|::)$/);
  });

  it('IE 2022: whatsapp_web_status "blocked" while web.whatsapp.com answered: ok, and the departure says so', () => {
    const m = pick('IE', 'whatsapp');
    expect(tk(m).whatsapp_web_status).toBe('blocked');
    const v = score(m).verdict;
    expect(v.status).toBe('ok');
    expect(v.rules).toContain('app.status_key_departed');
    const dep = v.evidence.find((e) => e.where === 'test_keys.whatsapp_web_status');
    expect(dep?.value).toMatch(/blocked.*http_unexpected_status_code/);
  });

  it('SYNTHETIC: a key URL that failed once and answered on another attempt is not blocked', () => {
    const m = pick('US', 'whatsapp');
    const reqs = tk(m).requests as Json[];
    const web = reqs.find((r) => (r.request as Json).url === 'https://web.whatsapp.com/')!;
    reqs.push({ ...structuredClone(web), failure: 'connection_reset', response: null });
    expect(score(m).verdict.status).toBe('ok');
  });
});

describe('signal', () => {
  it('SYNTHETIC: signal_backend_status "blocked" while every endpoint answered on some attempt is ok, with the departure named', () => {
    const m = pick('IT', 'signal');
    const reqs = tk(m).requests as Json[];
    reqs.push({ ...structuredClone(reqs[0]!), failure: 'generic_timeout_error', response: null });
    tk(m).signal_backend_status = 'blocked';
    tk(m).signal_backend_failure = 'generic_timeout_error';
    const v = score(m).verdict;
    expect(v.status).toBe('ok');
    expect(v.evidence.find((e) => e.where === 'test_keys.signal_backend_status')?.value).toMatch(/blocked/);
  });

  it('IR 2021: five endpoints NXDOMAIN on every attempt stays likely_blocked at DNS', () => {
    const v = score(pick('IR', 'signal')).verdict;
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['dns'] });
  });
});

describe("facebook_messenger: DNS answers are checked against Facebook's AS", () => {
  it('RU 2020: every answer is in AS32934 by the shipped table, so *_dns_consistent false is not believed', () => {
    const m = pick('RU', 'facebook_messenger');
    const v = score(m).verdict;
    expect(v.rules).not.toContain('app.fbm_dns_inconsistent');
    expect(v.rules).toContain('app.fbm_dns_in_facebook_as');
    // the probe tested no TCP reachability after its DNS verdict: nothing says the endpoints work
    expect(v.status).toBe('insufficient');
  });

  it("SYNTHETIC: an answer outside Facebook's AS keeps the endpoint inconsistent", () => {
    const m = pick('RU', 'facebook_messenger');
    const q = (tk(m).queries as Json[]).find((x) => x.hostname === 'b-graph.facebook.com')!;
    (q.answers as Json[])[1]!.ipv4 = '95.213.4.1';
    const v = score(m).verdict;
    expect(v).toMatchObject({ status: 'likely_blocked', mechanism: 'dns.injection.other' });
    expect(v.evidence.some((e) => e.rule === 'app.fbm_dns_inconsistent' && e.where === 'test_keys.facebook_b_graph_dns_consistent')).toBe(true);
  });
});

describe('tunnel bootstraps: the layer is where the measurement shows the bootstrap stopped', () => {
  it('TH 2023 torsf stalled at 0 % (starting): no network step is recorded, so no layer and a tunnel mechanism', () => {
    const v = score(pick('TH', 'torsf')).verdict;
    expect(v.status).toBe('likely_blocked');
    expect(v.layers).toEqual([]);
    expect(v.mechanism).toBe('tunnel.bootstrap.timeout');
    expect(v.evidence.find((e) => e.where === 'test_keys.failure')?.value).toBe('generic_timeout_error at 0%');
  });

  it('CN 2022 vanilla_tor stalled at 5 % (conn, connecting to a relay): a TCP timeout towards the relay', () => {
    const v = score(pick('CN', 'vanilla_tor')).verdict;
    expect(v.status).toBe('likely_blocked');
    expect(v.layers).toEqual(['tcp']);
    expect(v.mechanism).toBe('tcp.timeout');
  });

  it('SYNTHETIC: the CN vanilla_tor run stalled at the relay handshake is a TLS failure', () => {
    const m = pick('CN', 'vanilla_tor');
    Object.assign(tk(m), { tor_progress: 14, tor_progress_tag: 'handshake' });
    const v = score(m).verdict;
    expect(v.layers).toEqual(['tls']);
    expect(v.mechanism).toBe('tls.timeout');
  });

  it('SYNTHETIC: the DE 2022 psiphon run failing at the top level with a timeout (no network step recorded): no layer, a tunnel mechanism', () => {
    const m = pick('DE', 'psiphon');
    expect(tk(m).failed_operation).toBe('top_level');
    tk(m).failure = 'generic_timeout_error';
    const v = score(m).verdict;
    expect(v.status).toBe('likely_blocked');
    expect(v.layers).toEqual([]);
    expect(v.mechanism).toBe('tunnel.bootstrap.timeout');
  });
});

// Each case below is judged by where the failed operations that matter stopped: a lookup of the
// endpoint's host, a connect to its addresses, its TLS handshake, or the request itself. An
// operation that succeeded on another attempt means its layer worked.
const reqs = (m: Json) => tk(m).requests as Json[];
const urlOf = (r: Json) => String((r.request as Json | null)?.url);
const failAll = (rs: Json[], failure: string) => rs.forEach((r) => Object.assign(r, { failure, response: null }));
const refuse = (c: Json, failure: string) => (c.status = { success: false, failure, blocked: true });

describe('telegram: the data centres and the web check fail where their own operations stopped', () => {
  const WEB_IP = '149.154.167.99';
  for (const failure of ['connection_refused', 'generic_timeout_error'])
    it(`SYNTHETIC: US 2022 with every DC connect and POST ${failure} (web.telegram.org still connects) is IP blocking at TCP`, () => {
      const m = pick('US', 'telegram');
      for (const c of tk(m).tcp_connect as Json[]) if (c.ip !== WEB_IP) refuse(c, failure);
      failAll(
        reqs(m).filter((r) => !urlOf(r).includes('web.telegram.org')),
        failure,
      );
      const v = score(m).verdict;
      expect(v).toMatchObject({ status: 'likely_blocked', layers: ['tcp'], mechanism: failure === 'connection_refused' ? 'tcp.refused' : 'tcp.timeout' });
      expect(v.evidence.find((e) => e.rule === 'app.telegram_dcs_unreachable')?.where).toMatch(/^test_keys\.tcp_connect\[/);
    });

  it('SYNTHETIC: US 2022 with every DC POST refused and no connect recorded is TCP (only a connect is refused)', () => {
    const m = pick('US', 'telegram');
    tk(m).tcp_connect = [];
    failAll(
      reqs(m).filter((r) => !urlOf(r).includes('web.telegram.org')),
      'connection_refused',
    );
    expect(score(m).verdict).toMatchObject({ status: 'likely_blocked', layers: ['tcp'], mechanism: 'tcp.refused' });
  });

  it('SYNTHETIC: US 2022 with every DC POST reset after its connect succeeded is HTTP interference', () => {
    const m = pick('US', 'telegram');
    failAll(
      reqs(m).filter((r) => !urlOf(r).includes('web.telegram.org')),
      'connection_reset',
    );
    expect(score(m).verdict).toMatchObject({ status: 'likely_blocked', layers: ['http'], mechanism: 'http.reset.host' });
  });

  it('SYNTHETIC: RU 2022 with both https://web.telegram.org/ requests timing out after TCP and TLS worked is http.timeout, not the stray failed retry connect', () => {
    const m = pick('RU', 'telegram');
    failAll(
      reqs(m).filter((r) => urlOf(r) === 'https://web.telegram.org/'),
      'generic_timeout_error',
    );
    const v = score(m).verdict;
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['http'], mechanism: 'http.timeout' });
    expect(v.evidence.find((e) => e.rule === 'app.telegram_web_blocked')?.where).toMatch(/^test_keys\.requests\[/);
  });
});

describe('whatsapp: the chat endpoints are e*.whatsapp.net, not the web or registration hosts', () => {
  const endpointAddrs = (m: Json) =>
    new Set(
      (tk(m).queries as Json[])
        .filter((q) => /^e\d+\.whatsapp\.net$/.test(String(q.hostname)))
        .flatMap((q) => (q.answers as Json[]).map((a) => String(a.ipv4))),
    );

  it('SYNTHETIC: US 2022 with every endpoint connect refused (web and registration still connect) is likely_blocked tcp.refused', () => {
    const m = pick('US', 'whatsapp');
    const eps = endpointAddrs(m);
    for (const c of tk(m).tcp_connect as Json[]) if (eps.has(String(c.ip))) refuse(c, 'connection_refused');
    tk(m).whatsapp_endpoints_status = 'blocked';
    const v = score(m).verdict;
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['tcp'], mechanism: 'tcp.refused' });
    expect(v.rules).not.toContain('app.status_key_departed');
  });

  it('SYNTHETIC: US 2022 with every e*.whatsapp.net lookup NXDOMAIN (web and registration still resolve and connect) is likely_blocked at DNS', () => {
    const m = pick('US', 'whatsapp');
    const eps = endpointAddrs(m);
    for (const q of tk(m).queries as Json[])
      if (/^e\d+\.whatsapp\.net$/.test(String(q.hostname))) Object.assign(q, { failure: 'dns_nxdomain_error', answers: [] });
    tk(m).tcp_connect = (tk(m).tcp_connect as Json[]).filter((c) => !eps.has(String(c.ip)));
    expect(score(m).verdict).toMatchObject({ status: 'likely_blocked', layers: ['dns'], mechanism: 'dns.nxdomain' });
  });

  it('SYNTHETIC: US 2022 with one endpoint connect left working is ok, and the departure counts endpoint connects only', () => {
    const m = pick('US', 'whatsapp');
    const eps = endpointAddrs(m);
    const conns = (tk(m).tcp_connect as Json[]).filter((c) => eps.has(String(c.ip)));
    conns.slice(1).forEach((c) => refuse(c, 'connection_refused'));
    tk(m).whatsapp_endpoints_status = 'blocked';
    const v = score(m).verdict;
    expect(v.status).toBe('ok');
    expect(v.evidence.find((e) => e.where === 'test_keys.whatsapp_endpoints_status')?.value).toContain(`1 of ${conns.length} connects to the chat endpoints`);
  });
});

describe('status keys that say "ok" are checked against the measurement too', () => {
  it('SYNTHETIC: IT 2023 signal v0.2.5 with every request and handshake reset but signal_backend_status "ok" is likely_blocked at TLS, the key noted', () => {
    const m = structuredClone(shipped.find((x) => x.probe_cc === 'IT' && x.test_name === 'signal' && x.test_version === '0.2.5')!);
    const t = tk(m);
    expect(t.signal_backend_status).toBe('ok');
    failAll(reqs(m), 'connection_reset');
    for (const h of t.tls_handshakes as Json[]) h.failure = 'connection_reset';
    const v = score(m).verdict;
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['tls'], mechanism: 'tls.reset.sni' });
    expect(v.rules).not.toContain('app.signal_ok');
    expect(v.evidence.find((e) => e.where === 'test_keys.signal_backend_status')?.value).toMatch(/^probe: ok; .* failed on every attempt/);
    expect(v.rules).not.toContain('agreement.unexplained');
  });

  it('SYNTHETIC: US 2022 telegram with both web requests and handshakes reset but telegram_web_status "ok" is likely_blocked at TLS, the key noted', () => {
    const m = pick('US', 'telegram');
    failAll(
      reqs(m).filter((r) => urlOf(r) === 'https://web.telegram.org/'),
      'connection_reset',
    );
    for (const h of tk(m).tls_handshakes as Json[]) h.failure = 'connection_reset';
    const v = score(m).verdict;
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['tls'], mechanism: 'tls.reset.sni' });
    expect(v.rules).not.toContain('app.telegram_ok');
    expect(v.evidence.find((e) => e.where === 'test_keys.telegram_web_status')?.value).toMatch(/^probe: ok; /);
  });

  it('SYNTHETIC: US 2022 whatsapp with web.whatsapp.com failing on every attempt while whatsapp_web_status says "ok" notes the key', () => {
    const m = pick('US', 'whatsapp');
    failAll(
      reqs(m).filter((r) => urlOf(r) === 'https://web.whatsapp.com/'),
      'connection_reset',
    );
    const v = score(m).verdict;
    expect(v.status).toBe('likely_blocked');
    expect(v.evidence.find((e) => e.where === 'test_keys.whatsapp_web_status')?.value).toMatch(
      /^probe: ok; https:\/\/web\.whatsapp\.com\/ failed on every attempt/,
    );
  });
});

describe('facebook_messenger: a *_reachable key that says true is checked against the connects', () => {
  it('SYNTHETIC: IT 2020 with every connect refused while every *_reachable says true is likely_blocked tcp.refused, the keys noted', () => {
    const m = shipped.find((x) => x.probe_cc === 'IT' && x.test_name === 'facebook_messenger' && String(x.measurement_start_time).startsWith('2020'))!;
    const c = structuredClone(m);
    for (const t of tk(c).tcp_connect as Json[]) refuse(t, 'connection_refused');
    expect(tk(c).facebook_edge_reachable).toBe(true);
    const v = score(c).verdict;
    expect(v).toMatchObject({ status: 'likely_blocked', layers: ['tcp'], mechanism: 'tcp.refused' });
    expect(v.rules).not.toContain('app.fbm_ok');
    expect(v.evidence.find((e) => e.where === 'test_keys.facebook_edge_reachable' && e.rule === 'app.status_key_departed')?.value).toMatch(
      /^probe: true; no connect/,
    );
  });
});
