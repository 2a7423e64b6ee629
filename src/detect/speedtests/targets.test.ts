/**
 * Speed-test datasets measure one target each (dataset.json's target_host): tests of two targets
 * are never pooled into one verdict, and a detection names the target its own tests measured and
 * cites only the datasets of that target. Synthetic datasets (one network, two targets): the
 * shipped data has a single target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneQuery } from '../../../test/helpers/evidence-query.js';
import { tempDir, tempStore } from '../../../test/helpers/index.js';
import { fixedClock, silentProgress } from '../../shared/index.js';
import { detect } from '../run.js';
import { runSpeedTests } from '../throttle-run.js';
import { importSpeedTests } from './import.js';
import { speedTestSummary } from './summary.js';

const HEADER =
  'datetime_rounded,anonymized_ip,subnet,asn,as_country,as_organization,as_organization_iden,version,test_result,control_result,control_taco_result';
const row = (at: string, target: number, control: number, asn = 64901) =>
  `${at} UTC,10.0.0.0,10.0.0.0/24,${asn},KZ,Synth A,ORG-A,4,${target},${control},${control}`;

function dataset(dir: string, id: string, target: string, rows: string[]) {
  mkdirSync(join(dir, '2021-06'), { recursive: true });
  writeFileSync(join(dir, 'LICENSE'), 'CC0\n');
  writeFileSync(
    join(dir, 'dataset.json'),
    JSON.stringify({ id, name: `synthetic ${id}`, url: 'https://example.org', licence: 'CC0', attribution: 'test', target_host: target }),
  );
  writeFileSync(join(dir, '2021-06', '01.csv'), [HEADER, ...rows].join('\n') + '\n');
}

let t: Awaited<ReturnType<typeof tempStore>>;
const tmp = tempDir();
beforeAll(async () => {
  t = await tempStore();
  const hours = (day: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${day} ${String(from + i).padStart(2, '0')}:00:00`);
  // abs.twimg.com: every test throttled (250 against 1000) on 06-01..06-03, none on 06-04
  const twimg = ['2021-06-01', '2021-06-02', '2021-06-03'].flatMap((d) => hours(d, 5).map((h) => row(h, 250, 1000)));
  dataset(join(tmp.dir, 'ds1'), 'synthetic-twimg', 'abs.twimg.com', [...twimg, ...hours('2021-06-04', 5).map((h) => row(h, 1000, 1000))]);
  // www.example.com: every test at full speed
  dataset(
    join(tmp.dir, 'ds7'),
    'synthetic-example',
    'www.example.com',
    hours('2021-06-01', 9, 10).map((h) => row(h, 5000, 5000)),
  );
  // AS64902, at the rule's edges: control just under 1 Mbps (nothing counts), target just over a quarter of control
  const edge = [...hours('2021-06-02', 5).map((h) => row(h, 100, 999.99, 64902)), ...hours('2021-06-04', 5).map((h) => row(h, 250.01, 1000, 64902))];
  dataset(join(tmp.dir, 'edge'), 'synthetic-edge', 'edge.example', edge);
  const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z'), progress: silentProgress };
  await importSpeedTests(deps, join(tmp.dir, 'ds1'));
  await importSpeedTests(deps, join(tmp.dir, 'ds7'));
  await importSpeedTests(deps, join(tmp.dir, 'edge'));
});
afterAll(async () => {
  await t.cleanup();
  tmp.cleanup();
});

describe('speed-test datasets of different targets', () => {
  it('a detection names the target its throttled tests measured, with that dataset as its only source', async () => {
    const r = await runSpeedTests(t.store, { asn: 64901 });
    expect(r.detections.map((d) => [d.target, d.start.slice(0, 10), d.strength.tests_throttled, d.strength.tests])).toEqual([
      ['abs.twimg.com', '2021-06-01', 15, 15],
    ]);
    expect(r.detections[0]!.sources.map((s) => s.name)).toEqual(['synthetic synthetic-twimg']);
    expect(r.detections[0]!.evidence_query.params.target).toBe('abs.twimg.com');
    expect(r.series.map((s) => [s.target, s.figures.verdict])).toEqual([
      ['abs.twimg.com', 'throttled'],
      ['www.example.com', 'not_throttled'],
    ]);
  });

  it("a detection's evidence query asks for its own days: until is its last throttled day (--until is inclusive)", async () => {
    const [d] = (await runSpeedTests(t.store, { asn: 64901 })).detections;
    expect(d!.end).toBe('2021-06-04T00:00:00.000Z');
    expect(d!.evidence_query.params).toMatchObject({ since: '2021-06-01', until: '2021-06-03' });
    expect(d!.evidence_query.cli).toContain('--since 2021-06-01 --until 2021-06-03');
    expectOneQuery(d!.evidence_query);
  });

  it('the summary has one row per target on a day both measured, each with its own tests', async () => {
    const s = await speedTestSummary(t.store, { asn: 'AS64901', until: '2021-06-01' });
    expect(s.items.map((d) => [d.target, d.n, d.median_target_kbps, d.verdict])).toEqual([
      ['abs.twimg.com', 5, 250, 'throttled'],
      ['www.example.com', 9, 5000, 'not_throttled'],
    ]);
    const one = await speedTestSummary(t.store, { asn: 'AS64901', target: 'www.example.com' });
    expect(one.items.map((d) => d.target)).toEqual(['www.example.com']);
    expect(one.sources.map((x) => x.name)).toEqual(['synthetic synthetic-example']);
  });

  it('a time of day in since/until widens to the whole UTC day: a day row is always the whole day, in the summary and the detector', async () => {
    const whole = await speedTestSummary(t.store, { asn: 'AS64901', target: 'abs.twimg.com', since: '2021-06-03', until: '2021-06-03' });
    expect(whole.items.map((d) => [d.day, d.n, d.verdict])).toEqual([['2021-06-03', 5, 'throttled']]);
    const cut = await speedTestSummary(t.store, { asn: 'AS64901', target: 'abs.twimg.com', since: '2021-06-03T03:00', until: '2021-06-03T12:00' });
    expect(cut.items).toEqual(whole.items);
    // the summary says when it counted more than the bounds asked for, and how much
    expect(whole.window).toEqual({ since: '2021-06-03T00:00:00.000Z', until: '2021-06-04T00:00:00.000Z', widened: false });
    expect(cut.window).toEqual({ since: '2021-06-03T00:00:00.000Z', until: '2021-06-04T00:00:00.000Z', widened: true });
    expect((await speedTestSummary(t.store, { asn: 'AS64901' })).window).toEqual({ since: null, until: null, widened: false });
    const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z'), progress: silentProgress, actor: 'test' };
    const byDay = await detect(deps, { asn: 'AS64901', kind: 'throttling', input: 'speedtests', until: '2021-06-03' });
    const byHour = await detect(deps, { asn: 'AS64901', kind: 'throttling', input: 'speedtests', until: '2021-06-03T01:00' });
    expect(byHour.items.map((d) => [d.start, d.end, d.summary])).toEqual(byDay.items.map((d) => [d.start, d.end, d.summary]));
    expect(byDay.items[0]!.summary).toContain('from 2021-06-01 until the data ends (2021-06-03)');
  });

  it('a summary row shows the tests read beside those counted, and medians precise enough to agree with the verdict', async () => {
    const s = await speedTestSummary(t.store, { asn: 'AS64902' });
    expect(s.items.map((d) => [d.day, d.tests_read, d.n, d.median_target_kbps, d.median_control_kbps, d.verdict])).toEqual([
      ['2021-06-02', 5, 0, null, null, 'insufficient'],
      ['2021-06-04', 5, 5, 250.01, 1000, 'not_throttled'],
    ]);
  });
});
