/** `splinternet db migrate|seed|backup|restore`. */
import type { Command } from '@commander-js/extra-typings';
import { dbBackup, dbMigrate, dbSeed } from '../../db/ops.js';
import { ctxOf, leaf } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { restoreDatabase } from '../restore.js';

/** One line per seed part: its top-level counts (and nested event counts), and its rejects. */
function summarise(part: object): string {
  const nums = (o: object, prefix = '') =>
    Object.entries(o)
      .filter(([, v]) => typeof v === 'number')
      .map(([k, v]) => `${prefix}${k.replace(/_/g, ' ')} ${(v as number).toLocaleString('en')}`);
  const nested = Object.entries(part)
    .filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v))
    .flatMap(([k, v]) => nums(v as object, `${k}.`))
    .slice(0, 8);
  const rejects = 'rejects' in part && Array.isArray(part.rejects) ? part.rejects.length : 0;
  return [...nums(part), ...nested, `rejects ${rejects}`].join(', ');
}

export function dbCommand(program: Command, io: Io): void {
  const db = program.command('db').description('create, migrate and seed the database');
  leaf(db, 'migrate', 'apply pending migrations').action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.run(dbMigrate, {});
    ctx.print(r, (x: typeof r) =>
      ctx.storeUrl
        ? `ClickHouse store: schema version ${x.schema_version} on every shard; the --db file ${ctx.dbPath} is migrated too\n`
        : `schema version ${x.schema_version} at ${ctx.dbPath}\n`,
    );
  });
  leaf(db, 'seed', 'load the shipped datasets (ledger events, indicators, STOP, economic data); safe to re-run')
    .option('--data-dir <dir>', 'ledger seed directory (default: the package data/ledger)')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(dbSeed, { data_dir: o.dataDir as string | undefined });
      const parts: Record<string, object> = r;
      const rejected = Object.values(parts).some((part) => 'rejects' in part && Array.isArray(part.rejects) && part.rejects.length > 0);
      if (rejected) io.setExit(EXIT.PARTIAL);
      ctx.print(
        parts,
        (x: typeof parts) =>
          Object.entries(x)
            .map(([k, v]) => `${k.padEnd(13)} ${summarise(v)}`)
            .join('\n') + `\nseeded ${ctx.dbPath} (details: --json)\n`,
      );
    });
  leaf(db, 'backup', 'copy the whole database into a new FILE, consistent even while `serve` runs (it takes the copy between writes)')
    .argument('<file>', 'the new file (never overwritten)')
    .action(async (file: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      // read-only: a copy is taken as the file is, without migrating it (a newer schema is copied too)
      const r = await ctx.run(dbBackup, { file }, ctx.progress(), { readOnly: true });
      ctx.print(
        r,
        (x: typeof r) =>
          `backed up ${ctx.dbPath} to ${x.path}: ${x.tables} tables, ${(x.bytes / 1e6).toFixed(1)} MB\n` +
          x.removed.map((f) => `removed ${f}, a partial copy a killed backup left\n`).join(''),
      );
    });
  leaf(db, 'restore', 'replace the database with a backup FILE, after reading every row of it (refused while `serve` holds the database)')
    .argument('<file>', 'a file made by `db backup`')
    .action(async (file: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await restoreDatabase(ctx.dbPath, file);
      ctx.print(
        r,
        (x: typeof r) =>
          `restored ${x.to} from ${x.restored}: ${x.tables} tables, ${x.rows.toLocaleString('en')} rows, every row read\n` +
          x.unreadable_secrets.map((h) => `warning: webhook ${h.id} cannot be delivered: ${h.problem}\n`).join(''),
      );
    });
}
