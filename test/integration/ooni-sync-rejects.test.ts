// `ooni sync --ingest` names the lines ingest rejected, as `ingest` does: file, line, byte offset
// and reason, in text and in --json, with the command that lists them all. The S3 test double
// serves a real bucket-layout file (test/fixtures/ooni/bucket-sample) whose second line is cut at
// 200 bytes (SYNTHETIC damage).
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { objectsFrom, startS3Double, type S3Double } from '../helpers/s3-double.js';

const SAMPLE = join(import.meta.dirname, '../fixtures/ooni/bucket-sample');
const KEY = 'raw/20231130/17/IT/webconnectivity/2023113017_IT_webconnectivity.n0.0.jsonl.gz';

describe('ooni sync --ingest with a rejected line', () => {
  const t = tempDir();
  let s3: S3Double;
  let offset = 0;
  beforeAll(async () => {
    const objects = objectsFrom(SAMPLE, 'raw/20231130/17/IT/webconnectivity');
    const lines = gunzipSync(objects.get(KEY)!).toString('utf8').split('\n');
    offset = Buffer.byteLength(lines[0]!) + 1;
    lines[1] = lines[1]!.slice(0, 200);
    objects.set(KEY, gzipSync(lines.join('\n')));
    s3 = await startS3Double({ bucket: 'ooni-rejects', objects });
  });
  afterAll(async () => {
    await s3.close();
    t.cleanup();
  });
  const run = (db: string, ...extra: string[]) =>
    cli([
      ...'ooni sync --since 2023-11-30T17 --until 2023-11-30T17 --cc IT --test web_connectivity --ingest --workers 0'.split(' '),
      ...['--bucket-url', s3.url, '--dest', join(t.dir, db, 'ooni'), '--db', join(t.dir, `${db}.duckdb`)],
      ...extra,
    ]);

  it('names the file, line, byte offset and reason in --json and in text, and how to list them all; exit 3', async () => {
    const j = await run('json', '--json');
    expect(j.code, j.err).toBe(3);
    const r = JSON.parse(j.out) as { ingest: { rejected: number; rejects: Record<string, unknown>[]; rejects_all: string } };
    expect(r.ingest.rejected).toBe(1);
    expect(r.ingest.rejects).toEqual([
      expect.objectContaining({
        path: expect.stringMatching(/2023113017_IT_webconnectivity\.n0\.0\.jsonl\.gz$/),
        line: 2,
        byte_offset: offset,
        reason: 'malformed_json',
        list: expect.stringMatching(/^splinternet measurements files --rejects --file-id \w+$/),
      }),
    ]);
    expect(r.ingest.rejects_all).toBe('splinternet measurements files --rejects');

    const text = await run('text');
    expect(text.code, text.err).toBe(3);
    expect(text.out).toMatch(new RegExp(`reject \\S+2023113017_IT_webconnectivity\\.n0\\.0\\.jsonl\\.gz:2 @${offset} malformed_json: `));
    expect(text.out).toContain('splinternet measurements files --rejects');
  });
});
