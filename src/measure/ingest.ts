/**
 * `ingest`: expand paths, skip files the manifest says are already done (under filters that
 * admitted everything this run's admit: manifest-filters.ts), fan the rest out to
 * worker threads (one file per worker at a time), write their batches through the Store (the
 * only writer), keep the manifest and the aggregation cells up to date, and return counts that
 * reconcile: lines_read = stored + duplicates + rejected + filtered.
 * Idempotence and kill -9 safety come from the measurement key (key.ts) being the primary key,
 * each batch being one transaction, and a file only being marked done after its last batch.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Clock, ProgressReporter } from '../shared/index.js';
import type { IngestFileRecord, RuleInputsRecord, Store } from '../store/index.js';
import { currentFingerprints, FingerprintMatcher, fingerprintsVersion, type Fingerprint } from './fingerprints/index.js';
import type { FromWorker, ToWorker } from './ingest-worker.js';
import type { MeasurementRow, Reject } from './model.js';
import { filtersCover, filtersOf, filtersText, filtersWords } from './manifest-filters.js';
import { GroupWriter } from './writer.js';
import { processFile, type FileResult, type FileTask } from './reader/process-file.js';
import { processFileFast } from './reader/fast-file.js';
import { expandPaths, type IngestFilters, type SourceFile } from './reader/sources.js';
import { RULES_VERSION } from './verdict/index.js';

export interface IngestInput extends IngestFilters {
  paths: string[];
  /**
   * 'js' (default): every line parsed in JavaScript worker threads (reader/process-file.ts).
   * 'duckdb': DuckDB's JSON reader parses and projects, JavaScript scores the slim rows
   * (reader/fast-file.ts), falling back line by line where it must (docs/design/020-measurement-pipeline.md: why js
   * stays the default).
   */
  engine?: 'duckdb' | 'js';
  /** Threads: DuckDB's reader threads (engine duckdb) or worker threads (engine js; 0 = in this thread). Default: every core. */
  workers?: number;
  /** Re-read files the manifest says are done (their measurements come back as duplicates). */
  force?: boolean;
  max_line_bytes?: number;
  batch_size?: number;
}

export interface FileReport {
  path: string;
  file_id: string;
  status: 'done' | 'failed' | 'skipped_unchanged';
  lines_read: number;
  stored: number;
  duplicates: number;
  rejected: number;
  filtered: number;
  checksum: string | null;
  error?: string | null;
  /** How the file held its measurements: jsonl (one per line), json (documents or an array), yaml (a legacy report, not read: one reject). */
  format?: 'jsonl' | 'json' | 'yaml';
  /** Bytes the read passed over that hold no measurement (zero padding after the last gzip member, as gzip ignores it), and where. */
  ignored?: string;
  /** Skipped: the ingest filters the file was read under (null: read whole), which admit everything this run's do. */
  filters?: IngestFilters | null;
  /** Read again although unchanged: the earlier ingest's filters left out measurements this run admits. */
  read_again?: string;
  /** Failed reads of the same path (a copy cut short) this whole read superseded: their rejects are cleared. */
  supersedes?: string[];
}

export interface IngestReport {
  /** read_again: unchanged files read again because an earlier filtered ingest left out measurements this run admits (counted in ingested or failed too). */
  files: { total: number; ingested: number; skipped_unchanged: number; skipped_by_path: number; failed: number; read_again: number };
  lines_read: number;
  stored: number;
  duplicates: number;
  rejected: number;
  filtered: number;
  bytes_read: number;
  reconciled: boolean;
  reconciliation: string;
  per_file: FileReport[];
  rejects: Reject[];
  /** Files skipped as unchanged still hold the rejects of the ingest that read them: how many, and the first 200. */
  rejected_kept: number;
  rejects_kept: Reject[];
  /** The aggregation keys and cells the run's refreshes rewrote, summed over every refresh (the periodic ones and the last). */
  cells: { keys: number; cells: number };
  elapsed_s: number;
  mb_per_s: number;
  measurements_per_s: number;
  workers: number;
  engine: 'duckdb' | 'js';
  /** Engine duckdb: lines scored from DuckDB's projection, lines parsed whole, files where the DuckDB read stopped early (and why). */
  fast: { projected: number; full: number; fallbacks: { path: string; reason: string }[] } | null;
  rules_version: string;
  fingerprints_version: string;
}

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

type Deps = { store: Store; clock: Clock; progress: ProgressReporter };

/** How many files' manifest rows ingest reads in one query. */
const MANIFEST_CHUNK = 200;
const fileId = (f: SourceFile) => createHash('sha256').update(`${f.path}\0${f.size}\0${f.mtime_ms}`).digest('hex').slice(0, 16);

/** sha256 of a file's bytes, as the reader records it in the manifest (reader/line-source.ts). */
async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

/**
 * A finished read of the same path, size and bytes under another mtime (a touched file, an upload
 * sent again): the same file, so it is unchanged, not read again. Hashes the file only when such
 * a read exists.
 */
async function sameBytesRead(file: SourceFile, atPath: IngestFileRecord[]): Promise<IngestFileRecord | null> {
  const done = atPath.filter((f) => f.status === 'done' && f.size === file.size && f.checksum);
  if (!done.length) return null;
  const sum = await sha256Of(file.path);
  return done.findLast((f) => f.checksum === sum) ?? null;
}

/** The worker script next to this module: .js when built, .ts (through tsx) under the test runner. */
function startWorker(fingerprints: Fingerprint[]): Worker {
  // a bounded heap keeps RSS flat: a worker holds one line (<= 16 MB parsed) and a few batches
  const resourceLimits = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 32 };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./ingest-worker.js', import.meta.url), { workerData: { fingerprints }, resourceLimits });
  const entry = new URL('./ingest-worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: { fingerprints }, resourceLimits });
}

export async function ingest(deps: Deps, input: IngestInput): Promise<IngestReport> {
  const t0 = performance.now();
  const filters: IngestFilters = { since: input.since, until: input.until, cc: input.cc, test_name: input.test_name };
  const fingerprints = await currentFingerprints(deps);
  // built here only when this thread scores lines; worker threads build their own
  let built: FingerprintMatcher | null = null;
  const matcher = () => (built ??= new FingerprintMatcher(fingerprints));
  const { files, skipped } = await expandPaths(input.paths, filters);
  const report: IngestReport = {
    files: { total: files.length, ingested: 0, skipped_unchanged: 0, skipped_by_path: skipped, failed: 0, read_again: 0 },
    lines_read: 0,
    stored: 0,
    duplicates: 0,
    rejected: 0,
    filtered: 0,
    bytes_read: 0,
    reconciled: true,
    reconciliation: '',
    per_file: [],
    rejects: [],
    rejected_kept: 0,
    rejects_kept: [],
    cells: { keys: 0, cells: 0 },
    elapsed_s: 0,
    mb_per_s: 0,
    measurements_per_s: 0,
    workers: 0,
    engine: input.engine ?? 'js',
    fast: null,
    rules_version: RULES_VERSION,
    fingerprints_version: fingerprintsVersion(fingerprints),
  };
  const tasks: Task[] = [];
  const filtersKept = filtersText(filters);
  // the manifest rows of the files (their own and every read of their paths): one read per
  // MANIFEST_CHUNK files rather than two per file; nothing in this loop writes the manifest
  let known: IngestFileRecord[] = [];
  for (const [i, file] of files.entries()) {
    if (i % MANIFEST_CHUNK === 0) {
      const part = files.slice(i, i + MANIFEST_CHUNK);
      known = await deps.store.measure.filesOf(
        part.map(fileId),
        part.map((f) => f.path),
      );
    }
    let id = fileId(file);
    let prev = known.find((f) => f.file_id === id) ?? null;
    // the manifest rows of every read of this path, by started_at
    const readsAt = () => known.filter((f) => f.path === file.path);
    if (prev?.status !== 'done' && !input.force) {
      const same = await sameBytesRead(file, readsAt());
      if (same) [id, prev] = [same.file_id, same];
    }
    const prevFilters = filtersOf(prev?.filters);
    // unchanged only for a run the filters it was read under admit at least as much as
    const covered = filtersCover(prevFilters, filters);
    if (prev?.status === 'done' && !input.force && covered) {
      report.files.skipped_unchanged++;
      report.per_file.push({
        path: file.path,
        file_id: id,
        status: 'skipped_unchanged',
        lines_read: 0,
        stored: 0,
        duplicates: 0,
        rejected: 0,
        filtered: 0,
        checksum: prev.checksum,
        filters: prevFilters,
      });
      if (prev.rejected > 0) {
        report.rejected_kept += prev.rejected;
        const room = 200 - report.rejects_kept.length;
        if (room > 0) report.rejects_kept.push(...((await deps.store.measure.rejects({ file_id: id, limit: room })) as Reject[]));
      }
      continue;
    }
    const readAgain =
      prev?.status === 'done' && !input.force && prevFilters
        ? `read before with ${filtersWords(prevFilters)} only; read again for the measurements that left out (those stored then come back as duplicates)`
        : undefined;
    if (readAgain) report.files.read_again++;
    const supersedes = readsAt().filter((f) => f.file_id !== id && f.status === 'failed');
    tasks.push({
      file,
      read_again: readAgain,
      ...(supersedes.length ? { supersedes } : {}),
      task: {
        file_id: id,
        path: file.path,
        gz: file.gz,
        bucket_hour: file.bucket_hour,
        filters,
        max_line_bytes: input.max_line_bytes ?? DEFAULT_MAX_LINE_BYTES,
        batch_size: input.batch_size ?? 1000,
        now_ms: deps.clock.now().getTime(),
      },
    });
  }

  const totalBytes = tasks.reduce((s, t) => s + t.file.size, 0);
  const progressBytes = new Map<string, number>();
  let lastRefresh = performance.now();
  let stored = 0;
  const tick = () => {
    const done = [...progressBytes.values()].reduce((a, b) => a + b, 0);
    const secs = Math.max((performance.now() - t0) / 1000, 0.001);
    deps.progress.update(done, {
      files_done: report.files.ingested + report.files.failed,
      measurements: stored,
      rejected: report.rejected,
      mb_per_s: Math.round(done / 1e6 / secs),
      msm_per_s: Math.round(stored / secs),
    });
  };
  deps.progress.start('ingest', totalBytes, 'bytes');
  const writer = new GroupWriter(deps.store.measure, () => deps.clock.now().toISOString());
  const refresh = async () => {
    const r = await deps.store.measure.refreshCells(deps.clock.now().toISOString());
    report.cells = { keys: report.cells.keys + r.keys, cells: report.cells.cells + r.cells };
  };
  const manifest = (t: Task, status: string, r: FileResult | null): IngestFileRecord => ({
    file_id: t.task.file_id,
    path: t.file.path,
    size: t.file.size,
    mtime_ms: t.file.mtime_ms,
    checksum: r?.checksum ?? null,
    status,
    lines_read: r?.lines_read ?? 0,
    stored: r?.stored ?? 0,
    duplicates: r?.duplicates ?? 0,
    rejected: r?.rejected ?? 0,
    bytes_read: r?.bytes_read ?? 0,
    started_at: deps.clock.now().toISOString(),
    finished_at: r ? deps.clock.now().toISOString() : null,
    rules_version: RULES_VERSION,
    filters: filtersKept,
  });
  const writeBatch = async (task: FileTask, rows: MeasurementRow[], rejects: Reject[], bytes: number, inputs: RuleInputsRecord[]) => {
    const inserted = await writer.submit({ rows, rejects, inputs });
    stored += inserted;
    report.rejected += rejects.length;
    if (report.rejects.length < 200) report.rejects.push(...rejects.slice(0, 200 - report.rejects.length));
    progressBytes.set(task.file_id, bytes);
    tick();
    return inserted;
  };
  // the manifest row goes out with the file's first batch; finishing waits for the group commit
  const manifestWrites: Promise<number>[] = [];
  // awaited together at the end, and marked handled now: a failed group write (a store or shard
  // failing mid-ingest) rejects the ingest once, through the batch that waited for it, and is
  // never an unhandled rejection that ends the process before the error is reported
  const later = (p: Promise<number>) => {
    p.catch(() => undefined);
    manifestWrites.push(p);
  };
  const begin = (t: Task) => later(writer.submit({ start: [manifest(t, 'running', null)] }, true));
  const finish = async (t: Task, r: FileResult) => {
    const status = r.error ? 'failed' : 'done';
    later(writer.submit({ finish: [manifest(t, status, r)] }, true));
    // a failed read of a copy cut short no longer describes the file: restarting its row clears
    // its rejects (read again under this read, once), and it finishes as superseded
    if (status === 'done' && t.supersedes) {
      const at = deps.clock.now().toISOString();
      const old = t.supersedes;
      later(
        writer.submit(
          { start: old.map((f) => ({ ...f, status: 'running' })), finish: old.map((f) => ({ ...f, status: 'superseded', rejected: 0, finished_at: at })) },
          true,
        ),
      );
    }
    report.files[status === 'done' ? 'ingested' : 'failed']++;
    for (const k of ['lines_read', 'stored', 'duplicates', 'filtered', 'bytes_read'] as const) report[k] += r[k];
    report.per_file.push({
      path: t.file.path,
      file_id: t.task.file_id,
      status,
      lines_read: r.lines_read,
      stored: r.stored,
      duplicates: r.duplicates,
      rejected: r.rejected,
      filtered: r.filtered,
      checksum: r.checksum,
      error: r.error,
      format: r.format,
      ...(r.ignored ? { ignored: r.ignored } : {}),
      ...(t.read_again ? { read_again: t.read_again } : {}),
      ...(status === 'done' && t.supersedes ? { supersedes: t.supersedes.map((f) => f.file_id) } : {}),
    });
    progressBytes.set(t.task.file_id, t.file.size);
    tick();
    // keep cells fresh while a long ingest runs (at most every 5 s; the last refresh is at the end)
    if (performance.now() - lastRefresh > 5000) {
      lastRefresh = performance.now();
      await writer.flush();
      await refresh();
    }
  };

  const queue = [...tasks];
  if (report.engine === 'duckdb') {
    const threads = Math.max(1, input.workers ?? availableParallelism());
    report.workers = threads;
    const fast = (report.fast = { projected: 0, full: 0, fallbacks: [] as { path: string; reason: string }[] });
    const read = deps.store.measure.readProjected.bind(deps.store.measure);
    const prev = input.workers !== undefined ? await deps.store.measure.readParallelism(threads) : null;
    try {
      // One DuckDB read at a time (DuckDB reads a plain file on all its threads; see FAST_FILE for
      // why memory needs this); files too small or too large for it are read line by line
      // meanwhile on the other lane.
      const fastFile = (f: SourceFile) => {
        const plain = f.gz ? f.size * GZ_RATIO : f.size;
        return plain >= FAST_FILE.min && plain <= FAST_FILE.max;
      };
      const lane = async (takesFast: boolean) => {
        for (let t = takeFile(queue, takesFast, fastFile); t; t = takeFile(queue, takesFast, fastFile)) {
          const cur = t;
          begin(cur);
          const sink = {
            batch: (rows: MeasurementRow[], rejects: Reject[], bytes: number, inputs: RuleInputsRecord[]) => writeBatch(cur.task, rows, rejects, bytes, inputs),
          };
          if (!fastFile(cur.file)) {
            const r = await processFile(cur.task, matcher(), sink);
            fast.full += r.lines_read;
            await finish(cur, r);
            continue;
          }
          const r = await processFileFast(cur.task, matcher(), sink, read);
          fast.projected += r.fast.projected;
          fast.full += r.fast.full;
          if (r.fast.fallback) fast.fallbacks.push({ path: cur.file.path, reason: r.fast.fallback });
          await finish(cur, r);
        }
      };
      await Promise.all([lane(true), lane(false)]);
    } finally {
      if (prev !== null) await deps.store.measure.readParallelism(prev);
    }
  } else if ((report.workers = Math.min(input.workers ?? availableParallelism(), tasks.length)) <= 0) {
    // in this thread: a few files at a time, so small files share commits
    const one = async (t: Task) => {
      begin(t);
      await finish(t, await processFile(t.task, matcher(), { batch: (rows, rejects, bytes, inputs) => writeBatch(t.task, rows, rejects, bytes, inputs) }));
    };
    await Promise.all(
      Array.from({ length: Math.min(FILES_IN_FLIGHT, tasks.length) }, async (_, k) => {
        for (let t = nextFile(queue, k); t; t = nextFile(queue, k)) await one(t);
      }),
    );
  } else {
    const lanes = lanesPerWorker(report.workers);
    await Promise.all(Array.from({ length: report.workers }, () => runWorker(fingerprints, queue, lanes, begin, finish, writeBatch)));
  }
  await writer.flush();
  await Promise.all(manifestWrites);
  await refresh();
  deps.progress.stop();
  const sum = report.stored + report.duplicates + report.rejected + report.filtered;
  report.reconciled = sum === report.lines_read;
  report.reconciliation = `lines_read ${report.lines_read} ${report.reconciled ? '=' : '!='} stored ${report.stored} + duplicates ${report.duplicates} + rejected ${report.rejected} + filtered ${report.filtered}`;
  report.elapsed_s = Math.round(performance.now() - t0) / 1000;
  report.mb_per_s = Math.round((report.bytes_read / 1e6 / Math.max(report.elapsed_s, 0.001)) * 10) / 10;
  report.measurements_per_s = Math.round(report.lines_read / Math.max(report.elapsed_s, 0.001));
  return report;
}

/** supersedes: failed reads of the same path (a copy cut short) that this read, when whole, replaces. */
type Task = { file: SourceFile; task: FileTask; read_again?: string; supersedes?: IngestFileRecord[] };

/**
 * Files that go through DuckDB's reader, by uncompressed size (estimated for .gz). Below: a
 * DuckDB query costs milliseconds, more than parsing the file in JavaScript. Above: DuckDB 1.5
 * keeps memory in proportion to the file while it streams results with large strings (measured
 * ~0.5-0.7 MB per MB read, bench/RESULTS.md), so a big file would break the flat-memory goal;
 * it is read line by line instead, at the slower pace but in constant memory.
 */
const FAST_FILE = { min: 1_000_000, max: 160_000_000 };
/** A typical OONI .jsonl.gz inflates about 5-6 times. */
const GZ_RATIO = 6;

/** The next file for a lane: the fast lane takes any file, the other only files that do not go through DuckDB. */
function takeFile(queue: Task[], takesFast: boolean, fastFile: (f: SourceFile) => boolean): Task | undefined {
  if (takesFast) return queue.shift();
  const i = queue.findIndex((t) => !fastFile(t.file));
  return i < 0 ? undefined : queue.splice(i, 1)[0];
}
/**
 * Files read at once, in total over the workers (each worker at least FILES_PER_WORKER): the
 * batches of the small files in flight share one commit, and a DuckDB commit group costs
 * milliseconds of CPU per statement whatever its size (8 in flight instead of 4 took the 83
 * files of the bench corpus from ~55 commit groups to ~35 in one thread; bench/RESULTS.md).
 */
const FILES_IN_FLIGHT = 8;
const FILES_PER_WORKER = 4;
const lanesPerWorker = (workers: number) => Math.max(FILES_PER_WORKER, Math.ceil(FILES_IN_FLIGHT / Math.max(1, workers)));
/** Only the first lane takes files above this size: big files one at a time keep memory flat. */
const SMALL_FILE = 8_000_000;

/** The next file for lane k: lane 0 takes the next file, the others only small ones. */
function nextFile(queue: Task[], lane: number): Task | undefined {
  if (lane === 0) return queue.shift();
  const i = queue.findIndex((t) => t.file.size <= SMALL_FILE);
  return i < 0 ? undefined : queue.splice(i, 1)[0];
}

/** One worker thread draining the shared queue, `lanes` files at a time. */
async function runWorker(
  fingerprints: Fingerprint[],
  queue: Task[],
  lanes: number,
  begin: (t: Task) => void,
  finish: (t: Task, r: FileResult) => Promise<void>,
  writeBatch: (task: FileTask, rows: MeasurementRow[], rejects: Reject[], bytes: number, inputs: RuleInputsRecord[]) => Promise<number>,
): Promise<void> {
  const w = startWorker(fingerprints);
  const pending = new Map<string, { t: Task; resolve: (r: FileResult) => void; reject: (e: Error) => void }>();
  let failed: Error | null = null;
  const failAll = (e: Error) => {
    failed = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on('message', (m: FromWorker) => {
    const p = pending.get(m.file_id);
    if (!p) return;
    if (m.type === 'batch') {
      writeBatch(p.t.task, m.rows, m.rejects, m.bytes, m.inputs).then(
        (inserted) => w.postMessage({ type: 'ack', seq: m.seq, inserted } satisfies ToWorker),
        (e: unknown) => failAll(e instanceof Error ? e : new Error(String(e))),
      );
    } else if (m.type === 'done') {
      pending.delete(m.file_id);
      p.resolve(m.result);
    } else {
      pending.delete(m.file_id);
      p.reject(new Error(`ingest worker failed on ${p.t.file.path}: ${m.message}`));
    }
  });
  w.on('error', failAll);
  const lane = async (_: unknown, k: number) => {
    for (let t = nextFile(queue, k); t && !failed; t = nextFile(queue, k)) {
      const cur = t;
      begin(cur);
      const result = await new Promise<FileResult>((resolve, reject) => {
        pending.set(cur.task.file_id, { t: cur, resolve, reject });
        w.postMessage({ type: 'file', task: cur.task } satisfies ToWorker);
      });
      await finish(cur, result);
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
    const err = failed as Error | null;
    if (err) throw err;
  } finally {
    await w.terminate();
  }
}
