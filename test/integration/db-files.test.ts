/**
 * The files `db backup` and `db restore` leave: a backup is never more readable than its
 * database, and a restored database keeps its mode.
 */
import { chmodSync, existsSync, lstatSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'live.duckdb');
afterAll(() => t.cleanup());
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

beforeAll(async () => {
  // the real OONI bucket sample, stored as any user's ingest stores it
  const r = await cli(['ingest', packagePath('test', 'fixtures', 'ooni', 'bucket-sample'), '--json', '--db', db]);
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe('file modes', () => {
  it('a 0600 database gives a 0600 backup, and stays 0600 when a 0644 backup is restored over it', async () => {
    const open = join(t.dir, 'open.duckdb');
    expect((await cli(['db', 'backup', open, '--db', db])).code).toBe(0);
    chmodSync(open, 0o644);
    chmodSync(db, 0o600);
    const closed = join(t.dir, 'closed.duckdb');
    expect((await cli(['db', 'backup', closed, '--db', db])).code).toBe(0);
    expect(modeOf(closed)).toBe('600');
    const r = await cli(['db', 'restore', open, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(modeOf(db)).toBe('600');
    // a database restored where there was none takes the backup's mode
    const fresh = join(t.dir, 'fresh.duckdb');
    expect((await cli(['db', 'restore', closed, '--db', fresh])).code).toBe(0);
    expect(modeOf(fresh)).toBe('600');
  });
});

describe('a --db that is a symlink to a file not there yet', () => {
  it('restore follows it as the other writers do: the link stays a link, its target is the database', async () => {
    const backup = join(t.dir, 'for-link.duckdb');
    expect((await cli(['db', 'backup', backup, '--db', db])).code).toBe(0);
    const target = join(t.dir, 'not-yet.duckdb');
    const link = join(t.dir, 'dangling.duckdb');
    symlinkSync(target, link);
    const r = await cli(['db', 'restore', backup, '--json', '--db', link]);
    expect(r.code, r.err).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(existsSync(target)).toBe(true);
    expect((JSON.parse(r.out) as { to: string }).to).toBe(target);
    // and a relative link, resolved against its own folder
    const rel = join(t.dir, 'rel-link.duckdb');
    symlinkSync('rel-target.duckdb', rel);
    expect((await cli(['db', 'restore', backup, '--db', rel])).code).toBe(0);
    expect(lstatSync(rel).isSymbolicLink()).toBe(true);
    expect(existsSync(join(t.dir, 'rel-target.duckdb'))).toBe(true);
  });
});
