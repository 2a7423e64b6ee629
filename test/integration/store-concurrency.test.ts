/**
 * Writers at once on one DuckDB file. Without a server, a second process that wants the file
 * stops at once with exit 1 and an error naming the file and the pid that holds it (no crash, no
 * wait), and the first completes. With `serve` holding the file, CLI ingests of overlapping
 * folders and a ledger import run at once through it: every measurement is stored once and the
 * summary equals one sequential ingest's. A server killed with kill -9 inside an ingest it runs
 * for the CLI: the CLI says the server stopped (exit 1), and a rerun without it completes the
 * store. Real data: the OONI bucket sample and STOP rows (see their SOURCES.md).
 */
import { spawn } from 'node:child_process';
import { linkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { BIN, runBin, startServer, tempDir } from '../helpers/index.js';
import { readFile } from '../helpers/kill.js';

const t = tempDir();
afterAll(() => t.cleanup());

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
/** A part of the bucket (March 2020) that the whole bucket overlaps. */
const PART = join(BUCKET, 'raw', '20200302');
const STOP = packagePath('test', 'fixtures', 'stop', 'real-sample.csv');

const stored = (db: string) =>
  readFile(db, async (q) => ({
    rows: await q('SELECT count(*) AS n FROM measurements'),
    distinct: await q('SELECT count(DISTINCT id) AS n FROM measurements'),
    unreconciled: await q("SELECT count(*) AS n FROM ingest_files WHERE status = 'done' AND lines_read <> stored + duplicates + rejected"),
    events: await q('SELECT count(*) AS n FROM events'),
  }));

/**
 * What test 1's first process stored: the whole bucket ingested alone (`ingest BUCKET --workers 0`),
 * the reference the kill -9 case compares with; that case ingests it itself when test 1 did not run.
 */
let wholeBucket: Awaited<ReturnType<typeof stored>> | undefined;

describe('writers at once on one DuckDB file', () => {
  it('without a server, a second process is refused at once (exit 1) naming the lock holder; the first completes', async () => {
    const db = join(t.dir, 'locked.duckdb');
    const first = spawn(process.execPath, [BIN, 'ingest', BUCKET, '--workers', '0', '--json', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    first.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const firstDone = new Promise<number | null>((ok) => first.on('close', ok));
    // the first holds the file once it reports progress on a file
    await new Promise<void>((ok) => first.stderr.on('data', (d: Buffer) => /"type":"progress"/.test(d.toString()) && ok()));
    const t0 = Date.now();
    const second = await runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', db]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(second.code).toBe(1);
    expect(second.err).toContain(db);
    expect(second.err).toMatch(new RegExp(`held by another process \\(pid ${first.pid}\\)`));
    expect(second.err).toMatch(/splinternet serve/);
    expect(JSON.parse(second.out)).toMatchObject({ error: { code: 'STORE_LOCKED', path: db, holder_pid: first.pid } });
    expect(await firstDone).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ reconciled: true });
    const s = await stored(db);
    expect(s.rows).toBe(s.distinct);
    expect(s.unreconciled).toBe(0);
    wholeBucket = s;
  });

  it('with serve holding the file: overlapping ingests and an events import at once store each measurement once; the summary equals a sequential ingest', async () => {
    const ref = join(t.dir, 'sequential.duckdb');
    for (const args of [
      ['ingest', PART],
      ['ingest', BUCKET],
    ])
      expect((await runBin([...args, '--workers', '0', '--json', '--db', ref])).code).toBe(0);
    const db = join(t.dir, 'served.duckdb');
    const srv = await startServer(db);
    try {
      const runs = await Promise.all([
        runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', db]),
        runBin(['ingest', PART, '--workers', '0', '--json', '--db', db]),
        runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', db]),
        runBin(['events', 'import', STOP, '--snapshot', '2026-05-20', '--json', '--db', db]),
      ]);
      for (const r of runs) expect(r.code, r.err.slice(-600)).toBe(0);
      for (const r of runs.slice(0, 3)) expect(JSON.parse(r.out)).toMatchObject({ reconciled: true });
      const served = await runBin(['measurements', 'summary', '--json', '--db', db]);
      const sequential = await runBin(['measurements', 'summary', '--json', '--db', ref]);
      expect(served.code, served.err).toBe(0);
      expect(JSON.parse(served.out)).toEqual(JSON.parse(sequential.out));
    } finally {
      await srv.stop();
    }
    const s = await stored(db);
    expect(s).toMatchObject({ rows: (await stored(ref)).rows, distinct: s.rows, unreconciled: 0 });
    expect(s.events).toBeGreaterThan(5);
  });

  it('SYNTHETIC hard link: a second name of the file serve holds goes through that server; a second serve on it is refused naming the first', async () => {
    const db = join(t.dir, 'linked.duckdb');
    const hard = join(t.dir, 'linked-hard.duckdb');
    expect((await runBin(['db', 'migrate', '--db', db])).code).toBe(0);
    linkSync(db, hard);
    const srv = await startServer(db);
    try {
      const event = packagePath('data', 'ledger', 'events', 'cn-2021-signal-block.json');
      const added = await runBin(['events', 'add', '--file', event, '--json', '--db', hard]);
      expect(added.code, added.err).toBe(0);
      const viaHard = await runBin(['events', 'list', '--json', '--db', hard]);
      const viaName = await runBin(['events', 'list', '--json', '--db', db]);
      expect(viaHard.code, viaHard.err).toBe(0);
      expect(JSON.parse(viaHard.out)).toEqual(JSON.parse(viaName.out));
      expect((JSON.parse(viaName.out) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['cn-2021-signal-block']);
      const second = await runBin(['serve', '--port', '0', '--json', '--db', hard]);
      expect(second.code).toBe(1);
      expect(second.err).not.toMatch(/run `splinternet serve`/);
      expect(second.err).toContain(`the server at ${srv.url} (pid ${srv.child.pid}) holds ${hard} as ${db}`);
    } finally {
      await srv.stop();
    }
  });

  it('serve killed with kill -9 inside an ingest it runs for the CLI: the CLI says so (exit 1); a rerun without it completes the store', async () => {
    if (!wholeBucket) {
      const ref = join(t.dir, 'whole.duckdb');
      expect((await runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', ref])).code).toBe(0);
      wholeBucket = await stored(ref);
    }
    const db = join(t.dir, 'server-killed.duckdb');
    const srv = await startServer(db, [], { SPLINTERNET_TEST_PAUSE_IN_TX: 'measure.batch#3' });
    const client = runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', db]);
    const deadline = Date.now() + 60_000;
    while (!/in-tx measure\.batch#3 /.test(srv.errors()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(srv.errors()).toMatch(/in-tx measure\.batch#3 /);
    const gone = new Promise((ok) => srv.child.once('close', ok));
    srv.child.kill('SIGKILL');
    await gone;
    const c = await client;
    expect(c.code).toBe(1);
    expect(c.err).toContain(`the server at ${srv.url} stopped answering while it ran measurements.ingest`);
    expect(c.err).not.toMatch(/internal error| {4}at /);
    expect(JSON.parse(c.out)).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    const killed = await stored(db);
    expect(killed.rows).toBeGreaterThan(0);
    // the dead server's lock file is stale: the rerun opens the file itself
    const rerun = await runBin(['ingest', BUCKET, '--workers', '0', '--json', '--db', db]);
    expect(rerun.code, rerun.err.slice(-600)).toBe(0);
    // it stores what the killed run had not committed (files it had finished are skipped unread)
    const whole = wholeBucket;
    expect(JSON.parse(rerun.out)).toMatchObject({ reconciled: true, stored: whole.rows - killed.rows });
    expect(await stored(db)).toMatchObject({ ...whole, unreconciled: 0 });
  });
});
