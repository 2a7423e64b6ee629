/**
 * `splinternet signals import FILE...`: outage signal series into the store. Each file is one
 * transaction that replaces that file's earlier points, so importing again adds nothing; an
 * unchanged file (same checksum) is not even re-read. Every record is stored or rejected with
 * its line and reason (kept in the store's reject list), and the report reconciles
 * records read = stored + rejected, per file and in total.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError, fileError, decodeStrict, firstLongLine, IMPORT_CAPS, readCapped, type Clock, type ProgressReporter } from '../shared/index.js';
import { check } from '../op/index.js';
import type { SignalPointRecord, Store } from '../store/index.js';
import { countFileZeros, OONI_COUNT_SOURCE, type CountBin } from './ooni-counts.js';
import { csvHeaderProblem, parseSignals, type ParsedSignals } from './parse.js';

export const SIGNALS_IMPORT_KIND = 'signals';
const REJECTS_SHOWN = 200;
/** A signal file is a few series of counts; anything bigger is not one (and would not fit in memory). */
export const MAX_SIGNAL_FILE_BYTES = 256 * 1024 * 1024;

export interface SignalFileReport {
  path: string;
  format: ParsedSignals['format'] | null;
  status: 'imported' | 'unchanged' | 'failed';
  records_read: number;
  stored: number;
  rejected: number;
  /** Missing samples and records out of time order in the file; null for an unchanged file, which is not re-read. */
  missing: number | null;
  out_of_order: number | null;
  /** Points this file held before (a re-import replaces them). */
  replaced: number;
  /** Points another file held for the same series and time: the newer import wins. */
  overwritten: number;
  series: string[];
  error: string | null;
  /** Zeros added for bins an OONI count export leaves out (`ooniCounts`): records read + zeros added = stored + rejected. */
  zeros_added: number;
  /** Bins of a count file left without a point because the file's record for them was rejected: no 0 is written there (0 for an unchanged file, which is not re-read). */
  unfilled: number;
}

export interface SignalImportReport {
  files: SignalFileReport[];
  records_read: number;
  stored: number;
  rejected: number;
  zeros_added: number;
  unfilled: number;
  reconciled: boolean;
  rejects: { file: string; line: number; reason: string }[];
  rejects_total: number;
}

export interface SignalImportOptions {
  source?: string;
  cc?: string;
  /**
   * The file is OONI measurement counts at this grain: a network's silent bins become 0 (countFileZeros;
   * a bin whose record was rejected stays empty),
   * and a record not at the start of a bin (a UTC midnight for day) is rejected naming its line.
   * `auto`: only when every record is of source ooni_measurements, at the day grain when every
   * timestamp is a midnight UTC, else the hour (what a watched folder uses).
   */
  ooniCounts?: CountBin | 'auto';
}

/** The names of the signal files `importSignalFile` reads, as the watch takes them from its folder: each format, plain or gzipped. */
export const SIGNAL_FILE_NAME = /\.(csv|json|ndjson|jsonl)(\.gz)?$/i;
export const SIGNAL_FILE_NAMES = '.csv, .json, .ndjson, .jsonl, each also .gz';

/**
 * Files named on the command line; a folder stands for the files in it a signal import reads (`SIGNAL_FILE_NAME`: the
 * watch reads the same kinds), in name order (VALIDATION when it has none), regular files only: a symlink in the folder is
 * skipped, so a link in an import folder does not lead out of it.
 */
export function expandSignalPaths(paths: string[]): string[] {
  return paths.flatMap((p) => {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw fileError(p, e, 'paths');
    }
    if (!st.isDirectory()) return [abs];
    const files = readdirSync(abs, { withFileTypes: true })
      .filter((d) => d.isFile() && SIGNAL_FILE_NAME.test(d.name))
      .map((d) => d.name)
      .sort()
      .map((n) => join(abs, n));
    // a folder that holds nothing to import is a mistake to say, not an import of nothing
    if (files.length === 0)
      throw new AppError('VALIDATION', `${p} holds no signal files (${SIGNAL_FILE_NAMES})`, {
        issues: [{ path: ['paths'], message: 'no signal files' }],
      });
    return files;
  });
}

export async function importSignalFile(
  deps: { store: Store; clock: Clock },
  path: string,
  o: SignalImportOptions = {},
): Promise<{
  file: SignalFileReport;
  rejects: { file: string; line: number; reason: string }[];
  /** Series (`source entity_code`) whose points name no country: a country filter never selects them. */
  without_country: string[];
}> {
  const base: SignalFileReport = {
    path,
    format: null,
    status: 'failed',
    records_read: 0,
    stored: 0,
    rejected: 0,
    missing: 0,
    out_of_order: 0,
    replaced: 0,
    overwritten: 0,
    series: [],
    error: null,
    zeros_added: 0,
    unfilled: 0,
  };
  let bytes: Buffer;
  let text: string;
  try {
    // Within the size cap (gunzipped when .gz), strict UTF-8, no line over the line cap.
    bytes = await readCapped(path, MAX_SIGNAL_FILE_BYTES);
    text = decodeStrict(bytes, 'utf-8', path);
    const long = firstLongLine(text);
    if (long) throw new Error(`line ${long.line}: oversize_line: ${long.length} characters, over the ${IMPORT_CAPS.maxLineBytes} limit; nothing was stored`);
  } catch (e) {
    // a reader's own "cannot read PATH: ..." is said once, not prefixed again
    const why = (e as Error).message;
    return { file: { ...base, error: why.startsWith('cannot read ') ? why : `cannot read: ${why}` }, rejects: [], without_country: [] };
  }
  // an empty file is a failed file (said, not imported as nothing); a watched folder retries it
  if (text.trim() === '') return { file: { ...base, error: 'empty file: no header and no records' }, rejects: [], without_country: [] };
  const header = csvHeaderProblem(text);
  if (header) return { file: { ...base, error: header }, rejects: [], without_country: [] };
  const checksum = createHash('sha256').update(bytes).update(JSON.stringify(o)).digest('hex');
  const known = await deps.store.signals.getFile(path);
  if (known && known.checksum === checksum) {
    // the rejects the first import kept: a rerun reports the same rejected records, each named
    const kept = await deps.store.ledger.listRejects(SIGNALS_IMPORT_KIND, path);
    return {
      file: {
        ...base,
        status: 'unchanged',
        missing: null,
        out_of_order: null,
        records_read: known.records_read,
        stored: known.stored,
        rejected: known.rejected,
        zeros_added: known.stored + known.rejected - known.records_read,
      },
      rejects: kept.map((x) => ({ file: path, line: x.line, reason: x.reason })),
      without_country: [],
    };
  }
  const declared = o.ooniCounts === 'auto' ? undefined : o.ooniCounts;
  const parsed = parseSignals(text, { file: path, source: o.source, cc: o.cc, nowMs: deps.clock.now().getTime(), ...(declared ? { bin: declared } : {}) });
  const bin = o.ooniCounts === 'auto' ? countGrain(parsed.points) : o.ooniCounts;
  const { zeros, unfilled } = bin ? countFileZeros(parsed, bin) : { zeros: [], unfilled: 0 };
  const points = await withStoredCountries(deps.store, zeros.length ? [...parsed.points, ...zeros] : parsed.points);
  const now = deps.clock.now().toISOString();
  // The points, the file's record (its checksum, on which a rerun skips the file) and its rejects
  // list in one transaction: a file a rerun skips always has the rejects of the import that recorded it.
  const r = await deps.store.signals.replaceFile(
    { path, checksum, records_read: parsed.records_read, stored: points.length, rejected: parsed.rejects.length, imported_at: now },
    points,
    {
      importKind: SIGNALS_IMPORT_KIND,
      sourceFile: path,
      records: parsed.rejects.map((x) => ({ importKind: SIGNALS_IMPORT_KIND, sourceFile: path, line: x.line, reason: x.reason, raw: x.raw })),
    },
  );
  const series = [...new Set(parsed.points.map((p) => `${p.source} ${p.entity_code}`))].sort();
  const without_country = [...new Set(points.filter((p) => !p.cc || p.cc === 'ZZ').map((p) => `${p.source} ${p.entity_code}`))].sort();
  return {
    file: {
      ...base,
      format: parsed.format,
      status: 'imported',
      records_read: parsed.records_read,
      stored: points.length,
      rejected: parsed.rejects.length,
      missing: parsed.missing,
      out_of_order: parsed.out_of_order,
      replaced: r.previous,
      overwritten: r.overwritten,
      series,
      zeros_added: zeros.length,
      unfilled,
    },
    rejects: parsed.rejects.map((x) => ({ file: path, line: x.line, reason: x.reason })),
    without_country,
  };
}

const seriesKey = (p: SignalPointRecord) => `${p.source}\u0000${p.entity_type}\u0000${p.entity_code}`;

/**
 * Points that name no country take the country their series has in the store, so a file imported
 * without --cc (a copy of an export, an upload) never erases a series' known country when its
 * points take over the stored ones. A series the store does not know keeps no country.
 */
async function withStoredCountries(store: Store, points: SignalPointRecord[]): Promise<SignalPointRecord[]> {
  const bare = new Map<string, SignalPointRecord>();
  for (const p of points) if (!p.cc) bare.set(seriesKey(p), p);
  const known = new Map<string, string>();
  for (const [key, p] of bare) {
    const [stored] = await store.signals.series({ source: p.source, entity_type: p.entity_type, entity_code: p.entity_code });
    if (stored?.cc) known.set(key, stored.cc);
  }
  return known.size ? points.map((p) => (p.cc ? p : { ...p, cc: known.get(seriesKey(p)) ?? null })) : points;
}

/** The grain of a file of OONI counts (day when every stamp is a UTC midnight), or undefined when not every point is an OONI count. */
function countGrain(points: readonly { source: string; t: string }[]): CountBin | undefined {
  if (points.length === 0 || points.some((p) => p.source !== OONI_COUNT_SOURCE)) return undefined;
  return points.every((p) => p.t.endsWith('T00:00:00.000Z')) ? 'day' : 'hour';
}

export async function importSignals(
  deps: { store: Store; clock: Clock; progress: ProgressReporter },
  paths: string[],
  o: SignalImportOptions = {},
): Promise<SignalImportReport> {
  if (paths.length === 0) throw new AppError('USAGE', 'name at least one signal file (CSV or JSON)');
  const ccProblem = o.cc === undefined ? null : check.countryProblem(o.cc, true);
  if (ccProblem) throw new AppError('VALIDATION', `--cc: ${ccProblem}`, { issues: [{ path: ['cc'], message: ccProblem }] });
  const files = expandSignalPaths(paths);
  const report: SignalImportReport = {
    files: [],
    records_read: 0,
    stored: 0,
    rejected: 0,
    zeros_added: 0,
    unfilled: 0,
    reconciled: true,
    rejects: [],
    rejects_total: 0,
  };
  deps.progress.start('signals import', files.length, 'files');
  for (const [i, path] of files.entries()) {
    const { file, rejects } = await importSignalFile(deps, path, o);
    report.files.push(file);
    report.records_read += file.records_read;
    report.stored += file.stored;
    report.rejected += file.rejected;
    report.zeros_added += file.zeros_added;
    report.unfilled += file.unfilled;
    report.rejects_total += rejects.length;
    report.rejects.push(...rejects.slice(0, Math.max(0, REJECTS_SHOWN - report.rejects.length)));
    deps.progress.update(i + 1, { stored: report.stored, rejected: report.rejected });
  }
  deps.progress.stop();
  report.reconciled = report.files.every((f) => f.records_read + f.zeros_added === f.stored + f.rejected);
  return report;
}
