/**
 * `watch --once --ooni-sync` against the local S3 test double (test/helpers/s3-double.ts)
 * holding the real bucket-layout fixtures (test/fixtures/ooni/bucket-sample, see its SOURCES):
 * each cycle syncs the upload hours since the watch's cursor and ingests what lands. A transfer
 * that keeps failing leaves the cursor where it was (exit 3); the next start fetches only that
 * file; the one after moves on to the next window and fetches nothing. Every measurement of the
 * window is stored once, and every file is one watch input. The counts of what was ingested
 * become the ooni_measurements signal per network and day, zeros on the silent day after.
 */
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { objectsFrom, startS3Double, type S3Double } from '../helpers/s3-double.js';

const SAMPLE = join(import.meta.dirname, '../fixtures/ooni/bucket-sample');
const BROKEN = 'raw/20221110/11/US/dash/2022111011_US_dash.n0.0.jsonl.gz';
const inWindow = (k: string) => /^raw\/20221110\/(09|1\d|2\d)\/(US|IR)\//.test(k) || /^raw\/20221111\/0[0-8]\/(US|IR)\//.test(k);
const lines = (b: Buffer) => gunzipSync(b).toString('utf8').trim().split('\n').length;

interface Once {
  cycle: { ooni_window: string | null; ooni_files_new: number; ooni_stored: number; inputs_failed: number; errors: string[] };
}

describe('watch --once --ooni-sync (local S3 double)', () => {
  const t = tempDir();
  const db = join(t.dir, 'w.duckdb');
  const dest = join(t.dir, 'ooni');
  const objects = objectsFrom(SAMPLE);
  let s3: S3Double;
  const once = async () => {
    const r = await cli([
      'watch',
      '--once',
      '--ooni-sync',
      s3.url,
      '--ooni-since',
      '2022-11-10T09',
      '--ooni-dest',
      dest,
      '--cc',
      'US,IR',
      '--db',
      db,
      '--json',
    ]);
    return { code: r.code, err: r.err, j: JSON.parse(r.out) as Once };
  };
  const gets = () => s3.requests.filter((r) => r.method === 'GET' && r.path.includes('/raw/')).length;
  const keys = [...objects.keys()].filter(inWindow);

  beforeAll(async () => {
    s3 = await startS3Double({ bucket: 'ooni-test', objects, pageSize: 3 });
    s3.failMidDownload.set(BROKEN, 99);
  });
  afterAll(async () => {
    await s3.close();
    t.cleanup();
  });

  it('syncs and ingests the first window; a failed transfer keeps the cursor (exit 3)', async () => {
    expect(keys).toHaveLength(8); // US and IR files of 10 November 2022, 10:00 and 11:00
    const r = await once();
    expect(r.code, r.err).toBe(3);
    expect(r.j.cycle).toMatchObject({ ooni_window: '2022-11-10T09..2022-11-11T08', ooni_files_new: 7, inputs_failed: 0 });
    expect(r.j.cycle.ooni_stored).toBe(keys.filter((k) => k !== BROKEN).reduce((s, k) => s + lines(objects.get(k)!), 0));
    expect(r.j.cycle.errors).toEqual([expect.stringContaining(`ooni sync: ${BROKEN} failed after 3 attempt(s)`)]);
    // watch-status, as text, names the failed cycle's errors under its status line.
    const text = (await cli(['watch-status', '--db', db])).out;
    expect(text).toMatch(/^last cycle: \S+ \(failed\)\nerrors of the last cycle \(1\):\n {2}ooni sync: .* failed after 3 attempt\(s\)/);
  });

  it('the next start retries the same window and takes in only the missing file', async () => {
    s3.failMidDownload.delete(BROKEN);
    const before = gets();
    const r = await once();
    expect(r.code, r.err).toBe(0);
    expect(r.j.cycle).toMatchObject({ ooni_window: '2022-11-10T09..2022-11-11T08', ooni_files_new: 1, ooni_stored: lines(objects.get(BROKEN)!), errors: [] });
    expect(gets() - before).toBe(1);
  });

  it('then moves on: the next window, nothing fetched, every measurement stored once', async () => {
    const before = gets();
    const r = await once();
    expect(r.code, r.err).toBe(0);
    expect(r.j.cycle).toMatchObject({ ooni_window: '2022-11-11T06..2022-11-12T05', ooni_files_new: 0, ooni_stored: 0, errors: [] });
    expect(gets()).toBe(before);
    const list = JSON.parse((await cli(['measurements', 'list', '--db', db, '--json', '--limit', '1000'])).out) as { items: unknown[] };
    expect(list.items).toHaveLength(keys.reduce((s, k) => s + lines(objects.get(k)!), 0));
    const status = JSON.parse((await cli(['watch-status', '--db', db, '--json'])).out) as { inputs_seen: number; recent_inputs: { kind: string }[] };
    expect(status.inputs_seen).toBe(8);
    expect(new Set(status.recent_inputs.map((i) => i.kind))).toEqual(new Set(['ooni_file']));
  });

  it('writes the measurement counts per network and day as the ooni_measurements signal: the fixture counts, then 0 the day after', async () => {
    // Expected from the fixture files themselves: measurements per (probe_cc, probe_asn, start day).
    const want = new Map<string, number>();
    for (const k of keys)
      for (const l of gunzipSync(objects.get(k)!).toString('utf8').trim().split('\n')) {
        const m = JSON.parse(l) as { probe_cc: string; probe_asn: string; measurement_start_time: string };
        const key = `${m.probe_cc} ${m.probe_asn} ${m.measurement_start_time.slice(0, 10)}T00:00:00.000Z`;
        want.set(key, (want.get(key) ?? 0) + 1);
      }
    // Each network measured on the 10th is silent on the 11th (the window synced through the 12th, 05:00): 0, not a gap.
    for (const key of [...want.keys()]) want.set(key.replace('2022-11-10T', '2022-11-11T'), 0);
    const r = await cli(['signals', 'points', '--source', 'ooni_measurements', '--db', db, '--json']);
    const got = (JSON.parse(r.out) as { items: { cc: string; entity_code: string; t: string; value: number; source_file: string }[] }).items;
    expect(new Map(got.map((p) => [`${p.cc} ${p.entity_code} ${p.t}`, p.value]))).toEqual(want);
    for (const p of got) expect(p.source_file).toBe(`ooni-counts/day/${p.cc}/${p.t.slice(0, 10)}`);
    // The next cycle (the next window) leaves these days as they were and adds the next day's zeros.
    const again = await once();
    expect(again.j.cycle).toMatchObject({ ooni_files_new: 0, errors: [] });
    const after = JSON.parse((await cli(['signals', 'points', '--source', 'ooni_measurements', '--db', db, '--json'])).out) as { items: typeof got };
    expect(after.items.filter((p) => p.t < '2022-11-12')).toEqual(got);
    expect(new Set(after.items.filter((p) => p.t >= '2022-11-12').map((p) => p.value))).toEqual(new Set([0]));
  });

  it('refuses a bad --ooni-counts and an s3:// bucket of unknown region before any cycle (exit 2)', async () => {
    const other = join(t.dir, 'usage.duckdb');
    const counts = await cli(['watch', '--once', '--ooni-sync', s3.url, '--ooni-counts', 'week', '--db', other]);
    expect(counts.code).toBe(2);
    expect(counts.err).toContain('--ooni-counts must be day, hour or off, got "week"');
    const bucket = await cli(['watch', '--once', '--ooni-sync', 's3://my-mirror', '--db', other]);
    expect(bucket.code).toBe(2);
    expect(bucket.err).toContain('add it as s3://my-mirror?region=REGION');
  });
});
