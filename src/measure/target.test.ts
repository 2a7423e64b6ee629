// The aggregation target: a host read from the input, or the app / test name; never a word of
// an input that names no host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseMeasurement } from './reader/parse.js';
import { targetOf } from './target.js';

const ROOT = join(import.meta.dirname, '../..');
const lines = (p: string) =>
  gunzipSync(readFileSync(join(ROOT, p)))
    .toString('utf8')
    .trim()
    .split('\n');
const envelopes = [...lines('data/ooni/measurements/ooni-real-measurements.jsonl.gz'), ...lines('test/fixtures/ooni-qa/measurements.jsonl.gz')]
  .map((l) => parseMeasurement(l))
  .flatMap((p) => (p.ok ? [p.value.envelope] : []));
const env = (test_name: string, input: string | null) => ({ ...envelopes[0]!, test_name, input });

describe('targetOf', () => {
  it('reads the host of every real measurement with an input, and the app for app tests', () => {
    const byTest = new Map<string, Set<string>>();
    for (const e of envelopes) byTest.set(e.test_name, (byTest.get(e.test_name) ?? new Set()).add(targetOf(e)));
    expect([...byTest.get('telegram')!]).toEqual(['telegram']);
    for (const e of envelopes.filter((x) => x.test_name === 'web_connectivity')) expect(targetOf(e)).toBe(new URL(e.input!).hostname.replace(/^www\./, ''));
    expect(targetOf(env('dnscheck', 'dot://dns.google:853/'))).toBe('dns.google');
    expect(targetOf(env('tcp_connect', '1.1.1.1:443'))).toBe('1.1.1.1');
    expect(targetOf(env('sni_blocking', 'www.example.com'))).toBe('example.com');
    expect(targetOf(env('meek_fronted_requests_test', 'a0.awsstatic.com d2cly7j4zqgua7.cloudfront.net'))).toBe('a0.awsstatic.com');
    expect(targetOf(env('stunreachability', 'stun://[2001:db8::1]:3478'))).toBe('2001:db8::1');
  });

  it.each(['not a url', 'http://', 'javascript:alert(1)', '', 'example.com', 'http:// spaced.example/'])(
    'SYNTHETIC: web_connectivity with input %j has the target web_connectivity',
    (input) => {
      expect(targetOf(env('web_connectivity', input))).toBe('web_connectivity');
    },
  );

  it.each(['not a url', 'x://', 'word', 'data:text/plain,hi'])('SYNTHETIC: urlgetter with input %j has the target urlgetter', (input) => {
    expect(targetOf(env('urlgetter', input))).toBe('urlgetter');
  });
});
