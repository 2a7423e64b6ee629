/** `splinternet signals import|list|rejects`: outage signal series (IODA-style) in the store. */
import { Option, type Command } from '@commander-js/extra-typings';
import { signalsImport, signalsPoints, signalsRejects, signalsSeries, type SignalImportReport } from '../../signals/index.js';
import { ctxOf, examples, limitOption, leaf, str, table, rowsOptions } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** Each file row reconciles as the totals do: records_read (+ zeros_added, shown when a count file added any) = stored + rejected. */
function showImport(r: SignalImportReport): string {
  const zeros = r.files.some((f) => f.zeros_added > 0) ? ['zeros_added'] : [];
  const lines = [
    table(r.files, [
      'path',
      'format',
      'status',
      'records_read',
      ...zeros,
      'stored',
      'rejected',
      'missing',
      'out_of_order',
      'replaced',
      'overwritten',
    ]).trimEnd(),
    `${r.records_read} records read${r.zeros_added ? ` + ${r.zeros_added} zeros added (silent bins of measured networks)` : ''} = ${r.stored} stored + ${r.rejected} rejected${r.reconciled ? '' : '  (NOT reconciled)'}`,
    ...(r.unfilled ? [`  ${r.unfilled} bin(s) left unfilled (no point, not 0): their record was rejected`] : []),
    ...(r.files.some((f) => f.status === 'unchanged')
      ? [
          `  ${r.files.filter((f) => f.status === 'unchanged').length} file(s) unchanged since their import: their counts are from then, nothing was stored again (missing and out_of_order: not read, left blank)`,
        ]
      : []),
    ...r.files.filter((f) => f.error).map((f) => `  failed ${f.path}: ${f.error}`),
    ...r.rejects.slice(0, 20).map((x) => `  reject ${x.file}:${x.line}  ${x.reason}`),
  ];
  if (r.rejects_total > 20) lines.push(`  ... ${r.rejects_total - 20} more (--json lists up to ${r.rejects.length}; \`signals rejects\` lists all)`);
  return lines.join('\n') + '\n';
}

/** The series filter `signals list` and `signals points` share, as their ops take it. */
const seriesFilter = (o: Record<string, unknown>) => ({
  cc: o.cc as string | undefined,
  asn: o.asn as string | undefined,
  region: o.region as string | undefined,
  source: o.source as string | undefined,
  since: o.since as string | undefined,
  until: o.until as string | undefined,
});

export function signalsCommand(program: Command, io: Io): void {
  const sig = program.command('signals').description('outage signal series (IODA telescope, active probing, BGP; OONI counts): import and list');
  const imp = leaf(sig, 'import', 'import signal files (CSV or JSON); idempotent; exit 3 when records were rejected');
  examples(imp, [
    'splinternet signals import --cc IR ../shared/data/outages/ioda_AS44244_*.csv',
    'splinternet signals import --source ooni_measurements --cc IR --ooni-counts day ../shared/data/outages/ooni_measurements_iran_by_probeasn_daily_*.csv',
  ]);
  imp
    .argument('<files...>')
    .option('--source <name>', 'data source for records without one (e.g. ooni_measurements for OONI count exports)')
    .option('--cc <cc>', 'country of entities without one (e.g. IR for an ASN series)')
    .addOption(
      new Option(
        '--ooni-counts <bin>',
        "the files are OONI counts per network and day (or hour): a network's silent bins (measured in the 7 days before) are stored as 0",
      ).choices(['day', 'hour']),
    )
    .action(async (files: string[], o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(signalsImport, {
        paths: files,
        source: o.source as string | undefined,
        cc: typeof o.cc === 'string' ? o.cc.toUpperCase() : undefined,
        ooni_counts: o.ooniCounts as 'day' | 'hour' | undefined,
      });
      if (r.files.some((f) => f.status === 'failed')) io.setExit(r.stored > 0 ? EXIT.PARTIAL : EXIT.ERROR);
      else if (r.rejected > 0) io.setExit(EXIT.PARTIAL);
      ctx.print(r, showImport);
    });
  rowsOptions(leaf(sig, 'list', 'stored series per (source, entity) with points, missing samples and time span'))
    .option('--cc <cc>', 'country')
    .option('--asn <asn>', 'network (AS44244 or 44244)')
    .option('--region <code>', 'region (ISO 3166-2, e.g. IR-07)')
    .option('--source <name>', 'data source')
    .option('--since <iso>', 'series with points from this instant (ISO 8601)')
    .option('--until <iso>', 'series with points before this instant (ISO 8601)')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(signalsSeries, seriesFilter(o));
      await ctx.output(signalsSeries, r, o, (x: typeof r) =>
        table(x.items, ['source', 'entity_type', 'entity_code', 'cc', 'entity_name', 'points', 'missing', 'first', 'last']),
      );
    });
  rowsOptions(leaf(sig, 'points', 'stored points of the matching series (evidence of outage detections), with file and line'))
    .option('--cc <cc>', 'country')
    .option('--asn <asn>', 'network (AS44244 or 44244)')
    .option('--region <code>', 'region (ISO 3166-2, e.g. IR-07)')
    .option('--source <name>', 'data source')
    .option('--since <iso>', 'from this instant (ISO 8601)')
    .option('--until <iso>', 'before this instant (ISO 8601)')
    .option('--limit <n>', 'at most this many', limitOption, 10000)
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(signalsPoints, { ...seriesFilter(o), limit: o.limit as number });
      await ctx.output(
        signalsPoints,
        r,
        o,
        (x: typeof r) => table(x.items, ['source', 'entity_code', 't', 'value', 'source_file', 'line']) + `${x.total} point(s)\n`,
      );
    });
  rowsOptions(leaf(sig, 'rejects', 'records rejected by earlier imports, with file, line and reason'))
    .option('--file <path>', 'one file, as imported (a relative path is taken from the current folder, as import takes it)')
    .option('--limit <n>', 'at most this many', limitOption, 200)
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(signalsRejects, { file: str(o.file), limit: o.limit as number });
      await ctx.output(signalsRejects, r, o, (x: typeof r) => table(x.items, ['source_file', 'line', 'reason']) + `${x.total} rejected record(s)\n`);
    });
}
