// An election archive is imported only when it holds one file: an archive of several CSVs is
// refused (exit 2) naming them and nothing of it is stored, so no file in it is silently left
// unread; a folder entry is no file, so an archive of a folder and its one CSV imports whole.
// SYNTHETIC archives built from the real Moscow 2021 protocols (test/fixtures), split in two.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textOf } from '../../src/elections/text.js';
import { electionFixture as fx } from '../helpers/elections.js';
import { cli, tempDir } from '../helpers/index.js';
import { zipMany } from '../helpers/zip.js';

describe('election archives', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const [head, ...rows] = textOf(readFileSync(fx('kobak-2021-moscow.csv.zip')))
    .trimEnd()
    .split('\n');
  const mid = Math.floor(rows.length / 2);
  const csv = (ls: string[]) => Buffer.from([head, ...ls].join('\n') + '\n');

  it('a zip of two CSVs exits 2 naming both and stores nothing', async () => {
    const db = join(t.dir, 'two.duckdb');
    const zip = join(t.dir, 'two-2021.csv.zip');
    writeFileSync(
      zip,
      zipMany([
        { name: 'a.csv', body: csv(rows.slice(0, mid)), method: 0 },
        { name: 'b.csv', body: csv(rows.slice(mid)), method: 0 },
      ]),
    );
    const r = await cli(['elections', 'import', zip, '--db', db]);
    expect(r.code, r.out).toBe(2);
    expect(r.err).toContain('two-2021.csv.zip holds 2 files (a.csv, b.csv)');
    const list = await cli(['elections', 'list', '--json', '--db', db]);
    expect(list.code, list.out).toBe(0);
    expect(JSON.parse(list.out).items).toEqual([]);
  });

  it('a zip of a folder and its one CSV imports every station of it', async () => {
    const db = join(t.dir, 'dir.duckdb');
    const zip = join(t.dir, 'dir-2021.csv.zip');
    writeFileSync(
      zip,
      zipMany([
        { name: 'data/', body: Buffer.alloc(0), method: 0 },
        { name: 'data/2021.csv', body: csv(rows), method: 0 },
      ]),
    );
    const r = await cli(['elections', 'import', zip, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).files[0]).toMatchObject({ lines_read: rows.length, stored: rows.length, rejected: 0, reconciled: true });
  });
});
