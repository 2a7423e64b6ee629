// `ooni sync --ingest` (the built CLI) killed with SIGKILL while one transfer hangs mid-body and
// the others have landed: the partial file exists only as its run's temporary .part file (never
// under its name, never ingested); a rerun fetches just that file, removes the dead run's
// temporary file, and the store ends with every measurement once.
// Killed again inside its ingest's write (the second batch's transaction, before COMMIT): the rerun
// downloads nothing and stores what that transaction had not committed, each measurement once.
// Served by the S3 test double (test/helpers/s3-double.ts) from the real bucket-layout fixtures.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from '../helpers/index.js';
import { killInside } from '../helpers/kill.js';
import { objectsFrom, startS3Double, type S3Double } from '../helpers/s3-double.js';

const SAMPLE = join(import.meta.dirname, '../fixtures/ooni/bucket-sample');
const PREFIX = 'raw/20221110/10/US/';
const STALLED = 'raw/20221110/10/US/telegram/2022111010_US_telegram.n0.0.jsonl.gz';

/** The temporary files of `key` under `dest` (`<file>.<host>.<pid>.<random>.part`). */
const partsOf = (dest: string, key: string) => {
  const dir = join(dest, dirname(key));
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith(`${basename(key)}.`) && n.endsWith('.part')) : [];
};

describe('ooni sync killed mid-transfer', () => {
  const t = tempDir();
  const db = join(t.dir, 'k.duckdb');
  const dest = join(t.dir, 'ooni');
  const objects = objectsFrom(SAMPLE, PREFIX);
  let s3: S3Double;
  beforeAll(async () => {
    s3 = await startS3Double({ bucket: 'ooni-kill', objects });
    s3.stall.add(STALLED);
  });
  afterAll(async () => {
    await s3.close();
    t.cleanup();
  });

  /** `ooni sync --ingest` of the one US hour the double serves, into `dest` and the database `path`. */
  const syncArgs = (to: string, path: string) => [
    'ooni',
    'sync',
    '--since',
    '2022-11-10T10',
    '--until',
    '2022-11-10T10',
    '--cc',
    'US',
    '--bucket-url',
    s3.url,
    '--dest',
    to,
    '--db',
    path,
    '--ingest',
    '--workers',
    '0',
    '--json',
  ];

  it('leaves the hanging file as a temporary .part only; a rerun completes with every measurement once', async () => {
    const others = [...objects.keys()].filter((k) => k !== STALLED);
    expect(others.length).toBe(3);
    const args = syncArgs(dest, db);
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    // wait until the other files have landed and the hanging one is being written
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(others.every((k) => existsSync(join(dest, k))) && partsOf(dest, STALLED).length > 0))
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500)); // let ingest of the landed files run (or not): both must be safe
    child.kill('SIGKILL');
    await exited;
    expect(partsOf(dest, STALLED)).toEqual([expect.stringMatching(new RegExp(`\\.${child.pid}\\.[0-9a-f]{8}\\.part$`))]);
    expect(existsSync(join(dest, STALLED))).toBe(false);

    s3.stall.clear();
    const r = await cli(args);
    const j = JSON.parse(r.out);
    expect(j.files).toMatchObject({ listed: 4, downloaded: 1, unchanged: 3, failed: 0 });
    expect(readFileSync(join(dest, STALLED)).equals(objects.get(STALLED)!)).toBe(true);
    expect(partsOf(dest, STALLED)).toEqual([]); // the killed run's temporary file is gone
    expect(j.ingest.reconciled).toBe(true);
    const list = JSON.parse((await cli(['measurements', 'list', '--db', db, '--json'])).out);
    expect(list.items.length).toBe(4); // one line per fixture file, each stored once
    expect(new Set(list.items.map((i: { id: string }) => i.id)).size).toBe(4);
    const again = JSON.parse((await cli(args)).out);
    expect(again.files.downloaded).toBe(0);
    expect(again.ingest.stored).toBe(0);
  });

  it('killed inside its ingest transaction: the rerun downloads nothing and stores each measurement once', async () => {
    s3.stall.clear();
    const db2 = join(t.dir, 'k2.duckdb');
    const dest2 = join(t.dir, 'ooni2');
    const args = syncArgs(dest2, db2);
    const k = await killInside('measure.batch#2', args);
    expect(k.marker, k.err.slice(-600)).toMatch(/rows=\d+ new=\d+/);
    expect(k.signal).toBe('SIGKILL');
    const before = JSON.parse((await cli(['measurements', 'list', '--db', db2, '--json'])).out);
    expect(before.items.length).toBe(1); // the first batch committed, the second did not
    const r = JSON.parse((await cli(args)).out);
    expect(r.files).toMatchObject({ listed: 4, downloaded: 0, unchanged: 4, failed: 0 });
    expect(r.ingest).toMatchObject({ reconciled: true, stored: 3 });
    const list = JSON.parse((await cli(['measurements', 'list', '--db', db2, '--json'])).out);
    expect(new Set(list.items.map((i: { id: string }) => i.id)).size).toBe(4);
    expect(list.items.length).toBe(4);
  });
});
