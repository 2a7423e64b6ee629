// The ledger event about the cloud ranges blocked in 2018 quotes the register's figures: they must
// be the product's own counts on the shipped 2018 CIDR extract (distinct addresses, overlaps once),
// not sums that count a nested range twice.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { importRegistry } from './import.js';
import { registryDecision } from './decision.js';

const CIDR_2018 = packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv');
const EVENT = JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', 'ru-2018-cloud-ip-range-blocking.json'), 'utf8')) as {
  summary: string;
  sources: { locator: string | null }[];
};

describe('ledger event ru-2018-cloud-ip-range-blocking: register figures', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(async () => cleanup());

  it('states the distinct addresses of each decision as registry decision counts them on the 2018 extract', async () => {
    const deps = { store, clock: fixedClock('2026-12-06T12:00:00Z'), progress: silentProgress };
    await importRegistry(deps, [CIDR_2018]);
    const register = EVENT.sources.find((s) => s.locator?.includes('2018-05-05'))!.locator!;
    for (const number of ['27-31-2015/Ид4082-15', '27-31-2018/Ид2971-18']) {
      const d = (await registryDecision(deps, number)).snapshots.find((s) => s.snapshot.startsWith('2018-05-05'))!;
      const { distinct_addresses: distinct, listed_addresses: listed } = d.ipv4;
      expect(register).toContain(`${number} = ${d.ipv4.tokens} CIDRs / ${distinct.toLocaleString('en-US')} distinct addresses`);
      if (listed !== distinct) expect(register).toContain(`${listed.toLocaleString('en-US')} listed, overlaps counted twice`);
      expect(EVENT.summary).toContain(`${(distinct / 1e6).toFixed(2)} million`);
    }
  });
});
