/**
 * kill -9 inside each importer's write, then a rerun: the store ends with exactly the rows an
 * uninterrupted import gives (same row count and row digest per table, import times aside), and
 * a second rerun changes nothing. The built CLI runs with SPLINTERNET_TEST_PAUSE_IN_TX=<phase>#n,
 * so it is killed inside the transaction of its n-th file, after that file's rows are written and
 * before COMMIT; the files before it are whole and the killed one left nothing. Real data: the
 * OONI bucket sample, the shipped Russian Twitter speed tests, Moscow 2021 election files, the
 * IODA and OONI Iran 2019 signal files, STOP rows (see each folder's SOURCES.md). The schema
 * migrations are applied the same way, in one transaction: a migration killed inside it leaves the file without any.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { electionFixture } from '../helpers/elections.js';
import { runBin, tempDir } from '../helpers/index.js';
import { killInside, readFile, tableDigests } from '../helpers/kill.js';

const t = tempDir();
afterAll(() => t.cleanup());

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
const SPEEDTESTS = packagePath('data', 'throttling', 'russia-twitter-throttle');
const IODA = packagePath('test', 'fixtures', 'outages', 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const OONI_COUNTS = packagePath('test', 'fixtures', 'outages', 'ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv');
const STOP = packagePath('test', 'fixtures', 'stop', 'real-sample.csv');

/** Columns that record when a row was written, not what it holds. */
const TIMES = ['imported_at', 'extracted_at', 'created_at', 'updated_at', 'revised_at', 'ingested_at', 'started_at', 'finished_at'];

interface Case {
  /** The command, without --db. */
  args: string[];
  /** The writer's phase; `#n` = its n-th transaction in the run. */
  phase: string;
  detail: RegExp;
  tables: string[];
  /** Rows of the per-file record table that must be there after the kill: the files before the killed one. */
  committed?: { sql: string; n: number };
  /** Columns left out of the digests beside the import times (documents that embed a time). */
  skip?: string[];
}

async function ok(args: string[]) {
  const r = await runBin(args);
  expect([0, 3], `${args.join(' ')}: ${r.err.slice(-600)}`).toContain(r.code);
  return r;
}

/** Reference import, killed import, rerun, second rerun; returns the reference digests. */
async function killRerunCompare(name: string, c: Case) {
  const skip = [...TIMES, ...(c.skip ?? [])];
  const ref = join(t.dir, `${name}-ref.duckdb`);
  const db = join(t.dir, `${name}-killed.duckdb`);
  await ok([...c.args, '--db', ref]);
  const want = await tableDigests(ref, c.tables, skip);

  const k = await killInside(c.phase, [...c.args, '--db', db]);
  expect(k.marker, `${name}: the writer never reported being inside ${c.phase}; stderr: ${k.err.slice(-600)}`).toMatch(c.detail);
  expect(k.signal).toBe('SIGKILL');
  const killed = await tableDigests(db, c.tables, skip);
  expect(killed, `${name}: the killed import left the store as the full import does`).not.toEqual(want);
  if (c.committed) expect(await readFile(db, (q) => q(c.committed!.sql))).toBe(c.committed.n);

  await ok([...c.args, '--db', db]);
  expect(await tableDigests(db, c.tables, skip), `${name}: after the rerun`).toEqual(want);
  await ok([...c.args, '--db', db]);
  expect(await tableDigests(db, c.tables, skip), `${name}: after a second rerun`).toEqual(want);
  return { want, db, ref };
}

describe('kill -9 inside an importer, then a rerun, equals an uninterrupted import', () => {
  it('db migrate: killed inside its transaction, the file keeps no migration; the rerun gives the full schema', async () => {
    const ref = join(t.dir, 'schema-ref.duckdb');
    const db = join(t.dir, 'schema-killed.duckdb');
    await ok(['db', 'migrate', '--json', '--db', ref]);
    const k = await killInside('migrate#1', ['db', 'migrate', '--json', '--db', db]);
    // every migration's statements ran before the pause, in the one transaction the kill undoes
    expect(k.marker, k.err.slice(-600)).toMatch(/versions=1,2,3,\d/);
    const schema = (path: string) =>
      readFile(path, async (q, rows) => ({
        applied: (await rows('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version)),
        tables: (await rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1")).map((r) => r.table_name),
        columns: await q("SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = 'main'"),
        digest: (
          await rows("SELECT sum(hash(table_name, column_name, data_type))::VARCHAR AS h FROM information_schema.columns WHERE table_schema = 'main'")
        )[0]!.h,
      }));
    const want = await schema(ref);
    const killed = await schema(db);
    expect(killed.applied).toEqual([]);
    expect(killed.tables).toEqual(['schema_migrations']);
    expect(want.applied.length).toBeGreaterThan(20);
    await ok(['db', 'migrate', '--json', '--db', db]);
    expect(await schema(db)).toEqual(want);
  });

  it('throughput extraction (ingest extracts the files it stored); a killed --force re-extraction leaves the previous figures', async () => {
    const tables = ['measurement_throughput', 'measurement_throughput_rejects', 'measurement_throughput_files', 'measurements'];
    const { want, db } = await killRerunCompare('throughput', {
      args: ['ingest', BUCKET, '--workers', '0', '--json'],
      phase: 'throughput.file#3',
      detail: /file=\S+ rows=\d+/,
      tables,
      committed: { sql: 'SELECT count(*) AS n FROM measurement_throughput_files', n: 2 },
    });
    expect(want.measurement_throughput!.rows).toBeGreaterThan(0);
    const k = await killInside('throughput.file#2', ['throughput', 'extract', '--force', '--json', '--db', db]);
    expect(k.signal).toBe('SIGKILL');
    expect(await tableDigests(db, tables, TIMES)).toEqual(want);
    await ok(['throughput', 'extract', '--force', '--json', '--db', db]);
    expect(await tableDigests(db, tables, TIMES)).toEqual(want);
  });

  it('speedtests import', async () => {
    const { want } = await killRerunCompare('speedtests', {
      args: ['speedtests', 'import', SPEEDTESTS, '--json'],
      phase: 'speedtests.file#3',
      detail: /file=\S+ rows=\d+/,
      tables: ['speedtests', 'speedtest_sources'],
      committed: { sql: 'SELECT count(DISTINCT source_file) AS n FROM speedtests', n: 2 },
    });
    expect(want.speedtests!.rows).toBeGreaterThan(10_000);
  });

  it('elections import', async () => {
    const { want } = await killRerunCompare('elections', {
      args: ['elections', 'import', electionFixture('kobak-2021-moscow.csv.zip'), electionFixture('meduza-moscow-2021-single-mandate.tsv'), '--json'],
      phase: 'elections.file#2',
      detail: /file=\S+/,
      tables: ['elections', 'election_choices', 'election_files', 'election_stations', 'election_rejects', 'election_district_results', 'election_deg_bins'],
      committed: { sql: 'SELECT count(*) AS n FROM election_files', n: 1 },
    });
    expect(want.election_stations!.rows).toBeGreaterThan(1000);
    expect(want.election_district_results!.rows).toBeGreaterThan(0);
  });

  it('signals import', async () => {
    const { want } = await killRerunCompare('signals', {
      args: ['signals', 'import', IODA, OONI_COUNTS, '--json'],
      phase: 'signals.file#2',
      detail: /file=\S+ points=\d+/,
      tables: ['signal_points', 'signal_files'],
      committed: { sql: 'SELECT count(*) AS n FROM signal_files', n: 1 },
    });
    expect(want.signal_points!.rows).toBeGreaterThan(1000);
  });

  it('events import (STOP CSV)', async () => {
    const { want } = await killRerunCompare('events', {
      args: ['events', 'import', STOP, '--snapshot', '2026-05-20', '--json'],
      phase: 'ledger.events#1',
      detail: /events=\d+/,
      tables: ['events', 'event_revisions', 'event_links'],
      // killed after the events and their links are written, before COMMIT: neither is left
      committed: { sql: 'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM event_links) AS n', n: 0 },
      // the documents carry the time of the write (createdAt, updatedAt, revisions' at)
      skip: ['doc', 'current', 'previous'],
    });
    expect(want.events!.rows).toBeGreaterThan(5);
  });
});
