/**
 * `db seed`: load everything the package ships under data/ into the store, part by part
 * (ledger, STOP, Top10VPN, speed tests, measurements and their throughput, economic data,
 * the register). Every part is idempotent, so a re-run stores nothing twice; each part
 * reports what it read, stored and rejected.
 */
import { seedCostData } from '../cost/index.js';
import { importSpeedTests } from '../detect/index.js';
import { importStopFile, importTop10vpnFile, seedLedger } from '../ledger/index.js';
import { extractThroughput, seedMeasurements } from '../measure/index.js';
import { seedRegistry } from '../registry/index.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, fileError, packagePath, type Clock, type ProgressReporter } from '../shared/index.js';
import type { Store } from '../store/index.js';

const STOP_FILE = 'accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv';
const TOP10VPN_FILE = 'top10vpn_cost_of_shutdowns_2019-2025.csv';

type Deps = { store: Store; clock: Clock; progress: ProgressReporter; actor: string };

export async function seedAll(ctx: Deps, dataDir?: string) {
  // a --data-dir that is not a folder is an error, not a seed of nothing
  if (dataDir !== undefined) {
    let isDir: boolean;
    try {
      isDir = statSync(dataDir).isDirectory();
    } catch (e) {
      throw fileError(dataDir, e, 'data_dir');
    }
    if (!isDir)
      throw new AppError('VALIDATION', `--data-dir ${dataDir} is a file; name the folder of ledger event files`, {
        issues: [{ path: ['data_dir'], message: 'not a folder' }],
      });
    // a folder with neither part is a wrong path, not a ledger of nothing
    const has = (sub: string) => {
      try {
        return statSync(join(dataDir, sub)).isDirectory();
      } catch {
        return false;
      }
    };
    if (!has('events') && !has('indicators'))
      throw new AppError('VALIDATION', `--data-dir ${dataDir} holds neither an events/ nor an indicators/ folder (the layout of data/ledger)`, {
        issues: [{ path: ['data_dir'], message: 'no events/ or indicators/ folder' }],
      });
  }
  const ledger = await seedLedger(ctx, dataDir ?? packagePath('data', 'ledger'));
  const stop = await importStopFile(ctx, packagePath('data', 'events', STOP_FILE));
  const top10vpn = await importTop10vpnFile(ctx, packagePath('data', 'events', TOP10VPN_FILE));
  const speedtests = await importSpeedTests(ctx, packagePath('data', 'throttling', 'russia-twitter-throttle'));
  const measurements = await seedMeasurements(ctx);
  const t = await extractThroughput(ctx);
  const throughput = {
    with_events: t.with_events,
    with_throughput: t.with_throughput,
    bad_events: t.bad_events,
    rejects: t.rejects.map((j) => ({ file: j.path, line: j.line, reason: `network_events[${j.event_index}] ${j.reason}: ${j.detail ?? ''}` })),
  };
  const costs = await seedCostData(ctx);
  const registry = await seedRegistry(ctx, packagePath('data', 'registry'));
  return { ledger, stop: { ...stop, linked: stop.linked }, top10vpn, speedtests, measurements, throughput, costs, registry };
}

export type SeedReport = Awaited<ReturnType<typeof seedAll>>;
