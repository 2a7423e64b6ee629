/**
 * A STOP import writes its events and their `stop_row` links in one transaction: when the link
 * write fails (here the links table is out of the way, a failure between the events and the links)
 * the import stores neither, and a rerun once the table is back gives exactly what one
 * uninterrupted import gives, without duplicates. Real data: test/fixtures/stop/cost-sample.csv
 * (Access Now #KeepItOn STOP records, see SOURCES.md there): repeats, near-duplicates and more
 * than 20 new events, so the bulk path of the write is the one taken.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';
import { readFile, tableDigests } from '../helpers/kill.js';

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
