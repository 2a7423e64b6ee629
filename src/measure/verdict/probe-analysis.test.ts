// The probe's own analysis is on every web_connectivity verdict (invalid ones included), and the
// verdict's copy is what the file says, so `measurements agreement` counts the same from the
// store (the verdict's evidence) and from the file (the test keys). Real shipped measurements.
import { describe, expect, it } from 'vitest';
import { shippedLines } from '../../../test/helpers/ooni.js';
import { FingerprintMatcher } from '../fingerprints/index.js';
import { parseMeasurement } from '../reader/parse.js';
import { probeAnalysisOf } from './agreement.js';
import { scoreMeasurement } from './index.js';

const lines = shippedLines();
const scored = lines.map((l) => {
  const p = parseMeasurement(l);
  if (!p.ok) throw new Error(p.detail);
  return { p: p.value, v: scoreMeasurement(p.value, new FingerprintMatcher([])).verdict };
});

describe('probe.analysis', () => {
  it('is on every web_connectivity verdict, invalid and null/null ones included', () => {
    const wc = scored.filter((x) => x.p.envelope.test_name === 'web_connectivity' && x.p.testKeys);
    const missing = wc.filter((x) => !x.v.rules.includes('probe.analysis')).map((x) => `${x.p.envelope.probe_cc} ${x.v.status} ${x.v.rules.join(',')}`);
    expect(missing).toEqual([]);
    // NL 2020 (validity.unknown_failure, blocking "http-failure") keeps the probe's word
    const nl = wc.find((x) => x.p.envelope.probe_cc === 'NL' && x.v.status === 'invalid');
    expect(nl?.v.evidence.find((e) => e.rule === 'probe.analysis')?.probe?.blocking).toBe('http-failure');
  });

  it("the verdict's copy equals the file's test keys on every shipped measurement (same count both ways)", () => {
    const fromVerdict = scored.map((x) => x.v.evidence.find((e) => e.rule === 'probe.analysis')?.probe ?? null);
    const fromFile = scored.map((x) => probeAnalysisOf(x.p.testKeys));
    expect(fromVerdict).toEqual(fromFile);
    expect(fromVerdict.filter(Boolean)).toHaveLength(25);
  });
});
