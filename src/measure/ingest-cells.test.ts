// ingest's report counts the aggregation cells every refresh of the run rewrote: the refreshes
// made while a long ingest runs (every 5 s) and the last one, not only the last. Real data: the
// bucket sample (test/fixtures/ooni/bucket-sample); the clock is SYNTHETIC (performance.now
// advances 6 s per reading, so every finished file refreshes the cells).
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { ingest } from './ingest.js';

const SAMPLE = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample');

describe('ingest report: cells refreshed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sums every refresh of the run, the periodic ones included', async () => {
    const s = await tempStore();
    try {
      const refresh = s.store.measure.refreshCells.bind(s.store.measure);
      const each: { keys: number; cells: number }[] = [];
      s.store.measure.refreshCells = async (now) => {
        const r = await refresh(now);
        each.push(r);
        return r;
      };
      const real = performance.now.bind(performance);
      let readings = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => real() + 6000 * readings++);
      const r = await ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths: [SAMPLE], workers: 0 });
      expect(r.files.ingested).toBeGreaterThan(2);
      expect(each.length).toBeGreaterThan(2);
      // the last refresh finds nothing left: every cell was refreshed while the run went on
      expect(each.at(-1)).toEqual({ keys: 0, cells: 0 });
      expect(r.cells).toEqual({ keys: each.reduce((a, x) => a + x.keys, 0), cells: each.reduce((a, x) => a + x.cells, 0) });
      // every cell the run wrote was refreshed at least once
      const stored = (await s.store.measure.cells({ grain: 'day' })).length + (await s.store.measure.cells({ grain: 'hour' })).length;
      expect(stored).toBeGreaterThan(0);
      expect(r.cells.cells).toBeGreaterThanOrEqual(stored);
    } finally {
      await s.store.close().catch(() => undefined);
    }
  });
});
