/** `splinternet elections import|list|summary|electronic|integers|shpilkin`: polling-station results and their fingerprints. */
import type { Command } from '@commander-js/extra-typings';
import type { Block, electionSummary, electronicComparison, ImportReport, integersFor, listElections, shpilkinFor } from '../../elections/index.js';
import {
  electionsElectronic,
  electionsImport,
  electionsIntegers,
  electionsList,
  electionsRejects,
  electionsShpilkin,
  electionsSummary,
  REJECTS_MAX,
} from '../../elections/ops.js';
import { ctxOf, examples, limitOption, leaf, numberOption, str, table, rowsOptions } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';

type Summary = Awaited<ReturnType<typeof electionSummary>>;
type Electronic = Awaited<ReturnType<typeof electronicComparison>>;
type Integers = Awaited<ReturnType<typeof integersFor>>;
type Shpilkin = Awaited<ReturnType<typeof shpilkinFor>>;
type List = Awaited<ReturnType<typeof listElections>>;

const n = (x: number) => x.toLocaleString('en-US');
const p2 = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)}%`);

/** The heading over an import's listed rejects: how many of how many, and the command that lists them all. */
function rejectsHeading(r: ImportReport, shown: number): string {
  const total = r.files.reduce((a, f) => a + f.rejected, 0);
  if (shown >= total) return `rejects (${n(shown)})`;
  const ids = [...new Set(r.files.filter((f) => f.rejected > f.rejects.length).map((f) => f.election))];
  return `rejects (first ${n(shown)} of ${n(total)}; all of them: ${ids.map((id) => `splinternet elections rejects ${id}`).join(', ')})`;
}

/** Why a run that rejected nothing exits 3: the unchanged files it skipped hold rejects from their import. */
function storedRejects(r: ImportReport): string {
  const kept = r.files.filter((f) => f.status === 'unchanged' && f.rejected > 0);
  if (!kept.length || r.rejected > 0) return '';
  const lines = kept.reduce((a, f) => a + f.rejected, 0);
  const ids = [...new Set(kept.map((f) => f.election))];
  const one = kept.length === 1;
  return `exit 3: the unchanged file${one ? '' : 's'} hold${one ? 's' : ''} ${n(lines)} rejected line${lines === 1 ? '' : 's'} from ${one ? 'its' : 'their'} import (${ids.map((id) => `splinternet elections rejects ${id}`).join('; ')})\n`;
}

function importText(r: ImportReport): string {
  const files = table(
    r.files.map((f) => ({
      file: f.file,
      format: f.format,
      election: f.election,
      status: f.status,
      lines: n(f.lines_read),
      stored: n(f.stored),
      rejected: n(f.rejected),
      flagged: n(f.flagged),
      reconciled: f.reconciled ? 'yes' : 'NO',
    })),
    ['file', 'format', 'election', 'status', 'lines', 'stored', 'rejected', 'flagged', 'reconciled'],
  );
  const rejects = r.files.flatMap((f) => f.rejects).map((x) => `  ${x.file}:${x.line} ${x.reason}: ${x.detail}`);
  const derived = r.files.flatMap((f) => f.derived_columns.map((d) => `  ${f.file}: derived ${d}`));
  const ignored = r.files
    .map((f) => ({ f, cols: f.ignored_columns.filter((c) => !f.unread_columns.some((u) => u.name === c)) }))
    .filter(({ cols }) => cols.length)
    .map(({ f, cols }) => `  ${f.file}: ignored columns (not stored): ${cols.join('; ')}`);
  const unread = r.files.flatMap((f) =>
    f.unread_columns.map(
      (u) =>
        `  ${f.file}: column ${u.column} "${u.name}" holds counts on ${n(u.lines)} line${u.lines === 1 ? '' : 's'} but names no choice of ${f.election} in any spelling: not read, its figures are in no total (exit 3; number the party, "5. <party>", or name it as another file of the election does)`,
    ),
  );
  const mergedChoices = r.files.flatMap((f) =>
    f.merged_choices.map((m) => `  ${f.file}: column "${m.name}" counted as the stored choice "${m.stored_as}" (the same name spelled otherwise)`),
  );
  const unplaced = r.files.flatMap((f) =>
    f.unplaced_regions.map(
      (u) =>
        `  ${f.file}: region "${u.region}" (${n(u.stations)} station${u.stations === 1 ? '' : 's'}) is none of the country's regions: stored as written, with no ISO code, so --region and per-region figures by code leave it out`,
    ),
  );
  const notes = [...derived, ...ignored, ...unread, ...mergedChoices, ...unplaced];
  const unchanged = r.unchanged ? ` (${n(r.unchanged)} file${r.unchanged === 1 ? '' : 's'} unchanged, not stored again; --force re-imports)` : '';
  return `${files}${rejects.length ? `${rejectsHeading(r, rejects.length)}:\n${rejects.join('\n')}\n` : ''}${notes.length ? `${notes.join('\n')}\n` : ''}this run stored ${n(r.stored)}, rejected ${n(r.rejected)}, flagged (kept) ${n(r.flagged)}${unchanged}\n${storedRejects(r)}`;
}

/** A block of the summary: its sums, then every choice of the ballot, most voted first (none left out). */
function blockText(title: string, b: Block): string {
  if (b.stations + b.aggregates === 0) return '';
  const rows = `${n(b.stations)} stations${b.aggregates ? ` and ${n(b.aggregates)} regional DEG total${b.aggregates === 1 ? '' : 's'}` : ''}`;
  const choices = [...b.choices].sort((x, y) => y.votes - x.votes);
  return (
    `${title}: ${rows} (${n(b.flagged)} flagged), registered ${n(b.registered)}, issued ${n(b.issued)}, cast ${n(b.cast)}, turnout ${p2(b.turnout_pct)}\n` +
    table(
      choices.map((c) => ({ choice: c.label_en ?? c.label, votes: n(c.votes), of_cast: p2(c.pct_of_cast), of_valid: p2(c.pct_of_valid) })),
      ['choice', 'votes', 'of_cast', 'of_valid'],
    )
  );
}

function summaryText(s: Summary): string {
  const head = `${s.election.id} · ${s.election.title}${s.filter.region ? ` · region ${s.filter.region}${s.filter.region_code ? ` (${s.filter.region_code})` : ''}` : ''}${s.filter.district ? ` · district ${s.filter.district}` : ''}\n`;
  const groups = s.groups.map(
    (g) =>
      `${g.region ?? ''}${g.district ? ` / ${g.district}` : ''}: turnout ${p2(g.all.turnout_pct)}, ${[...g.all.choices]
        .sort((a, b) => b.votes - a.votes)
        .slice(0, 3)
        .map((c) => `${c.label_en ?? c.label} ${p2(c.pct_of_cast)}`)
        .join(', ')}${g.electronic.stations + g.electronic.aggregates ? ` (electronic ${n(g.electronic.cast)} ballots)` : ''}\n`,
  );
  return [
    head,
    blockText('all', s.totals.all),
    blockText('paper', s.totals.paper),
    blockText('electronic', s.totals.electronic),
    ...groups,
    `flags: ${JSON.stringify(s.flags)}\n`,
    s.rejects_total
      ? `rejected: ${n(s.rejects_total)} line${s.rejects_total === 1 ? '' : 's'} of the imported files, not in these totals (all of them: splinternet elections rejects ${s.election.id})\n`
      : '',
  ].join('\n');
}

function electronicText(e: Electronic): string {
  const rows = e.districts.map((d) => ({
    // Regional DEG totals (2024) have no district: the row is the region.
    district: d.oik ?? d.region ?? '',
    paper_leader: d.single_mandate?.paper_leader.name ?? d.party_list.paper?.leader.name ?? '',
    electronic_leader: d.single_mandate?.electronic_leader.name ?? d.party_list.electronic?.leader.name ?? '',
    winner: d.single_mandate?.winner.name ?? d.party_list.combined_leader.name,
    margin: d.single_mandate ? n(d.single_mandate.margin_votes) : '',
    changed: (d.single_mandate?.changed_by_deg ?? d.party_list.changed_by_deg) ? 'YES' : 'no',
    list_paper: d.party_list.paper ? `${d.party_list.paper.leader.name} ${p2(d.party_list.paper.leader.pct)}` : '',
    list_deg: d.party_list.electronic ? `${d.party_list.electronic.leader.name} ${p2(d.party_list.electronic.leader.pct)}` : '',
  }));
  const s = e.summary;
  const tl = e.deg_timeline;
  const series = tl
    ? `DEG series: ${[tl.party_list && `${n(tl.party_list.total)} party-list`, tl.single_mandate && `${n(tl.single_mandate.total)} single-mandate`].filter(Boolean).join(' and ')} votes decrypted in ${tl.t.length} bins of ${tl.bin_minutes} minutes (final electronic party-list ballots cast in the ${tl.districts.length} district${tl.districts.length === 1 ? '' : 's'} of the series: ${n(tl.final_electronic_cast)}; the bins include superseded re-votes)\n`
    : '';
  const units = e.districts.length > 0 && e.districts.every((d) => d.oik === null) ? 'regions' : 'districts';
  const single = s.with_single_mandate
    ? `single-mandate winner changed by DEG in ${s.single_mandate_changed_by_deg} of ${s.with_single_mandate}`
    : 'no single-mandate results imported for them';
  const list = e.election.kind === 'duma' ? 'party-list leader' : 'leader';
  const unmatched = s.single_mandate_districts_without_stations.length
    ? `single-mandate results of district${s.single_mandate_districts_without_stations.length > 1 ? 's' : ''} ${s.single_mandate_districts_without_stations.join(', ')} match no station of the election: not compared\n`
    : '';
  return `${e.election.id}${e.filter.region ? ` · ${e.filter.region}` : ''}: ${s.districts} ${units} with electronic votes; ${single}; ${list} changed in ${s.party_list_changed_by_deg}; DEG ballots issued ${n(s.electronic_ballots_issued)}\n${unmatched}${series}${table(rows, ['district', 'paper_leader', 'electronic_leader', 'winner', 'margin', 'changed', 'list_paper', 'list_deg'])}\n${e.caveats.map((c) => `note: ${c}`).join('\n')}\n`;
}

function integersText(r: Integers): string {
  const x = r.result;
  const line = (name: string, e: typeof x.either) =>
    `  ${name.padEnd(22)} observed ${n(e.observed)}, expected ${n(e.expected)}, excess ${n(e.excess)} ± ${e.sd} (99.9 % of chance below ${e.threshold})\n`;
  return (
    `${r.election.id} · integer percentages v${r.version} · leader ${r.leader.label_en ?? r.leader.label} · ${r.params.reps} replicates, seed ${r.params.seed}\n` +
    `stations ${n(x.stations_included)} of ${n(r.stations_read)} (left out: ${Object.entries(x.excluded)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}; flagged rows included: ${x.flagged_included})` +
    `${r.aggregates_left_out ? `; ${n(r.aggregates_left_out)} regional aggregate rows (not polling stations) are read by no fingerprint` : ''}\n` +
    line('turnout or leader', x.either) +
    line('leader share', x.leader) +
    line('turnout', x.turnout) +
    'regions with the largest excess:\n' +
    table(
      x.by_region
        .slice(0, 10)
        .map((g) => ({ region: g.region, stations: n(g.stations), observed: n(g.either.observed), excess: g.either.excess, sd: g.either.sd })),
      ['region', 'stations', 'observed', 'excess', 'sd'],
    )
  );
}

function shpilkinText(r: Shpilkin): string {
  const x = r.result;
  return (
    `${r.election.id} · Shpilkin v${r.version} · leader ${r.leader.label_en ?? r.leader.label}\n` +
    `turnout mode ${x.turnout_mode.from}-${x.turnout_mode.to} % (centre ${x.turnout_mode.center} %); clean share ${x.clean_share_pct} % (official ${x.official_share_pct} %)\n` +
    `mode: ${x.turnout_mode.basis}\n` +
    `anomalous votes ${n(x.anomalous_votes)} of the leader's ${n(x.leader_votes)} (${x.anomalous_share_of_leader_pct} %); stations ${n(x.stations_included)} (left out: ${Object.entries(
      x.excluded,
    )
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}${r.aggregates_left_out ? `, regional aggregates ${n(r.aggregates_left_out)}` : ''})\n`
  );
}

const listText = (l: List) =>
  table(
    l.items.map((e) => ({
      id: e.id,
      title: e.title,
      stations: n(e.stations),
      aggregates: n(e.aggregates),
      files: e.files,
      rejected: n(e.rejected),
      flagged: n(e.flagged),
    })),
    ['id', 'title', 'stations', 'aggregates', 'files', 'rejected', 'flagged'],
  );

export function electionsCommand(program: Command, io: Io): void {
  const el = program.command('elections').description('Polling-station election results: import, totals, paper vs electronic voting, fraud fingerprints');

  const imp = leaf(el, 'import', 'import CEC protocol CSVs (zipped or plain), the Moscow 2021 single-mandate TSV and DEG series files');
  examples(imp, [
    'splinternet elections import ../shared/data/elections/kobak-2021.csv.zip',
    'splinternet elections import ../shared/data/elections/meduza-moscow-2021-single-mandate.tsv --election duma-2021',
  ]);
  imp
    .argument('<files...>')
    .option('--election <id>', 'election id (duma-2021, president-2018, referendum-2020); default: kind from the columns, year from the file name')
    .option('--force', 're-import files even when unchanged')
    .action(async (files: string[], o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(electionsImport, { files, election: str(o.election), force: o.force === true ? true : undefined });
      // Exit 3 while a file has rejects or a column of counts it could not read, also when this run
      // found it unchanged (a rerun exits as the first run did).
      if (r.files.some((f) => f.rejected > 0 || f.unread_columns.length > 0) || !r.reconciled) io.setExit(EXIT.PARTIAL);
      ctx.print(r, importText);
    });

  rowsOptions(leaf(el, 'list', 'imported elections')).action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    await ctx.output(electionsList, await ctx.run(electionsList, {}), o, listText);
  });

  rowsOptions(leaf(el, 'summary', 'totals of an election, region or district: paper, electronic, together'))
    .argument('<id>')
    .option('--region <region>', 'region: English or Russian, full or short, or ISO code (Moscow, "Moscow Oblast", Tatarstan, "город Москва", RU-MOW)')
    .option('--district <n>', 'single-mandate district number (ОИК), e.g. 196')
    .option('--by <level>', 'also list each region or district (region|district)')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(electionsSummary, { id, region: str(o.region), district: str(o.district), by: o.by as 'region' | 'district' | undefined });
      await ctx.output(electionsSummary, r, o, summaryText);
    });

  const rej = leaf(el, 'rejects', "every rejected line of an election's imported files: file, line, reason, detail");
  examples(rej, [
    'splinternet elections rejects referendum-2020',
    'splinternet elections rejects duma-2021 --limit 5000 --format csv --out duma-2021-rejects.csv',
  ]);
  rowsOptions(rej)
    .argument('<id>')
    .option('--limit <n>', 'at most this many (1-100000; default 200, a --format file all of them up to 100000)', limitOption)
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      // A file is an export: every reject unless --limit says otherwise, and a cut one says so.
      const toFile = o.format !== undefined && o.format !== 'json';
      const limit = (o.limit as number | undefined) ?? (toFile ? REJECTS_MAX : 200);
      const r = await ctx.run(electionsRejects, { id, limit });
      await ctx.output(
        electionsRejects,
        r,
        o,
        (x: typeof r) =>
          table(x.items, ['file', 'line', 'reason', 'detail']) +
          `${n(x.items.length)} of ${n(x.total)} rejected line(s) of ${x.election}${x.items.length < x.total ? ' (--limit N shows more)' : ''}\n`,
      );
      if (toFile && r.items.length < r.total)
        io.err.write(`${n(r.items.length)} of ${n(r.total)} rejected lines written (--limit ${Math.min(r.total, REJECTS_MAX)} writes them all)\n`);
    });

  rowsOptions(leaf(el, 'electronic', 'paper versus electronic (DEG) votes per district: leaders, winner, margins, changed winners'))
    .argument('<id>')
    .option('--region <region>', 'region (Moscow, Tatarstan, "Moscow Oblast", RU-MOW, ...)')
    .option('--series', 'also give each district its own DEG series per candidate and party (JSON)')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(electionsElectronic, { id, region: str(o.region), series: o.series === true ? true : undefined });
      await ctx.output(electionsElectronic, r, o, electronicText);
    });

  /** A fingerprint command: the election, one region, the leader, and whether flagged rows count. */
  const fingerprint = (name: string, description: string) =>
    rowsOptions(leaf(el, name, description))
      .argument('<id>')
      .option('--region <region>', 'one region only')
      .option(
        '--leader <choice>',
        'party or candidate measured: a ballot number (1) where the ballot numbers them, or a name or short name (КПРФ, United Russia); default: the most voted',
      )
      .option('--exclude-flagged', 'leave out rows whose counts do not add up');
  const measured = (id: string, o: Record<string, unknown>) => ({
    id,
    region: str(o.region),
    leader: str(o.leader),
    includeFlagged: o.excludeFlagged === true ? false : undefined,
  });

  fingerprint('integers', 'integer-percentage fingerprint: excess of stations at integer turnout or leader share (seeded Monte Carlo)')
    .option('--reps <n>', 'Monte Carlo replicates, 1 to 10000 (default 1000)')
    .option('--seed <n>', 'random seed, 0 to 4294967295 (default 42)')
    .option('--exclude-electronic', 'leave out DEG pseudo-stations')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const input = {
        ...measured(id, o),
        // as typed: the op's schema reads them, in the route's words
        reps: o.reps as string | undefined,
        seed: o.seed as string | undefined,
        includeElectronic: o.excludeElectronic === true ? false : undefined,
      };
      await ctx.output(electionsIntegers, await ctx.run(electionsIntegers, input), o, integersText);
    });

  fingerprint('shpilkin', "Shpilkin's estimate: clean share at the turnout mode and anomalous votes")
    .option('--bin <points>', 'turnout bin width in points, 0.01 to 10 (default 1)', numberOption('--bin', true))
    .option('--include-electronic', 'keep DEG pseudo-stations (left out by default)')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const input = { ...measured(id, o), binWidth: o.bin as number | undefined, includeElectronic: o.includeElectronic === true ? true : undefined };
      await ctx.output(electionsShpilkin, await ctx.run(electionsShpilkin, input), o, shpilkinText);
    });
}
