/** `splinternet indicators list`: published series, every value with its source. */
import type { Command } from '@commander-js/extra-typings';
import { indicatorsExport, indicatorsList } from '../../ledger/ops.js';
import type { OpInput } from '../../op/index.js';
import { ctxOf, leaf, rowsOptions, str, table } from '../command.js';
import { fields } from '../terminal-text.js';
import type { Io } from '../context.js';
import { writeOutFile } from '../out-file.js';

export function indicatorsCommand(program: Command, io: Io): void {
  const ind = program.command('indicators').description('published indicators (counts, costs, scores) with their sources');
  rowsOptions(leaf(ind, 'list', 'list indicator series and their values'))
    .option('--country <cc>', 'ISO 3166-1 alpha-2')
    .option('--id <series>', 'one series')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(indicatorsList, { country: str(o.country), id: str(o.id) });
      await ctx.output(indicatorsList, r, o, (x: typeof r) =>
        x.items
          .map(
            (s) =>
              fields`${s.id} (${s.unit}` +
              (s.country ? fields`, ${s.country}` : '') +
              fields`): ${s.title}` +
              '\n' +
              table(
                s.values.map((v) => ({
                  period: v.period,
                  value: v.value,
                  disputed: v.disputed ? 'yes' : '',
                  source: (v.source as { publisher?: string }).publisher ?? '',
                })),
                ['period', 'value', 'disputed', 'source'],
              ),
          )
          .join('\n'),
      );
    });
  leaf(ind, 'export', 'export indicator values as csv, json, ndjson or parquet')
    .requiredOption('--format <f>', 'csv | json | ndjson | parquet')
    .option('--out <path>', 'write to a file (required for parquet); default stdout')
    .option('--force', 'replace --out FILE if it exists')
    .option('--country <cc>', 'ISO 3166-1 alpha-2')
    .option('--id <series>', 'one series')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(indicatorsExport, { country: str(o.country), id: str(o.id), format: o.format as OpInput<typeof indicatorsExport>['format'] });
      const bytes = Buffer.from(r.body, r.encoding);
      if (o.out) {
        await writeOutFile(o.out as string, bytes, { force: o.force === true });
        // the file line of every --out: file, format, rows (count as events export gives it)
        if (ctx.globals.json) io.out.write(JSON.stringify({ file: o.out, format: o.format, rows: r.count, count: r.count }) + '\n');
        else io.err.write(`wrote ${r.count} indicator values to ${o.out as string}\n`);
      } else io.out.write(bytes);
    });
}
