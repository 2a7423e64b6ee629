// Verdicts on real OONI measurements: one golden test per shipped measurement, the issue's
// acceptance cases, agreement with OONI fastpath on the Explorer fixtures, and fastpath's flag
// semantics on 1,080 real fastpath rows. Synthetic variants (marked) cover cases real data lacks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { shippedLines, shippedMatcher } from '../../../test/helpers/ooni.js';
import { goldenLines } from '../../../test/fixtures/ooni/regenerate-golden.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { flagsFromScores, matClass, ooniScores } from './compat.js';
import { scoreMeasurement } from './index.js';

const ROOT = join(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/ooni');
const gz = (p: string) => gunzipSync(readFileSync(p)).toString('utf8').trim().split('\n');
const matcher = shippedMatcher();
const shipped = shippedLines();

function score(line: string | Json) {
  const p = parseMeasurement(typeof line === 'string' ? line : JSON.stringify(line));
  if (!p.ok) throw new Error(p.detail);
  return { ...scoreMeasurement(p.value, matcher), env: p.value.envelope };
}
const find = (pred: (m: Json) => boolean) => {
  const l = shipped.find((x) => pred(JSON.parse(x) as Json));
  if (!l) throw new Error('fixture not found');
  return JSON.parse(l) as Json;
};

describe('golden verdicts, one per shipped real measurement', () => {
  const expected = readFileSync(join(FIX, 'golden.jsonl'), 'utf8').trim().split('\n');
  const actual = goldenLines();
  it('covers every shipped measurement', () => expect(actual).toHaveLength(expected.length));
  it.each(expected.map((e, i) => [JSON.parse(e).id as string, e, i] as const))('%s', (_id, e, i) => {
    expect(JSON.parse(actual[i]!)).toEqual(JSON.parse(e));
  });
});

describe('acceptance cases', () => {
  it('confirms the RU rutor.org block page, with the fingerprint as evidence', () => {
    const r = score(find((m) => m.probe_cc === 'RU' && String(m.input).includes('rutor.org')));
    expect(r.flags).toMatchObject({ anomaly: true, confirmed: true, failure: false });
    expect(r.verdict).toMatchObject({ status: 'blocked', layers: ['http'], mechanism: 'http.blockpage' });
    expect(r.verdict.rules).toContain('http.blockpage_fingerprint');
    expect(r.verdict.evidence.map((e) => e.fingerprint?.pattern)).toContain('http://eais.rkn.gov.ru/');
  });

  it('confirms the IR DNS injections to 10.10.34.36', () => {
    const ir = shipped
      .map((l) => JSON.parse(l) as Json)
      .filter((m) => m.probe_cc === 'IR' && m.test_name === 'web_connectivity' && JSON.stringify(m.test_keys).includes('10.10.34.36'));
    expect(ir.length).toBe(2);
    for (const m of ir) {
      const r = score(m);
      expect(r.flags).toMatchObject({ anomaly: true, confirmed: true, failure: false });
      expect(r.verdict).toMatchObject({ status: 'blocked', layers: ['dns'], mechanism: 'dns.injection.blockpage' });
      expect(r.verdict.evidence[0]).toMatchObject({ value: '10.10.34.36', fingerprint: { source: 'ooni-dns', scope: 'nat' } });
    }
  });

  it('reads CDN geo-DNS as ok, not blocked (real: instagram.com from US, answers unlike the control)', () => {
    const r = score(find((m) => String(m.input).includes('instagram.com')));
    expect(r.verdict.status).toBe('ok');
    expect(r.verdict.rules).toContain('dns.cdn_geo_http_consistent');
  });

  it('tells website down from blocked (real: nmrc.org, control failing too)', () => {
    const r = score(find((m) => String(m.input).includes('nmrc.org')));
    expect(r.verdict.status).toBe('down');
    expect(r.verdict.rules).toContain('http.failure_ctrl_failing');
  });

  it('tells a name the control could not resolve from a block (real: SK 2021 wikispaces.com, control addrs a host name only, its fetch dns_lookup_error)', () => {
    const m = find((x) => x.probe_cc === 'SK' && String(x.input).includes('wikispaces.com'));
    const r = score(m);
    expect(r.verdict).toMatchObject({ status: 'down', layers: ['dns'], mechanism: null });
    expect(r.verdict.rules).toContain('dns.failure_ctrl_failing');
    expect(r.verdict.rules).not.toContain('dns.failure_ctrl_ok');
    expect(r.verdict.evidence).toContainEqual(expect.objectContaining({ where: 'test_keys.control.http_request.failure', value: 'dns_lookup_error' }));
    const tk = m.test_keys as Json & { control: { dns: { addrs: string[] }; http_request: Json } };
    const variant = (addrs: string[], http: Json | null) => {
      const t = structuredClone(tk);
      t.control.dns.addrs = addrs;
      if (http) t.control.http_request = http;
      else delete (t.control as Json).http_request;
      return score({ ...m, test_keys: t }).verdict;
    };
    const reached = { body_length: 5120, failure: null, headers: {}, status_code: 200, title: 'Wikispaces' };
    // SYNTHETIC: host names only and no control fetch: no address, so the control did not resolve either
    expect(variant(['wikispaces.com', 'cdn.example.net'], null)).toMatchObject({ status: 'down', rules: expect.arrayContaining(['dns.failure_ctrl_failing']) });
    // SYNTHETIC: an IP address, but the control's own fetch failed to look the name up: not resolved
    expect(variant(['wikispaces.com', '192.0.78.9'], null)).toMatchObject({ status: 'likely_blocked', mechanism: 'dns.nxdomain' });
    expect(variant(['192.0.78.9'], tk.control.http_request)).toMatchObject({ status: 'down', rules: expect.arrayContaining(['dns.failure_ctrl_failing']) });
    // SYNTHETIC: the control's fetch reached the site: it resolved the name, with or without an address listed
    expect(variant(['wikispaces.com'], reached)).toMatchObject({ status: 'likely_blocked', rules: expect.arrayContaining(['dns.failure_ctrl_ok']) });
    expect(variant(['192.0.78.9'], reached)).toMatchObject({ status: 'likely_blocked', rules: expect.arrayContaining(['dns.failure_ctrl_ok']) });
  });

  it('compares DNS answers with the addresses the control listed, never its host names (real: AU 2017 feminist.org, control addrs a host name and an IP)', () => {
    const m = find((x) => x.probe_cc === 'AU' && String(x.input).includes('feminist.org'));
    expect(score(m).verdict.rules).toContain('dns.answer_matches_ctrl');
    // SYNTHETIC: the control listed a host name only: nothing to compare the probe's answers with
    const tk = structuredClone(m.test_keys) as Json & { control: { dns: { addrs: string[] } } };
    tk.control.dns.addrs = ['feminist.org'];
    const r = score({ ...m, test_keys: tk }).verdict;
    expect(r.rules).toContain('dns.no_ctrl');
    expect(r.rules).not.toContain('dns.answer_unmatched');
    expect(r.rules).not.toContain('dns.answer_leads_to_blockpage');
  });

  it('judges TCP by the connects the fetch went over (real: IT 2023 http://dns.google, port 80 timing out for probe and control, 443 probes fine)', () => {
    const m = find((x) => x.input === 'http://dns.google');
    expect(score(m).verdict).toMatchObject({ status: 'down', layers: ['tcp'] });
    expect(score(m).verdict.rules).toContain('tcp.failure_ctrl_failing');
    // SYNTHETIC: the control reached port 80: the same failures are the probe's network
    const ctrl = (m.test_keys as Json).control as { tcp_connect: Record<string, { status: boolean; failure: string | null }> };
    for (const k of Object.keys(ctrl.tcp_connect)) if (k.endsWith(':80')) ctrl.tcp_connect[k] = { status: true, failure: null };
    expect(score(m).verdict).toMatchObject({ status: 'likely_blocked', layers: ['tcp'], mechanism: 'tcp.timeout' });
  });

  it('SYNTHETIC: a Cloudflare challenge page instead of the site is a known false positive, not blocked', () => {
    const m = find((x) => x.probe_cc === 'IE' && String(x.input).includes('efindlove.com'));
    expect(score(m).verdict.status).toBe('likely_blocked'); // the real page differs from the control
    const tk = structuredClone(m.test_keys) as { requests: { response: { body: string; code: number } }[] };
    tk.requests[0]!.response = {
      ...tk.requests[0]!.response,
      code: 403,
      body: '<html><head><title>Just a moment...</title></head><body><div id="cf-chl-widget"></div></body></html>',
    };
    const r = score({ ...m, test_keys: tk });
    expect(r.verdict.status).toBe('ok');
    expect(r.verdict.rules).toContain('http.known_false_positive');
    expect(r.verdict.evidence[0]?.fingerprint?.source).toBe('splinternet-false-positive');
  });

  it('SYNTHETIC: a reset during the TLS handshake is TLS interference, not an HTTP failure', () => {
    const m = find((x) => String(x.input).includes('theguardian.com'));
    const tk = structuredClone(m.test_keys) as Json & { tls_handshakes: { failure: string | null }[]; requests: unknown[] };
    for (const h of tk.tls_handshakes) h.failure = 'connection_reset';
    tk.http_experiment_failure = 'connection_reset';
    tk.requests = [{ failure: 'connection_reset', request: { url: 'https://www.theguardian.com/' }, response: null }];
    const r = score({ ...m, test_keys: tk });
    expect(r.verdict).toMatchObject({ status: 'likely_blocked', layers: ['tls'], mechanism: 'tls.reset.sni' });
    expect(r.verdict.rules).toEqual(expect.arrayContaining(['tls.failure_ctrl_ok', 'http.failure_after_lower_layer']));
  });
});

describe('agreement with OONI fastpath (Explorer fixtures)', () => {
  const verdicts = new Map(
    readFileSync(join(FIX, 'explorer/_fastpath_verdicts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Json)
      .map((v) => [v.measurement_uid as string, v]),
  );
  const listed = (JSON.parse(readFileSync(join(FIX, 'explorer/disagreements.json'), 'utf8')) as { items: { measurement_uid: string }[] }).items
    .map((i) => i.measurement_uid)
    .sort();
  const rows = gz(join(FIX, 'explorer/measurements.jsonl.gz')).map((l) => {
    const r = score(l);
    const o = verdicts.get(r.env.measurement_uid!)!;
    return { uid: r.env.measurement_uid!, agree: r.flags.anomaly === o.anomaly && r.flags.confirmed === o.confirmed && r.flags.failure === o.failure };
  });

  it('agrees on anomaly/confirmed/failure for at least 95% of the 28 measurements', () => {
    expect(rows).toHaveLength(28);
    const pct = (100 * rows.filter((r) => r.agree).length) / rows.length;
    console.log(`agreement with OONI fastpath on Explorer fixtures: ${rows.filter((r) => r.agree).length}/${rows.length} = ${pct.toFixed(1)}%`);
    expect(pct).toBeGreaterThanOrEqual(95);
  });

  it('lists and explains every disagreement in the fixture', () => {
    expect(
      rows
        .filter((r) => !r.agree)
        .map((r) => r.uid)
        .sort(),
    ).toEqual(listed);
  });
});

describe('fastpath flag semantics on 1,080 real fastpath rows', () => {
  const rows = gz(join(FIX, 'fastpath_rows.jsonl.gz')).map(
    (l) => JSON.parse(l) as { test_name: string; scores: Json; anomaly: string; confirmed: string; msm_failure: string },
  );
  it('derives anomaly/confirmed/failure from scores exactly as fastpath stored them', () => {
    const bad = rows.filter((r) => {
      const f = flagsFromScores(r.scores);
      return f.anomaly !== (r.anomaly === 't') || f.confirmed !== (r.confirmed === 't') || f.failure !== (r.msm_failure === 't');
    });
    expect(rows).toHaveLength(1080);
    expect(bad).toEqual([]);
  });
  it('leaves dnscheck unscored (failure), as fastpath did for all 134 dnscheck rows', () => {
    const dnscheck = rows.filter((r) => r.test_name === 'dnscheck');
    expect(dnscheck).toHaveLength(134);
    expect(dnscheck.every((r) => r.msm_failure === 't')).toBe(true);
    const env = { test_name: 'dnscheck', probe_cc: 'SE', probe_asn: 'AS44034', report_id: 'r', measurement_start_time: '2024-01-01 00:00:01' };
    expect(ooniScores({ env: env as never, tk: { lookups: {} }, raw: {}, matcher, engineVersion: null }).accuracy).toBe(0);
  });
  it('turns flags into MAT mutually exclusive classes', () => {
    const counts = { ok: 0, anomaly: 0, confirmed: 0, failure: 0 };
    for (const r of rows) counts[matClass({ anomaly: r.anomaly === 't', confirmed: r.confirmed === 't', failure: r.msm_failure === 't' })]++;
    expect(counts.ok + counts.anomaly + counts.confirmed + counts.failure).toBe(1080);
    expect(counts.failure).toBe(rows.filter((r) => r.msm_failure === 't').length);
    expect(counts.confirmed).toBe(rows.filter((r) => r.confirmed === 't' && r.msm_failure !== 't').length);
  });
});
