/**
 * Database operations: `splinternet db migrate|seed` and the store description `doctor`
 * reads. CLI-only (no HTTP binding); through a running server they go by /api/_ops/:name
 * with an admin token (read scope for db.info).
 */
import { z } from 'zod';
import { defineOp, report } from '../op/index.js';
import type { StoreInfo } from '../store/index.js';
import { seedAll, type SeedReport } from './seed.js';

export const dbInfo = defineOp({
  name: 'db.info',
  summary: 'Store kind, path, schema version, extensions',
  write: false,
  scope: 'read',
  input: z.object({}),
  output: report<StoreInfo>('store kind, path, engine and schema version, extensions, shards'),
  run: (ctx) => ctx.store.info(),
});

export const dbMigrate = defineOp({
  name: 'db.migrate',
  summary: 'Apply pending migrations (also done at every open)',
  write: true,
  scope: 'admin',
  input: z.object({}),
  output: z.object({ schema_version: z.number().int() }),
  run: async (ctx) => ({ schema_version: (await ctx.store.info()).schemaVersion }),
});

export const dbSeed = defineOp({
  name: 'db.seed',
  summary: 'Load the shipped ledger, indicators, imports and economic data (data/costs) from data/',
  write: true,
  scope: 'admin',
  files: (i) => [i.data_dir],
  input: z.object({ data_dir: z.string().optional() }),
  output: report<SeedReport>(
    'per part (ledger, stop, top10vpn, speedtests, measurements, throughput, costs, registry): read, stored, rejected and its rejects',
  ),
  run: (ctx, { data_dir }) => seedAll(ctx, data_dir),
});

export const dbOps = [dbInfo, dbMigrate, dbSeed];
