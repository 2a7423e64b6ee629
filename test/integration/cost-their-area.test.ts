// A Top10VPN row for part of a country is compared with our events in that part only. The
// shipped table's Pakistan 2019 row is "Pakistan - Azad Kashmir" ($5.6 M, 88 h); every STOP
// record of Pakistan counted in 2019 (test/fixtures/stop/pakistan-2019.csv, real rows) holds two
// Azad Kashmir shutdowns and five elsewhere (FATA, Islamabad, Punjab and Sindh cities, Khyber
// Pakhtunkhwa, a nationwide block of Grindr), which Top10VPN's row does not cover.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCostData } from '../../src/cost/index.js';
import { importStopFile, importTop10vpnFile } from '../../src/ledger/index.js';
import { fixedClock, packagePath, silentProgress } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { costFixture } from '../helpers/cost-ledger.js';
import { cli, tempDir } from '../helpers/index.js';

type Ev = { id: string; hours: number; usd: number | null };
type Row = {
  year: number;
  ours: Record<string, number>;
  theirs: number | null;
  ratio: number | null;
  their_hours: number | null;
  their_area: string | null;
  events: Ev[];
  events_outside_area: Ev[];
  cause: string | null;
};
const { db, json } = costFixture('pakistan-2019.csv');

describe("Top10VPN's rows for part of a country", () => {
  it('Pakistan 2019 (Azad Kashmir only): ours is the Azad Kashmir events; the rest of the country is listed beside the row, in neither total', async () => {
    const r = await json<{ rows: Row[]; notes: string[] }>(['cost', 'compare', 'top10vpn', '--country', 'PK']);
    const y = r.rows.find((w) => w.year === 2019)!;
    expect(y.their_area).toBe('Azad Kashmir');
    expect(y.theirs).toBe(5_600_000);
    expect(y.their_hours).toBe(88);
    expect(y.events.map((e) => e.id).sort()).toEqual([
      expect.stringMatching(/^stop-pk-2019-08-15-azad-kashmir/),
      expect.stringMatching(/^stop-pk-2019-09-07-azad-kashmir/),
    ]);
    const outside = y.events_outside_area.map((e) => e.id);
    expect(outside).toHaveLength(5);
    expect(outside.some((id) => id.includes('federally-administered-tribal'))).toBe(true);
    expect(outside.filter((id) => y.events.some((e) => e.id === id))).toEqual([]);
    // ours is exactly the sum of the events it lists; the events outside carry their own prices
    const sum = y.events.reduce((s, e) => s + (e.usd ?? 0), 0);
    expect(y.ours['cost-escalated']).toBeCloseTo(sum, 0);
    expect(y.ratio).toBeCloseTo(sum / 5_600_000, 3);
    expect(y.events_outside_area.every((e) => (e.usd ?? 0) > 0)).toBe(true);
    expect(y.cause).toMatch(/^Top10VPN's row is for Azad Kashmir only, so ours counts only our events there; 5 event\(s\) elsewhere in the country/);
    expect(r.notes.join(' ')).toMatch(/part of a country/);
    // A year Top10VPN prices for the whole country keeps every event: FATA's shutdown runs into 2021.
    const y2021 = r.rows.find((w) => w.year === 2021)!;
    expect(y2021.their_area).toBeNull();
    expect(y2021.events_outside_area).toEqual([]);
    expect(y2021.events.some((e) => e.id.includes('federally-administered-tribal'))).toBe(true);
  });

  it('the CSV export carries the area and the events outside it', async () => {
    const r = await cli(['cost', 'compare', 'top10vpn', '--country', 'PK', '--format', 'csv', '--db', db]);
    expect([0, 3]).toContain(r.code);
    const [header, ...lines] = r.out.trim().split('\n');
    const cols = header!.split(',');
    const line = lines.find((l) => l.startsWith('PK,2019,'))!;
    expect(cols).toContain('their_area');
    expect(cols).toContain('event_ids_outside_area');
    expect(line).toContain(',Azad Kashmir,');
    expect(line).toMatch(/federally-administered-tribal/);
  });
});

describe('an area that cannot be placed, and an unpriced event outside an area (SYNTHETIC Top10VPN rows)', () => {
  // Real STOP records (pakistan-2019.csv, and pakistan-bluesky-2024.csv: the block of Bluesky of
  // 19 November 2024, which no platform weight prices) beside a SYNTHETIC Top10VPN table: its
  // 2019 row names an area no gazetteer holds, its 2024 row Azad Kashmir.
  const t = tempDir('splinternet-cost-their-area-');
  const areaDb = join(t.dir, 'cost.duckdb');
  beforeAll(async () => {
    const table = join(t.dir, 'top10vpn-synthetic.csv');
    writeFileSync(
      table,
      'country,iso3,year,cost_usd,duration_hours,users_affected,source\nPakistan - Nowhere Province,PAK,2019,5600000,88.0,,synthetic\nPakistan - Azad Kashmir,PAK,2024,1000000,10.0,,synthetic\n',
    );
    const store = await openStore(areaDb);
    try {
      const deps = { store, clock: fixedClock('2026-05-21T00:00:00Z'), progress: silentProgress };
      for (const f of ['pakistan-2019.csv', 'pakistan-bluesky-2024.csv']) await importStopFile(deps, packagePath('test', 'fixtures', 'stop', f), '2026-05-20');
      await seedCostData(deps);
      await importTop10vpnFile(deps, table);
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(() => t.cleanup());

  it('compares the whole country where the area is not placed, and says so; lists an unpriced event outside the area beside its row', async () => {
    const r = await cli(['cost', 'compare', 'top10vpn', '--country', 'PK', '--json', '--db', areaDb]);
    expect([0, 3], r.err).toContain(r.code);
    const rows = (JSON.parse(r.out) as { rows: (Row & { events_not_priced: { id: string }[] })[] }).rows;
    const y2019 = rows.find((w) => w.year === 2019)!;
    expect(y2019.their_area).toBe('Nowhere Province (not placed: compared with the whole country)');
    expect(y2019.events).toHaveLength(7);
    expect(y2019.events_outside_area).toEqual([]);
    const y2024 = rows.find((w) => w.year === 2024)!;
    expect(y2024.their_area).toBe('Azad Kashmir');
    expect(y2024.events).toEqual([]);
    expect(y2024.events_outside_area).toEqual([
      { id: expect.stringMatching(/^stop-pk-2024-11-19-/), title: expect.stringMatching(/Bluesky/), hours: 0, usd: null },
    ]);
    expect(y2024.events_not_priced).toEqual([]);
  });
});
