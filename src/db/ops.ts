/**
 * Database operations: `splinternet db migrate|seed` and the store description `doctor`
 * reads. CLI-only (no HTTP binding); through a running server they go by /api/_ops/:name
 * with an admin token (read scope for db.info; db.derived is admin: its commands name server paths).
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defineOp, report } from '../op/index.js';
import { AppError, missingFolderError } from '../shared/index.js';
import type { SchemaCheck, StoreInfo, TableCheck } from '../store/index.js';
import { schemaGaps } from './backup-check.js';
import { SCHEMA_GAP_ADVICE } from './schema-status.js';
import { derivedChecks, type DerivedCheck } from './derived.js';
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

export const dbDerived = defineOp({
  name: 'db.derived',
  summary: 'Per derived dataset: made by the current code, or stale with the command that refreshes it',
  write: false,
  // admin: the refresh commands name the server's measurement files and folders
  scope: 'admin',
  input: z.object({}),
  output: report<DerivedCheck[]>('per dataset: current, stale (with the commands that refresh it), empty or unchecked'),
  run: (ctx) => derivedChecks(ctx.store, ctx.clock),
});

export const dbSchema = defineOp({
  name: 'db.schema',
  summary: "The database's tables and columns against those its recorded schema version implies; pending migrations",
  write: false,
  scope: 'read',
  input: z.object({}),
  output: report<SchemaCheck>('recorded and code schema versions, pending migrations, missing tables and columns, those of a later migration'),
  run: async (ctx) => {
    if (!ctx.store.schemaCheck) throw new AppError('VALIDATION', 'this store checks its own schema (a server store: see its shards)');
    return ctx.store.schemaCheck();
  },
});

export const dbMigrate = defineOp({
  name: 'db.migrate',
  summary: 'Apply pending migrations (also done at every open); fails naming any table or column the schema version implies that is missing',
  write: true,
  createsStore: true,
  scope: 'admin',
  input: z.object({}),
  output: z.object({ schema_version: z.number().int() }),
  run: async (ctx) => {
    const info = await ctx.store.info();
    const check = await ctx.store.schemaCheck?.();
    const gaps = check && schemaGaps(check);
    if (gaps)
      throw new AppError('STORE', `the database ${info.path} is not whole: ${gaps}; ${SCHEMA_GAP_ADVICE}`, {
        details: { missing_tables: check.missingTables, missing_columns: check.missingColumns, ahead: check.ahead },
      });
    return { schema_version: info.schemaVersion };
  },
});

export const dbSeed = defineOp({
  name: 'db.seed',
  summary: 'Load the shipped ledger, indicators, imports and economic data (data/costs) from data/',
  write: true,
  scope: 'admin',
  // the folder and the two it reads (a symlinked events/ or indicators/ must not lead out of an import folder)
  files: (i) => (i.data_dir === undefined ? [] : [i.data_dir, join(i.data_dir, 'events'), join(i.data_dir, 'indicators')]),
  localPaths: ['data_dir'],
  input: z.object({ data_dir: z.string().optional() }),
  output: report<SeedReport>(
    'per part (ledger, stop, top10vpn, speedtests, measurements, throughput, costs, registry): read, stored, rejected and its rejects',
  ),
  run: (ctx, { data_dir }) => seedAll(ctx, data_dir),
});

export const dbVerify = defineOp({
  name: 'db.verify',
  summary: 'Read every row of every table; a table that cannot be read is named with the error',
  write: false,
  scope: 'admin',
  input: z.object({}),
  output: report<TableCheck[]>('per table: rows read, or the error (corrupt: damage to the file)'),
  run: async (ctx) => {
    if (!ctx.store.verify) throw new AppError('VALIDATION', 'this store cannot be read table by table from here (a server store checks its own data)');
    return ctx.store.verify();
  },
});

export const dbBackup = defineOp({
  name: 'db.backup',
  summary: 'A consistent copy of the whole database in a new file, taken between writes (also while serve runs)',
  write: false,
  scope: 'admin',
  // the path is made absolute and normalised once: the access check, the copy and the answer name the same file
  files: (i) => [resolve(i.file)],
  localPaths: ['file'],
  input: z.object({ file: z.string().min(1) }),
  output: z.object({
    path: z.string(),
    bytes: z.number().int(),
    tables: z.number().int(),
    /** Partial copies of the same name that killed backups left, removed. */
    removed: z.array(z.string()),
  }),
  run: async (ctx, { file }) => {
    if (!ctx.store.backup)
      throw new AppError(
        'VALIDATION',
        "a ClickHouse store has no file to copy: back up its tables with ClickHouse's own tools, and the --db file (ledger, tokens, indicators, ...) with db backup without --store",
      );
    // the copy's folder must exist and be one: said naming that folder, not as a store failure
    const target = resolve(file);
    const noFolder = missingFolderError(target, 'file');
    if (noFolder) throw noFolder;
    return ctx.store.backup(target);
  },
});

export const dbOps = [dbInfo, dbSchema, dbDerived, dbMigrate, dbSeed, dbVerify, dbBackup];
