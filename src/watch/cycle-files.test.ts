// The watched folder: a gzipped signal file is read as `signals import` reads it, and every entry the watch does not
// read (another extension, a partial upload, a subfolder) is counted and named in the cycle, never skipped silently.
// Real data: IODA's IranCell file from test/fixtures/outages, gzipped here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSignalFile } from '../signals/index.js';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { runCycle } from './cycle.js';

const IODA = join(import.meta.dirname, '../../test/fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
let store: Store;
let cleanup: () => Promise<void>;
let dir: string;
const old = new Date('2025-06-01T00:00:00Z');
const put = (name: string, data: string | Buffer) => {
  writeFileSync(join(dir, name), data);
  utimesSync(join(dir, name), old, old);
};

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  dir = mkdtempSync(join(tmpdir(), 'watch-files-'));
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await cleanup();
});

const cycle = () =>
  runCycle(
    { store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'watch:test' },
    { everyMs: 60_000, once: true, cc: ['IR'], signalsDir: dir, settleMs: 1000, origin: null },
  );

describe('the watched folder', () => {
  it('imports a .csv.gz as signals import does: every point of the file stored', async () => {
    const plain = readFileSync(IODA);
    put('ioda.csv.gz', gzipSync(plain));
    const s = await cycle();
    expect(s.inputs_new).toBe(1);
    expect(s.inputs_failed).toBe(0);
    // the same file, plain, through signals import into a store of its own
    const other = await tempStore();
    try {
      const r = await importSignalFile({ store: other.store, clock: fixedClock('2026-01-01T00:00:00Z') }, IODA, { ooniCounts: 'auto' });
      expect(r.file.stored).toBeGreaterThan(0);
      expect([s.points_stored, s.rejected]).toEqual([r.file.stored, r.file.rejected]);
    } finally {
      await other.cleanup();
    }
    // a second cycle takes nothing again
    expect((await cycle()).inputs_new).toBe(0);
  });

  it('counts and names each entry it does not read: other extensions, partial uploads, subfolders', async () => {
    put('README.md', '# notes\n');
    put('x.csv.part', 'partial');
    mkdirSync(join(dir, 'sub'));
    put('sub/inner.csv', readFileSync(IODA));
    const s = await cycle();
    expect(s.inputs_new).toBe(0);
    expect(s.inputs_skipped).toBe(3);
    expect(s.skipped_files).toEqual([
      `${join(dir, 'README.md')}: not a signal file name (.csv, .json, .ndjson, .jsonl, each also .gz)`,
      `${join(dir, 'sub')}: a folder (the watch reads the files directly in ${dir}, not subfolders)`,
      `${join(dir, 'x.csv.part')}: not a signal file name (.csv, .json, .ndjson, .jsonl, each also .gz)`,
    ]);
  });
});
