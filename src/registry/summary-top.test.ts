// `registry summary --top N` bounds every list of the summary, largest ranges included, on the
// shipped 2018-05-05 CIDR entries (data/registry, real: 74 rows, each a range).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { importRegistry } from './import.js';
import { registrySummary } from './views.js';

const CIDR = packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv');

describe('registry summary --top', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  const clock = fixedClock('2026-12-06T12:00:00Z');
  beforeAll(async () => {
    ({ store, cleanup } = await tempStore());
    await importRegistry({ store, clock, progress: silentProgress }, [CIDR]);
  });
  afterAll(async () => cleanup());

  it('gives N largest ranges, largest first, for N below and above 10', async () => {
    const all = await registrySummary({ store, clock }, { top: 1000 });
    expect(all.largest_ranges).toHaveLength(74);
    const sizes = all.largest_ranges.map((r) => r.addresses);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const top of [3, 30]) {
      const s = await registrySummary({ store, clock }, { top });
      expect([top, s.largest_ranges]).toEqual([top, all.largest_ranges.slice(0, top)]);
      expect(s.top_decisions.length).toBeLessThanOrEqual(top);
    }
    expect((await registrySummary({ store, clock }, {})).largest_ranges).toEqual(all.largest_ranges.slice(0, 10));
  });

  it('lists every collateral organisation when N allows it', async () => {
    const all = await registrySummary({ store, clock }, { top: 1000 });
    const n = all.collateral.collateral_by_org.length;
    expect((await registrySummary({ store, clock }, { top: 3 })).collateral.collateral_by_org).toEqual(all.collateral.collateral_by_org.slice(0, 3));
    expect(n).toBeGreaterThan(3);
    expect((await registrySummary({ store, clock }, { top: n })).collateral.collateral_by_org).toHaveLength(n);
  });
});
