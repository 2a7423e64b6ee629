/** Database ops: migrate, seed, info. The seed loads everything the repo ships under data/. */
import { z } from 'zod';
import { seedLedger } from '../../ledger/index.js';
import { packagePath } from '../../shared/index.js';
import { defineOp } from './types.js';

export const dbOps = [
  defineOp({
    name: 'db.info',
    summary: 'Store kind, path, schema version, extensions',
    write: false,
    input: z.object({}),
    run: (ctx) => ctx.store.info(),
  }),
  defineOp({
    name: 'db.migrate',
    summary: 'Apply pending migrations (also done at every open)',
    write: true,
    input: z.object({}),
    run: async (ctx) => ({ schema_version: (await ctx.store.info()).schemaVersion }),
  }),
  defineOp({
    name: 'db.seed',
    summary: 'Load the shipped ledger, indicators and imports from data/',
    write: true,
    input: z.object({ data_dir: z.string().optional() }),
    run: async (ctx, { data_dir }) => {
      const ledger = await seedLedger(ctx, data_dir ?? packagePath('data', 'ledger'));
      return { ledger };
    },
  }),
];
