// `measurements show` returns a measurement's raw line only while its source file holds what was
// ingested: a file edited in place since (the same length, so the recorded byte span still
// parses) gives raw null and a raw_error saying the source changed. Real data: the RU
// web_connectivity measurement of the bucket sample (test/fixtures/ooni/bucket-sample),
// unzipped to a plain .jsonl; the edits are SYNTHETIC, made here.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { ingest } from './ingest.js';
import { showMeasurement } from './query.js';

const GZ = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample/raw/20201029/04/RU/webconnectivity/2020102904_RU_webconnectivity.n0.0.jsonl.gz');

describe('measurements show after the source file changed', () => {
  let s: Awaited<ReturnType<typeof tempStore>>;
  let file: string;
  let original: string;
  let id: string;
  beforeAll(async () => {
    s = await tempStore();
    file = join(s.path, '..', 'ru.jsonl');
    original = gunzipSync(readFileSync(GZ)).toString('utf8');
    writeFileSync(file, original);
    await ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths: [file], workers: 0 });
    id = (await s.store.measure.list({ limit: 1 }))[0]!.id;
  });
  afterAll(() => s.cleanup());

  it('unchanged: raw is the line ingested', async () => {
    writeFileSync(file, original);
    const m = await showMeasurement(s, id);
    expect(m.raw_error).toBeNull();
    expect((m.raw as { probe_cc: string }).probe_cc).toBe('RU');
  });

  it('SYNTHETIC: probe_cc edited in place (RU -> ID, same length) gives raw null and a raw_error saying the source changed', async () => {
    expect(original).toContain('"probe_cc": "RU"');
    writeFileSync(file, original.replace('"probe_cc": "RU"', '"probe_cc": "ID"'));
    const m = await showMeasurement(s, id);
    expect(m.raw).toBeNull();
    expect(m.raw_error).toMatch(/changed since it was ingested/);
  });

  it('SYNTHETIC: a test_keys value edited in place with the modification time put back gives raw null too', async () => {
    const before = statSync(file);
    writeFileSync(file, original);
    utimesSync(file, before.atime, before.mtime);
    const edited = original.replace('"blocking":', '"blockinG":');
    expect(edited).not.toBe(original);
    const st = statSync(file);
    writeFileSync(file, edited);
    utimesSync(file, st.atime, st.mtime);
    const m = await showMeasurement(s, id);
    expect(m.raw).toBeNull();
    expect(m.raw_error).toMatch(/changed since it was ingested/);
  });

  it('a source file no longer there (an upload the server removed after its import) gives a raw_error saying so, not the system error', async () => {
    rmSync(file);
    const m = await showMeasurement(s, id);
    expect(m.raw).toBeNull();
    expect(m.raw_error).toMatch(/ru\.jsonl is no longer there/);
    expect(m.raw_error).toMatch(/upload/);
    expect(m.raw_error).not.toMatch(/ENOENT|stat /);
    expect(m.status).toBeTruthy();
  });
});
