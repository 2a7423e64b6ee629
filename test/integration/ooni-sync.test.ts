// `ooni sync` against a local S3 test double (test/helpers/s3-double.ts) holding the real
// bucket-layout fixtures: a paged listing (continuation tokens), a transfer that dies mid-body
// once (retried) and one that keeps dying (failed, nothing left behind), a multipart-style ETag,
// a SYNTHETIC corrupt .gz (a real file cut short) and a non-measurement key. Then: rerun after
// the fault heals stores only what was missing, a third run transfers and stores nothing, a
// damaged local copy is fetched again, a TTY shows the bar, and bucket errors exit 2.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { cli, tempDir } from '../helpers/index.js';
import { listFiles, objectsFrom, startS3Double, type S3Double } from '../helpers/s3-double.js';

const SAMPLE = join(import.meta.dirname, '../fixtures/ooni/bucket-sample');
const CC = ['US', 'DE', 'ES', 'IR', 'TR'];
const inWindow = (k: string) => k.startsWith('raw/20221110/') && CC.includes(k.split('/')[3]!);
const FLAKY = 'raw/20221110/10/US/telegram/2022111010_US_telegram.n0.0.jsonl.gz';
const BROKEN = 'raw/20221110/11/US/dash/2022111011_US_dash.n0.0.jsonl.gz';
const MULTIPART = 'raw/20221110/10/US/whatsapp/2022111010_US_whatsapp.n0.0.jsonl.gz';
const CORRUPT = 'raw/20221110/10/US/webconnectivity/2022111010_US_webconnectivity.n1.0.jsonl.gz';
const NOT_MEASUREMENT = 'raw/20221110/10/US/webconnectivity/index.json';

const lines = (b: Buffer) => gunzipSync(b).toString('utf8').trim().split('\n').length;

describe('splinternet ooni sync (local S3 double)', () => {
  const t = tempDir();
  const db = join(t.dir, 'm.duckdb');
  const dest = join(t.dir, 'ooni');
  const objects = objectsFrom(SAMPLE);
  let s3: S3Double;
  const sync = (...extra: string[]) =>
    cli([
      'ooni',
      'sync',
      '--since',
      '2022-11-10',
      '--until',
      '2022-11-10',
      '--cc',
      CC.join(','),
      '--bucket-url',
      s3.url,
      '--dest',
      dest,
      '--db',
      db,
      '--json',
      '--workers',
      '0',
      ...extra,
    ]);
  const gets = () => s3.requests.filter((r) => r.method === 'GET' && r.path.includes('/raw/')).length;
  let realInWindow: string[] = [];
  let measurements = 0;

  beforeAll(async () => {
    realInWindow = [...objects.keys()].filter(inWindow);
    measurements = realInWindow.reduce((s, k) => s + lines(objects.get(k)!), 0);
    const whole = objects.get('raw/20221110/10/US/webconnectivity/2022111010_US_webconnectivity.n0.0.jsonl.gz')!;
    objects.set(CORRUPT, whole.subarray(0, Math.floor(whole.length * 0.6)));
    objects.set(NOT_MEASUREMENT, Buffer.from('{}'));
    s3 = await startS3Double({ bucket: 'ooni-test', objects, pageSize: 2 });
    s3.failMidDownload.set(FLAKY, 1);
    s3.failMidDownload.set(BROKEN, 99);
    s3.multipartEtag.add(MULTIPART);
  });
  afterAll(async () => {
    await s3.close();
    t.cleanup();
  });

  it('downloads and ingests the window, retries a broken transfer, leaves no partial file, exits 3 for what it could not use', async () => {
    expect(realInWindow.length).toBe(11);
    const r = await sync('--ingest');
    expect(r.code, r.err).toBe(3);
    const j = JSON.parse(r.out);
    expect(j.prefixes).toBe(24 * CC.length);
    expect(j.list_requests).toBeGreaterThan(j.prefixes); // pages of 2 keys need continuation tokens
    expect(s3.requests.some((q) => q.query['continuation-token'])).toBe(true);
    expect(j.files).toEqual({ listed: 13, ignored: 1, downloaded: 10, unchanged: 0, corrupt: 1, failed: 1 });
    expect(j.reconciled).toBe(true);
    expect(j.failures).toEqual([expect.objectContaining({ key: BROKEN, attempts: 3 })]);
    expect(j.corrupt).toEqual([CORRUPT]);
    expect(j.bytes.downloaded).toBe(realInWindow.filter((k) => k !== BROKEN).reduce((s, k) => s + objects.get(k)!.length, 0));
    // the failed file left nothing under its name or as .part; the corrupt one is kept but not ingested
    const local = listFiles(dest).map((f) => relative(dest, f));
    expect(local.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(existsSync(join(dest, BROKEN))).toBe(false);
    expect(readFileSync(join(dest, CORRUPT)).equals(objects.get(CORRUPT)!)).toBe(true);
    expect(readFileSync(join(dest, FLAKY)).equals(objects.get(FLAKY)!)).toBe(true);
    expect(j.ingest.files.total).toBe(10);
    expect(j.ingest.stored).toBe(measurements - lines(objects.get(BROKEN)!));
    expect(j.ingest.reconciled).toBe(true);
  });

  it('rerun after the fault heals fetches and stores only the missing file', async () => {
    s3.failMidDownload.delete(BROKEN);
    const r = await sync('--ingest');
    const j = JSON.parse(r.out);
    expect(r.code).toBe(3); // the corrupt .gz is still in the bucket
    expect(j.files).toEqual({ listed: 13, ignored: 1, downloaded: 1, unchanged: 10, corrupt: 1, failed: 0 });
    expect(j.ingest.stored).toBe(lines(objects.get(BROKEN)!));
    expect(j.ingest.duplicates).toBe(0);
    expect(j.ingest.files.skipped_unchanged).toBe(10);
    const list = JSON.parse((await cli(['measurements', 'list', '--db', db, '--json', '--limit', '1000'])).out);
    expect(list.items.length).toBe(measurements); // every fixture measurement, once
  });

  it('a third run transfers nothing and stores nothing (multipart ETag trusted from the sync log)', async () => {
    const before = gets();
    const j = JSON.parse((await sync('--ingest')).out);
    expect(gets()).toBe(before);
    expect(j.files.downloaded).toBe(0);
    expect(j.bytes.transferred).toBe(0);
    expect(j.ingest.stored).toBe(0);
    expect(j.ingest.lines_read).toBe(0);
  });

  it('a damaged local copy (killed mid-write by another tool) is fetched again; the store gets no duplicate', async () => {
    writeFileSync(join(dest, FLAKY), objects.get(FLAKY)!.subarray(0, 10));
    writeFileSync(join(dest, `${MULTIPART}.part`), 'left over by a killed run');
    const j = JSON.parse((await sync('--ingest')).out);
    expect(j.files.downloaded).toBe(1);
    expect(readFileSync(join(dest, FLAKY)).equals(objects.get(FLAKY)!)).toBe(true);
    expect(j.ingest.stored).toBe(0);
    // the fetched bytes are those the first run ingested from that path: unchanged, not read again
    expect(j.ingest.lines_read).toBe(0);
    expect(j.ingest.duplicates).toBe(0);
  });

  it('shows a progress bar with bytes and files on a TTY', async () => {
    let err = '';
    const sink = (f: (s: string) => void) => new Writable({ write: (c: Buffer, _e, cb) => (f(c.toString()), cb()) });
    const code = await runCli(
      ['ooni', 'sync', '--since', '2022-11-10T10', '--until', '2022-11-10T10', '--cc', 'US', '--bucket-url', s3.url, '--dest', join(t.dir, 'tty')],
      {
        out: sink(() => {}),
        err: Object.assign(
          sink((s) => (err += s)),
          { isTTY: true, columns: 200 },
        ),
        env: process.env,
        isTTY: true,
      },
    );
    expect(code).toBe(3);
    expect(err).toMatch(/ooni sync \[.*\] \d+% \d+\.\d+ kB\/\d+\.\d+ kB \| \d+(\.\d+)? [kM]?B\/s/); // under a real terminal: progress-tty.test.ts
    expect(err).toMatch(/files_done=\d+ files_total=5/);
  });

  it('an unreachable bucket, access denied or a listing that is not S3 XML exits 2 with the URL and the reason', async () => {
    const args = (url: string) => [
      'ooni',
      'sync',
      '--since',
      '2022-11-10T10',
      '--until',
      '2022-11-10T10',
      '--cc',
      'US',
      '--bucket-url',
      url,
      '--dest',
      join(t.dir, 'x'),
      '--db',
      db,
    ];
    const cases: [S3Double['mode'], RegExp][] = [
      ['access_denied', /access denied \(HTTP 403 AccessDenied/],
      ['not_xml', /not an S3 listing/],
    ];
    for (const [mode, reason] of cases) {
      s3.mode = mode;
      const r = await cli(args(s3.url));
      expect(r.code, mode).toBe(2);
      expect(r.err).toContain(`${s3.url}/?list-type=2&prefix=raw/20221110/10/US/`);
      expect(r.err).toMatch(reason);
    }
    s3.mode = 'ok';
    const dead = await cli([...args('http://127.0.0.1:1/ooni-test'), '--json']);
    expect(dead.code).toBe(2);
    expect(JSON.parse(dead.out).error).toMatchObject({
      url: expect.stringContaining('http://127.0.0.1:1/ooni-test/'),
      reason: expect.stringMatching(/^unreachable \(ECONNREFUSED/),
    });
    expect(existsSync(join(t.dir, 'x'))).toBe(false);
  });

  it('bad flags are usage errors naming the flag', async () => {
    const base = ['ooni', 'sync', '--bucket-url', s3.url, '--dest', join(t.dir, 'y'), '--db', db];
    expect((await cli([...base, '--since', '2022-11-10', '--until', '2022-11-09'])).err).toMatch(/--until \(2022-11-09T23\) is before --since/);
    const r = await cli([...base, '--since', '2022-11-10', '--until', '2022-11-10', '--cc', 'USA']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--cc must be ISO 3166-1 alpha-2 codes, got "USA"/);
    expect((await cli([...base, '--since', 'March', '--until', '2022-11-10'])).code).toBe(2);
    // values that look right but name nothing OONI has: refused before any listing
    const listings = s3.requests.length;
    const usage = async (extra: string[], ...says: (string | RegExp)[]) => {
      const u = await cli([...base, '--since', '2022-11-10', '--until', '2022-11-10', ...extra]);
      expect(u.code, extra.join(' ')).toBe(2);
      for (const s of says) expect(u.err).toMatch(s);
    };
    await usage(['--test', 'nosuch_test'], '--test', '"nosuch_test" is not an OONI test name', /accepted: .*web_connectivity.*facebook_messenger/);
    await usage(['--test', 'web_connectivity,telegrm'], '"telegrm"');
    await usage(['--cc', 'XX'], /--cc must be ISO 3166-1 alpha-2 codes, got "XX"/);
    await usage(['--since', '2022-02-30'], /--since is not a calendar date .* got "2022-02-30"/);
    await usage(['--until', '2022-11-10T24'], /--until is not a calendar date .* got "2022-11-10T24"/);
    await usage(['--concurrency', '0'], /--concurrency must be 1\.\.64/);
    await usage(['--workers', '-1', '--ingest'], /--workers must be 0\.\.256/);
    expect(s3.requests.length).toBe(listings);
    // the bucket's own folder spelling names the same test
    const folder = await cli([...base, '--since', '2022-11-10T10', '--until', '2022-11-10T10', '--cc', 'us', '--test', 'HttpInvalidRequestLine', '--json']);
    expect(folder.code, folder.err).toBe(0);
    expect(JSON.parse(folder.out).window).toMatchObject({ cc: ['US'], test_name: ['http_invalid_request_line'] });
    expect(JSON.parse(folder.out).files.downloaded).toBe(1);
    expect((await cli([...base, '--since', '2022-11-10', '--until', '2022-11-10', '--bucket-url', 'ftp://x/y'])).err).toMatch(
      /scheme ftp: is not s3, http or https/,
    );
  });
});
