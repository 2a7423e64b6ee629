// Whether a watch is running, as watch-status tells it: a running watch holds a lease with its pid;
// after --once or a stop there is no next cycle (SYNTHETIC: an empty store, no signal folder).
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeOp } from '../op/index.js';
import { ANONYMOUS, silentProgress, systemClock, type Grant } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { watchStatus } from './cycle.js';
import { startWatch, watchOnce, type WatchDeps } from './loop.js';
import { watchStatusOp } from './ops.js';

let store: Store;
let cleanup: () => Promise<void>;
const deps = (): WatchDeps => ({ store, clock: systemClock, actor: 'tester', send: () => Promise.resolve({ status: 200 }), log: () => undefined });
const options = { everyMs: 3_600_000, cc: [], signalsDir: null, settleMs: 0, origin: null };

beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

describe('watch status', () => {
  it('after watch --once: no watch running and no next cycle', async () => {
    const r = await watchOnce(deps(), { ...options, once: true });
    expect(r.cycle.next_at).toBeNull();
    const s = await watchStatus(store, Date.now());
    expect(s.watch).toBeNull();
    expect(s.next_cycle).toBeNull();
    expect([s.running, s.cycle_running]).toEqual([false, false]);
    expect(s.last_cycle).toMatchObject({ status: 'done', next_at: null });
  });

  it('a running watch is named with its pid and next cycle; once stopped, neither', async () => {
    const h = await startWatch(deps(), options, undefined, 60_000);
    await h.nextCycle();
    const running = await watchStatus(store, Date.now());
    expect(running.watch).toMatchObject({ pid: process.pid, every_ms: 3_600_000 });
    // running: a watch holds the lease; cycle_running: one of its cycles is in progress (none between cycles)
    expect([running.running, running.cycle_running]).toEqual([true, false]);
    expect(Date.parse(running.next_cycle!)).toBeGreaterThan(Date.now() + 3_500_000);
    // a cycle of the running watch in progress (recorded as its loop records one)
    await store.watch.upsertCycle({ id: 'cyc-busy', started_at: new Date().toISOString(), finished_at: null, next_at: null, status: 'running', summary: null });
    expect((await watchStatus(store, Date.now())).cycle_running).toBe(true);
    await h.stop();
    const stopped = await watchStatus(store, Date.now());
    expect(stopped.watch).toBeNull();
    expect(stopped.next_cycle).toBeNull();
    expect([stopped.running, stopped.cycle_running]).toEqual([false, false]);
  });

  it('a cycle left running by a watch that died (kill -9) is shown interrupted once no watch runs, as the next start marks it', async () => {
    const started = new Date(Date.now() - 60_000).toISOString();
    await store.watch.upsertCycle({ id: 'cyc-cut', started_at: started, finished_at: null, next_at: null, status: 'running', summary: null });
    const s = await watchStatus(store, Date.now());
    expect([s.running, s.cycle_running]).toEqual([false, false]);
    expect(s.last_cycle).toMatchObject({ id: 'cyc-cut', status: 'interrupted', finished_at: null });
    // the store keeps what was written: the next start marks it and completes its work
    expect((await store.watch.lastCycles(1))[0]!.status).toBe('running');
  });

  it('a lease left by a watch that died (kill -9) lapses: no watch once it expires', async () => {
    const h = await startWatch(deps(), options, undefined, 60_000);
    await h.nextCycle();
    const lease = (await watchStatus(store, Date.now())).watch!;
    await h.stop();
    await store.watch.setCursor('watch.lease', JSON.stringify(lease), new Date().toISOString()); // as if never stopped
    expect((await watchStatus(store, Date.parse(lease.expires_at) - 1)).watch).not.toBeNull();
    expect((await watchStatus(store, Date.parse(lease.expires_at) + 1)).watch).toBeNull();
  });

  it('a lease left on this host by a process that no longer exists is no watch, before it expires', async () => {
    const h = await startWatch(deps(), options, undefined, 60_000);
    await h.nextCycle();
    const lease = (await watchStatus(store, Date.now())).watch!;
    await h.stop();
    const dead = spawnSync(process.execPath, ['-e', '']).pid; // a process that has exited
    await store.watch.setCursor('watch.lease', JSON.stringify({ ...lease, pid: dead }), new Date().toISOString());
    expect((await watchStatus(store, Date.now())).watch).toBeNull();
    // a lease from another host is judged by its expiry alone: its pid means nothing here
    await store.watch.setCursor('watch.lease', JSON.stringify({ ...lease, pid: dead, host: 'elsewhere.example' }), new Date().toISOString());
    expect((await watchStatus(store, Date.now())).watch).toMatchObject({ host: 'elsewhere.example' });
  });

  it("over HTTP the inputs and the errors name server files outside the caller's import folders by file name only", async () => {
    const file = '/srv/hidden/sig/ooni_iran_daily.csv';
    const mine = '/srv/imports/sig/mine.csv';
    const at = new Date().toISOString();
    for (const key of [file, mine])
      await store.watch.addInput({ kind: 'signals', key, checksum: 'c', seen_at: at, cycle_id: 'cyc-1', outcome: 'failed', detail: `cannot open ${key}` });
    const errors = [
      `${file}: 3 record(s) rejected; all: splinternet signals rejects --file ${file}`,
      `cannot read /srv/hidden/sig: EACCES`,
      `${mine}: not imported`,
      'ooni counts: https://api.ooni.io/api/v1/x failed',
    ];
    const summary = {
      cycle_id: 'cyc-1',
      started_at: at,
      finished_at: at,
      inputs_new: 2,
      inputs_failed: 2,
      points_stored: 0,
      rejected: 3,
      detections: 0,
      drafts_created: 0,
      notices_enqueued: 0,
      errors,
    };
    await store.watch.upsertCycle({ id: 'cyc-1', started_at: at, finished_at: at, next_at: null, status: 'done', summary });
    const ctx = { store, clock: systemClock, progress: silentProgress, actor: 'anonymous', dbPath: ':memory:' };
    const token: Grant = { actor: 'token:1:t', scopes: ['read'], files: ['/srv/imports'] };
    const seen = await executeOp({ ...ctx, grant: ANONYMOUS }, watchStatusOp, {});
    expect(seen.recent_inputs.map((i) => [i.key, i.detail]).sort()).toEqual([
      ['mine.csv', 'cannot open mine.csv'],
      ['ooni_iran_daily.csv', 'cannot open ooni_iran_daily.csv'],
    ]);
    expect(JSON.stringify(seen)).not.toContain('/srv/');
    expect((seen.last_cycle?.summary as { errors: string[] }).errors).toEqual([
      'ooni_iran_daily.csv: 3 record(s) rejected; all: splinternet signals rejects --file ooni_iran_daily.csv',
      'cannot read sig: EACCES',
      'mine.csv: not imported',
      'ooni counts: https://api.ooni.io/api/v1/x failed',
    ]);
    const theirs = await executeOp({ ...ctx, grant: token }, watchStatusOp, {});
    expect(theirs.recent_inputs.map((i) => i.key).sort()).toEqual([mine, 'ooni_iran_daily.csv']);
  });
});
