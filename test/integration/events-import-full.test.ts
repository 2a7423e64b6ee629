// `events import --full` asks for two things: store the records, and retract what the whole
// snapshot no longer describes. When the file cannot be taken as the whole snapshot, the second
// is not done: the command says why in its text and exits 3 (partial), never 0. Real records:
// test/fixtures/stop/sudan.csv (every Sudan record of the 2026-05-20 snapshot); the header-only
// and cut-down copies are SYNTHETIC edits of it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';

const SUDAN = readFileSync(packagePath('test', 'fixtures', 'stop', 'sudan.csv'), 'utf8');

describe('events import --full: exit 3 when the absent check is not done', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(async () => {
    dir = tempDir('import-full-');
    db = join(dir.dir, 's.duckdb');
    const whole = join(dir.dir, 'stop_snapshot-2026-05-20.csv');
    writeFileSync(whole, SUDAN);
    expect((await cli(['events', 'import', whole, '--full', '--db', db])).code).toBe(0);
  });
  afterEach(() => dir.cleanup());
  const file = (name: string, text: string) => {
    const path = join(dir.dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('the whole snapshot again: absent check done, exit 0, the text says so', async () => {
    const r = await cli(['events', 'import', join(dir.dir, 'stop_snapshot-2026-05-20.csv'), '--full', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('absent check: done');
  });

  it('a header-only file (SYNTHETIC): exit 3, the text names why nothing was retracted', async () => {
    const r = await cli(['events', 'import', file('stop_snapshot-2026-06-01.csv', SUDAN.split('\n')[0] + '\n'), '--full', '--db', db]);
    expect(r.code).toBe(3);
    expect(r.out).toContain('absent check: not done: the file holds no record');
  });

  it('an older snapshot (SYNTHETIC: the same records dated 2019): exit 3, --json says why in absent_check', async () => {
    const r = await cli(['events', 'import', file('stop_snapshot-2019-01-01.csv', SUDAN), '--full', '--json', '--db', db]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).absent_check).toMatch(/^not done: /);
  });

  it('without --full the check is not asked for: exit 0 and no absent-check line', async () => {
    const r = await cli(['events', 'import', file('stop_snapshot-2026-06-01.csv', SUDAN.split('\n').slice(0, 3).join('\n') + '\n'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('absent check');
  });
});
