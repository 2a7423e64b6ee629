/**
 * The DuckDB adapter: one file, opened by one process (every open in it shares one instance:
 * shared.ts), migrated at open.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store, StoreInfo } from '../types.js';
import { duckCostRepo } from './cost-repo.js';
import { duckLedgerRepo } from './ledger-repo.js';
import { duckMeasureRepo } from './measure-repo.js';
import { schemaVersion } from './migrate.js';
import { acquireDuckDb } from './shared.js';
import { duckRegistryRepo } from './registry-repo.js';
import { duckTokenRepo } from './token-repo.js';
import { duckTabular } from './tabular.js';
import { duckDetectRepo } from './detect-repo.js';
import { duckThroughputRepo } from './throughput-repo.js';
import { duckSpeedTestRepo } from './speedtest-repo.js';
import { duckElectionsRepo } from './elections-repo.js';
import { duckSignalsRepo } from './signals-repo.js';
import { duckWatchRepo, sealClearSecrets } from './watch-repo.js';
import { secretBox } from './secret-box.js';
import { backupTo, verifyTables } from './maintenance.js';
import { checkSchema } from './schema-check.js';

export { DuckDb, isLockError, type Sql, type Param, type Row } from './db.js';

export async function openDuckDbStore(path: string, options: { readOnly?: boolean; migrate?: boolean } = {}): Promise<Store> {
  if (path !== ':memory:' && !options.readOnly) mkdirSync(dirname(path), { recursive: true });
  const { db, release } = await acquireDuckDb(path, options);
  const box = secretBox(path);
  if (!options.readOnly) {
    try {
      await sealClearSecrets(db, box);
    } catch (e) {
      await release();
      throw e;
    }
  }
  return {
    ledger: duckLedgerRepo(db),
    tokens: duckTokenRepo(db),
    measure: duckMeasureRepo(db),
    cost: duckCostRepo(db),
    tabular: duckTabular(db),
    detect: duckDetectRepo(db),
    speedtests: duckSpeedTestRepo(db),
    registry: duckRegistryRepo(db),
    throughput: duckThroughputRepo(db),
    elections: duckElectionsRepo(db),
    signals: duckSignalsRepo(db),
    watch: duckWatchRepo(db, box),
    async info(): Promise<StoreInfo> {
      const ext = await db.cachedAll<{ name: string; loaded: boolean; installed: boolean }>(
        `SELECT extension_name AS name, loaded, installed FROM duckdb_extensions() WHERE extension_name IN ('json', 'parquet') ORDER BY 1`,
      );
      const ver = await db.cachedAll<{ v: string }>('SELECT version() AS v');
      return { kind: 'duckdb', path, schemaVersion: await schemaVersion(db), extensions: ext, engineVersion: ver[0]?.v ?? '?' };
    },
    verify: () => verifyTables(db),
    schemaCheck: () => checkSchema(db),
    backup: (target) => backupTo(db, target),
    dataVersion: () => db.version,
    close: release,
  };
}
