import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeasurementFilters, measurementsIngest } from './ops.js';
import { OONI_TEST_NAMES, ooniTestNameOf, parseTestNames, testDir } from './test-names.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures');
const here = (f: string) => readFileSync(join(import.meta.dirname, f), 'utf8');

/** Every folder name under a raw/YYYYMMDD/HH/CC/ level of the bucket sample. */
function bucketTestDirs(dir: string, depth = 0, out = new Set<string>()): Set<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    if (depth === 4) out.add(e.name);
    else bucketTestDirs(join(dir, e.name), depth + 1, out);
  }
  return out;
}

describe('OONI test names', () => {
  it('knows every test the verdict and scoring code dispatch on', () => {
    const cases = new Set([...`${here('verdict/index.ts')}${here('verdict/compat.ts')}`.matchAll(/case '([a-z_]+)':/g)].map((m) => m[1]!));
    expect(cases.size).toBeGreaterThan(15);
    for (const c of cases) expect(OONI_TEST_NAMES, c).toContain(c);
  });
  it('knows every test of the real fixture measurements and every folder of the real bucket sample', () => {
    const names = new Set([...readFileSync(join(FIXTURES, 'ooni/golden.jsonl'), 'utf8').matchAll(/"test_name":"([a-z_]+)"/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThan(15);
    for (const n of names) expect(OONI_TEST_NAMES, n).toContain(n);
    for (const d of bucketTestDirs(join(FIXTURES, 'ooni/bucket-sample/raw'))) expect(ooniTestNameOf(d), d).not.toBeNull();
  });
  it('takes the bucket folder spelling, any case, or dashes for the test it names', () => {
    expect(parseTestNames('--test', ['webconnectivity', 'FacebookMessenger', 'vanilla-tor', 'telegram', 'telegram'])).toEqual([
      'web_connectivity',
      'facebook_messenger',
      'vanilla_tor',
      'telegram',
    ]);
    expect(testDir('stun_reachability')).toBe('stunreachability');
    expect(ooniTestNameOf('stunreachability')).toBe('stunreachability');
  });
  it('refuses an unknown name naming the option, the value and the accepted names', () => {
    expect(() => parseTestNames('--test', ['web_connectivity', 'nosuch_test'])).toThrow(
      /^--test: "nosuch_test" is not an OONI test name; accepted: web_connectivity, .*telegram/,
    );
    expect(() => parseTestNames('--ooni-test', ['web'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION', issues: [{ path: ['ooni-test'], message: 'unknown test "web"' }] }),
    );
  });
  it('the measurement filters (CLI and HTTP alike) take the test name or its bucket folder spelling, as the stored name, and refuse others suggesting it', () => {
    expect(MeasurementFilters.parse({ test_name: 'web_connectivity' }).test_name).toBe('web_connectivity');
    expect(MeasurementFilters.parse({ test_name: 'webconnectivity' }).test_name).toBe('web_connectivity');
    expect(MeasurementFilters.parse({ test_name: 'FacebookMessenger' }).test_name).toBe('facebook_messenger');
    expect(measurementsIngest.input.parse({ paths: ['a'], test_name: ['webconnectivity'] }).test_name).toEqual(['web_connectivity']);
    const r = MeasurementFilters.safeParse({ test_name: 'webconectivity' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['test_name'], message: expect.stringMatching(/"webconectivity" is not an OONI test name.*accepted: /) });
  });
});

describe('a test name this release does not know', () => {
  it('is refused with a word on where its stored measurements are found (--target NAME) and how to ingest them', () => {
    expect(() => parseTestNames('--test-name', ['qa_mystery_test'])).toThrow(/--target qa_mystery_test.*ingest .*without --test-name/);
  });
});
