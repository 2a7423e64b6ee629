// A STOP snapshot cannot be dated after today: such a file is refused (VALIDATION, exit 2) naming
// the date and where it came from, and nothing is stored. Real records: test/fixtures/stop/sudan.csv;
// the future file names are SYNTHETIC copies of it.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { tempDir, tempStore } from '../../../test/helpers/index.js';
import { importStopFile } from './load.js';

const SUDAN = packagePath('test', 'fixtures', 'stop', 'sudan.csv');

describe('importStopFile: the snapshot date', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = tempDir('stop-snapshot-');
  });
  afterEach(async () => {
    await cleanup();
    dir.cleanup();
  });
  const deps = () => ({ store, clock: fixedClock('2026-06-02T12:00:00Z'), progress: silentProgress });
  const stopEvents = async () => (await store.ledger.listEvents({ statuses: ['active'], origin: 'stop', limit: 100 })).length;

  it('refuses a --snapshot after today, naming it, and stores nothing', async () => {
    await expect(importStopFile(deps(), SUDAN, '2099-01-01')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^--snapshot: the snapshot date 2099-01-01 is after today \(the latest date begun anywhere is 2026-06-0[23]\)/),
    });
    expect(await stopEvents()).toBe(0);
  });

  it('refuses a file name dated after today (SYNTHETIC name), naming the file', async () => {
    const path = join(dir.dir, 'stop_snapshot-2027-01-01.csv');
    copyFileSync(SUDAN, path);
    await expect(importStopFile(deps(), path)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('the date in the file name stop_snapshot-2027-01-01.csv: the snapshot date 2027-01-01 is after today'),
    });
  });

  it("takes today's snapshot", async () => {
    const r = await importStopFile(deps(), SUDAN, '2026-06-02');
    expect(r.rows_stored).toBe(25);
    expect(await stopEvents()).toBeGreaterThan(0);
  });
});
