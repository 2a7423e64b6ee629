// The worked example of docs/design/040 agrees with what the code computes on the shipped
// 2018-05-05 CIDR entries (data/registry, real) and the pinned AS table: where Telegram's
// decision 2-1779/2018 reaches beyond Telegram's ASes, the doc names whoever routes it today.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { registryDecision } from './decision.js';
import { importRegistry } from './import.js';

const DOC = readFileSync(packagePath('docs', 'design', '040-registry-address-space.md'), 'utf8').replace(/\s+/g, ' ');

describe('docs/design/040: the Telegram decision outside Telegram', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  const clock = fixedClock('2026-12-06T12:00:00Z');
  beforeAll(async () => {
    ({ store, cleanup } = await tempStore());
    await importRegistry({ store, clock, progress: silentProgress }, [
      packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'),
    ]);
  });
  afterAll(async () => cleanup());

  it('names the organisation and AS that route 109.239.140.0/24 today, and calls nothing of it unannounced unless it is', async () => {
    const s = (await registryDecision({ store, clock }, '2-1779/2018')).snapshots[0]!;
    const outside = s.collateral.collateral_by_org;
    expect(outside.map((o) => o.addresses)).toEqual([256]);
    const { org, asns } = outside[0]!;
    expect(DOC).toContain(`109.239.140.0/24, is routed today by AS${asns[0]} (${org})`);
    if (s.not_announced_today === 0) expect(DOC).not.toMatch(/109\.239\.140\.0\/24[^.;]*unannounced/);
  });
});
