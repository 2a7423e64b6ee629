// A file read under ingest filters is "unchanged" only for a run those filters admit at least as
// much as: a later wider run reads it again and stores what the filters left out (what is
// already stored comes back as duplicates). Real data: the 88 measurements of the bucket sample
// (test/fixtures/ooni/bucket-sample), concatenated into one JSONL file so one file mixes
// countries, tests and dates; no value is changed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { ingest, type IngestInput } from './ingest.js';

const SAMPLE = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample');

describe('ingest filters and the manifest', () => {
  const t = tempDir();
  const file = join(t.dir, 'mixed.jsonl');
  afterAll(() => t.cleanup());
  beforeAll(() => {
    const gz = readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.jsonl.gz'));
    writeFileSync(
      file,
      gz
        .map(
          (p) =>
            gunzipSync(readFileSync(join(SAMPLE, p)))
              .toString('utf8')
              .trimEnd() + '\n',
        )
        .join(''),
    );
  });

  const run = async (s: Awaited<ReturnType<typeof tempStore>>, f: Omit<IngestInput, 'paths'> = {}) =>
    ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths: [file], workers: 0, ...f });

  for (const [name, filters] of [
    ['cc', { cc: ['RU'] }],
    ['test-name', { test_name: ['telegram'] }],
    ['since', { since: '2023-01-01 00:00:00' }],
    ['until', { until: '2020-12-31 23:59:59' }],
  ] as [string, Omit<IngestInput, 'paths'>][]) {
    it(`a file read with --${name} is read again by an unfiltered run, which stores the rest`, async () => {
      const s = await tempStore();
      try {
        const first = await run(s, filters);
        expect(first.lines_read).toBe(88);
        expect(first.filtered).toBeGreaterThan(0);
        const all = await run(s);
        expect(all.files.skipped_unchanged).toBe(0);
        expect(all.per_file[0]!.read_again).toMatch(/read before with --/);
        expect(all.stored).toBe(first.filtered);
        expect(all.duplicates).toBe(first.stored);
        expect((await s.store.measure.counts()).measurements).toBe(88);
        // now read whole: unchanged for every later run, filtered or not
        expect((await run(s)).files.skipped_unchanged).toBe(1);
        expect((await run(s, filters)).files.skipped_unchanged).toBe(1);
      } finally {
        await s.cleanup();
      }
    });
  }

  it('a run with the same or narrower filters skips the file; a wider or different one reads it again', async () => {
    const s = await tempStore();
    try {
      const first = await run(s, { cc: ['RU', 'IT'], since: '2020-01-01 00:00:00' });
      expect(first.files.ingested).toBe(1);
      const same = await run(s, { cc: ['IT', 'RU'], since: '2020-01-01 00:00:00' });
      expect(same.files.skipped_unchanged).toBe(1);
      expect(same.per_file[0]!.filters).toEqual({ cc: ['IT', 'RU'], since: '2020-01-01 00:00:00' });
      const narrower = await run(s, { cc: ['RU'], since: '2021-01-01 00:00:00', until: '2024-01-01 00:00:00', test_name: ['telegram'] });
      expect(narrower.files.skipped_unchanged).toBe(1);
      const other = await run(s, { cc: ['ID'] });
      expect(other.files.skipped_unchanged).toBe(0);
      expect(other.stored).toBeGreaterThan(0);
    } finally {
      await s.cleanup();
    }
  });
});
