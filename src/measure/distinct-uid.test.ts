// Two lines that share report_id, test_name, input and start second but carry different OONI
// measurement_uids are two measurements: both are stored, each under its own id, whichever file
// or batch they come in, and a rerun stores nothing more. The same measurement (same uid, or a
// line with no uid) stays one. Real data: the RU web_connectivity measurement of the bucket
// sample; the second line is SYNTHETIC, the same line with another measurement_uid and the probe
// finding the site accessible.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { ingest } from './ingest.js';

const REAL = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample/raw/20200303/09/RU/webconnectivity/2020030309_RU_webconnectivity.n0.0.jsonl.gz');
const a = gunzipSync(readFileSync(REAL)).toString('utf8').trimEnd();
const m = JSON.parse(a) as { measurement_uid: string; test_keys: Record<string, unknown> };
const bUid = `${m.measurement_uid.slice(0, -4)}ffff`;
const b = JSON.stringify({ ...m, measurement_uid: bUid, test_keys: { ...m.test_keys, blocking: false, accessible: true } });

describe('measurements that share the derived key but not the OONI uid', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const file = (name: string, ...lines: string[]) => {
    const p = join(t.dir, name);
    writeFileSync(p, lines.join('\n') + '\n');
    return p;
  };
  const run = (s: Awaited<ReturnType<typeof tempStore>>, paths: string[]) =>
    ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths, workers: 0 });
  const uids = async (s: Awaited<ReturnType<typeof tempStore>>) => (await s.store.measure.list({ limit: 10 })).map((r) => r.measurement_uid).sort();

  it('stores both lines of one file, and a rerun adds nothing', async () => {
    const s = await tempStore();
    try {
      const p = file('both.jsonl', a, b);
      const r = await run(s, [p]);
      expect([r.stored, r.duplicates, r.rejected]).toEqual([2, 0, 0]);
      expect(await uids(s)).toEqual([m.measurement_uid, bUid].sort());
      const again = await run(s, [file('both-copy.jsonl', a, b)]);
      expect([again.stored, again.duplicates]).toEqual([0, 2]);
    } finally {
      await s.cleanup();
    }
  });

  it('stores the second uid when it comes in a later file', async () => {
    const s = await tempStore();
    try {
      expect((await run(s, [file('a.jsonl', a)])).stored).toBe(1);
      const r = await run(s, [file('b.jsonl', b)]);
      expect([r.stored, r.duplicates]).toEqual([1, 0]);
      const ids = (await s.store.measure.list({ limit: 10 })).map((x) => x.id);
      expect(new Set(ids).size).toBe(2);
      expect((await run(s, [file('b-copy.jsonl', b)])).duplicates).toBe(1);
    } finally {
      await s.cleanup();
    }
  });

  it('keeps one measurement when the uid is the same or absent', async () => {
    const s = await tempStore();
    const noUid = JSON.stringify({ ...m, measurement_uid: undefined });
    try {
      const r = await run(s, [file('same.jsonl', a, a, noUid)]);
      expect([r.stored, r.duplicates]).toEqual([1, 2]);
    } finally {
      await s.cleanup();
    }
  });
});
