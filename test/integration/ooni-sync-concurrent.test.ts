// Two `ooni sync` runs into one --dest at once, fetching the same file, served by the S3 test
// double (test/helpers/s3-double.ts) from a real bucket-layout fixture with a scripted order:
// run A has written half the file when run B starts it; A then completes (and ingests it), and
// B's transfer dies (and so do its retries). The file in place, and what A ingested, must be the
// bucket's bytes, the sync log must describe it, a third run must find it complete without
// fetching it, and no temporary file may be left. A temporary file of a run that no longer exists is removed by the next run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPath } from '../../src/measure/sync/local-copy.js';
import { cli, tempDir } from '../helpers/index.js';
import { objectsFrom, startS3Double, type S3Double } from '../helpers/s3-double.js';

const SAMPLE = join(import.meta.dirname, '../fixtures/ooni/bucket-sample');
const KEY = 'raw/20221110/10/US/telegram/2022111010_US_telegram.n0.0.jsonl.gz';

describe('two ooni sync runs into one --dest', () => {
  const t = tempDir();
  const dest = join(t.dir, 'ooni');
  const dir = join(dest, dirname(KEY));
  const objects = objectsFrom(SAMPLE, dirname(KEY));
  const body = objects.get(KEY)!;
  const half = Math.floor(body.length / 2);
  const lines = gunzipSync(body).toString('utf8').trim().split('\n').length;
  let s3: S3Double;
  beforeAll(async () => {
    s3 = await startS3Double({ bucket: 'ooni-two', objects });
  });
  afterAll(async () => {
    await s3.close();
    t.cleanup();
  });

  /** One hour, one country, one test: the one file the double serves. */
  const WINDOW = 'ooni sync --since 2022-11-10T10 --until 2022-11-10T10 --cc US --test telegram'.split(' ');
  const run = (db: string, ...extra: string[]) => cli([...WINDOW, '--bucket-url', s3.url, '--dest', dest, '--db', join(t.dir, db), '--json', ...extra]);
  /** The temporary files beside the file, and their sizes. */
  const temps = () => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.part')) : []);
  const tempSizes = () => temps().map((n) => statSync(join(dir, n)).size);
  const until = async (what: string, ok: () => boolean) => {
    const deadline = Date.now() + 20_000;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`waited 20 s for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('the run that completes keeps the whole file; the run that fails removes only its own bytes', async () => {
    expect(objects.size).toBe(1);
    let finishA: (() => void) | undefined;
    let killB: (() => void) | undefined;
    const dieMidBody = (res: import('node:http').ServerResponse, b: Buffer) => res.write(b.subarray(0, half), () => setTimeout(() => res.socket?.destroy(), 5));
    s3.script.set(KEY, [
      (res, b) => {
        res.write(b.subarray(0, half));
        finishA = () => res.end(b.subarray(half));
      },
      (res) => {
        killB = () => res.socket?.destroy();
      },
      dieMidBody,
      dieMidBody,
    ]);
    const a = run('a.duckdb', '--ingest', '--workers', '0');
    await until('run A to write half the file', () => finishA !== undefined && tempSizes().includes(half));
    const b = run('b.duckdb');
    await until('run B to open its temporary file', () => killB !== undefined && tempSizes().includes(0));
    finishA!();
    const ra = await a;
    killB!();
    const rb = await b;

    expect(ra.code, ra.err).toBe(0);
    expect(JSON.parse(ra.out).files).toMatchObject({ listed: 1, downloaded: 1, failed: 0 });
    // what run A ingested as it landed is the whole file
    expect(JSON.parse(ra.out).ingest).toMatchObject({ lines_read: lines, stored: lines, rejected: 0, reconciled: true });
    expect(rb.code, rb.err).toBe(3);
    expect(JSON.parse(rb.out).files).toMatchObject({ listed: 1, downloaded: 0, failed: 1 });
    const kept = readFileSync(join(dest, KEY));
    expect(kept.length).toBe(body.length);
    expect(
      kept.subarray(0, half).every((x) => x === 0),
      'the first half of the kept file is zero bytes',
    ).toBe(false);
    expect(kept.equals(body)).toBe(true);
    expect(temps()).toEqual([]);

    // the sync log holds the file as it is: a third run fetches nothing and finds it complete
    const gets = s3.requests.filter((q) => q.method === 'GET' && q.path.includes('/raw/')).length;
    const rc = await run('c.duckdb');
    expect(JSON.parse(rc.out).files).toMatchObject({ listed: 1, unchanged: 1, downloaded: 0 });
    expect(s3.requests.filter((q) => q.method === 'GET' && q.path.includes('/raw/')).length).toBe(gets);
    expect(readFileSync(join(dest, KEY)).equals(body)).toBe(true);
  });

  it("a temporary file of a run that no longer exists is removed; a running one's is kept", async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = tempPath(join(dest, KEY), Number(gone.stdout));
    const live = tempPath(join(dest, KEY), process.ppid);
    writeFileSync(dead, 'left by a killed run');
    writeFileSync(live, 'being written by a run on this host');
    const r = await run('d.duckdb');
    expect(JSON.parse(r.out).files).toMatchObject({ listed: 1, unchanged: 1 });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
