// Tests that write their outcome in keys of their own reach a class with a reason, on the real
// measurements shipped in data/ooni/measurements (OONI, CC BY-NC-SA 4.0; see its SOURCES) and on
// SYNTHETIC variants of them (one key changed, named in each case). Before these rules each of
// them was `ok` by `generic.ok`, whatever it reported.
import { describe, expect, it } from 'vitest';
import { fixtureSets, shippedMatcher } from '../../../test/helpers/ooni.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { FAILURE_KEY_TESTS } from './experiments.js';
import { scoreMeasurement } from './index.js';

const matcher = shippedMatcher();
/** Every shipped and fixture set, read and gunzipped once for the whole file. */
const SETS = fixtureSets();
const shipped = SETS.shipped!.map((l) => JSON.parse(l) as Json & { test_name: string; input?: unknown; test_keys: Json });
const one = (test: string, has = '') => {
  const m = shipped.find((x) => x.test_name === test && JSON.stringify(x.input ?? '').includes(has));
  if (!m) throw new Error(`no shipped ${test} ${has}`);
  return structuredClone(m);
};
function score(m: Json) {
  const p = parseMeasurement(JSON.stringify(m));
  if (!p.ok) throw new Error(p.detail);
  const { verdict } = scoreMeasurement(p.value, matcher);
  return { status: verdict.status, layers: verdict.layers, mechanism: verdict.mechanism, rules: verdict.rules, evidence: verdict.evidence };
}

describe('real measurements of tests with outcome keys of their own', () => {
  it.each([
    ['browser_web, page loaded (CA viber.com)', () => one('browser_web', 'viber'), 'ok', 'browser.loaded'],
    ['browser_web, result "error" (CA app.wire.com)', () => one('browser_web', 'wire'), 'insufficient', 'browser.load_failed'],
    ['riseupvpn, api_status "blocked", CA certificate fetch failed (AF 2022)', () => one('riseupvpn'), 'insufficient', 'riseupvpn.failed'],
    ['sni_blocking, target ends in ssl_invalid_hostname (IT)', () => one('sni_blocking'), 'ok', 'sni.handshake_ok'],
    ['meek, CloudFront answers 403, success false (US 2021)', () => one('meek_fronted_requests_test', 'cloudfront'), 'down', 'meek.front_rejected'],
    ['meek, fronted request reached the server (IT 2021)', () => one('meek_fronted_requests_test', 'azureedge'), 'ok', 'meek.ok'],
    ['dns_consistency, the local resolver differs from the control (BE 2017)', () => one('dns_consistency'), 'insufficient', 'dns_consistency.differs'],
  ])('%s', (_n, m, status, rule) => {
    const v = score(m());
    expect(v.status).toBe(status);
    expect(v.rules).toContain(rule);
    expect(v.rules).not.toContain('generic.ok');
  });

  it('the evidence says what failed (browser_web result, riseupvpn api_status and the failed fetch)', () => {
    expect(score(one('browser_web', 'wire')).evidence).toContainEqual(expect.objectContaining({ where: 'test_keys.result', value: 'error' }));
    const r = score(one('riseupvpn')).evidence;
    expect(r).toContainEqual(expect.objectContaining({ where: 'test_keys.api_status', value: 'blocked' }));
    expect(r.some((e) => e.value === 'ssl_invalid_certificate')).toBe(true);
  });
});

describe('SYNTHETIC variants (one key of a real measurement changed)', () => {
  it('sni_blocking: target reset, control fine -> likely_blocked at TLS; control failing too -> insufficient', () => {
    const m = one('sni_blocking');
    (m.test_keys.target as Json).failure = 'connection_reset';
    expect(score(m)).toMatchObject({ status: 'likely_blocked', layers: ['tls'], mechanism: 'tls.reset.sni' });
    (m.test_keys.control as Json).failure = 'generic_timeout_error';
    expect(score(m)).toMatchObject({ status: 'insufficient', rules: ['sni.ctrl_failed'] });
  });

  it('echcheck (report_id added): all handshakes ok -> ok; the ECH one reset -> likely_blocked at TLS; the plain one failing -> insufficient', () => {
    const m = one('echcheck');
    m.report_id = '20241111T102804Z_echcheck_IT_30722_n1_SYNTHETIC';
    expect(score(m)).toMatchObject({ status: 'ok', rules: ['ech.handshakes_ok'] });
    const hs = m.test_keys.tls_handshakes as Json[];
    hs[1]!.failure = 'connection_reset';
    expect(score(m)).toMatchObject({ status: 'likely_blocked', layers: ['tls'], mechanism: 'tls.reset.sni', rules: ['ech.failed_plain_ok'] });
    hs[0]!.failure = 'generic_timeout_error';
    expect(score(m)).toMatchObject({ status: 'insufficient', rules: ['ech.plain_failed'] });
  });

  it('meek: the fronted request failed without an answer -> insufficient naming the failure', () => {
    const m = one('meek_fronted_requests_test', 'cloudfront');
    const req = (m.test_keys.requests as Json[])[0]!;
    req.failure = 'connection_reset';
    req.response = null;
    const v = score(m);
    expect(v).toMatchObject({ status: 'insufficient', rules: ['meek.request_failed'] });
    expect(v.evidence).toContainEqual(expect.objectContaining({ value: 'connection_reset' }));
  });

  it('a test no rule knows is insufficient naming the test, never ok (ndt renamed bridge_reachability)', () => {
    const m = one('ndt');
    m.test_name = 'bridge_reachability';
    m.test_keys.failure = null;
    const v = score(m);
    expect(v).toMatchObject({ status: 'insufficient', rules: ['generic.no_rule'] });
    expect(v.evidence).toContainEqual(expect.objectContaining({ where: 'test_name', value: 'bridge_reachability' }));
  });
});

/** Each parsable line of a set with its verdict, scored once and read by both walks below. */
const scored = new Map<string, { test_name: string; verdict: ReturnType<typeof scoreMeasurement>['verdict'] }[]>();
function verdictsOf(set: string) {
  let out = scored.get(set);
  if (!out) {
    out = [];
    for (const l of SETS[set]!) {
      const p = parseMeasurement(l);
      if (p.ok) out.push({ test_name: p.value.envelope.test_name, verdict: scoreMeasurement(p.value, matcher).verdict });
    }
    scored.set(set, out);
  }
  return out;
}

describe('every shipped and fixture verdict that claims interference or an outage says where', () => {
  // a tunnel that stalled where the measurement records no network step (tunnel.bootstrap.*) names
  // the tunnel as where, in its mechanism, and no layer
  it.each(Object.keys(SETS))('%s: blocked, likely_blocked and down name their layers; blocked and likely_blocked their mechanism', (set) => {
    const missing: string[] = [];
    for (const { test_name, verdict: v } of verdictsOf(set)) {
      if (!['blocked', 'likely_blocked', 'down'].includes(v.status)) continue;
      const inTunnel = v.layers.length === 0 && v.mechanism?.startsWith('tunnel.bootstrap.');
      if ((!v.layers.length && !inTunnel) || (v.status !== 'down' && !v.mechanism)) missing.push(`${test_name} ${v.status} ${v.rules.join(',')}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('no shipped or fixture measurement is ok by default', () => {
  it.each(Object.keys(SETS))('%s: generic.ok only for tests whose one outcome key is failure', (set) => {
    for (const { test_name, verdict } of verdictsOf(set))
      if (verdict.rules.includes('generic.ok')) expect(FAILURE_KEY_TESTS.has(test_name), test_name).toBe(true);
  });
});
