// A store request that failed part-way (SYNTHETIC ops that fail the way a stopped shard fails them:
// the store's own error, src/store/clickhouse/shard-errors.ts, with a real address layout): an op
// that writes says the files it finished stay stored and a rerun completes the rest; a read,
// over HTTP or the CLI, only that the request did not complete.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localGrant, systemClock, silentProgress, AppError } from '../shared/index.js';
import { shardsDown } from '../store/clickhouse/shard-errors.js';
import { parseStoreUrl, type ClickHouseTarget, type Store } from '../store/index.js';
import { defineOp, executeOp } from './define.js';
import { AFTER_FAILED_WRITE } from './after-failure.js';

const t = parseStoreUrl('clickhouse://127.0.0.1:19400/splinternet?cluster=splinternet') as ClickHouseTarget;
const stopped = () =>
  shardsDown(
    t,
    [{ shard: 2, host: '127.0.0.1', port: 19401, error: 'connect ECONNREFUSED 127.0.0.1:19401' }],
    new Error('Code: 279, All connection tries failed'),
  );
const failing = (write: boolean | ((i: { emit?: boolean }) => boolean)) =>
  defineOp({
    name: 'test.fails',
    summary: 'fails on a stopped shard',
    write,
    input: z.object({ emit: z.boolean().optional() }),
    output: z.object({}),
    run: () => Promise.reject(stopped()),
  });
const ctx = { store: {} as Store, clock: systemClock, progress: silentProgress, actor: 'test', grant: localGrant('test'), dbPath: ':memory:' };
const errorOf = async (p: Promise<unknown>): Promise<AppError> =>
  p.then(
    () => Promise.reject(new Error('no error')),
    (e: AppError) => e,
  );

describe('a store request that did not complete', () => {
  it('an op that writes says the files it finished stay stored and a rerun completes the rest (exit 2, 503 kept)', async () => {
    for (const [op, input] of [
      [failing(true), {}],
      [failing((i) => i.emit === true), { emit: true }],
    ] as const) {
      const e = await errorOf(executeOp(ctx, op, input));
      expect(e.code).toBe('STORE_UNREACHABLE');
      expect(e.message).toMatch(new RegExp(`; this request did not complete; ${AFTER_FAILED_WRITE.replace(/[()]/g, '\\$&')}$`));
    }
  });

  it('a read says only that the request did not complete, never the import advice', async () => {
    for (const [op, input] of [
      [failing(false), {}],
      [failing((i) => i.emit === true), {}],
    ] as const) {
      const e = await errorOf(executeOp(ctx, op, input));
      expect(e.code).toBe('STORE_UNREACHABLE');
      expect(e.message).toMatch(/; this request did not complete$/);
      expect(e.message).not.toMatch(/import|rerun/);
    }
  });
});
