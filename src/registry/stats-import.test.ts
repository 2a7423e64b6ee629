// The derived daily series of the register through `registry import`, against a temporary store.
// Rows are the first lines of the shipped series (data/registry, real); the cases that the
// shipped file does not hold (a repeated column, a future day, LF rows under a CRLF header) are
// SYNTHETIC edits of them, said so in each test.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { importRegistry } from './import.js';

const SHIPPED = readFileSync(packagePath('data', 'registry', 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv'), 'utf8').split('\r\n');
const HEADER = SHIPPED[0]!;
const ROWS = SHIPPED.slice(1, 6);

describe('registry import of the daily series', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = tempDir('registry-daily-');
  });
  afterEach(async () => {
    await cleanup();
    dir.cleanup();
  });
  const run = (name: string, text: string) => {
    const path = join(dir.dir, name);
    writeFileSync(path, text);
    return importRegistry({ store, clock: fixedClock('2026-12-06T12:00:00Z'), progress: silentProgress }, [path]);
  };

  it('reads the shipped rows (CRLF): read = stored', async () => {
    const r = await run('a_daily_stats_DERIVED.csv', [HEADER, ...ROWS, ''].join('\r\n'));
    expect(r.files[0]).toMatchObject({ lines: 6, stored: 5, rejected: 0, reconciled: true });
  });

  it('refuses a header that repeats a column, naming it (SYNTHETIC: a second "records" column)', async () => {
    const text = [`${HEADER},records`, ...ROWS.map((l) => `${l},999`), ''].join('\r\n');
    await expect(run('dup_daily_stats_DERIVED.csv', text)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/dup_daily_stats_DERIVED\.csv: line 1: the header repeats column "records"/),
    });
    expect(await store.registry.listDailyStats()).toEqual([]);
  });
});
