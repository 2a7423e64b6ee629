/**
 * A database file holding real STOP records (a fixture of test/fixtures/stop), the shipped
 * economic data and Top10VPN's transcribed yearly costs: what the cost tests price and compare.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { seedCostData } from '../../src/cost/index.js';
import { importStopFile, importTop10vpnFile } from '../../src/ledger/index.js';
import { fixedClock, packagePath, silentProgress } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { cli, tempDir } from './index.js';

export async function costLedgerDb(db: string, stopFixture: string): Promise<void> {
  const store = await openStore(db);
  try {
    // imported the day after the snapshot's date, as the seed is
    const deps = { store, clock: fixedClock('2026-05-21T00:00:00Z'), progress: silentProgress };
    await importStopFile(deps, packagePath('test', 'fixtures', 'stop', stopFixture), '2026-05-20');
    await seedCostData(deps);
    await importTop10vpnFile(deps, packagePath('data', 'events', 'top10vpn_cost_of_shutdowns_2019-2025.csv'));
  } finally {
    await store.close();
  }
}

/**
 * A test file's cost database of one STOP fixture: built before its tests and removed after.
 * `json` runs a CLI command on it, expects exit 0 or 3 (3: some events not priced) and parses
 * its answer.
 */
export function costFixture(stopFixture: string): { db: string; json: <T>(args: string[]) => Promise<T> } {
  const t = tempDir(`splinternet-cost-${stopFixture.replace(/\.csv$/, '')}-`);
  const db = join(t.dir, 'cost.duckdb');
  beforeAll(() => costLedgerDb(db, stopFixture), 120_000);
  afterAll(() => t.cleanup());
  const json = async <T>(args: string[]): Promise<T> => {
    const r = await cli([...args, '--db', db, '--json']);
    expect([0, 3], r.err).toContain(r.code);
    return JSON.parse(r.out) as T;
  };
  return { db, json };
}
