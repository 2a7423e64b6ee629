/** `splinternet indicators list`: published series, every value with its source. */
import type { Command } from '@commander-js/extra-typings';
import type { IndicatorView } from '../../ledger/index.js';
import { ctxOf, leaf, table } from '../command.js';
import type { Io } from '../context.js';

export function indicatorsCommand(program: Command, io: Io): void {
  const ind = program.command('indicators').description('published indicators (counts, costs, scores) with their sources');
  leaf(ind, 'list', 'list indicator series and their values')
    .option('--country <cc>', 'ISO 3166-1 alpha-2')
    .option('--id <series>', 'one series')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.op<{ items: IndicatorView[] }>('indicators.list', { country: o.country, id: o.id });
      ctx.print(r, (x: typeof r) =>
        x.items
          .map(
            (s) =>
              `${s.id} (${s.unit}${s.country ? `, ${s.country}` : ''}): ${s.title}\n` +
              table(
                s.values.map((v) => ({ period: v.period, value: v.value, disputed: v.disputed ? 'yes' : '', source: (v.source as { publisher?: string }).publisher ?? '' })),
                ['period', 'value', 'disputed', 'source'],
              ),
          )
          .join('\n'),
      );
    });
}
