// Every importer treats a path that is not there the same way: exit 1, naming the path, and
// nothing stored.
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
