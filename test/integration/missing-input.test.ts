// Every importer treats a path that is not there the same way: exit 1, naming the path, and
// nothing stored. A file to write into a folder that is not there (a backup, a restored
// database) is exit 1 naming that folder, and nothing is created.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir('splinternet-missing-input-');
afterAll(() => t.cleanup());

describe('a missing input path', () => {
  it.each([
    ['ingest', 'nope.jsonl'],
    ['registry import', 'nope.csv'],
    ['signals import', 'nope.csv'],
    ['speedtests import', 'nope.csv'],
    ['events import', 'nope.csv'],
    ['elections import', 'nope.csv'],
    ['fingerprints import', 'nope.csv'],
    ['measurements agreement', 'nope.jsonl'],
  ])('%s exits 1 and names it', async (command, name) => {
    const path = join(t.dir, name);
    const r = await cli([...command.split(' '), path, '--db', join(t.dir, 'db.duckdb')]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(name);
  });
});

describe('watch folder options, checked before the first cycle', () => {
  it.each([
    ['--signals-dir', 'not there', () => join(t.dir, 'no-inbox'), /--signals-dir: cannot read .*no-inbox: no such file or directory/],
    ['--signals-dir', 'a file', () => writeFile('inbox-file.csv'), /--signals-dir: .*inbox-file\.csv is a file, not a folder/],
    ['--ooni-dest', 'a file', () => writeFile('dest-file'), /--ooni-dest: .*dest-file is a file, not a folder/],
  ])('%s naming %s: exit 1 naming the option and the path, no cycle run', async (flag, _what, path, message) => {
    const extra = flag === '--ooni-dest' ? ['--ooni-sync', 'http://127.0.0.1:9/none', '--cc', 'IR'] : [];
    const r = await cli(['watch', '--once', flag, path(), ...extra, '--db', join(t.dir, 'watch.duckdb')]);
    expect(r.code, r.err + r.out).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/cycle|ENOENT/);
  });
});

// SYNTHETIC: an empty file where a folder is expected
function writeFile(name: string): string {
  const p = join(t.dir, name);
  writeFileSync(p, '');
  return p;
}

describe('a file to write in a folder that is not there', () => {
  const db = join(t.dir, 'source.duckdb');
  const backup = join(t.dir, 'source-backup.duckdb');

  it('db backup into it exits 1 naming the folder', async () => {
    expect((await cli(['db', 'migrate', '--db', db])).code).toBe(0);
    const r = await cli(['db', 'backup', join(t.dir, 'no-backups', 'b.duckdb'), '--db', db]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(`the folder ${join(t.dir, 'no-backups')} does not exist`);
    expect(existsSync(join(t.dir, 'no-backups'))).toBe(false);
  });

  it.each([
    ['does not exist', () => join(t.dir, 'new-dir'), (dir: string) => `the folder ${dir} does not exist`],
    ['is a file', () => writeFile('plain-file'), (dir: string) => `${dir} is a file, not a folder`],
  ])('db restore to a --db whose folder %s exits 1 naming the folder, never an internal error', async (_what, folder, said) => {
    if (!existsSync(backup)) expect((await cli(['db', 'backup', backup, '--db', db])).code).toBe(0);
    const dir = folder();
    const r = await cli(['db', 'restore', backup, '--db', join(dir, 'x.duckdb')]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(said(dir));
    expect(r.err).not.toMatch(/internal error|ENOENT|ENOTDIR/);
    expect(existsSync(join(dir, 'x.duckdb'))).toBe(false);
  });
});
