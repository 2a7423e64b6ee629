// The same bytes at the same path are one file for the manifest, whatever their modification
// time: a touched file, or an upload sent again (the server saves it under the same path each
// time, with a new mtime), is `skipped_unchanged` with the rejects it had, never read again
// and never a second set of rejects. Real data: the RU web_connectivity measurement of the
// bucket sample; the two bad lines after it are SYNTHETIC.
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { ingest } from './ingest.js';

const REAL = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample/raw/20200303/09/RU/webconnectivity/2020030309_RU_webconnectivity.n0.0.jsonl.gz');

describe('a file sent or touched again with the same bytes', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('is unchanged, keeps its rejects once, and is read again when its bytes change', async () => {
    const s = await tempStore();
    const p = join(t.dir, 'mixed.jsonl');
    const good = gunzipSync(readFileSync(REAL)).toString('utf8').trimEnd();
    writeFileSync(p, `${good}\n[1,2]\ngarbage\n`);
    const run = () => ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths: [p], workers: 0 });
    try {
      const first = await run();
      expect([first.stored, first.rejected]).toEqual([1, 2]);
      utimesSync(p, new Date(), new Date(Date.now() + 60_000));
      const again = await run();
      expect(again.files).toMatchObject({ ingested: 0, skipped_unchanged: 1 });
      expect(again.rejected_kept).toBe(2);
      expect((await s.store.measure.counts()).rejects).toBe(2);
      expect((await s.store.measure.listFiles(10)).length).toBe(1);
      // other bytes at the same path and size: read again
      writeFileSync(p, `${good}\n[1,3]\ngarbage\n`);
      expect((await run()).files.ingested).toBe(1);
    } finally {
      await s.cleanup();
    }
  });
});
