// The fingerprints read polling stations only: the regional DEG aggregates of president-2024
// (test/fixtures/elections/kobak-2024-electronic-voting.csv, 29 real rows) are counted as left
// out, so stations_read + aggregates_left_out is every stored row the filter selects.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/index.js';
import { electionFixture as fx } from '../helpers/elections.js';
import { clock, cli, tempDir } from '../helpers/index.js';

const json = <T = any>(r: { out: string }) => JSON.parse(r.out) as T;

describe('fingerprints count the aggregates they leave out', () => {
  const t = tempDir();
  const db = join(t.dir, 'agg.duckdb');
  beforeAll(async () => {
    const r = await cli(['elections', 'import', fx('kobak-2024-electronic-voting.csv'), fx('kobak-2021-moscow.csv.zip'), '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
  });
  afterAll(() => t.cleanup());

  it('integers, shpilkin and fingerprints: stations_read + aggregates_left_out = the stations stored', async () => {
    const stored = Object.fromEntries(
      json(await cli(['elections', 'list', '--json', '--db', db])).items.map((e: { id: string; stations: number }) => [e.id, e.stations]),
    );
    expect(stored['president-2024']).toBeGreaterThan(0);
    for (const id of ['president-2024', 'duma-2021']) {
      const i = json(await cli(['elections', 'integers', id, '--reps', '20', '--json', '--db', db]));
      const s = json(await cli(['elections', 'shpilkin', id, '--json', '--db', db]));
      for (const a of [i, s]) expect(a.stations_read + a.aggregates_left_out, id).toBe(stored[id]);
    }
    const i24 = json(await cli(['elections', 'integers', 'president-2024', '--reps', '20', '--json', '--db', db]));
    expect([i24.stations_read, i24.aggregates_left_out]).toEqual([0, stored['president-2024']]);
    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      const f = (await (await app.request('/api/elections/president-2024/fingerprints?reps=0')).json()) as {
        stations_read: number;
        aggregates_left_out: number;
      };
      expect(f.stations_read + f.aggregates_left_out).toBe(stored['president-2024']);
    } finally {
      await store.close();
    }
  });
});
