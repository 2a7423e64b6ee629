// A store write that fails mid-ingest (a shard stopping under the insert) makes ingest() reject
// with that error, once, and leaves no rejected promise unhandled: the CLI turns the error into
// its JSON error and exit code, where an unhandled rejection crashed the process with a stack
// trace. Real data: the bucket sample (test/fixtures/ooni/bucket-sample); the failure is
// SYNTHETIC (the store's group write throws from its third call on).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, fixedClock, silentProgress } from '../shared/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { ingest } from './ingest.js';

const SAMPLE = join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample');

describe('ingest when a store write fails mid-way', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  for (const [engine, workers] of [
    ['js', 0],
    ['js', 2],
    ['duckdb', 1],
  ] as const)
    it(`rejects with the store's error and leaves nothing unhandled (engine ${engine}, workers ${workers})`, async () => {
      unhandled.length = 0;
      process.on('unhandledRejection', onUnhandled);
      const s = await tempStore();
      try {
        const write = s.store.measure.writeGroup.bind(s.store.measure);
        let calls = 0;
        s.store.measure.writeGroup = async (g, at) => {
          if (++calls >= 3) throw new AppError('STORE', 'SYNTHETIC: shard 2 stopped under the insert');
          return write(g, at);
        };
        const run = ingest({ store: s.store, clock: fixedClock('2026-01-02T03:04:05.000Z'), progress: silentProgress }, { paths: [SAMPLE], engine, workers });
        await expect(run).rejects.toThrow('SYNTHETIC: shard 2 stopped');
        // let the rejections of writes still queued settle
        await new Promise((r) => setTimeout(r, 200));
        expect(calls).toBeGreaterThanOrEqual(3);
        expect(unhandled).toEqual([]);
      } finally {
        await s.store.close().catch(() => undefined);
      }
    });
});
