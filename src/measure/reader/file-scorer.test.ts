// A measurement that starts in the future is a reject naming the field, judged against the "now"
// the caller passes (the ingest's clock), with the same tolerance as signal timestamps.
import { describe, expect, it } from 'vitest';
import { FUTURE_TOLERANCE_MS } from '../../shared/index.js';
import { FingerprintMatcher } from '../fingerprints/index.js';
import type { MeasurementRow, Reject } from '../model.js';
import { FileScorer, type FileTask } from './file-scorer.js';

const NOW = '2026-01-02T03:04:05.000Z';

async function score(starts: string[]) {
  const task: FileTask = {
    file_id: 'f',
    path: '/x/f.jsonl',
    gz: false,
    bucket_hour: null,
    filters: {},
    max_line_bytes: 1 << 20,
    batch_size: 100,
    now_ms: Date.parse(NOW),
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
  // SYNTHETIC: minimal telegram measurements, one per start time
  starts.forEach((t, i) =>
    scorer.line(
      Buffer.from(JSON.stringify({ test_name: 'telegram', measurement_start_time: t, test_keys: {}, probe_cc: 'RU', probe_asn: 'AS8402', report_id: `r${i}` })),
      i + 1,
      i * 100,
    ),
  );
  const counts = await scorer.finish(0, 'x', null, 'jsonl');
  return { rows, rejects, counts };
}

describe('start times in the future', () => {
  it('rejects a start over the tolerance after now as bad_field naming measurement_start_time and its line; keeps one within it', async () => {
    const within = new Date(Date.parse(NOW) + FUTURE_TOLERANCE_MS).toISOString().replace('T', ' ').slice(0, 19);
    const { rows, rejects, counts } = await score(['2099-01-01 00:00:00', '2026-01-02 03:00:00', within, '2026-01-02 03:14:06']);
    expect(rows.map((r) => r.report_id)).toEqual(['r1', 'r2']);
    expect(rejects.map((j) => [j.line, j.reason, j.detail.split(' (')[0]])).toEqual([
      [1, 'bad_field', 'measurement_start_time "2099-01-01 00:00:00" is in the future'],
      [4, 'bad_field', 'measurement_start_time "2026-01-02 03:14:06" is in the future'],
    ]);
    expect(rejects[0]!.detail).toContain(`now ${NOW}; 10 minutes allowed for clock skew`);
    expect(counts).toMatchObject({ lines_read: 4, stored: 2, rejected: 2 });
  });
});
