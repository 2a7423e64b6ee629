/** Database ops: migrate, seed, info. The seed loads everything the repo ships under data/. */
import { z } from 'zod';
import { seedCostData } from '../../cost/index.js';
import { importStopFile, importTop10vpnFile, seedLedger } from '../../ledger/index.js';
import { importSpeedTests } from '../../detect/index.js';
import { extractThroughput, seedMeasurements } from '../../measure/index.js';
import { seedRegistry } from '../../registry/index.js';
import { packagePath } from '../../shared/index.js';
import { defineOp } from './types.js';

const STOP_FILE = 'accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv';
const TOP10VPN_FILE = 'top10vpn_cost_of_shutdowns_2019-2025.csv';

export const dbOps = [
  defineOp({
    name: 'db.info',
    summary: 'Store kind, path, schema version, extensions',
    write: false,
    scope: 'read',
    input: z.object({}),
    run: (ctx) => ctx.store.info(),
  }),
  defineOp({
    name: 'db.migrate',
    summary: 'Apply pending migrations (also done at every open)',
    write: true,
    scope: 'admin',
    input: z.object({}),
    run: async (ctx) => ({ schema_version: (await ctx.store.info()).schemaVersion }),
  }),
  defineOp({
    name: 'db.seed',
    summary: 'Load the shipped ledger, indicators, imports and economic data (data/costs) from data/',
    write: true,
    scope: 'admin',
    files: (i) => [i.data_dir],
    input: z.object({ data_dir: z.string().optional() }),
    run: async (ctx, { data_dir }) => {
      const ledger = await seedLedger(ctx, data_dir ?? packagePath('data', 'ledger'));
      const stop = await importStopFile(ctx, packagePath('data', 'events', STOP_FILE));
      const top10vpn = await importTop10vpnFile(ctx, packagePath('data', 'events', TOP10VPN_FILE));
      const speedtests = await importSpeedTests(ctx, packagePath('data', 'throttling', 'russia-twitter-throttle'));
      const measurements = await seedMeasurements(ctx);
      const t = await extractThroughput(ctx);
      const throughput = { with_events: t.with_events, with_throughput: t.with_throughput, bad_events: t.bad_events, rejects: t.rejects.map((j) => ({ file: j.path, line: j.line, reason: `network_events[${j.event_index}] ${j.reason}: ${j.detail ?? ''}` })) };
      const costs = await seedCostData(ctx);
      const registry = await seedRegistry(ctx, packagePath('data', 'registry'));
      return { ledger, stop: { ...stop, linked: stop.linked }, top10vpn, speedtests, measurements, throughput, costs, registry };
    },
  }),
];
