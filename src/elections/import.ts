/**
 * `elections import`: each file is read as a stream of lines within the import caps (zipped,
 * gzipped or plain; source.ts), recognised by its first line (CEC protocol CSV, Meduza's
 * single-mandate TSV, a DEG series script), turned into rows and rejects, and stored in one
 * transaction that replaces what the same file stored before. Every file's report reconciles:
 * lines read = rows stored + rows rejected (an oversize line or field is a reject). Progress is in
 * files, and within a protocol file (the national tables are ~100,000 lines) its lines read so far.
 */
import { basename } from 'node:path';
import { AppError, type Clock, type ProgressReporter } from '../shared/index.js';
import type { ElectionFileData, ElectionWriteView, Store } from '../store/index.js';
import {
  electionId,
  ELECTIONS_HELD,
  parseElectionId,
  stationIdentity,
  stationKey,
  TITLES,
  type ElectionKind,
  type ElectionReject,
  type StationRow,
} from './model.js';
import { mergeChoices, type MergedChoice } from './choices.js';
import { yearsOf } from './protocol.js';
import { ProtocolReader, type UnreadColumn } from './read-protocol.js';
import { looksLikeMeduza, looksLikeScript, MeduzaReader, readDegSeries } from './read-moscow.js';
import { ELECTION_CAPS, fileChecksum, sourceLines, type ElectionCaps, type SourceLine } from './source.js';
import { clip } from './text.js';
import { isCodelessRegion } from './query.js';

export interface ImportContext {
  store: Store;
  clock: Clock;
  progress: ProgressReporter;
}

export interface FileReport {
  file: string;
  format: 'protocol' | 'single_mandate' | 'deg_series';
  election: string;
  status: 'imported' | 'unchanged';
  lines_read: number;
  stored: number;
  rejected: number;
  flagged: number;
  reconciled: boolean;
  replaced_previous: number;
  ignored_columns: string[];
  derived_columns: string[];
  /**
   * Region names of the file's stations that match none of the country's regions (nor voters
   * abroad, nor Baikonur): a misspelt or unknown name is stored as written, with no ISO code, so
   * --region CODE and the per-region figures of its code leave these stations out.
   */
  unplaced_regions: { region: string; stations: number }[];
  /** Columns of this file counted as a choice another file stored under another spelling (case, quotes, spaces, Unicode form). */
  merged_choices: MergedChoice[];
  /**
   * Columns no rule reads (no choice of the protocol, none the election stores in any spelling)
   * whose cells are counts: figures no total holds, so the import is partial (exit 3) while any is.
   */
  unread_columns: UnreadColumn[];
  rejects: ElectionReject[];
}

/** The region names with no code that are not the code-less places (abroad, Baikonur), with their stations. */
function unplacedRegions(rows: readonly { region: string; region_code: string | null }[]): { region: string; stations: number }[] {
  const by = new Map<string, number>();
  for (const r of rows) if (r.region_code === null && !isCodelessRegion(r.region)) by.set(r.region, (by.get(r.region) ?? 0) + 1);
  return [...by].map(([region, stations]) => ({ region, stations })).sort((a, b) => b.stations - a.stations || a.region.localeCompare(b.region));
}

/**
 * The run's totals: rows this run stored, rejected and flagged. A file found unchanged (same
 * checksum, no --force) is not written again and adds nothing to them; its own report still
 * gives what the store holds from it (status `unchanged`), and `unchanged` counts such files.
 */
export interface ImportReport {
  files: FileReport[];
  stored: number;
  rejected: number;
  flagged: number;
  unchanged: number;
  reconciled: boolean;
}

const MAX_REJECTS_SHOWN = 20;
/** A protocol file reports its lines read every this many lines (`lines`, beside the files done). */
const PROGRESS_EVERY_LINES = 10_000;

/**
 * The election a file is filed under: --election, else the kind the file's columns say and the
 * year in its name. Refused (exit 2): an id of another kind than the file's columns, and a kind
 * and year in which no such election was held.
 */
function resolveElection(file: string, given: string | undefined, kind: ElectionKind, what: string): string {
  let id: string;
  if (given) {
    const p = parseElectionId(given);
    if (!p) throw new AppError('USAGE', `--election must look like duma-2021, president-2018 or referendum-2020, got "${given}"`);
    if (p.kind !== kind) {
      throw new AppError(
        'USAGE',
        `${basename(file)}: --election ${given} is a ${p.kind} election (${TITLES[p.kind]}), but the file is a ${kind} file (${TITLES[kind]}) ${what}; nothing was stored`,
        { details: { file: basename(file), election: given, election_kind: p.kind, file_kind: kind } },
      );
    }
    id = given;
  } else {
    // Of the years the name gives, those in which such an election was held; two of them are a guess.
    const years = yearsOf(basename(file));
    if (years.length === 0)
      throw new AppError('USAGE', `${basename(file)}: cannot tell the election year from the file name; pass --election (e.g. ${kind}-2021)`);
    const held = years.filter((y) => ELECTIONS_HELD[kind].includes(y));
    if (held.length > 1) {
      throw new AppError(
        'USAGE',
        `${basename(file)}: the file name gives two ${kind} election years (${held.join(', ')}); pass --election (e.g. ${kind}-${held[held.length - 1]}); nothing was stored`,
        { details: { file: basename(file), years: held } },
      );
    }
    id = electionId(kind, held[0] ?? years[0]!);
  }
  const { year } = parseElectionId(id)!;
  if (!ELECTIONS_HELD[kind].includes(year)) {
    throw new AppError(
      'USAGE',
      `${basename(file)}: there was no ${kind} election (${TITLES[kind]}) in ${year}${given ? '' : ' (the year in the file name)'}; ${kind} elections were held in ${ELECTIONS_HELD[kind].join(', ')}; pass --election`,
      { details: { file: basename(file), election: id } },
    );
  }
  return id;
}

/** The row with its votes moved to the election's choice positions (`map[k]` for the file's k-th choice). */
function remapped(r: StationRow, map: number[], width: number): StationRow {
  const votes = new Array<number>(width).fill(0);
  for (let k = 0; k < r.votes.length; k++) votes[map[k]!] = r.votes[k]!;
  return { ...r, votes };
}

/**
 * A station, and a candidate's result in a district, is stored by one file per election: rows whose
 * key another file already stored (a regional cut beside the national file, one file under two
 * names) are rejects naming that file, so no total counts them twice. Within a file the readers
 * judge (a station twice is a reject; two namesake candidates in one district, as in Moscow's
 * district 207 in 2021, are two results).
 */
async function withoutStored<R extends { line: number }>(
  view: ElectionWriteView,
  file: string,
  what: {
    table: 'stations' | 'district_results';
    reason: ElectionReject['reason'];
    noun: string;
    key: (r: R) => string;
    /** What two keys must share to be one (default: equal keys). */
    identity?: (key: string) => string;
  },
  rows: R[],
): Promise<{ rows: R[]; duplicates: ElectionReject[] }> {
  const stored = await view.keyFiles(what.table);
  const identity = what.identity ?? ((k: string) => k);
  const taken = new Map([...stored].map(([k, f]) => [identity(k), f]));
  const fresh: R[] = [];
  const duplicates: ElectionReject[] = [];
  for (const row of rows) {
    const key = what.key(row);
    const other = taken.get(identity(key));
    if (other === undefined) fresh.push(row);
    else duplicates.push({ file, line: row.line, reason: what.reason, detail: `${what.noun} ${clip(key, 200)} is already stored from ${other}` });
  }
  return { rows: fresh, duplicates };
}

/** A report's counts: rows stored, rejected and flagged, and whether lines read = stored + rejected. */
const counted = (linesRead: number, rows: { flags: readonly string[] }[], rejects: ElectionReject[]) => ({
  lines_read: linesRead,
  stored: rows.length,
  rejected: rejects.length,
  flagged: rows.filter((x) => x.flags.length).length,
  reconciled: linesRead === rows.length + rejects.length,
  rejects,
});

const merged = (rejects: ElectionReject[], duplicates: ElectionReject[]) =>
  duplicates.length ? [...rejects, ...duplicates].sort((a, b) => a.line - b.line) : rejects;

/** The DEG series script's whole text (a declaration's JSON spans lines); its lines are within the line cap. */
async function scriptText(first: SourceLine, rest: AsyncGenerator<SourceLine>, file: string): Promise<string> {
  const parts: string[] = [];
  for (let l: SourceLine | undefined = first; l;) {
    if (l.oversize !== undefined) {
      throw new AppError('VALIDATION', `${file}: line ${l.line}: oversize_line: ${l.oversize} characters, over the line limit; nothing was stored`, {
        issues: [{ path: ['file', l.line], message: 'oversize_line' }],
        details: { file, reason: 'oversize_line', line: l.line },
      });
    }
    parts.push(l.text);
    const n = await rest.next();
    l = n.done ? undefined : n.value;
  }
  return parts.join('\n');
}

async function importOne(ctx: ImportContext, path: string, opts: ImportOptions, tick: (lines: number) => void): Promise<FileReport> {
  const caps = opts.caps ?? ELECTION_CAPS;
  const file = basename(path);
  const checksum = await fileChecksum(path);
  const src = sourceLines(path, caps);
  try {
    return await readAndStore(ctx, path, file, checksum, src, caps, opts, tick);
  } finally {
    await src.return(undefined);
  }
}

async function readAndStore(
  ctx: ImportContext,
  path: string,
  file: string,
  checksum: string,
  src: AsyncGenerator<SourceLine>,
  caps: ElectionCaps,
  opts: ImportOptions,
  tick: (lines: number) => void,
): Promise<FileReport> {
  const head = await src.next();
  const first = head.done ? null : head.value;
  if (first?.oversize !== undefined) {
    throw new AppError('VALIDATION', `${file}: line 1: oversize_line: the header is ${first.oversize} characters, over the line limit; nothing was stored`, {
      details: { file, reason: 'oversize_line', line: 1 },
    });
  }
  const headText = first?.text ?? null;
  const base = {
    file,
    status: 'imported' as const,
    replaced_previous: 0,
    ignored_columns: [] as string[],
    derived_columns: [] as string[],
    unplaced_regions: [] as { region: string; stations: number }[],
    merged_choices: [] as MergedChoice[],
    unread_columns: [] as UnreadColumn[],
  };
  // What the file says is read first; what of it is stored is decided inside the write (plan),
  // against the store as that transaction sees it.
  let id: string;
  let plan: (view: ElectionWriteView) => Promise<{ report: FileReport; data: ElectionFileData }>;

  if (headText !== null && (looksLikeScript(headText) || looksLikeMeduza(headText))) {
    id = resolveElection(
      path,
      opts.election,
      'duma',
      looksLikeScript(headText) ? 'by its format (a DEG series)' : "by its format (Meduza's single-mandate table)",
    );
    const p = parseElectionId(id)!;
    const election = { id, kind: p.kind, year: p.year, title: TITLES[p.kind] };
    if (looksLikeScript(headText)) {
      const r = readDegSeries(await scriptText(first!, src, file), file, caps.maxFieldBytes, id);
      const report: FileReport = {
        ...base,
        format: 'deg_series',
        election: id,
        lines_read: r.linesRead,
        stored: r.linesRead - r.rejects.length,
        rejected: r.rejects.length,
        flagged: 0,
        reconciled: true,
        rejects: r.rejects,
      };
      const data = { election, choices: null, degBins: { series: r.kind, rows: r.rows }, rejects: r.rejects };
      plan = () => Promise.resolve({ report, data });
    } else {
      const reader = new MeduzaReader(headText, file, caps.maxFieldBytes);
      for await (const l of src) reader.push(l);
      const r = reader.result();
      plan = async (view) => {
        const { rows, duplicates } = await withoutStored(
          view,
          file,
          { table: 'district_results', reason: 'duplicate_result', noun: 'district result', key: (x) => `${x.district}|${x.candidate}` },
          r.rows,
        );
        const rejects = merged(r.rejects, duplicates);
        const report: FileReport = {
          ...base,
          format: 'single_mandate',
          election: id,
          ...counted(r.linesRead, rows, rejects),
        };
        return { report, data: { election, choices: null, districtResults: rows, rejects } };
      };
    }
  } else {
    const reader = new ProtocolReader(headText, file, caps.maxFieldBytes, (kind) => resolveElection(path, opts.election, kind, 'by its columns'));
    const eid = (id = reader.election!);
    // A column in another spelling of a choice the election stores is read as that choice.
    reader.readStoredChoices((await ctx.store.elections.get(eid))?.choices.map((c) => c.name) ?? []);
    let n = 0;
    for await (const l of src) {
      reader.push(l);
      if (++n % PROGRESS_EVERY_LINES === 0) tick(n);
    }
    const r = reader.result();
    const p = parseElectionId(eid)!;
    plan = async (view) => {
      const { rows, duplicates } = await withoutStored(
        view,
        file,
        { table: 'stations', reason: 'duplicate_station', noun: 'station', key: stationKey, identity: stationIdentity },
        r.rows,
      );
      const rejects = merged(r.rejects, duplicates);
      const {
        choices,
        map,
        merged: mergedChoices,
      } = mergeChoices(
        await view.choices(),
        eid,
        r.header.choices.map((c) => c.choice),
      );
      const derived = r.header.counts.valid === undefined ? ['valid = in_boxes - invalid (the protocol has no valid-ballots line)'] : [];
      // The file's choices in the stored order and complete: its vote lists are stored as read.
      const identity = map.length === choices.length && map.every((m, k) => m === k);
      const stations = identity ? rows : rows.map((row) => remapped(row, map, choices.length));
      const report: FileReport = {
        ...base,
        format: 'protocol',
        election: eid,
        ...counted(r.linesRead, stations, rejects),
        ignored_columns: r.header.ignored,
        derived_columns: derived,
        unplaced_regions: unplacedRegions(stations),
        merged_choices: mergedChoices,
        unread_columns: r.unread,
      };
      return { report, data: { election: { id: eid, kind: p.kind, year: p.year, title: TITLES[p.kind] }, choices, stations, rejects } };
    };
  }

  const { result, previous } = await ctx.store.elections.writeFile(id, file, async (view) => {
    const { report, data } = await plan(view);
    if (!opts.force && (await view.fileChecksum()) === checksum) return { store: null, result: { ...report, status: 'unchanged' as const } };
    const record = {
      election_id: report.election,
      file,
      format: report.format,
      checksum,
      lines_read: report.lines_read,
      stored: report.stored,
      rejected: report.rejected,
      flagged: report.flagged,
      imported_at: ctx.clock.now().toISOString(),
    };
    return { store: { record, data }, result: report };
  });
  return { ...result, replaced_previous: previous, rejects: result.rejects.slice(0, MAX_REJECTS_SHOWN) };
}

export interface ImportOptions {
  election?: string;
  force?: boolean;
  /** Caps on each file (default ELECTION_CAPS). */
  caps?: ElectionCaps;
}

export async function importElections(ctx: ImportContext, paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const files: FileReport[] = [];
  const written = () => files.filter((f) => f.status !== 'unchanged');
  const sums = () => ({ stored: written().reduce((a, f) => a + f.stored, 0), rejected: written().reduce((a, f) => a + f.rejected, 0) });
  ctx.progress.start('elections import', paths.length, 'files');
  try {
    for (const p of paths) {
      const done = files.length;
      const tick = (lines: number) => ctx.progress.update(done, { ...sums(), lines });
      files.push(await importOne(ctx, p, opts, tick));
      ctx.progress.update(files.length, sums());
    }
  } finally {
    ctx.progress.stop();
  }
  const sum = (k: 'stored' | 'rejected' | 'flagged') => written().reduce((a, f) => a + f[k], 0);
  return {
    files,
    stored: sum('stored'),
    rejected: sum('rejected'),
    flagged: sum('flagged'),
    unchanged: files.length - written().length,
    reconciled: files.every((f) => f.reconciled),
  };
}
