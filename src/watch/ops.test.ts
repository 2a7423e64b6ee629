// hooks.replay takes one rule from every caller: a delivery id, or `all: true` for every dead
// delivery; neither (or both) is refused naming the field, over the API (400) and the CLI (exit 2)
// alike (SYNTHETIC: an empty store).
import { renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeOp } from '../op/index.js';
import { silentProgress, systemClock, type Grant } from '../shared/index.js';
import { openStore, type Store } from '../store/index.js';
import { cli, tempDir, tempStore } from '../../test/helpers/index.js';
import { createEvent } from '../ledger/index.js';
import { sampleEvent } from '../../test/helpers/index.js';
import { addHook, deliverDue, enqueueNotices } from './hooks.js';
import { hooksDeliveries, hooksList, hooksReplay } from './ops.js';

let store: Store;
let path: string;
let cleanup: () => Promise<void>;
const admin: Grant = { actor: 'token:1:t', scopes: ['admin'], files: [] };
const run = (input: Record<string, unknown>) =>
  executeOp({ store, clock: systemClock, progress: silentProgress, actor: admin.actor, dbPath: path, grant: admin }, hooksReplay, input);

beforeEach(async () => ({ store, path, cleanup } = await tempStore()));
afterEach(() => cleanup());

describe('hooks.replay input', () => {
  it('refuses {} naming id, and id with all naming all', async () => {
    await expect(run({})).rejects.toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: ['id'] })] });
    await expect(run({ id: 'dlv-1', all: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: ['all'] })],
    });
  });

  it('replays every dead delivery only with all: true', async () => {
    expect(await run({ all: true })).toEqual({ replayed: [], skipped: [] });
  });
});

describe('hooks replay (CLI)', () => {
  it('gives the same answer: exit 2 with neither an id nor --all, --all accepted', async () => {
    const t = tempDir();
    const db = join(t.dir, 'cli.duckdb');
    await (await openStore(db)).close();
    try {
      const none = await cli(['hooks', 'replay', '--db', db]);
      expect(none.code).toBe(2);
      expect(none.err).toMatch(/\bid\b.*\ball\b/);
      expect((await cli(['hooks', 'replay', '--all', '--db', db, '--json'])).code).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

describe('hooks answers over HTTP name the key file by its file name', () => {
  it('secret_problem (hooks.list) and last_error (hooks.deliveries), as rotate-key shows key_file', async () => {
    const deps = { store, clock: systemClock, actor: 'tester' };
    await addHook(deps, { url: 'https://receiver.example/hook' });
    await createEvent(deps, sampleEvent({ id: 'p1', status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(deps);
    renameSync(`${path}.key`, `${path}.key.moved`);
    await deliverDue({ ...deps, send: () => Promise.resolve({ status: 200 }) });
    const ctx = (grant: Grant) => ({ store, clock: systemClock, progress: silentProgress, actor: grant.actor, dbPath: path, grant });
    const remote = { ...admin, files: ['/srv/imports'] };
    const listed = await executeOp(ctx(remote), hooksList, {});
    const sent = await executeOp(ctx(remote), hooksDeliveries, {});
    const texts = [listed.items[0]!.secret_problem!, sent.items[0]!.last_error!];
    for (const t of texts) {
      expect(t).toContain(`the key file ${basename(path)}.key is missing`);
      expect(t).not.toContain(path);
    }
    // the local user (files 'any') sees the whole path
    const local = await executeOp(ctx({ ...admin, files: 'any' }), hooksList, {});
    expect(local.items[0]!.secret_problem).toContain(`${path}.key`);
  });
});

describe('hooks.deliveries pages', () => {
  it('says how many there are and where the next page starts, and the pages hold every delivery once', async () => {
    const deps = { store, clock: systemClock, actor: 'tester' };
    await addHook(deps, { url: 'https://receiver.example/hook' });
    for (const id of ['q1', 'q2', 'q3', 'q4', 'q5']) await createEvent(deps, sampleEvent({ id, status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(deps);
    const ctx = { store, clock: systemClock, progress: silentProgress, actor: admin.actor, dbPath: path, grant: admin };
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 4; page++) {
      const r = await executeOp(ctx, hooksDeliveries, { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(r.total).toBe(5);
      seen.push(...r.items.map((d) => d.id));
      if (!r.next_cursor) break;
      cursor = r.next_cursor;
    }
    const all = (await executeOp(ctx, hooksDeliveries, {})).items.map((d) => d.id);
    expect(all).toHaveLength(5);
    expect(seen).toEqual(all);
    await expect(executeOp(ctx, hooksDeliveries, { cursor: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('the CLI says when the list is cut and how to get the rest', async () => {
    const deps = { store, clock: systemClock, actor: 'tester' };
    await addHook(deps, { url: 'https://receiver.example/hook' });
    for (const id of ['r1', 'r2', 'r3']) await createEvent(deps, sampleEvent({ id, status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(deps);
    await store.close();
    const r = await cli(['hooks', 'deliveries', '--limit', '2', '--db', path]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\n2 of 3 · next: --cursor \S+\n$/);
    store = await openStore(path); // afterEach closes it
  });
});
