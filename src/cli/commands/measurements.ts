/**
 * `splinternet measurements summary|list|show|networks|export|rules|agreement|rescore|files|link` and
 * `splinternet fingerprints import|list`.
 */
import type { Command } from '@commander-js/extra-typings';
import {
  fingerprintsImport,
  fingerprintsList,
  measurementsAgreement,
  measurementsAgreementFiles,
  measurementsExport,
  measurementsFiles,
  measurementsLink,
  measurementsList,
  measurementsNetworks,
  measurementsRescore,
  measurementsRules,
  measurementsGet,
  measurementsSummary,
} from '../../measure/ops.js';
import { parseTestNames, STATUSES, type AgreementReject } from '../../measure/index.js';
import { TIME_BOUND_FORMS } from '../../shared/index.js';
import { ctxOf, intOption, limitOption, leaf, table, rowsOptions } from '../command.js';
import type { Io } from '../context.js';
import { writeOutFile } from '../out-file.js';
import { withFlagNames } from '../flag-errors.js';

type Row = Record<string, unknown>;

/** The shared filter flags of summary, list and export. */
function filters(c: Command): Command {
  return c
    .option('--cc <CC>', 'probe country, e.g. RU')
    .option('--asn <ASN>', 'probe network, e.g. AS12389')
    .option('--test-name <name>', 'e.g. web_connectivity, telegram')
    .option('--target <t>', 'domain (twitter.com) or app (telegram, signal, whatsapp, facebook_messenger, tor)')
    .option('--since <date>', `from the start of this date or time (${TIME_BOUND_FORMS})`)
    .option('--until <date>', 'up to the end of this date or time, inclusive (same forms)');
}

const str = (v: unknown) => v as string | undefined;
/** The filter flags as op input; --test-name takes the bucket spelling too (webconnectivity) and an unknown name is exit 2 naming the flag. */
const pick = (o: Row) => ({
  cc: str(o.cc),
  asn: str(o.asn),
  test_name: typeof o.testName === 'string' ? parseTestNames('--test-name', [o.testName])[0] : undefined,
  target: str(o.target),
  since: str(o.since),
  until: str(o.until),
});
/** A field for human output: '-' for null, JSON for objects. */
const f = (v: unknown): string =>
  v === null || v === undefined ? '-' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
const fmtMech = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, v]) => `${k}:${v}`)
    .join(' ');

export function measurementsCommand(program: Command, io: Io): void {
  const m = program
    .command('measurements')
    .description('query ingested OONI measurements: summary, list, show, networks, export, rules, agreement, rescore, files, link');

  filters(leaf(m, 'summary', 'counts per cell (time bucket, probe_cc, probe_asn, test_name, target) and per target'))
    .option('--grain <g>', 'day | hour', 'day')
    .action(async (o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(measurementsSummary, { ...pick(o), grain: o.grain as 'day' | undefined });
      ctx.print(
        r,
        (x: typeof r) =>
          table(
            x.by_target.map((t) => ({ ...t, mechanisms: fmtMech(t.mechanisms) })),
            [
              'probe_cc',
              'test_name',
              'target',
              'networks',
              'n',
              // our verdict: one column per status, as in --json, so none is hidden
              ...STATUSES,
              // OONI's flags, kept apart: ok_count is OONI's, not our ok
              'ok_count',
              'anomaly_count',
              'confirmed_count',
              'failure_count',
              'mechanisms',
            ],
          ) +
          `${x.cells.length} cells, ${String(x.totals.n)} measurements, ${f(x.data_vintage.first_bucket)} .. ${f(x.data_vintage.last_bucket)}\n` +
          (x.window.widened
            ? `window widened to whole ${x.filters.grain} cells: ${f(x.window.since ?? 'the first cell')} .. ${f(x.window.until ?? 'the last cell')} (until exclusive)\n`
            : '') +
          `source: ${x.source}\n`,
      );
    });

  rowsOptions(filters(leaf(m, 'list', 'one row per measurement, newest first')))
    .option('--status <s>', 'ok | blocked | likely_blocked | down | invalid | insufficient')
    .option('--limit <n>', 'rows (default 100, max 10000)', limitOption)
    .option('--cursor <c>', 'next_cursor from a previous page')
    .action(async (o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(measurementsList, {
        ...pick(o),
        status: o.status as 'ok' | undefined,
        limit: o.limit as number | undefined,
        cursor: str(o.cursor),
      });
      await ctx.output(
        measurementsList,
        r,
        o,
        (x: typeof r) =>
          table(
            x.items.map((i) => ({ ...i, layers: i.layers.join(','), flags: `${i.anomaly ? 'A' : '-'}${i.confirmed ? 'C' : '-'}${i.failure ? 'F' : '-'}` })),
            ['id', 'measurement_start_time', 'probe_cc', 'probe_asn', 'test_name', 'target', 'flags', 'status', 'layers', 'mechanism'],
          ) + (x.next_cursor ? `next: --cursor ${x.next_cursor}\n` : ''),
      );
    });

  leaf(m, 'show', 'one measurement: OONI flags, our verdict with its evidence, and the raw measurement')
    .argument('<id>')
    .action(async (id: string, o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(measurementsGet, { id });
      ctx.print(
        r,
        (x: typeof r) =>
          [
            `${f(x.id)}  ${f(x.test_name)} ${f(x.input)}`,
            `${f(x.probe_cc)} ${f(x.probe_asn)} ${f(x.probe_network_name)} at ${f(x.measurement_start_time)} (report ${f(x.report_id)})`,
            `OONI flags: anomaly=${f(x.anomaly)} confirmed=${f(x.confirmed)} failure=${f(x.failure)} blocking_type=${f(x.blocking_type)}`,
            `verdict:    ${f(x.status)} layers=${x.layers.join(',') || '-'} mechanism=${f(x.mechanism)}`,
            `rules:      ${x.rules.join(', ')}`,
            'evidence:',
            ...x.evidence.map((e) => `  - ${JSON.stringify(e)}`),
            `raw: ${x.raw ? `${JSON.stringify(x.raw).length} bytes from ${f(x.file)}:${f(x.line)} (use --json to see it)` : f(x.raw_error)}`,
          ].join('\n') + '\n',
      );
    });

  rowsOptions(leaf(m, 'networks', 'networks (ASNs) seen, with names and counts'))
    .option('--cc <CC>', 'probe country')
    .action(async (o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(measurementsNetworks, { cc: str(o.cc) });
      await ctx.output(measurementsNetworks, r, o, (x: typeof r) =>
        table(
          x.items.map((i) => ({ ...i, names: (i.names ?? []).join('; ') })),
          ['probe_cc', 'probe_asn', 'names', 'measurements', 'anomaly_count', 'confirmed_count', 'first', 'last'],
        ),
      );
    });

  filters(leaf(m, 'export', 'export list rows as CSV, NDJSON or Parquet'))
    .requiredOption('--format <f>', 'csv | ndjson | parquet')
    .option('--status <s>', 'only this status')
    .option('--out <file>', 'write here (required for parquet); default stdout')
    .option('--force', 'replace --out FILE if it exists')
    .action(async (o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(measurementsExport, { ...pick(o), status: o.status as 'ok' | undefined, format: o.format as 'csv' });
      const bytes = Buffer.from(r.body, r.encoding);
      if (!o.out) return void io.out.write(bytes);
      await writeOutFile(o.out as string, bytes, { force: o.force === true });
      // the file line of every --out: file, format, rows (count kept for scripts that read it)
      if (ctx.globals.json) io.out.write(JSON.stringify({ file: o.out, format: o.format, rows: r.count, count: r.count }) + '\n');
      else io.err.write(`wrote ${r.count} measurements to ${o.out as string}\n`);
    });

  rowsOptions(leaf(m, 'rules', 'the verdict rules: id, version, layer, status, doc')).action(async (o: Row) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.run(measurementsRules, {});
    await ctx.output(
      measurementsRules,
      r,
      o,
      (x: typeof r) => table(x.items, ['id', 'version', 'layer', 'status', 'doc']) + `rules version ${x.rules_version}\n`,
    );
  });

  filters(leaf(m, 'agreement', "our class vs the probe's own blocking/accessible and vs OONI's anomaly flag, with every disagreement's rules"))
    .argument('[files...]', 'score these JSONL / JSONL.gz files in memory instead of reading the store')
    .action(async (files: string[], o: Row) => {
      const ctx = ctxOf(io, o);
      const r = files.length ? await ctx.run(measurementsAgreementFiles, { paths: files }) : await ctx.run(measurementsAgreement, pick(o));
      if (r.unexplained > 0 || ('rejects' in r && Array.isArray(r.rejects) && r.rejects.length > 0)) io.setExit(3);
      ctx.print(
        r,
        (x: typeof r) =>
          table(
            x.disagreements.map((d) => ({
              ...d,
              deciding_rules: d.deciding_rules.join(' '),
              overriding_rules: (d.overriding_rules as { id: string }[]).map((o2) => o2.id).join(' ') || (d.unexplained ? 'UNEXPLAINED' : ''),
            })),
            ['id', 'test_name', 'input', 'with', 'ours', 'theirs', 'deciding_rules', 'overriding_rules'],
          ) +
          `${x.measurements} measurements, ${x.with_probe_analysis} with the probe's own analysis\n` +
          `vs probe blocking/accessible: ${x.vs_probe.agree}/${x.vs_probe.compared} agree (${f(x.vs_probe.agree_pct)}%)\n` +
          `vs OONI anomaly flag:         ${x.vs_anomaly.agree}/${x.vs_anomaly.compared} agree (${f(x.vs_anomaly.agree_pct)}%)\n` +
          `disagreements without an overriding rule: ${x.unexplained}\n` +
          ('rejects' in x
            ? (x.rejects as AgreementReject[])
                .map((j) => `reject ${j.path}:${j.line} @${j.byte_offset} ${j.reason}${j.detail ? `: ${j.detail}` : ''}\n`)
                .join('')
            : ''),
      );
    });

  filters(leaf(m, 'rescore', 're-judge stored measurements with the current rules and fingerprints, from their stored rule inputs (source files are not read)'))
    .option('--batch-size <n>', 'measurements per transaction (default 2000)', intOption('--batch-size'))
    .action(async (o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(measurementsRescore, { ...pick(o), batch_size: o.batchSize as number | undefined });
      if (r.needs_reingest > 0 || r.needs_source > 0 || r.unreadable > 0) io.setExit(3);
      ctx.print(
        r,
        (x: typeof r) =>
          [
            `rules ${x.rules_version}, fingerprints ${x.fingerprints_version}`,
            x.reconciliation,
            `${x.changed} changed, ${x.unchanged} unchanged; aggregation cells rewritten: ${x.cells.cells}`,
            ...x.transitions.map((t) => `  ${t.from} -> ${t.to}: ${t.n}`),
            ...(x.changed
              ? [
                  `  changed parts: ${Object.entries(x.changed_fields)
                    .filter(([, n]) => n)
                    .map(([k, n]) => `${k} ${n}`)
                    .join(', ')}`,
                ]
              : []),
            ...(x.needs_reingest
              ? [
                  `${x.needs_reingest} measurements were stored before rule inputs were kept: re-ingest their files with \`splinternet ingest --force FILE...\` to include them`,
                ]
              : []),
            ...x.left_examples.map((e) => `left as it was: ${e.id}: ${e.reason}`),
          ].join('\n') + '\n',
      );
    });

  leaf(m, 'files', 'the ingest manifest (path, size, checksum, status, counts) and, with --rejects, the rejected lines')
    .option('--rejects', 'also list rejects (file, line, byte offset, reason)')
    .option('--file-id <id>', 'rejects of one file')
    .option('--limit <n>', 'rows (default 100, newest first; at most 10000)', limitOption)
    .option('--paths', "print only each file's full path, one a line (what `ingest` takes again)")
    .action(async (o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(measurementsFiles, { limit: o.limit as number | undefined, rejects: o.rejects === true, file_id: str(o.fileId) });
      // a listing shorter than the manifest says so, and how to list more (on stderr beside bare paths)
      const more =
        r.counts.files > r.files.length
          ? `${r.files.length} of ${r.counts.files} files listed, newest first: --limit ${Math.min(r.counts.files, 10000)} lists ${r.counts.files > 10000 ? 'the newest 10000' : 'them all'}\n`
          : '';
      if (o.paths === true && !ctx.globals.json) {
        if (more) io.err.write(more);
        return ctx.print(r, (x: typeof r) => x.files.map((f) => f.path + '\n').join(''));
      }
      ctx.print(
        r,
        (x: typeof r) =>
          table(x.files, ['file_id', 'status', 'lines_read', 'stored', 'duplicates', 'rejected', 'size', 'path']) +
          more +
          (x.rejects ? table(x.rejects, ['path', 'line', 'byte_offset', 'reason', 'detail']) : ''),
      );
    });

  filters(leaf(m, 'link', 'attach a saved measurement query to a ledger event as evidence'))
    .requiredOption('--event <id>', 'ledger event id')
    .option('--label <text>', 'short label')
    .option('--note <text>', 'what the evidence shows and its limits')
    .action(async (o: Row) => {
      const ctx = ctxOf(io, o);
      const input = { ...pick(o), event_id: String(o.event), label: str(o.label), note: str(o.note) };
      // a refusal of event_id names the option that gave it
      const r = await withFlagNames({ event_id: '--event' }, input, () => ctx.run(measurementsLink, input));
      ctx.print(r, (x: typeof r) => `linked ${String(o.event)} to measurements ?${x.target}\n`);
    });

  const fp = program.command('fingerprints').description('block-page fingerprint sets (OONI DNS/HTTP CSV, Censored Planet JSONL)');
  leaf(fp, 'import', 'replace one fingerprint set from a newer file')
    .argument('<file>')
    .option('--source <name>', 'set name (default from the file name, e.g. ooni-http)')
    .option('--kind <k>', 'for Censored Planet JSONL: cp_blockpage | cp_false_positive (default from the file name)')
    .action(async (file: string, o: Row) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(fingerprintsImport, { file, source: str(o.source), kind: o.kind as 'cp_blockpage' | undefined });
      if (r.rejects.length) io.setExit(3);
      ctx.print(r, (x: typeof r) => `imported ${x.count} fingerprints into ${x.source}${x.rejects.length ? `, ${x.rejects.length} rejected` : ''}\n`);
    });
  leaf(fp, 'list', 'fingerprint sets in use').action(async (o: Row) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.run(fingerprintsList, {});
    ctx.print(r, (x: typeof r) => table(x.items, ['source', 'count', 'file', 'checksum', 'imported_at']));
  });
}
