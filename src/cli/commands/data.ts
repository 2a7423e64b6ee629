/** `splinternet data import KIND FILE`: load a newer economic-data file without a code change. */
import type { Command } from '@commander-js/extra-typings';
import { IMPORT_KINDS, type ImportKind, type ImportReport } from '../../cost/index.js';
import { dataImport } from '../../cost/ops.js';
import { AppError } from '../../shared/index.js';
import { ctxOf, intOption, leaf } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** How many rejects the text output lists; `--json` lists them all. */
const SHOWN = 20;

/** The first SHOWN rejects, one line each, then how many more there are and where all of them are. */
function rejectLines(x: ImportReport, kept: string): string {
  const shown = x.rejects.slice(0, SHOWN).map((e) => `  rejected line ${e.line}${kept}: ${e.reason}\n`);
  const more = x.rejects.length - SHOWN;
  return shown.join('') + (more > 0 ? `  ... ${more} more rejected lines (--json lists all ${x.rejects.length})\n` : '');
}

export function dataCommand(program: Command, io: Io): void {
  const data = program.command('data').description('economic data for the cost engine (GDP, GRP, penetration, exchange rates)');
  leaf(data, 'import', `load a file: ${IMPORT_KINDS.join(' | ')}`)
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<file>', 'CSV file in the same format as the shipped one (see data/costs/SOURCES.md)')
    .option('--year <y>', 'year of a Rosstat table (default: a year in the file name)', intOption('--year'))
    .option('--indicator <code>', 'World Bank indicator code for long-format files (e.g. NY.GDP.MKTP.CD)')
    .option('--source <text>', 'citation stored with every value')
    .option('--vintage <text>', 'vintage stored with every value (default: from the file, or its name)')
    .action(async (kind: string, file: string, o: Record<string, unknown>) => {
      if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
        throw new AppError('VALIDATION', `kind: "${kind}" is not one of ${IMPORT_KINDS.join(', ')}`, {
          issues: [{ path: ['kind'], message: `one of ${IMPORT_KINDS.join(', ')}` }],
        });
      }
      const ctx = ctxOf(io, o);
      const r = await ctx.run(dataImport, {
        kind: kind as ImportKind,
        file,
        year: o.year as number | undefined,
        indicator: o.indicator as string | undefined,
        source: o.source as string | undefined,
        vintage: o.vintage as string | undefined,
      });
      if (r.rejects.length > 0) io.setExit(EXIT.PARTIAL);
      ctx.print(r, (x: ImportReport) =>
        x.unchanged
          ? `${x.file}: unchanged since the last import (${x.values} values, ${x.rates} rates)\n` + rejectLines(x, ' (kept from that import)')
          : `${x.file}: stored ${x.values} values and ${x.rates} exchange rates (${x.vintage})\n` +
            Object.entries(x.skipped)
              .map(([k, n]) => `  skipped ${n}: ${k}\n`)
              .join('') +
            (x.removed.values + x.removed.rates > 0
              ? `  removed ${x.removed.values} values and ${x.removed.rates} rates (${x.removed.indicators.join(', ')}) its earlier import stored and this one does not give\n`
              : '') +
            rejectLines(x, ''),
      );
    });
}
