/** `splinternet db migrate|seed`. */
import type { Command } from '@commander-js/extra-typings';
import { dbMigrate, dbSeed } from '../../db/ops.js';
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
    ctx.print(r, (x: typeof r) => `schema version ${x.schema_version} at ${ctx.dbPath}\n`);
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
}
