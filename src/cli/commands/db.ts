/** `splinternet db migrate|seed|backup|restore`. */
import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { dbBackup, dbMigrate, dbSeed } from '../../db/ops.js';
import { readLock } from '../../op/index.js';
import { AppError, fileError, missingFolderError } from '../../shared/index.js';
import { openStore } from '../../store/index.js';
import { ctxOf, leaf } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';

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
      const r = await ctx.run(dbBackup, { file });
      ctx.print(r, (x: typeof r) => `backed up ${ctx.dbPath} to ${x.path}: ${x.tables} tables, ${(x.bytes / 1e6).toFixed(1)} MB\n`);
    });
  leaf(db, 'restore', 'replace the database with a backup FILE, after reading every row of it (refused while `serve` holds the database)')
    .argument('<file>', 'a file made by `db backup`')
    .action(async (file: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const source = resolve(file);
      if (!existsSync(source)) throw fileError(source, Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
      refuseNonDuckDb(source);
      // the database's folder must be there: said naming it, before the backup is read
      const noFolder = missingFolderError(ctx.dbPath, 'db');
      if (noFolder) throw noFolder;
      const lock = readLock(ctx.dbPath);
      if (lock) throw new AppError('STORE_LOCKED', `the server (pid ${lock.pid}) at ${lock.url} holds ${ctx.dbPath}; stop it, then restore`);
      const backup = await openStore(source, { readOnly: true });
      let tables;
      try {
        tables = (await backup.verify?.()) ?? [];
      } finally {
        await backup.close();
      }
      const bad = tables.filter((t) => !t.ok);
      if (bad.length)
        throw new AppError('STORE', `${source} is not a sound backup: ${bad.map((t) => `${t.table}: ${t.error}`).join('; ')}; nothing was replaced`);
      // copy beside the target, then rename over it: a crash leaves the old file or the new one
      const tmp = `${ctx.dbPath}.restore-${process.pid}`;
      try {
        copyFileSync(source, tmp);
        rmSync(`${ctx.dbPath}.wal`, { force: true });
        renameSync(tmp, ctx.dbPath);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw fileError(ctx.dbPath, e, 'db', 'write');
      }
      const rows = tables.reduce((n, t) => n + (t.rows ?? 0), 0);
      const r = { restored: source, to: ctx.dbPath, tables: tables.length, rows };
      ctx.print(r, (x: typeof r) => `restored ${x.to} from ${x.restored}: ${x.tables} tables, ${x.rows.toLocaleString('en')} rows, every row read\n`);
    });
}

/**
 * A file that does not start as a DuckDB database does (the magic "DUCK" at byte 8) is named as
 * such (exit 2), before DuckDB is asked to open it and answers in its own terms; a folder or an
 * unreadable file is named as every reader names it (exit 1).
 */
function refuseNonDuckDb(source: string): void {
  const head = Buffer.alloc(12);
  let got: number;
  try {
    const fd = openSync(source, 'r');
    try {
      got = readSync(fd, head, 0, 12, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw fileError(source, e);
  }
  if (got < 12 || head.toString('latin1', 8, 12) !== 'DUCK')
    throw new AppError('VALIDATION', `${source}: not a DuckDB database file (a backup made by \`splinternet db backup\` is one); nothing was replaced`, {
      issues: [{ path: ['file'], message: 'not a DuckDB database file' }],
    });
}
