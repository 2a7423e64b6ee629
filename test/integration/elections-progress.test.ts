// An election import reports progress inside a protocol file, not only when a file is done: the
// national 2021 table (the real CEC protocols, 96,325 lines) is read with a `lines` counter every
// 10,000 lines, while `done` still counts the files finished before it.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importElections } from '../../src/elections/import.js';
import type { ProgressReporter } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { electionFixture as fx } from '../helpers/elections.js';
import { clock, tempDir } from '../helpers/index.js';

const t = tempDir();
afterAll(() => t.cleanup());

describe('elections import progress', () => {
  it('reports the lines read of the national 2021 table every 10,000 lines, before the file is done', async () => {
    const calls: { phase: string; done?: number; counters?: Record<string, number> }[] = [];
    const progress: ProgressReporter = {
      start: () => calls.push({ phase: 'start' }),
      update: (done, counters) => calls.push({ phase: 'update', done, counters }),
      stop: () => calls.push({ phase: 'stop' }),
    };
    const store = await openStore(join(t.dir, 'progress.duckdb'));
    try {
      const report = await importElections({ store, clock, progress }, [fx('meduza-moscow-2021-single-mandate.tsv'), fx('kobak-2021.csv.zip')]);
      expect(report.files.map((f) => f.lines_read)).toEqual([171, 96_325]);
      const updates = calls.filter((c) => c.phase === 'update');
      const inFile = updates.filter((c) => c.counters?.lines !== undefined);
      // nine ticks inside the protocol file, each with the one file finished before it
      expect(inFile.map((c) => c.counters!.lines)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000]);
      expect(inFile.every((c) => c.done === 1 && c.counters!.stored === 171 && c.counters!.rejected === 0)).toBe(true);
      // then the file is done: two files, every row counted, no lines counter left over
      expect(updates.at(-1)).toEqual({ phase: 'update', done: 2, counters: { stored: 171 + 96_325, rejected: 0 } });
      expect(calls.at(-1)).toEqual({ phase: 'stop' });
    } finally {
      await store.close();
    }
  });
});
