// The rule set as data: RULES_VERSION follows every rule id and version (stored per ingested
// file, so a rule change shows which verdicts predate it), and every rule that may depart from
// OONI's anomaly flag says why.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RULE_BY_ID, RULES, RULES_VERSION } from './rules.js';

const hash = (rules: { id: string; version: number }[]) =>
  createHash('sha256')
    .update(rules.map((x) => `${x.id}@${x.version}`).join('\n'))
    .digest('hex')
    .slice(0, 12);

describe('rule set', () => {
  it('RULES_VERSION is the hash of every rule id and version, and changes when one rule changes', () => {
    expect(RULES_VERSION).toBe(hash([...RULES]));
    const bumped = RULES.map((r, i) => (i === 7 ? { ...r, version: r.version + 1 } : r));
    expect(hash(bumped)).not.toBe(RULES_VERSION);
  });
  it('has unique ids, each documented', () => {
    expect(RULE_BY_ID.size).toBe(RULES.length);
    for (const r of RULES) expect(r.doc.length).toBeGreaterThan(20);
  });
  it('names the families of the whole-measurement verdict', () => {
    for (const id of [
      'redirect.failure_ctrl_ok',
      'http.body_failure_ctrl_ok',
      'http.throughput_low',
      'dns.answer_ctrl_nxdomain',
      'http.broken_redirect',
      'http.too_many_redirects',
      'probe.analysis',
      'agreement.unexplained',
      'validity.bad_field',
    ])
      expect(RULE_BY_ID.has(id)).toBe(true);
  });
});
