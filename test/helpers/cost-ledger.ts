/**
 * A database file holding real STOP records (a fixture of test/fixtures/stop), the shipped
 * economic data and Top10VPN's transcribed yearly costs: what the cost tests price and compare.
 */
import { seedCostData } from '../../src/cost/index.js';
import { importStopFile, importTop10vpnFile } from '../../src/ledger/index.js';
import { packagePath, silentProgress } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { clock } from './index.js';

export async function costLedgerDb(db: string, stopFixture: string): Promise<void> {
  const store = await openStore(db);
  try {
    const deps = { store, clock, progress: silentProgress };
    await importStopFile(deps, packagePath('test', 'fixtures', 'stop', stopFixture), '2026-05-20');
    await seedCostData(deps);
    await importTop10vpnFile(deps, packagePath('data', 'events', 'top10vpn_cost_of_shutdowns_2019-2025.csv'));
  } finally {
    await store.close();
  }
}
