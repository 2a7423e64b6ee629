/** `splinternet detect`, `splinternet speedtests import|summary` and `splinternet throughput extract|summary`. */
import type { Command } from '@commander-js/extra-typings';
import type { SpeedTestImportReport } from '../../detect/index.js';
import { detectRun, speedtestsImport, speedtestsSummary, throughputExtract, throughputRejects, throughputSummaryOp } from '../../detect/ops.js';
import type { OpInput, OpOutput } from '../../op/index.js';
import type { ThroughputExtractReport } from '../../measure/index.js';
import { AppError, TIME_BOUND_FORMS } from '../../shared/index.js';
import { ctxOf, limitOption, leaf, str, table, rowsOptions } from '../command.js';
import { fields } from '../terminal-text.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';

type DetectInput = OpInput<typeof detectRun>;

/** --params JSON (detector parameter overrides); a USAGE error when it is not JSON. */
export function parseParams(raw: unknown): Record<string, Record<string, unknown>> | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw) as Record<string, Record<string, unknown>>;
  } catch (e) {
    throw new AppError('USAGE', `--params must be JSON like '{"block":{"edd":30}}': ${(e as Error).message}`);
  }
}

function showImport(r: SpeedTestImportReport): string {
  const lines = [
    `dataset ${r.dataset}: ${r.source.name} (licence: ${r.source.licence})`,
    `${r.files} files, ${r.lines_read} lines read = ${r.stored} stored + ${r.rejected} rejected${r.reconciled ? '' : '  (NOT reconciled)'}${r.files_rejected ? `; ${r.files_rejected} file(s) refused whole` : ''}`,
    `${r.unattributed} stored rows have no country or ASN; ${r.replaced} rows of earlier imports of these files were replaced`,
    ...r.unchanged.map(
      (x) =>
        `  unchanged ${x.file}: the same bytes are stored as ${x.stored_as}; not stored again${x.rejects ? `; its import's ${x.rejects} reject(s) listed again` : ''}`,
    ),
    ...r.rejects.slice(0, 20).map((x) => `  reject ${x.file}:${x.line}  ${x.reason}`),
  ];
  if (r.rejects_total > 20) lines.push(`  ... ${r.rejects_total - 20} more (--json lists up to ${r.rejects.length})`);
  return lines.join('\n') + '\n';
}

/** The line saying a bound was moved out to a whole UTC day, when one was. */
const widenedLine = (w: { since: string | null; until: string | null; widened: boolean }) =>
  w.widened ? `window widened to whole UTC days: ${w.since ?? 'the first day'} .. ${w.until ?? 'the last day'} (until exclusive)\n` : '';

function showSummary(r: OpOutput<typeof speedtestsSummary>): string {
  return (
    widenedLine(r.window) +
    table(r.items, ['cc', 'asn', 'as_name', 'target', 'day', 'tests_read', 'n', 'share_throttled', 'median_target_kbps', 'median_control_kbps', 'verdict']) +
    `method: ${r.method}\nsources: ${r.sources.map((s) => `${s.name} (${s.licence})`).join('; ') || '-'}\n`
  );
}

function showExtract(r: ThroughputExtractReport): string {
  const bad = Object.entries(r.bad_by_reason)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `${r.files.total} file(s) read (${r.files.extracted} extracted, ${r.files.failed} failed), ${r.files.skipped_unchanged} already extracted and unchanged`,
    r.reconciliation,
    `bad network events found by this run: ${r.bad_events}${bad ? ` (${bad})` : ''}`,
    ...(r.bad_events_kept > 0
      ? [`${r.bad_events_kept} bad network event(s) kept from earlier extractions of files not read again: splinternet throughput rejects lists them`]
      : []),
    ...r.rejects
      .slice(0, 20)
      .map((j) => `  bad event ${j.path}:${j.line} network_events[${j.event_index}] ${j.operation ?? '-'} ${j.reason}: ${j.detail ?? ''}`),
    ...r.per_file.filter((f) => f.error).map((f) => `  failed ${f.path}: ${f.error}`),
  ];
  return lines.join('\n') + '\n';
}

function showThroughput(r: OpOutput<typeof throughputSummaryOp>): string {
  return (
    widenedLine(r.window) +
    table(r.items, [
      'cc',
      'asn',
      'as_name',
      'target',
      'day',
      'n',
      'share_throttled',
      'median_target_kbps',
      'median_control_kbps',
      'median_tls_handshake_ms',
      'median_control_tls_handshake_ms',
      'verdict',
    ]) +
    `${r.measurements_with_network_events} measurements with network_events = ${r.paired} paired + ${Object.values(r.excluded).reduce((a, b) => a + b, 0)} left out ${JSON.stringify(r.excluded)}; ${r.with_bad_events} of them with bad events: ${JSON.stringify(r.bad_events)}${r.files_not_extracted ? `; ${r.files_not_extracted} ingested file(s) not yet extracted` : ''}\n` +
    `method: ${r.method}\nsources: ${r.sources.map((s) => `${s.name} (${s.licence})`).join('; ') || '-'}\n`
  );
}

function showDetect(r: OpOutput<typeof detectRun>): string {
  const out: string[] = [];
  for (const d of r.items) {
    out.push(fields`${d.id}  [${d.kind}, ${d.scope}, input ${d.input}]` + (d.draft ? fields`  ledger: ${d.draft.status}` : ''));
    out.push(fields`  ${d.summary}`);
    out.push(`  evidence: ${d.evidence_query.cli}`);
  }
  if (r.items.length === 0) out.push('no detections');
  const throttled = r.series.filter((s) => s.kind === 'throttling' && s.figures.verdict === 'throttled');
  if (throttled.length) {
    out.push('', 'throttled networks:');
    out.push(
      table(
        throttled.map((s) => ({
          input: s.input,
          cc: s.probe_cc,
          asn: s.probe_asn,
          as_name: s.as_name,
          target: s.target,
          days: s.figures.days_throttled,
          share: s.figures.median_share_on_throttled_days,
          cap_kbps: s.figures.median_throttled_target_kbps,
          control_kbps: s.figures.median_throttled_control_kbps,
          when: s.figures.throttled_days,
        })),
        ['input', 'cc', 'asn', 'as_name', 'target', 'days', 'share', 'cap_kbps', 'control_kbps', 'when'],
      ).trimEnd(),
    );
  }
  const insufficient = r.series.filter((s) => s.status === 'insufficient');
  out.push(
    '',
    `${r.series.length} series judged, ${insufficient.length} with insufficient data${insufficient.length && insufficient.length <= 5 ? `: ${insufficient.map((s) => `${s.kind} ${s.probe_cc ?? ''} ${s.probe_asn ?? ''} ${s.target ?? ''}: ${s.reason}`).join('; ')}` : ''}`,
  );
  if (r.emitted) {
    const by = Object.entries(r.emitted.existing_by_status).map(([status, n]) => `${n} ${status}`);
    out.push(`drafts: ${r.emitted.created} created, ${r.emitted.existing} already in the ledger${by.length ? ` (${by.join(', ')})` : ''}`);
    for (const k of r.emitted.same_outage) out.push(`  not created: ${k.id}: the same finding is already ${k.event_id} (${k.status})`);
    for (const k of r.emitted.skipped) out.push(`  not created: ${k.id}: ${k.reason}`);
    for (const k of r.emitted.ended) out.push(`  ended: ${k.id}: the detector saw the recovery; the draft now ends ${k.end}`);
    for (const k of r.emitted.end_not_applied) out.push(`  end not applied: ${k.event_id} (${k.status}) ends ${k.end} in the data: ${k.reason}`);
  }
  return out.join('\n') + '\n';
}

export function detectCommand(program: Command, io: Io): void {
  rowsOptions(leaf(program, 'detect', 'detect block, throttling, shutdown and outage onsets; --emit turns them into draft ledger events'))
    .option('--cc <cc>', 'country, ISO 3166-1 alpha-2 (e.g. RU)')
    .option('--asn <asn>', 'one network (AS12389 or 12389): network-level detections, no corroboration needed')
    .option('--target <t>', 'one target (domain or app): block detector and the OONI throttling input (only those kinds run)')
    .option(
      '--input <i>',
      'one input, as each detection names it: ooni_verdicts (block), speedtests | ooni_network_events (throttling), ooni_volume (shutdown), outage_signals (outage); default all',
    )
    .option('--since <date>', `from the start of this date or time (${TIME_BOUND_FORMS}; throttling widens a time to its whole UTC day)`)
    .option('--until <date>', 'up to and including this date (throttling: its whole UTC day)')
    .option('--kind <k>', 'block | throttling | shutdown | outage (default: all four)')
    .option('--emit', 'create a draft ledger event per detection (re-running creates none twice)')
    .option('--params <json>', 'override detector parameters, e.g. \'{"block":{"edd":30,"minNetworks":3}}\'')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(detectRun, {
        cc: str(o.cc),
        asn: str(o.asn),
        target: str(o.target),
        since: str(o.since),
        until: str(o.until),
        kind: o.kind as DetectInput['kind'],
        input: o.input as DetectInput['input'],
        emit: Boolean(o.emit),
        params: parseParams(o.params),
      });
      await ctx.output(detectRun, r, o, showDetect);
    });

  const st = program.command('speedtests').description('crowdsourced speed tests (target vs control): import and per-network throttling summary');
  leaf(st, 'import', 'import a speed-test dataset: a folder of daily CSVs or one CSV (exit 3 when rows are rejected)')
    .argument('<path>')
    .action(async (path: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(speedtestsImport, { path });
      // rejects_total also counts files refused whole (an empty file, a header with missing columns) and the kept rejects of unchanged files
      if (r.rejected > 0 || r.rejects_total > 0) io.setExit(EXIT.PARTIAL);
      ctx.print(r, showImport);
    });
  rowsOptions(leaf(st, 'summary', 'throttling verdict per (country, network, target, day): share throttled, median speeds'))
    .option('--cc <cc>', 'country (e.g. RU)')
    .option('--asn <asn>', 'network (AS12389 or 12389)')
    .option('--target <host>', 'one target: the datasets whose target_host it is')
    .option('--since <date>', 'from this date (a time of day widens to the whole UTC day)')
    .option('--until <date>', 'up to and including this date (a time of day widens to the whole UTC day)')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(speedtestsSummary, { cc: str(o.cc), asn: str(o.asn), target: str(o.target), since: str(o.since), until: str(o.until) });
      await ctx.output(speedtestsSummary, r, o, showSummary);
    });

  const tp = program
    .command('throughput')
    .description('OONI network_events: per-measurement throughput and TLS handshake time, and per-network throttling summary');
  leaf(tp, 'extract', 'read test_keys.network_events of ingested files not yet read (exit 3 when bad events were found)')
    .option('--force', 're-read every ingested file')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(throughputExtract, { force: Boolean(o.force) });
      if (r.bad_events > 0 || r.files.failed > 0) io.setExit(EXIT.PARTIAL);
      ctx.print(r, showExtract);
    });
  rowsOptions(leaf(tp, 'rejects', 'bad network events kept by earlier extractions, with file, line and reason'))
    .option('--limit <n>', 'at most this many', limitOption, 100)
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(throughputRejects, { limit: o.limit as number });
      await ctx.output(
        throughputRejects,
        r,
        o,
        (x: typeof r) => table(x.items, ['measurement_id', 'path', 'line', 'event_index', 'operation', 'reason', 'detail']) + `${JSON.stringify(x.counts)}\n`,
      );
    });
  rowsOptions(leaf(tp, 'summary', 'throttling verdict per (country, network, target, day) from OONI measurements paired within their session'))
    .option('--cc <cc>', 'country (e.g. RU)')
    .option('--asn <asn>', 'network (AS12389 or 12389)')
    .option('--target <t>', 'one target (e.g. abs.twimg.com)')
    .option('--since <date>', 'from this date (a time of day widens to the whole UTC day)')
    .option('--until <date>', 'up to and including this date (a time of day widens to the whole UTC day)')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(throughputSummaryOp, { cc: str(o.cc), asn: str(o.asn), target: str(o.target), since: str(o.since), until: str(o.until) });
      await ctx.output(throughputSummaryOp, r, o, showThroughput);
    });
}
