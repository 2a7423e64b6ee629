// The fingerprints read polling stations only: the regional DEG aggregates of president-2024
// (test/fixtures/elections/kobak-2024-electronic-voting.csv, 29 real rows) are counted as left
// out, so stations_read + aggregates_left_out is every stored row the filter selects; and the list
// and the summary count them apart from polling stations (`aggregates`), never as stations.
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

  it('the list and the summary count the 29 regional DEG totals as aggregates, not as stations', async () => {
    const list = json(await cli(['elections', 'list', '--json', '--db', db])).items;
    const p24 = list.find((e: { id: string }) => e.id === 'president-2024');
    expect([p24.stations, p24.aggregates]).toEqual([0, 29]);
    const d21 = list.find((e: { id: string }) => e.id === 'duma-2021');
    expect(d21.aggregates).toBe(0);
    // the text says as much as --json: a column of regional DEG totals beside the stations
    const listed = (await cli(['elections', 'list', '--db', db])).out.split('\n');
    expect(listed[0]).toMatch(/\bstations\s+aggregates\b/);
    expect(listed.find((l) => l.startsWith('president-2024'))).toMatch(/\s0\s+29\s/);
    expect(listed.find((l) => l.startsWith('duma-2021'))).toMatch(/\s3,660\s+0\s/);
    const s = json(await cli(['elections', 'summary', 'president-2024', '--json', '--db', db]));
    expect([s.totals.all.stations, s.totals.all.aggregates, s.totals.electronic.stations, s.totals.electronic.aggregates]).toEqual([0, 29, 0, 29]);
    expect(s.totals.electronic.cast).toBeGreaterThan(0);
    const text = (await cli(['elections', 'summary', 'president-2024', '--db', db])).out;
    expect(text).toContain('electronic: 0 stations and 29 regional DEG totals');
    const moscow = json(await cli(['elections', 'summary', 'president-2024', '--region', 'Moscow', '--json', '--db', db]));
    expect([moscow.totals.all.stations, moscow.totals.all.aggregates]).toEqual([0, 1]);
  });

  it('integers, shpilkin and fingerprints: stations_read + aggregates_left_out = the rows stored (stations and aggregates)', async () => {
    const stored = Object.fromEntries(
      json(await cli(['elections', 'list', '--json', '--db', db])).items.map((e: { id: string; stations: number; aggregates: number }) => [
        e.id,
        e.stations + e.aggregates,
      ]),
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
