// One grammar for --since/--until over OONI data: ingest and measurements list, summary, export,
// rescore and link (CLI and API alike, both through the op's input schema) take the same forms,
// and a bound means the same period everywhere (an until includes all of the period it names).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../test/helpers/index.js';
import { check } from '../op/index.js';
import { fixedClock, silentProgress, utcSeconds } from '../shared/index.js';
import { ingest } from './ingest.js';
import { measurementsExport, measurementsIngest, measurementsLink, measurementsList, measurementsRescore, measurementsSummary } from './ops.js';
import { listMeasurements, measurementSummary, toFilter } from './query.js';

const OPS = [measurementsIngest, measurementsList, measurementsSummary, measurementsExport, measurementsRescore, measurementsLink];
const base = (name: string): Record<string, unknown> =>
  ({ 'measurements.ingest': { paths: ['x.jsonl'] }, 'measurements.link': { event_id: 'e' }, 'measurements.export': { format: 'csv' } })[name] ?? {};

describe('since/until over OONI data', () => {
  const good = [
    '2022',
    '2022-11',
    '2022-11-10',
    '2022-11-10 10:28',
    '2022-11-10 10:28:56',
    '2022-11-10T10:28',
    '2022-11-10T10:28:56',
    '2022-11-10T10:28:56Z',
    '2022-11-10T13:28:56+03:00',
  ];
  const bad = ['2022-13', '2023-02-29', '2022-11-10 24:00', '2022-11-10 10:60', '2022-11-10 10:28:60', '10 Nov 2022', '2022-11-10T10', ''];

  it.each(OPS.map((o) => [o.name, o] as const))('%s takes every form and refuses the same values, naming the field', (name, op) => {
    for (const v of good) for (const k of ['since', 'until']) expect(op.input.safeParse({ ...base(name), [k]: v }).success, `${k} ${v}`).toBe(true);
    for (const v of bad) {
      const r = op.input.safeParse({ ...base(name), until: v });
      expect(r.success, v).toBe(false);
      expect(r.error!.issues[0]).toMatchObject({
        path: ['until'],
        message: expect.stringMatching(/is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM\[:SS\]/),
      });
    }
  });

  it.each([
    ['2022', '2022-01-01 00:00:00', '2022-12-31 23:59:59'],
    ['2022-11', '2022-11-01 00:00:00', '2022-11-30 23:59:59'],
    ['2022-11-10', '2022-11-10 00:00:00', '2022-11-10 23:59:59'],
    ['2022-11-10 10:28', '2022-11-10 10:28:00', '2022-11-10 10:28:59'],
    ['2022-11-10T10:28:56', '2022-11-10 10:28:56', '2022-11-10 10:28:56'],
    ['2022-11-10T13:28:56+03:00', '2022-11-10 10:28:56', '2022-11-10 10:28:56'],
  ])('%s starts at %s and ends at %s (UTC) for ingest and for the listings', (v, start, end) => {
    expect(utcSeconds(check.boundOf(v, false)!)).toBe(start);
    expect(utcSeconds(check.boundOf(v, true)!)).toBe(end);
    const f = toFilter({ since: v, until: v });
    expect(f.since!.slice(0, 19)).toBe(start);
    expect(f.until!.slice(0, 19)).toBe(end);
  });
});

// Real data: the one RU web_connectivity measurement of the bucket sample, started 2020-10-29 04:59:31.
const GZ = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample/raw/20201029/04/RU/webconnectivity/2020102904_RU_webconnectivity.n0.0.jsonl.gz');

describe('a summary window that starts or ends inside a cell', () => {
  let s: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    s = await tempStore();
    await ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths: [GZ], workers: 0 });
  });
  afterAll(() => s.cleanup());

  it.each([
    ['day', '2020-10-29T04:50', '2020-10-29T05:10', '2020-10-29T00:00:00Z', '2020-10-30T00:00:00Z'],
    ['hour', '2020-10-29T04:50', '2020-10-29T05:10', '2020-10-29T04:00:00Z', '2020-10-29T06:00:00Z'],
  ] as const)('%s cells: widened to whole cells, counted, and the bounds used are stated', async (grain, since, until, from, to) => {
    expect((await listMeasurements(s, { since, until })).items).toHaveLength(1);
    const r = await measurementSummary(s, { since, until, grain });
    expect(r.totals.n).toBe(1);
    expect(r.window).toEqual({ since: from, until: to, widened: true });
  });

  it('a window of whole cells is not widened', async () => {
    const r = await measurementSummary(s, { since: '2020-10-29', until: '2020-10-29', grain: 'day' });
    expect(r.totals.n).toBe(1);
    expect(r.window).toEqual({ since: '2020-10-29T00:00:00Z', until: '2020-10-30T00:00:00Z', widened: false });
    expect((await measurementSummary(s, {})).window).toEqual({ since: null, until: null, widened: false });
  });
});
