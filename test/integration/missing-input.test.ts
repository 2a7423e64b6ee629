// Every importer treats a path that is not there the same way: exit 1, naming the path, and
// nothing stored.
import { writeFileSync } from 'node:fs';
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
