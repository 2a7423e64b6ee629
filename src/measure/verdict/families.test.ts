// Golden class and layer per family of network conditions: web_connectivity 0.5 measurements
// produced by OONI's own QA scenarios (ooni/probe-cli internal/webconnectivityqa, netem-simulated
// networks; test/fixtures/ooni-qa/SOURCES.md), labelled in expected.json, plus the synthetic
// variants of test/fixtures/ooni-qa/synthetic (marked SYNTHETIC in each line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { shippedMatcher } from '../../../test/helpers/ooni.js';
import { parseMeasurement } from '../reader/parse.js';
import { scoreMeasurement } from './index.js';

const ROOT = join(import.meta.dirname, '../../..');
const QA = join(ROOT, 'test/fixtures/ooni-qa');
const matcher = shippedMatcher();

interface Expected {
  scenario: string;
  family: string;
  status: string;
  layers: string[];
  mechanism: string | null;
}

const read = (f: string) =>
  gunzipSync(readFileSync(join(QA, f)))
    .toString('utf8')
    .trim()
    .split('\n');
const lines = [...read('measurements.jsonl.gz'), ...read('synthetic.jsonl.gz')];
const byScenario = new Map(lines.map((l) => [(JSON.parse(l) as { report_id: string }).report_id.replace(/^qa-/, ''), l]));
const expected = (JSON.parse(readFileSync(join(QA, 'expected.json'), 'utf8')) as { items: Expected[] }).items;

function score(line: string) {
  const p = parseMeasurement(line);
  if (!p.ok) throw new Error(p.detail);
  return scoreMeasurement(p.value, matcher);
}

describe('every family of the brief has labelled fixtures', () => {
  it('labels every fixture once and covers each family', () => {
    expect(expected.map((e) => e.scenario).sort()).toEqual([...byScenario.keys()].sort());
    const families = new Set(expected.map((e) => e.family));
    for (const f of [
      'site_works',
      'control_failed_probe_ok',
      'website_down',
      'dns_blocking',
      'dns_hijack_transparent_proxy',
      'tcp_blocking',
      'tls_blocking',
      'http_blocking',
      'redirect_then_failure',
      'throttling',
    ])
      expect(families).toContain(f);
  });
});

describe('golden class and layer per QA scenario and synthetic variant', () => {
  it.each(expected.map((e) => [e.family, e.scenario, e] as const))('%s: %s', (_f, scenario, e) => {
    const { verdict } = score(byScenario.get(scenario)!);
    expect({ status: verdict.status, layers: verdict.layers, mechanism: verdict.mechanism }).toEqual({
      status: e.status,
      layers: e.layers,
      mechanism: e.mechanism,
    });
  });
});
