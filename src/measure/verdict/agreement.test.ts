// No silent contradiction with OONI's anomaly flag: on every shipped and fixture measurement, a
// verdict that contradicts the flag names the rule that departs from it (Rule.overrides), and
// the probe's own analysis is recorded and weighed. Synthetic variants are marked.
import { describe, expect, it } from 'vitest';
import { fixtureSets, shippedMatcher } from '../../../test/helpers/ooni.js';
import { agreementReport, type AgreementRow } from '../agreement.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { contradictsAnomaly, overridingRules, probeAnalysisOf, probeClass } from './agreement.js';
import { scoreMeasurement } from './index.js';
import { RULES } from './rules.js';

const matcher = shippedMatcher();
const SETS = fixtureSets();

function score(line: string | Json) {
  const p = parseMeasurement(typeof line === 'string' ? line : JSON.stringify(line));
  if (!p.ok) return null;
  return { ...scoreMeasurement(p.value, matcher), p: p.value };
}

describe('no silent contradiction with the anomaly flag', () => {
  it.each(Object.keys(SETS))('%s: every contradiction names an overriding rule', (set) => {
    const silent: string[] = [];
    let scored = 0;
    for (const l of SETS[set]!) {
      const r = score(l);
      if (!r) continue;
      scored++;
      const dir = contradictsAnomaly(r.verdict.status, r.flags);
      if (r.verdict.rules.includes('agreement.unexplained') || (dir && overridingRules(r.verdict.rules, dir).length === 0))
        silent.push(`${r.p.envelope.input ?? ''} ${r.verdict.status} anomaly=${String(r.flags.anomaly)} ${r.verdict.rules.join(' ')}`);
    }
    expect(scored).toBeGreaterThan(0);
    expect(silent).toEqual([]);
  });

  it('every overriding rule says why and can be told apart from its doc', () => {
    for (const r of RULES.filter((x) => x.overrides)) {
      expect(r.overrides!.length).toBeGreaterThan(20);
      expect(r.status).not.toBe('note');
    }
  });

  it('SYNTHETIC: a contradiction no rule explains is flagged, not silent (pre-0.5 probe says http-diff, page matches)', () => {
    const m = JSON.parse(SETS.shipped!.find((l) => l.includes('collegehumor.com'))!) as Json & { test_keys: Json };
    const base = score(m)!;
    expect(base.verdict.status).toBe('ok');
    const r = score({ ...m, test_keys: { ...m.test_keys, blocking: 'http-diff', accessible: false } })!;
    expect(r.flags.anomaly).toBe(true);
    expect(r.verdict.status).toBe('ok');
    expect(r.verdict.rules).toContain('agreement.unexplained');
  });

  it("SYNTHETIC: a >= 0.5 probe's blocking that no rule explains away counts (likely_blocked at its layer)", () => {
    const m = JSON.parse(SETS.qa!.find((l) => l.includes('"qa-successWithHTTP"'))!) as Json & { test_keys: Json };
    const r = score({ ...m, test_keys: { ...m.test_keys, blocking: 'dns', accessible: false, x_blocking_flags: 1 } })!;
    expect(r.verdict).toMatchObject({ status: 'likely_blocked', layers: ['dns'] });
    expect(r.verdict.rules).toContain('probe.blocking_unexplained');
    expect(r.verdict.rules).not.toContain('agreement.unexplained');
  });

  it('SYNTHETIC: a blocking value outside the spec (no layer) is no class: it never makes a verdict likely_blocked', () => {
    const m = JSON.parse(SETS.qa!.find((l) => l.includes('"qa-successWithHTTP"'))!) as Json & { test_keys: Json };
    const base = score(m)!;
    for (const blocking of ['made-up', 'generic_failure', '']) {
      const r = score({ ...m, test_keys: { ...m.test_keys, blocking, accessible: false, x_blocking_flags: 1 } })!;
      expect(r.verdict.status).toBe(base.verdict.status);
      expect(r.verdict.rules).not.toContain('probe.blocking_unexplained');
    }
  });
});

describe("the probe's own analysis", () => {
  it('is recorded in the evidence of every web_connectivity verdict that carries it', () => {
    const r = score(SETS.qa!.find((l) => l.includes('"qa-throttlingWithHTTPS"'))!)!;
    expect(r.verdict.evidence.find((e) => e.rule === 'probe.analysis')).toMatchObject({
      rule: 'probe.analysis',
      probe: { blocking: 'http-failure', accessible: false, x_blocking_flags: 8, x_dns_flags: 0, x_null_null_flags: 0 },
    });
  });
  it('reads wrongly typed keys as absent', () => {
    expect(probeAnalysisOf({ blocking: 3, accessible: 'yes', x_blocking_flags: 1.5 })).toEqual({
      blocking: null,
      accessible: null,
      x_blocking_flags: null,
      x_dns_flags: null,
      x_null_null_flags: null,
    });
    expect(probeAnalysisOf({ requests: [] })).toBeNull();
  });
  it('counts as blocked only the blocking classes the spec defines; another value (SYNTHETIC "foo") is no class, like null', () => {
    const p = (blocking: string | false | null, accessible: boolean | null) => ({
      blocking,
      accessible,
      x_blocking_flags: null,
      x_dns_flags: null,
      x_null_null_flags: null,
    });
    for (const b of ['dns', 'tcp_ip', 'http-failure', 'http-diff']) expect(probeClass(p(b, false))).toBe('blocked');
    expect(probeClass(p('foo', true))).toBe('unknown');
    expect(probeClass(p('', false))).toBe('unknown');
    expect(probeClass(p('toString', false))).toBe('unknown');
    expect(probeClass(p(null, true))).toBe('unknown');
    expect(probeClass(p(false, true))).toBe('accessible');
  });
});

describe('agreement report', () => {
  const rows: AgreementRow[] = SETS.qa!.map((l) => {
    const r = score(l)!;
    return {
      id: r.p.envelope.report_id!,
      input: r.p.envelope.input,
      test_name: 'web_connectivity',
      test_version: r.p.envelope.test_version,
      status: r.verdict.status,
      rules: r.verdict.rules,
      anomaly: r.flags.anomaly,
      failure: r.flags.failure,
      probe: probeAnalysisOf(r.p.testKeys),
    };
  });
  const rep = agreementReport(rows);
  it('counts reconcile and every disagreement carries its rules', () => {
    expect(rep.measurements).toBe(50);
    expect(rep.with_probe_analysis).toBe(50);
    expect(rep.vs_probe.agree + rep.vs_probe.disagree).toBe(rep.vs_probe.compared);
    expect(rep.disagreements.filter((d) => d.with === 'probe')).toHaveLength(rep.vs_probe.disagree);
    expect(rep.disagreements.filter((d) => d.with === 'anomaly')).toHaveLength(rep.vs_anomaly.disagree);
    for (const d of rep.disagreements) {
      expect(d.deciding_rules.length).toBeGreaterThan(0);
      expect(d.overriding_rules.length).toBeGreaterThan(0);
    }
    expect(rep.unexplained).toBe(0);
  });
  it('names the CAPTCHA page and the broken Location as the overrides on the QA scenarios', () => {
    const ids = new Set(rep.disagreements.map((d) => `${d.id} ${d.overriding_rules.map((o) => o.id).join(',')}`));
    expect(ids).toContain('qa-cloudflareCAPTCHAWithHTTP http.known_false_positive');
    expect(ids).toContain('qa-redirectWithBrokenLocationForHTTP http.broken_redirect');
  });
});
