/**
 * `measurements files` shows a page of the ingest manifest (100 newest by default): a listing
 * shorter than the manifest says how many files there are and the --limit that lists them all,
 * and `--paths` prints each full path on its own line (what `ingest` takes again), the note on
 * stderr. Real data: the OONI QA fixture files.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'files.duckdb');
const FILES = ['measurements.jsonl.gz', 'synthetic.jsonl.gz'].map((f) => packagePath('test', 'fixtures', 'ooni-qa', f));
beforeAll(async () => {
  const r = await cli(['ingest', ...FILES, '--db', db, '--json']);
  expect(r.code, r.err).toBeLessThan(4);
}, 120_000);
afterAll(() => t.cleanup());

describe('measurements files', () => {
  it('a page shorter than the manifest says so and how to list every file', async () => {
    const page = await cli(['measurements', 'files', '--limit', '1', '--db', db]);
    expect(page.code, page.err).toBe(0);
    expect(page.out).toContain('1 of 2 files listed, newest first: --limit 2 lists them all');
    const all = await cli(['measurements', 'files', '--db', db]);
    expect(all.out).not.toContain('files listed');
  });

  it('--paths prints every full path, one a line; a shorter page says so on stderr', async () => {
    const all = await cli(['measurements', 'files', '--paths', '--db', db]);
    expect(all.code, all.err).toBe(0);
    expect(all.out.trim().split('\n').sort()).toEqual([...FILES].sort());
    expect(all.err).toBe('');
    const page = await cli(['measurements', 'files', '--paths', '--limit', '1', '--db', db]);
    expect(page.out.trim().split('\n')).toHaveLength(1);
    expect(FILES).toContain(page.out.trim());
    expect(page.err).toContain('1 of 2 files listed, newest first: --limit 2 lists them all');
  });
});
