/** `splinternet db migrate|seed`. */
import type { Command } from '@commander-js/extra-typings';
import { ctxOf, leaf } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';

export function dbCommand(program: Command, io: Io): void {
  const db = program.command('db').description('create, migrate and seed the database');
  leaf(db, 'migrate', 'apply pending migrations').action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.op<{ schema_version: number }>('db.migrate', {});
    ctx.print(r, (x: typeof r) => `schema version ${x.schema_version} at ${ctx.dbPath}\n`);
  });
  leaf(db, 'seed', 'load the shipped datasets (ledger events, indicators, STOP, economic data); safe to re-run')
    .option('--data-dir <dir>', 'ledger seed directory (default: the package data/ledger)')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.op<Record<string, { rejects?: unknown[] } & Record<string, unknown>>>('db.seed', { data_dir: o.dataDir });
      const rejected = Object.values(r).some((part) => Array.isArray(part.rejects) && part.rejects.length > 0);
      if (rejected) io.setExit(EXIT.PARTIAL);
      ctx.print(r, (x: typeof r) =>
        Object.entries(x)
          .map(([k, v]) => `${k}: ${JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ')}`)
          .join('\n') + `\nseeded ${ctx.dbPath}\n`,
      );
    });
}
