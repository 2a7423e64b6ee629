/**
 * Importing a speed-test dataset again, whole or in part, stores each test once: a file or a
 * sub-folder of a loaded dataset is keyed as the dataset's own import keys it (the dataset is
 * the nearest folder up holding its licence or manifest), so it replaces its rows and cites the
 * dataset's source, not a new source of unknown licence. A file whose bytes are stored already
 * (a copy of the folder under another name, an upload) is not stored again, and the rejects its
 * import kept are listed again. The counts and the list of rejects agree: a file refused whole (an
 * empty file, a header without a needed column) is counted in files_rejected.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempStore } from '../../../test/helpers/index.js';
import { fixedClock, packagePath, silentProgress } from '../../shared/index.js';
import { importSpeedTests, parseSpeedTestFile } from './import.js';

const REAL = packagePath('data', 'throttling', 'russia-twitter-throttle');
const head = (file: string, lines: number) => readFileSync(file, 'utf8').split('\n').slice(0, lines).join('\n') + '\n';

let t: Awaited<ReturnType<typeof tempStore>>;
const tmp = tempDir();
const ds = join(tmp.dir, 'russia-twitter-throttle');
beforeAll(async () => {
  t = await tempStore();
  // the real dataset's licence and the first lines of two real days, in the dataset's layout
  mkdirSync(join(ds, '2021-03'), { recursive: true });
  cpSync(join(REAL, 'LICENSE'), join(ds, 'LICENSE'));
  for (const d of ['13', '14']) writeFileSync(join(ds, '2021-03', `${d}.csv`), head(join(REAL, '2021-03', `${d}.csv`), 120));
});
afterAll(async () => {
  await t.cleanup();
  tmp.cleanup();
});

describe('speedtests import of part of a loaded dataset', () => {
  const deps = () => ({ store: t.store, clock: fixedClock('2026-01-01T00:00:00Z'), progress: silentProgress });
  it('one file, then its folder: same dataset, rows replaced, the total unchanged, one source', async () => {
    const whole = await importSpeedTests(deps(), ds);
    expect(whole.source.licence).toBe('CC BY 4.0');
    const total = (await t.store.speedtests.count()).total;
    expect(total).toBe(whole.stored);

    const one = await importSpeedTests(deps(), join(ds, '2021-03', '13.csv'));
    expect(one.dataset).toBe(whole.dataset);
    expect(one.source.licence).toBe('CC BY 4.0');
    expect(one.replaced).toBe(one.stored);
    const month = await importSpeedTests(deps(), join(ds, '2021-03'));
    expect(month.dataset).toBe(whole.dataset);
    expect(month.replaced).toBe(month.stored);

    expect((await t.store.speedtests.count()).total).toBe(total);
    expect((await t.store.speedtests.listSources()).map((s) => s.dataset)).toEqual([whole.dataset]);
  });

  it('the same files under another folder name: nothing stored again, each named with where it is stored', async () => {
    const total = (await t.store.speedtests.count()).total;
    const copy = join(tmp.dir, 'copy-of-dataset');
    cpSync(ds, copy, { recursive: true });
    const again = await importSpeedTests(deps(), copy);
    expect(again.stored).toBe(0);
    expect(again.unchanged).toEqual([
      { file: '2021-03/13.csv', stored_as: 'russia-twitter-throttle/2021-03/13.csv', rejects: 0 },
      { file: '2021-03/14.csv', stored_as: 'russia-twitter-throttle/2021-03/14.csv', rejects: 0 },
    ]);
    expect(again.reconciled).toBe(true);
    expect((await t.store.speedtests.count()).total).toBe(total);
    expect((await t.store.speedtests.listSources()).map((s) => s.dataset)).toEqual(['russia-twitter-throttle']);
  });

  it('on a store whose files were stored before their hashes were recorded, a copy is still not stored again (each stored file hashed once)', async () => {
    const old = await tempStore();
    try {
      // imported now: after the files were written (a file changed since its import is not hashed)
      const d = { store: old.store, clock: fixedClock(new Date().toISOString()), progress: silentProgress };
      const first = await importSpeedTests(d, ds);
      // as an import before hashes were recorded left them: the same rows, no hash
      for (const f of ['2021-03/13.csv', '2021-03/14.csv'])
        await old.store.speedtests.replaceFile(first.dataset, f, parseSpeedTestFile(readFileSync(join(ds, f)), Date.now()).rows);
      expect(await old.store.speedtests.filesWithoutHash()).toHaveLength(2);
      const total = (await old.store.speedtests.count()).total;
      const copy = join(tmp.dir, 'copy-before-hashes');
      cpSync(ds, copy, { recursive: true });
      const again = await importSpeedTests(d, join(copy, '2021-03', '14.csv'));
      expect(again.stored).toBe(0);
      expect(again.unchanged).toEqual([{ file: '2021-03/14.csv', stored_as: 'russia-twitter-throttle/2021-03/14.csv', rejects: 0 }]);
      expect((await old.store.speedtests.count()).total).toBe(total);
      // the hashes are recorded: no stored file is hashed again
      expect(await old.store.speedtests.filesWithoutHash()).toEqual([]);
    } finally {
      await old.cleanup();
    }
  });
});

describe('speedtests import: the rejects counted as they are listed', () => {
  const deps = () => ({ store: t.store, clock: fixedClock('2026-01-01T00:00:00Z'), progress: silentProgress });
  const BAD = packagePath('test', 'fixtures', 'speedtests-bad');

  it('an empty file is one file refused whole, listed with empty_file at line 1', async () => {
    const dir = join(tmp.dir, 'st');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'empty.csv'), '');
    const r = await importSpeedTests(deps(), join(dir, 'empty.csv'));
    expect(r).toMatchObject({ lines_read: 0, stored: 0, rejected: 0, files_rejected: 1, rejects_total: 1, reconciled: true });
    expect(r.rejects).toEqual([{ file: 'empty.csv', line: 1, reason: expect.stringMatching(/^empty_file/) }]);
  });

  it('a file stored already, imported again by its own path, lists the rejects its import kept', async () => {
    const first = await importSpeedTests(deps(), BAD);
    // 14.csv (missing control_result) and 16.csv (UTF-16) are refused whole; 13.csv and 15.csv have bad lines
    expect(first).toMatchObject({ lines_read: 9, stored: 3, rejected: 6, files_rejected: 2 });
    const again = await importSpeedTests(deps(), join(BAD, '2021-03', '13.csv'));
    expect(again.unchanged).toEqual([{ file: '13.csv', stored_as: 'speedtests-bad/2021-03/13.csv', rejects: 2 }]);
    expect(again.rejects.map((x) => [x.file, x.line])).toEqual([
      ['13.csv', 3],
      ['13.csv', 4],
    ]);
    expect(again.rejects_total).toBe(2);
  });
});
