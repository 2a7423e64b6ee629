// Envelope values no real OONI measurement has are rejects naming the field and the line, never
// stored under a value they do not say (an object input read as null, and so taken for the
// same measurement as another). Real data: the RU telegram measurement and the meek
// measurements of the shipped corpus; every mutation below is SYNTHETIC, made here.
import { describe, expect, it } from 'vitest';
import { repoLines } from '../../../test/helpers/ooni.js';
import { FingerprintMatcher } from '../fingerprints/index.js';
import type { MeasurementRow, Reject } from '../model.js';
import { FileScorer, type FileTask } from './file-scorer.js';

const gz = repoLines;
const TELEGRAM = JSON.parse(gz('test/fixtures/ooni/bucket-sample/raw/20221109/22/RU/telegram/2022110922_RU_telegram.n0.0.jsonl.gz')[0]!) as Record<
  string,
  unknown
>;
const MEEK = gz('data/ooni/measurements/ooni-real-measurements.jsonl.gz').filter((l) => l.includes('"meek_fronted_requests_test"'));

async function score(lines: Buffer[]) {
  const task: FileTask = {
    file_id: 'f',
    path: '/x/f.jsonl',
    gz: false,
    bucket_hour: null,
    filters: {},
    max_line_bytes: 1 << 24,
    batch_size: 100,
    now_ms: Date.parse('2026-01-02T03:04:05.000Z'),
  };
  const rows: MeasurementRow[] = [];
  const rejects: Reject[] = [];
  const scorer = new FileScorer(task, new FingerprintMatcher([]), {
    batch: (r, j) => {
      rows.push(...r);
      rejects.push(...j);
      return Promise.resolve(r.length);
    },
  });
  lines.forEach((b, i) => scorer.line(b, i + 1, i * 1000));
  const counts = await scorer.finish(0, 'x', null, 'jsonl');
  return { rows, rejects, counts };
}
const line = (over: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...TELEGRAM, ...over }));

describe('input', () => {
  it('SYNTHETIC: an object, number, boolean or list input (same report and start) is a bad_field reject naming input and its line, not a duplicate', async () => {
    const { rows, rejects, counts } = await score([
      line({ input: { a: 1 } }),
      line({ input: { b: 2 } }),
      line({ input: ['x'] }),
      line({ input: 5 }),
      line({ input: true }),
      line({ input: null }),
    ]);
    expect(rejects.map((j) => [j.line, j.reason, j.detail.split(':')[0]])).toEqual([
      [1, 'bad_field', 'input is an object'],
      [2, 'bad_field', 'input is an object'],
      [3, 'bad_field', 'input is a list'],
      [4, 'bad_field', 'input is a number'],
      [5, 'bad_field', 'input is a boolean'],
    ]);
    expect(rows.map((r) => r.input)).toEqual([null]);
    expect(counts).toMatchObject({ lines_read: 6, stored: 1, rejected: 5, duplicates: 0 });
  });

  it('keeps the real list inputs of meek_fronted_requests_test (front and host), joined by a space', async () => {
    expect(MEEK.length).toBeGreaterThan(0);
    const { rows, rejects } = await score(MEEK.map((l) => Buffer.from(l)));
    expect(rejects).toEqual([]);
    expect(rows.map((r) => r.input)).toContain('a0.awsstatic.com d2cly7j4zqgua7.cloudfront.net');
  });

  it('SYNTHETIC: a meek list input holding a non-string is a bad_field reject naming input', async () => {
    const meek = JSON.parse(MEEK[0]!) as Record<string, unknown>;
    const { rejects } = await score([Buffer.from(JSON.stringify({ ...meek, input: ['a0.awsstatic.com', { host: 1 }] }))]);
    expect(rejects.map((j) => [j.reason, j.detail.split(':')[0]])).toEqual([['bad_field', 'input is a list']]);
  });
});

describe('encoding', () => {
  it('SYNTHETIC: a line holding bytes that are not UTF-8 ("Caf\\xe9 net") is a malformed_json reject naming its line; UTF-8 text is kept', async () => {
    const good = line({ probe_network_name: 'Café net' });
    const bad = Buffer.from(good.toString('utf8').replace('Café net', 'Caf\u0000 net'), 'utf8');
    bad[bad.indexOf(0)] = 0xe9; // a latin-1 é: no UTF-8 sequence
    const { rows, rejects } = await score([bad, good]);
    expect(rejects.map((j) => [j.line, j.reason, j.detail])).toEqual([[1, 'malformed_json', expect.stringMatching(/^not UTF-8: byte 0xe9 at offset \d+/)]]);
    expect(rows.map((r) => r.probe_network_name)).toEqual(['Café net']);
  });
});

describe('measurement_start_time before OONI', () => {
  it('SYNTHETIC: a start before 2012-01-01 is a bad_field reject naming the field and the bound; 2012-01-01 itself is kept', async () => {
    const starts = ['0001-01-01 00:00:00', '1969-12-31 23:59:59', '2011-12-31 23:59:59', '2012-01-01 00:00:00'];
    const { rows, rejects } = await score(starts.map((t, i) => line({ measurement_start_time: t, report_id: `r${i}` })));
    expect(rejects.map((j) => [j.line, j.reason, j.detail.split(' (line:')[0]])).toEqual(
      starts.slice(0, 3).map((t, i) => [i + 1, 'bad_field', `measurement_start_time "${t}" is before 2012-01-01 00:00:00, when OONI began measuring`]),
    );
    expect(rows.map((r) => r.measurement_start_time)).toEqual(['2012-01-01 00:00:00']);
  });
});
