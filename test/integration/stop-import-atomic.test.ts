/**
 * A STOP import writes its events, their `stop_row` links, the file's rejects list and the
 * retraction of events an earlier import made of duplicate records in one transaction: when any
 * part of it fails (here a table is out of the way) or the process is killed, the store is as it
 * was before the import, and a rerun gives exactly what one uninterrupted import gives, without
 * duplicates. Real data: test/fixtures/stop/cost-sample.csv (repeats, near-duplicates and more
 * than 20 new events, so the bulk path of the write is the one taken), near-duplicates.csv and
 * earlier/near-duplicates.csv (Access Now #KeepItOn STOP records, see SOURCES.md there).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { cli, runBin, tempDir } from '../helpers/index.js';
import { killInside, readFile, tableDigests } from '../helpers/kill.js';

const t = tempDir();
afterAll(() => t.cleanup());
const STOP = packagePath('test', 'fixtures', 'stop', 'cost-sample.csv');
const TABLES = ['events', 'event_revisions', 'event_links'];
// the times of the write, and the documents that embed them
const SKIP = ['updated_at', 'revised_at', 'doc', 'current', 'previous'];
const importInto = (db: string) => cli(['events', 'import', STOP, '--snapshot', '2026-05-20', '--json', '--db', db]);
const sql = (db: string, text: string) => readFile(db, (_q, rows) => rows(text));

describe('STOP import: events and links in one transaction', () => {
  it('a failure writing the links leaves no event; the rerun gives the uninterrupted import, and a second changes nothing', async () => {
    const ref = join(t.dir, 'ref.duckdb');
    expect([0, 3]).toContain((await importInto(ref)).code);
    const want = await tableDigests(ref, TABLES, SKIP);
    expect(want.events!.rows).toBeGreaterThan(20);
    expect(want.event_links!.rows).toBeGreaterThan(want.events!.rows);

    const db = join(t.dir, 'failed.duckdb');
    expect((await cli(['db', 'migrate', '--json', '--db', db])).code).toBe(0);
    await sql(db, 'ALTER TABLE event_links RENAME TO event_links_away');
    const failed = await importInto(db);
    expect(failed.code, failed.out + failed.err).toBe(1);
    expect(failed.out + failed.err).toMatch(/event_links/);
    const left = await readFile(db, (q) => q('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM event_revisions) AS n'));
    expect(left, 'events or revisions stored without their links').toBe(0);

    await sql(db, 'ALTER TABLE event_links_away RENAME TO event_links');
    expect([0, 3]).toContain((await importInto(db)).code);
    expect(await tableDigests(db, TABLES, SKIP)).toEqual(want);
    expect([0, 3]).toContain((await importInto(db)).code);
    expect(await tableDigests(db, TABLES, SKIP)).toEqual(want);
  });
});

/**
 * The store holds an earlier import of a file of the same name (records 2 and 3 of
 * near-duplicates.csv on their own, so each made an event, and a record that was rejected); the
 * import of near-duplicates.csv then creates the two kept events, retracts the two earlier ones
 * (each duplicates a kept one) and empties the file's rejects list.
 */
describe('STOP import: rejects list and retractions in the same transaction', () => {
  const NEAR = packagePath('test', 'fixtures', 'stop', 'near-duplicates.csv');
  const EARLIER = packagePath('test', 'fixtures', 'stop', 'earlier', 'near-duplicates.csv');
  const ALL = [...TABLES, 'import_rejects'];
  const SKIP_ALL = [...SKIP, 'rejected_at'];
  const args = (file: string, db: string) => ['events', 'import', file, '--snapshot', '2026-05-20', '--json', '--db', db];
  const status = (db: string) => sql(db, 'SELECT id, status, revision FROM events ORDER BY id');
  const rejectsOf = (db: string) => sql(db, "SELECT source_file, line, reason FROM import_rejects WHERE import_kind = 'stop' ORDER BY line");
  /** A store holding the earlier import only. */
  async function earlier(name: string): Promise<string> {
    const db = join(t.dir, `${name}.duckdb`);
    expect((await runBin(args(EARLIER, db))).code).toBe(3); // one record rejected
    return db;
  }

  // the store before the import and after one uninterrupted import
  let before: Awaited<ReturnType<typeof tableDigests>>;
  let want: Awaited<ReturnType<typeof tableDigests>>;
  beforeAll(async () => {
    const ref = await earlier('near-ref');
    before = await tableDigests(ref, ALL, SKIP_ALL);
    expect(await rejectsOf(ref)).toEqual([{ source_file: 'near-duplicates.csv', line: 6, reason: expect.stringMatching(/end_date: 2020-02-12 is before/) }]);
    expect((await runBin(args(NEAR, ref))).code).toBe(0);
    want = await tableDigests(ref, ALL, SKIP_ALL);
    expect(await status(ref)).toEqual([
      { id: 'stop-in-2017-05-24-saharanpur-district-uttar-prades-8a6d8a', status: 'active', revision: 1 },
      { id: 'stop-in-2017-05-24-saharanpur-uttar-pradesh-010c7a', status: 'retracted', revision: 2 },
      { id: 'stop-in-2019-02-12-pulwama-district-jammu-and-kashm-030059', status: 'active', revision: 1 },
      { id: 'stop-in-2019-02-12-pulwama-jammu-and-kashmir-65a2cf', status: 'retracted', revision: 2 },
    ]);
    expect(await rejectsOf(ref)).toEqual([]);
  }, 60_000);

  it('a failure after the events are written leaves the store as before; the rerun equals an uninterrupted import', async () => {
    // The rejects list is written after the events, links and retractions: with its table out of
    // the way the import fails there, and none of the rest may stay.
    const db = await earlier('near-failed');
    await sql(db, 'ALTER TABLE import_rejects RENAME TO import_rejects_away');
    const failed = await runBin(args(NEAR, db));
    expect(failed.code, failed.out + failed.err).toBe(1);
    expect(failed.out + failed.err).toMatch(/import_rejects/);
    await sql(db, 'ALTER TABLE import_rejects_away RENAME TO import_rejects');
    expect(await tableDigests(db, ALL, SKIP_ALL), 'the failed import changed the store').toEqual(before);

    expect((await runBin(args(NEAR, db))).code).toBe(0);
    expect(await tableDigests(db, ALL, SKIP_ALL)).toEqual(want);
    expect((await runBin(args(NEAR, db))).code).toBe(0);
    expect(await tableDigests(db, ALL, SKIP_ALL), 'a second rerun changed the store').toEqual(want);
  });

  it('kill -9 inside any transaction of the import leaves the store before or after it, never between', async () => {
    // The import's write is one transaction: killed inside it nothing is left; asked to stop in a
    // second ledger transaction it never reaches one and ends with everything written.
    for (const phase of ['ledger.events#2', 'ledger.events#1']) {
      const db = await earlier(`near-kill-${phase.slice(-1)}`);
      const k = await killInside(phase, args(NEAR, db));
      const got = await tableDigests(db, ALL, SKIP_ALL);
      if (phase.endsWith('#1')) {
        expect(k.marker).toMatch(/events=4 links=4 rejects=0/);
        expect(got, `killed inside ${phase}`).toEqual(before);
      } else {
        expect(k.marker, `the import opened a second transaction: ${k.marker}`).toBeNull();
        expect(got).toEqual(want);
      }
      expect((await runBin(args(NEAR, db))).code).toBe(0);
      expect(await tableDigests(db, ALL, SKIP_ALL), `rerun after ${phase}`).toEqual(want);
    }
  });
});
