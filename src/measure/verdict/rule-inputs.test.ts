// Stored rule inputs score exactly like the raw line they came from, on every shipped and
// fixture measurement, with the bodies over BODY_KEPT_CHARS kept only as facts.
import { describe, expect, it } from 'vitest';
import { fixtureSets, shippedMatcher } from '../../../test/helpers/ooni.js';
import { FingerprintMatcher, NotInFacts } from '../fingerprints/matcher.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { scoreMeasurement } from './index.js';
import { BODY_KEPT_CHARS, readRuleInputs, ruleInputsOf } from './rule-inputs.js';

const matcher = shippedMatcher();
const SETS = fixtureSets();
const parse = (line: string) => {
  const p = parseMeasurement(line);
  if (!p.ok) throw new Error(p.detail);
  return p.value;
};

describe('rule inputs', () => {
  it.each(Object.keys(SETS))('%s: the read-back inputs give the same flags and verdict as the raw line', (set) => {
    let facts = 0;
    let compared = 0;
    for (const line of SETS[set]!) {
      const p = parseMeasurement(line);
      if (!p.ok) continue;
      // the bucket hour of the measurement's own start (so the wrong-date check runs and passes) on every other line
      const bucketHour = compared % 2 ? `${p.value.envelope.measurement_start_time.slice(0, 13)}:00:00` : null;
      const want = scoreMeasurement(p.value, matcher, { bucketHour });
      const text = ruleInputsOf(p.value, matcher, bucketHour);
      if (text.includes('"$facts"')) facts++;
      const back = readRuleInputs(text);
      if (!back.ok) throw new Error(back.reason);
      expect(back.bucketHour).toBe(bucketHour);
      const got = scoreMeasurement(back.parsed, matcher, { bucketHour: back.bucketHour });
      expect({ id: p.value.envelope.report_id, ...got }).toEqual({ id: p.value.envelope.report_id, ...want });
      expect(back.parsed.envelope).toEqual(p.value.envelope);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
    if (set === 'shipped' || set === 'qa') expect(facts).toBeGreaterThan(0);
  });

  it('keeps a large body as facts: its length, title and fingerprint matches, not its text', () => {
    const line = SETS.qa!.find((l) => l.includes('"qa-cloudflareCAPTCHAWithHTTP"'))!;
    const p = parse(line);
    const body = JSON.stringify(p.testKeys?.requests).length;
    scoreMeasurement(p, matcher);
    const text = ruleInputsOf(p, matcher, null);
    expect(body).toBeGreaterThan(BODY_KEPT_CHARS);
    expect(text.length).toBeLessThan(line.length / 2);
    expect(text).toContain('"$facts"');
    const back = readRuleInputs(text);
    expect(back.ok && scoreMeasurement(back.parsed, matcher).verdict.rules).toContain('http.known_false_positive');
  });

  it('answers Censored Planet signatures of a large body from its facts, with the current set (SYNTHETIC: OONI HTTP fingerprints left out)', () => {
    const cpOnly = shippedMatcher((fp) => fp.kind !== 'http');
    const p = parse(SETS.qa!.find((l) => l.includes('"qa-cloudflareCAPTCHAWithHTTP"'))!);
    const want = scoreMeasurement(p, cpOnly).verdict;
    expect(want.rules).toContain('http.known_false_positive');
    const back = readRuleInputs(ruleInputsOf(p, cpOnly, null));
    if (!back.ok) throw new Error(back.reason);
    expect(scoreMeasurement(back.parsed, cpOnly).verdict).toEqual(want);
    // a signature removed from the set since ingest no longer matches
    expect(scoreMeasurement(back.parsed, new FingerprintMatcher([])).verdict.rules).not.toContain('http.known_false_positive');
  });

  it('refuses to guess: a rule that now searches a large body the facts cannot answer for throws NotInFacts', () => {
    // rutor.org (RU 2024): a confirmed OONI HTTP fingerprint decides it, so the Censored Planet signatures of its large page are never searched at ingest
    const p = parse(SETS.bucket_sample!.find((l) => l.includes('rutor.org'))!);
    expect(scoreMeasurement(p, matcher).verdict.rules).toContain('http.blockpage_fingerprint');
    const text = ruleInputsOf(p, matcher, null);
    expect(text).toContain('"$facts"');
    const back = readRuleInputs(text);
    if (!back.ok) throw new Error(back.reason);
    expect(() =>
      scoreMeasurement(
        back.parsed,
        shippedMatcher((fp) => fp.source !== 'ooni-http'),
      ),
    ).toThrow(NotInFacts);
  });

  it('never takes facts from a raw line: a body object that claims them is dropped', () => {
    const m = JSON.parse(SETS.qa!.find((l) => l.includes('"qa-successWithHTTP"'))!) as Json & { test_keys: { requests: { response: Json }[] } };
    m.test_keys.requests[0]!.response.body = { $facts: [1, 'x', ['ooni-http/fp'], []] };
    const back = readRuleInputs(ruleInputsOf(parse(JSON.stringify(m)), matcher, null));
    expect(back.ok && (back.parsed.testKeys?.requests as { response: Json }[])[0]!.response.body).toBeNull();
  });

  it('refuses inputs of another format or that are not JSON, with the reason', () => {
    expect(readRuleInputs('{"f":0,"m":{}}')).toMatchObject({ ok: false, reason: expect.stringContaining('re-ingest') as string });
    expect(readRuleInputs('{')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') as string });
  });

  it('reads format-1 inputs only of tests whose rules read no key format 2 added', () => {
    const format1 = (test: string) => {
      const line = SETS.shipped!.find((l) => (JSON.parse(l) as { test_name: string }).test_name === test)!;
      const doc = JSON.parse(ruleInputsOf(parse(line), matcher, null)) as { f: number };
      return JSON.stringify({ ...doc, f: 1 });
    };
    expect(readRuleInputs(format1('web_connectivity')).ok).toBe(true);
    expect(readRuleInputs(format1('telegram')).ok).toBe(true);
    // format 1 dropped browser_web's `result`: rescoring it would read a page that loaded as no data
    expect(readRuleInputs(format1('browser_web'))).toMatchObject({ ok: false, reason: expect.stringContaining('re-ingest') as string });
    expect(readRuleInputs(format1('sni_blocking')).ok).toBe(false);
    // format 2 dropped whatsapp's status keys, which its departure notes read
    expect(readRuleInputs(format1('whatsapp')).ok).toBe(false);
    expect(readRuleInputs(JSON.stringify({ ...(JSON.parse(format1('whatsapp')) as object), f: 2 })).ok).toBe(false);
    expect(readRuleInputs(JSON.stringify({ ...(JSON.parse(format1('telegram')) as object), f: 2 })).ok).toBe(true);
  });
});
