/**
 * `splinternet speedtests import PATH`: load a crowdsourced speed-test dataset (a folder of
 * daily CSVs, or one CSV) into its own table, with the dataset's origin and licence. Each file
 * is one transaction that replaces that file's earlier rows, so re-importing adds nothing; a file
 * or a sub-folder of a dataset belongs to the dataset whose folder holds the licence or manifest
 * (datasetRoot), so importing part of a loaded dataset replaces those rows too; a file whose
 * bytes are stored already under another dataset or name (a copy of the folder, an upload) is
 * reported `unchanged` with the name it is stored under, and not stored again; the rejects its
 * import kept are listed again (and counted in rejects_total), so a rerun hides none.
 * Nothing is lost silently: every line is stored or rejected with its number and reason, and
 * the report reconciles lines read = stored + rejected; a file refused whole (empty, unreadable
 * header, a needed column missing) is one reject at line 1, counted in files_rejected.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { AppError, parseJsonText, readCapped, type Clock, type ProgressReporter } from '../../shared/index.js';
import type { RejectRecord, SpeedTestRecord, SpeedTestSourceRecord, Store } from '../../store/index.js';
import { sniffEncoding, splitCsvLine, utf8Lines } from './csv.js';
import { indexHeader, parseRow } from './rows.js';

export const SPEEDTEST_IMPORT_KIND = 'speedtests';
const REJECTS_SHOWN = 200;

export interface SpeedTestImportReport {
  dataset: string;
  source: { name: string; url: string | null; licence: string; attribution: string | null; target_host: string | null };
  files: number;
  lines_read: number;
  stored: number;
  /** Data lines rejected, in the files read. */
  rejected: number;
  /** Files refused whole (empty, header unreadable or missing a column): each one reject at line 1; their data lines are in `rejected`. */
  files_rejected: number;
  /** Stored rows without a country or an ASN: kept, but outside every per-network figure. */
  unattributed: number;
  /** Rows these files held before this import (a re-import replaces them). */
  replaced: number;
  /** Files whose bytes are stored already under another dataset or name: not read again, not counted above; `rejects` is how many rejects their import kept, listed again in `rejects`. */
  unchanged: { file: string; stored_as: string; rejects: number }[];
  reconciled: boolean;
  rejects: { file: string; line: number; reason: string }[];
  /** Every reject listed (the list stops at 200): those of the files read and those kept for the unchanged ones. */
  rejects_total: number;
}

/** The optional dataset.json beside the CSVs: who made the data, where, under which licence. */
interface Manifest {
  id?: string;
  name?: string;
  url?: string;
  licence?: string;
  attribution?: string;
  target_host?: string;
  control_note?: string;
}

// Licence headers we can recognise in a LICENSE file when a dataset ships no manifest.
const LICENCE_HEADERS: [RegExp, string][] = [
  [/^Attribution-NonCommercial-ShareAlike 4\.0 International/i, 'CC BY-NC-SA 4.0'],
  [/^Attribution-ShareAlike 4\.0 International/i, 'CC BY-SA 4.0'],
  [/^Attribution 4\.0 International/i, 'CC BY 4.0'],
  [/^CC0 1\.0 Universal/i, 'CC0 1.0'],
];

function readSource(root: string, now: string): SpeedTestSourceRecord {
  const manifestPath = join(root, 'dataset.json');
  let m: Manifest = {};
  if (existsSync(manifestPath)) {
    m = parseJsonText(readFileSync(manifestPath, 'utf8'), manifestPath, 'dataset.json') as Manifest;
  }
  let licence = m.licence;
  const licencePath = ['LICENSE', 'LICENSE.md', 'LICENCE'].map((f) => join(root, f)).find(existsSync);
  if (!licence && licencePath) {
    const first =
      readFileSync(licencePath, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.length > 0) ?? '';
    licence = LICENCE_HEADERS.find(([re]) => re.test(first))?.[1] ?? `see ${licencePath}`;
  }
  const id = (m.id ?? basename(root)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  return {
    dataset: id,
    name: m.name ?? basename(root),
    url: m.url ?? null,
    licence: licence ?? 'unknown (no licence file found)',
    attribution: m.attribution ?? null,
    targetHost: m.target_host ?? null,
    controlNote: m.control_note ?? null,
    path: root,
    importedAt: now,
  };
}

async function csvFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await csvFiles(p)));
    else if (e.isFile() && e.name.toLowerCase().endsWith('.csv')) out.push(p);
  }
  return out.sort();
}

/** Parse one file (`nowMs`: the caller's clock, for times in the future); header-level failures reject the file at line 1, counting its data lines. */
export function parseSpeedTestFile(
  buf: Uint8Array,
  nowMs: number,
): {
  rows: SpeedTestRecord[];
  rejects: { line: number; reason: string }[];
  linesRead: number;
  rejected: number;
  /** The file was refused whole (its one reject is at the header). */
  refused: boolean;
} {
  const dataLines = (lines: number) => Math.max(0, lines - 1);
  const enc = sniffEncoding(buf);
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    const text = new TextDecoder(enc).decode(buf);
    const n = dataLines(text.split('\n').filter((l) => l.trim()).length);
    return {
      rows: [],
      rejects: [{ line: 1, reason: `unknown_encoding: ${enc} (expected UTF-8); all ${n} data lines rejected` }],
      linesRead: n,
      rejected: n,
      refused: true,
    };
  }
  const lines = [...utf8Lines(buf)].filter((l) => l.text === null || l.text.trim() !== '');
  const head = lines[0];
  if (!head) return { rows: [], rejects: [{ line: 1, reason: 'empty_file: no header and no rows' }], linesRead: 0, rejected: 0, refused: true };
  const n = lines.length - 1;
  const header = head.text === null ? null : splitCsvLine(head.text);
  if (header === null)
    return {
      rows: [],
      rejects: [{ line: head.line, reason: `unknown_encoding: the header is not valid UTF-8 CSV; all ${n} data lines rejected` }],
      linesRead: n,
      rejected: n,
      refused: true,
    };
  const ix = indexHeader(header);
  if ('missing' in ix)
    return {
      rows: [],
      rejects: [{ line: head.line, reason: `missing_columns: ${ix.missing.join(', ')}; all ${n} data lines rejected` }],
      linesRead: n,
      rejected: n,
      refused: true,
    };
  const rows: SpeedTestRecord[] = [];
  const rejects: { line: number; reason: string }[] = [];
  for (const { line, text } of lines.slice(1)) {
    if (text === null) {
      rejects.push({ line, reason: 'unknown_encoding: the line is not valid UTF-8' });
      continue;
    }
    const fields = splitCsvLine(text);
    const r = fields === null ? { reason: 'malformed_csv: unbalanced quotes' } : parseRow(fields, header.length, ix.index, line, nowMs);
    if ('record' in r) rows.push(r.record);
    else rejects.push({ line, reason: r.reason });
  }
  return { rows, rejects, linesRead: n, rejected: rejects.length, refused: false };
}

/** The files that make a folder a dataset: its manifest or its licence (readSource reads them). */
const MARKS = ['dataset.json', 'LICENSE', 'LICENSE.md', 'LICENCE'];
/** How far up a dataset's root is looked for: the named folder and its parent (`DATASET/2021-03/13.csv`). */
const ROOT_LEVELS = 2;

const inside = (p: string, dirs: readonly string[]) => dirs.some((d) => p === d || p.startsWith(d.endsWith(sep) ? d : d + sep));

/**
 * The dataset a folder belongs to: the nearest folder from `dir` up (at most ROOT_LEVELS, and
 * never above the folders the caller may read) that holds a manifest or licence; `dir` itself
 * when none does. A file or a sub-folder of a dataset is so keyed as the whole dataset's import
 * keys it: the same dataset, the same file names, the same source.
 */
function datasetRoot(dir: string, readable: 'any' | readonly string[]): string {
  let at = dir;
  for (let i = 0; i < ROOT_LEVELS; i++) {
    if (readable !== 'any' && !inside(at, readable)) break;
    if (MARKS.some((f) => existsSync(join(at, f)))) return at;
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  return dir;
}

/**
 * Records the SHA-256 of stored files that have none (stored before hashes were recorded), read
 * from their dataset's source path, so fileWithHash finds their bytes under any name. A file no
 * longer there, or changed since its dataset was imported, is left without one (its bytes then may
 * not be the stored rows'). Each file is hashed once: afterwards it has its hash. Returns how many
 * were recorded.
 */
export async function recordMissingHashes(store: Store): Promise<number> {
  let recorded = 0;
  for (const f of await store.speedtests.filesWithoutHash()) {
    const file = join(f.path, f.sourceFile);
    let st;
    try {
      st = statSync(file);
    } catch {
      continue;
    }
    if (!st.isFile() || st.mtimeMs > Date.parse(f.importedAt)) continue;
    const bytes = await readCapped(file).catch(() => null);
    if (!bytes) continue;
    await store.speedtests.recordHash(f.dataset, f.sourceFile, createHash('sha256').update(bytes).digest('hex'));
    recorded++;
  }
  return recorded;
}

export async function importSpeedTests(
  deps: { store: Store; clock: Clock; progress: ProgressReporter },
  path: string,
  readable: 'any' | readonly string[] = 'any',
): Promise<SpeedTestImportReport> {
  const abs = resolve(path);
  // A path that is not there is an I/O error (exit 1), as for every other importer.
  if (!existsSync(abs)) throw new AppError('INGEST_IO', `cannot read ${path}: no such file or directory`);
  const isDir = statSync(abs).isDirectory();
  const files = isDir ? await csvFiles(abs) : [abs];
  if (files.length === 0) throw new AppError('VALIDATION', `${path} holds no .csv files`, { issues: [{ path: ['path'], message: 'no CSV files' }] });
  // A folder of datasets (each with its own manifest or licence) is not one dataset of unknown licence.
  const marks = MARKS;
  if (isDir && !marks.some((f) => existsSync(join(abs, f)))) {
    const inner = readdirSync(abs, { withFileTypes: true })
      .filter((d) => d.isDirectory() && marks.some((f) => existsSync(join(abs, d.name, f))))
      .map((d) => d.name)
      .sort();
    if (inner.length)
      throw new AppError(
        'VALIDATION',
        `${path} holds ${inner.length} dataset(s) with their own source and licence (${inner.join(', ')}): import each one, e.g. splinternet speedtests import ${join(path, inner[0]!)}`,
        { issues: [{ path: ['path'], message: `a folder of datasets: ${inner.join(', ')}` }] },
      );
  }
  const root = datasetRoot(isDir ? abs : dirname(abs), readable);
  const source = readSource(root, deps.clock.now().toISOString());
  let sourceStored = false;
  const report: SpeedTestImportReport = {
    dataset: source.dataset,
    source: { name: source.name, url: source.url, licence: source.licence, attribution: source.attribution, target_host: source.targetHost },
    files: files.length,
    lines_read: 0,
    stored: 0,
    rejected: 0,
    files_rejected: 0,
    unattributed: 0,
    replaced: 0,
    unchanged: [],
    reconciled: false,
    rejects: [],
    rejects_total: 0,
  };
  let backfilled = false; // stored files without a hash are hashed at the first miss, once per import
  deps.progress.start('speedtests import', files.length, 'files');
  for (const [i, file] of files.entries()) {
    const rel = relative(root, file) || basename(file);
    const bytes = await readCapped(file);
    // the same bytes stored under another (dataset, file): the same tests, never stored twice
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let known = await deps.store.speedtests.fileWithHash(sha256);
    if (!known && !backfilled) {
      backfilled = true;
      if (await recordMissingHashes(deps.store)) known = await deps.store.speedtests.fileWithHash(sha256);
    }
    if (known && (known.dataset !== source.dataset || known.sourceFile !== rel)) {
      const storedAs = `${known.dataset}/${known.sourceFile}`;
      // the rejects the import that stored these bytes kept: a rerun lists them again
      const kept = await deps.store.ledger.listRejects(SPEEDTEST_IMPORT_KIND, storedAs);
      report.unchanged.push({ file: rel, stored_as: storedAs, rejects: kept.length });
      report.rejects_total += kept.length;
      for (const r of kept) if (report.rejects.length < REJECTS_SHOWN) report.rejects.push({ file: rel, line: r.line, reason: r.reason });
      deps.progress.update(i + 1, { stored: report.stored, rejected: report.rejected });
      continue;
    }
    if (!sourceStored) await deps.store.speedtests.upsertSource(source);
    sourceStored = true;
    const parsed = parseSpeedTestFile(bytes, deps.clock.now().getTime());
    const rejects: RejectRecord[] = parsed.rejects.map((r) => ({
      importKind: SPEEDTEST_IMPORT_KIND,
      sourceFile: `${source.dataset}/${rel}`,
      line: r.line,
      reason: r.reason,
      raw: null,
    }));
    // the file's rows and its rejects list in one write: a failure leaves neither changed
    const { previous } = await deps.store.speedtests.replaceFile(
      source.dataset,
      rel,
      parsed.rows,
      {
        importKind: SPEEDTEST_IMPORT_KIND,
        sourceFile: `${source.dataset}/${rel}`,
        records: rejects,
      },
      sha256,
    );
    report.lines_read += parsed.linesRead;
    report.stored += parsed.rows.length;
    report.rejected += parsed.rejected;
    if (parsed.refused) report.files_rejected++;
    report.unattributed += parsed.rows.filter((r) => r.asn === null || r.as_country === null).length;
    report.replaced += previous;
    report.rejects_total += parsed.rejects.length;
    for (const r of parsed.rejects) if (report.rejects.length < REJECTS_SHOWN) report.rejects.push({ file: rel, line: r.line, reason: r.reason });
    deps.progress.update(i + 1, { stored: report.stored, rejected: report.rejected });
  }
  deps.progress.stop();
  report.reconciled = report.lines_read === report.stored + report.rejected;
  return report;
}
