// A read that failed (a .gz cut short mid-download) is superseded once the whole file at the same
// path is read: its rejects, which describe bytes no longer there, are cleared and its manifest
// row says `superseded`, so the store counts each rejected line once, against the file as it now
// is. Real data: the RU web_connectivity measurements of the bucket sample (the cut is ours).
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { ingest } from './ingest.js';

const REAL = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample/raw/20200303/09/RU/webconnectivity/2020030309_RU_webconnectivity.n0.0.jsonl.gz');

describe('a truncated .gz replaced by the whole file', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('leaves no rejects or failed row of the cut copy, and keeps the whole file read once', async () => {
    const s = await tempStore();
    const p = join(t.dir, 'day.jsonl.gz');
    const good = gunzipSync(readFileSync(REAL)).toString('utf8').trimEnd();
    const whole = gzipSync(`${good}\ngarbage\n`);
    writeFileSync(p, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const run = () => ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths: [p], workers: 0 });
    try {
      const cut = await run();
      expect(cut.files.failed).toBe(1);
      expect((await s.store.measure.counts()).rejects).toBeGreaterThan(0);
      writeFileSync(p, whole);
      utimesSync(p, new Date(), new Date(Date.now() + 60_000));
      const full = await run();
      expect(full.files.ingested).toBe(1);
      expect(full.rejected).toBe(1);
      expect(full.per_file[0]!.supersedes).toEqual([cut.per_file[0]!.file_id]);
      const files = await s.store.measure.listFiles(10);
      expect(files.map((f) => f.status).sort()).toEqual(['done', 'superseded']);
      const rejects = await s.store.measure.rejects({ limit: 100 });
      expect(rejects.map((r) => r.file_id)).toEqual([files.find((f) => f.status === 'done')!.file_id]);
      expect((await s.store.measure.counts()).rejects).toBe(1);
      // an unchanged rerun changes nothing
      const again = await run();
      expect(again.files.skipped_unchanged).toBe(1);
      expect((await s.store.measure.counts()).rejects).toBe(1);
    } finally {
      await s.cleanup();
    }
  });
});
