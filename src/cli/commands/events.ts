/** `splinternet events list|show|add|edit|retract|history|import|export`. */
import { readFile } from 'node:fs/promises';
import type { Command } from '@commander-js/extra-typings';
import { CATEGORIES, endText, eventFieldValue, ORIGINS, type GeocodeReport, type LedgerEvent } from '../../ledger/index.js';
import { eventsAdd, eventsEdit, eventsExport, eventsGeocode, eventsHistory, eventsImport, eventsList, eventsShow, eventsStatus } from '../../ledger/ops.js';
import type { OpInput, OpOutput } from '../../op/index.js';
import { AppError, fileError, parseJsonBytes, percentText } from '../../shared/index.js';
import { collect, ctxOf, examples, intOption, limitOption, leaf, rowsOptions, str, table, withoutGlobals } from '../command.js';
import { fields } from '../terminal-text.js';
import type { Io } from '../context.js';
import { writeOutFile } from '../out-file.js';

/** An event file (or stdin) as strict UTF-8 JSON with each key given once (parseJsonBytes), as a request body is read. */
async function readJsonFile(path: string): Promise<unknown> {
  const bytes =
    path === '-'
      ? await readStdin()
      : await readFile(path).catch((e: unknown) => {
          throw fileError(path, e);
        });
  return parseJsonBytes(bytes, path === '-' ? 'standard input' : path);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The listings an import folded into the event kept, by rule: each rule's part counts the
 * listings it folded (not the events that kept them), so the parts add up to the count.
 */
export function foldedText(x: Pick<OpOutput<typeof eventsImport>, 'duplicates_merged' | 'duplicates'>): string {
  const by = (rule: string) => x.duplicates.filter((d) => d.rule === rule).reduce((n, d) => n + d.listings, 0);
  return `shutdowns STOP records twice, folded into the event kept: ${x.duplicates_merged} (${by('near-duplicate')} listed twice, ${by('contained')} recorded at two scales, ${by('nested')} nested in another order's area the same day)`;
}

const eventLine = (e: LedgerEvent) => ({
  id: e.id,
  start: e.start,
  end: e.end ?? '',
  category: e.category,
  countries: e.countries.join(','),
  status: e.status,
  title: e.title,
});

/** One event for people: each line is the report's, and a line feed in stored text (a title, a summary, a name) is shown as `\n`. */
export function showEvent(e: LedgerEvent & { links?: unknown[] }): string {
  const lines = [
    fields`${e.id}  (revision ${e.revision}, ${e.status})`,
    fields`${e.title}`,
    '',
    fields`${e.summary}`,
    '',
    fields`category   ${e.category} / ${e.subtype}`,
    fields`where      ${e.countries.join(', ')}` + (e.regions.length ? fields` · ${e.regions.join(', ')}` : '') + fields` (${e.scope})`,
    fields`when       ${e.start} → ${endText(e)} (precision: ${e.date_precision})`,
    `targets    ${e.targets.map((t) => fields`${t.name} [${t.kind}]`).join(', ') || '-'}`,
    `actors     ${e.actors.map((a) => fields`${a.name} [${a.role}]`).join(', ') || '-'}`,
    fields`confidence ${e.confidence}`,
    'sources:',
    ...e.sources.map(
      (s, i) =>
        fields`  [${i + 1}] ${s.title}, ${s.publisher}` +
        (s.published ? fields`, ${s.published}` : '') +
        fields`\n      ${s.url}` +
        (s.locator ? fields`\n      ${s.locator}` : ''),
    ),
  ];
  return lines.join('\n') + '\n';
}

export function eventsCommand(program: Command, io: Io): void {
  const events = program.command('events').description('the ledger of internet controls: list, show, add, edit, retract, history, import, export');

  const list = leaf(events, 'list', 'list events (newest first) with filters');
  examples(list, [
    'splinternet events list --country RU --category block',
    'splinternet events list --country CN --from 2019 --to 2021 --json',
    'splinternet events list -q telegram --include-retracted',
    'splinternet events list --country NG --format csv --out ng-events.csv   # one page; events export for every row',
  ]);
  rowsOptions(list)
    .option('--country <cc>', 'ISO 3166-1 alpha-2, e.g. RU')
    .option('--region <code>', 'ISO 3166-2, e.g. RU-MOW')
    .option('--category <c>', `one of ${CATEGORIES.join(', ')}`)
    .option('--subtype <s>', 'subtype within the category')
    .option('--from <date>', 'events ending on or after this date')
    .option('--to <date>', 'events starting on or before this date')
    .option('--started-from <date>', 'events starting on or after this date (with --to: the events that started in a range)')
    .option('-q, --q <text>', 'text search')
    .option('--include-retracted', 'also list retracted events')
    .option('--status <s>', 'only this status (active, draft, retracted, dismissed)')
    .option('--origin <o>', `only events from ${ORIGINS.join(', ')} (seed data, STOP import, this CLI, the HTTP API, a detector draft)`)
    .option('--limit <n>', 'page size (1-1000, default 50)', limitOption)
    .option('--cursor <c>', 'next_cursor from a previous page')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const { format: _f, out: _o, force: _F, includeRetracted, startedFrom, ...filters } = withoutGlobals(o);
      const result = await ctx.run(eventsList, {
        ...(filters as OpInput<typeof eventsList>),
        started_from: startedFrom as string | undefined,
        include_retracted: includeRetracted === true ? true : undefined,
      });
      await ctx.output(
        eventsList,
        result,
        o,
        (r: typeof result) =>
          table(r.items.map(eventLine), ['id', 'start', 'end', 'category', 'countries', 'status', 'title']) +
          `${r.items.length} of ${r.total}${r.next_cursor ? ` · next: --cursor ${r.next_cursor}` : ''}\n`,
      );
    });

  leaf(events, 'show', 'show one event with its sources')
    .argument('<id>')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      ctx.print(await ctx.run(eventsShow, { id }), showEvent);
    });

  examples(leaf(events, 'add', 'add an event from a JSON file (or - for stdin)'), [
    'splinternet events add --file data/ledger/events/ru-2018-telegram-block.json   # shape of an event file',
  ])
    .requiredOption('--file <path>', 'event JSON with the ledger keys')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const e = await ctx.run(eventsAdd, { event: await readJsonFile(o.file as string) });
      ctx.print(e, (x: LedgerEvent) => `created ${x.id} (revision ${x.revision})\n`);
    });

  examples(leaf(events, 'edit', 'change fields of an event; refused if someone else changed it since --expect-revision'), [
    'splinternet events edit ru-2018-telegram-block --set end=2020-06-18 --reason "Roskomnadzor lifted the block"',
    'splinternet events edit ru-2018-telegram-block --set \'tags=["telegram","collateral"]\' --expect-revision 1',
  ])
    .argument('<id>')
    .option('--file <path>', 'JSON object of fields to change (or a whole event)')
    .option(
      '--set <field=json>',
      'set one field, value as JSON or plain text; a text field (start, end, title...) takes a bare number as its text (repeatable)',
      collect,
      [] as string[],
    )
    .option('--expect-revision <n>', 'the revision you edited (default: current)', intOption('--expect-revision'))
    .option('--reason <text>', 'why (kept in the history)')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const patch: Record<string, unknown> = o.file ? ((await readJsonFile(o.file as string)) as Record<string, unknown>) : {};
      for (const kv of o.set as string[]) {
        const eq = kv.indexOf('=');
        if (eq < 1) throw new AppError('USAGE', `--set expects field=value, got "${kv}"`);
        const field = kv.slice(0, eq);
        patch[field] = eventFieldValue(field, kv.slice(eq + 1));
      }
      if (Object.keys(patch).length === 0) throw new AppError('USAGE', 'nothing to change: give --file or --set');
      const e = await ctx.run(eventsEdit, { id, patch, expected_revision: o.expectRevision as number | undefined, reason: str(o.reason) });
      ctx.print(e, (x: OpOutput<typeof eventsEdit>) =>
        x.changed ? `updated ${x.id} to revision ${x.revision}\n` : `unchanged: ${x.id} already has these values (revision ${x.revision}); no revision added\n`,
      );
    });

  for (const [verb, action, help] of [
    ['retract', 'retract', 'hide an event from default views (kept, with the reason)'],
    ['restore', 'restore', 'bring a retracted or dismissed event back, to the status it had (a draft stays a draft)'],
    ['confirm', 'confirm', 'confirm a draft event (e.g. from the detector)'],
    ['dismiss', 'dismiss', 'dismiss a draft event'],
  ] as const) {
    leaf(events, verb, help)
      .argument('<id>')
      .requiredOption('--reason <text>', 'why (required, kept in the history)')
      .option('--expect-revision <n>', 'the revision you saw', intOption('--expect-revision'))
      .action(async (id: string, o: Record<string, unknown>) => {
        const ctx = ctxOf(io, o);
        const e = await ctx.run(eventsStatus, { id, action, reason: String(o.reason), expected_revision: o.expectRevision as number | undefined });
        ctx.print(e, (x: LedgerEvent) => `${x.id} is now ${x.status} (revision ${x.revision})\n`);
      });
  }

  rowsOptions(
    leaf(
      events,
      'history',
      "the revisions of an event: who, when and why; --json or --format adds what changed (each revision's previous and current documents)",
    ),
  )
    .argument('<id>')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const h = await ctx.run(eventsHistory, { id });
      await ctx.output(eventsHistory, h, o, (r: typeof h) => table(r.items, ['revision', 'action', 'actor', 'at', 'reason']));
    });

  eventsImportCommand(events, io);

  leaf(events, 'export', 'export events as csv, json, ndjson or parquet')
    .requiredOption('--format <f>', 'csv | json | ndjson | parquet')
    .option('--out <path>', 'write to a file (required for parquet); default stdout')
    .option('--force', 'replace --out FILE if it exists')
    .option('--country <cc>')
    .option('--region <code>')
    .option('--category <c>')
    .option('--subtype <s>')
    .option('--from <date>')
    .option('--to <date>')
    .option('--started-from <date>')
    .option('-q, --q <text>')
    .option('--include-retracted')
    .option('--status <s>', 'only this status (active, draft, retracted, dismissed)')
    .option('--origin <o>', `only events from ${ORIGINS.join(', ')}`)
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const { format, out, force, includeRetracted, startedFrom, ...filters } = withoutGlobals(o);
      const r = await ctx.run(eventsExport, {
        ...(filters as OpInput<typeof eventsList>),
        started_from: startedFrom as string | undefined,
        include_retracted: includeRetracted === true ? true : undefined,
        format: format as OpInput<typeof eventsExport>['format'],
      });
      const bytes = Buffer.from(r.body, r.encoding);
      if (out) {
        await writeOutFile(out as string, bytes, { force: force === true });
        // the file line of every --out: file, format, rows (count kept for scripts that read it)
        if (ctx.globals.json) io.out.write(JSON.stringify({ file: out, format, rows: r.count, count: r.count }) + '\n');
        else io.err.write(`wrote ${r.count} events to ${out as string}\n`);
      } else io.out.write(bytes);
    });
}

function eventsImportCommand(events: Command, io: Io): void {
  leaf(events, 'import', 'import Access Now #KeepItOn STOP CSV (idempotent; exit 3 if rows were rejected, or --full could not check what is absent)')
    .argument('<file>', 'STOP CSV with its published columns')
    .option('--format <f>', 'input format', 'stop')
    .option('--snapshot <date>', 'snapshot date (default: from the file name)')
    .option('--full', 'the file is the whole snapshot: retract the STOP events none of its records describes any more')
    .option('--allow-shrink', 'with --full: the file is whole though it holds under half the records stored of the latest snapshot')
    .action(async (file: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(eventsImport, {
        file,
        format: o.format as 'stop',
        snapshot: str(o.snapshot),
        full: o.full === true,
        allow_shrink: o.allowShrink === true,
      });
      // --full asked for the absent check: a file that could not be taken as the whole snapshot did only part of what was asked
      if (r.rows_rejected > 0 || (o.full === true && r.absent_check !== 'done')) io.setExit(3);
      ctx.print(
        r,
        (x: typeof r) =>
          `rows read ${x.rows_read} = stored ${x.rows_stored} + rejected ${x.rows_rejected} (repeats of ongoing events merged: ${x.repeats_merged}; ${foldedText(x)})\n` +
          `events: ${Object.entries(x.events)
            .map(([k, v]) => `${k} ${v}`)
            .join(
              ', ',
            )}; retracted as absent from the whole snapshot ${x.absent_retracted.length}; left as a person edited them ${x.user_edits_kept.length}\n` +
          (o.full === true ? `absent check: ${x.absent_check}\n` : '') +
          x.absent_retracted.map((a) => fields`  retracted ${a.event}: ${a.reason}` + '\n').join('') +
          x.restored.map((a) => `  restored ${a.event} (the import had retracted it: ${a.retracted})\n`).join('') +
          x.retracted_kept.map((k) => fields`  still retracted, as ${k.retracted_by} retracted it: ${k.event} (${k.reason})` + '\n').join('') +
          x.user_edits_kept.map((k) => `  left as a person edited it: ${k.event} (would retract: ${k.would_retract})\n`).join('') +
          x.later_listing_kept
            .map((k) => `  kept as its count_year ${k.stored_count_year} listing says (the file's latest is ${k.file_count_year}): ${k.event}\n`)
            .join('') +
          x.rejects.map((j) => `  rejected record ${j.record} (line ${j.line}): ${j.reason}\n`).join(''),
      );
    });

  leaf(
    events,
    'geocode',
    "geocode every event's area: regions, districts and places with a population; coverage by scope (exit 3 if sub-national events stay without one)",
  )
    .option('--dry-run', 'report only; write nothing')
    .option('--country <cc>', 'only events of this country')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(eventsGeocode, { dry_run: o.dryRun === true, country: str(o.country) });
      if (r.not_geocoded.length) io.setExit(3);
      ctx.print(r, (x: GeocodeReport) => {
        const rows = Object.entries(x.by_scope).map(([scope, s]) => ({
          scope,
          events: s.events,
          placed: s.geocoded,
          'by hand': s.placed_by_hand,
          'with population': s.with_population,
          coverage: `${percentText(s.coverage, 1)} %`,
        }));
        return (
          `${x.events_read} events; ${x.dry_run ? 'would change' : 'changed'} ${x.changed}, unchanged ${x.unchanged}, geocoded by hand ${x.kept_manual} (kept as entered)\n` +
          table(rows, ['scope', 'events', 'placed', 'by hand', 'with population', 'coverage']) +
          'placed and with population count the events that carry a population affected (what the cost reads), those placed by hand among them\n' +
          (x.not_geocoded.length
            ? `not geocoded (${x.not_geocoded.length} sub-national events):\n` +
              x.not_geocoded.map((n) => fields`  ${n.id} [${n.country}, ${n.scope}] "${n.area}": ${n.reason}` + '\n').join('')
            : '')
        );
      });
    });
}
