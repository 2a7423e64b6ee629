// Middlebox tests (HHFM, HIRL) are judged on the echo: no request made or the helper refused
// is no echo (insufficient), not header tampering; every tampering verdict says where. Real
// shipped measurements.
import { describe, expect, it } from 'vitest';
import { shippedMeasurements } from '../../../test/helpers/ooni.js';
import { FingerprintMatcher } from '../fingerprints/index.js';
import { parseMeasurement } from '../reader/parse.js';
import { scoreMeasurement } from './index.js';

const shipped = shippedMeasurements();
const verdictOf = (cc: string, test: string) => {
  const m = shipped.find((x) => x.probe_cc === cc && x.test_name === test)!;
  const p = parseMeasurement(JSON.stringify(m));
  if (!p.ok) throw new Error(p.detail);
  return scoreMeasurement(p.value, new FingerprintMatcher([])).verdict;
};
const HHFM = 'http_header_field_manipulation';
const HIRL = 'http_invalid_request_line';

describe('http_header_field_manipulation', () => {
  it.each([
    ['IT', 'no request was made'],
    ['BR', 'no request was made'],
  ])('%s: %s, so nothing was echoed: insufficient, not tampering', (cc) => {
    const v = verdictOf(cc, HHFM);
    expect(v.status).toBe('insufficient');
    expect(v.rules).not.toContain('middlebox.header_tampering');
    expect(v.evidence.length).toBeGreaterThan(0);
  });
  it('PK: the helper refused the connection: a TCP failure towards it, not tampering', () => {
    const v = verdictOf('PK', HHFM);
    expect(v.status).toBe('insufficient');
    expect(v.mechanism).toBe('tcp.refused');
    expect(v.rules).not.toContain('middlebox.header_tampering');
    expect(v.evidence[0]).toMatchObject({ where: 'test_keys.requests[0]', value: 'connection_refused_error' });
  });
  it('IR: the echo is not JSON: tampering, with the body as evidence', () => {
    const v = verdictOf('IR', HHFM);
    expect(v).toMatchObject({ status: 'likely_blocked', mechanism: 'http.middlebox.headers' });
    expect(v.evidence.find((e) => e.rule === 'middlebox.header_tampering')?.where).toBe('test_keys.requests[0].response.body');
  });
  it('ES: the echo matches: ok', () => expect(verdictOf('ES', HHFM).status).toBe('ok'));
});

describe('http_invalid_request_line', () => {
  it.each(['PT', 'SD', 'US'])('%s: tampering names the request line that came back changed', (cc) => {
    const v = verdictOf(cc, HIRL);
    expect(v.status).toBe('likely_blocked');
    expect(v.evidence.find((e) => e.rule === 'middlebox.request_line_tampering')?.where).toMatch(/^test_keys\.received\[\d+\]$/);
  });
  it('TR: every line came back unchanged: ok', () => expect(verdictOf('TR', HIRL).status).toBe('ok'));
});
