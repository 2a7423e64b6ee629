/**
 * `ooni sync`: list OONI's raw bucket for a window of upload hours, countries and tests, fetch
 * what is not already complete locally (several at once), and optionally hand each file to
 * ingest as it lands. The bucket is an effect (an S3 adapter in the CLI, a test double in
 * tests). Counts reconcile: files listed = ignored + downloaded + unchanged + corrupt + failed.
 * A failed transfer leaves no file; a corrupt .gz (bytes as the bucket has them, not a whole
 * gzip stream) is kept but never ingested; a rerun fetches only what is missing. Runs that
 * share a destination each write their own temporary files, so one run's failure never
 * damages a file another run put in place.
 */
import { dirname, join } from 'node:path';
import type { ProgressReporter } from '../../shared/index.js';
import type { IngestReport } from '../ingest.js';
import { appendSyncLog, localState, readSyncLog, removeStaleTemps, removeTemps, saveObject, SYNC_LOG, type BucketObject } from './local-copy.js';
import { checkWindow, syncPrefixes, wantedKey, type SyncWindow } from './plan.js';

export type { BucketObject } from './local-copy.js';

/** A bucket in OONI's raw layout. Listing errors are AppErrors naming the URL and the reason. */
export interface Bucket {
  readonly url: string;
  list(prefix: string, token?: string): Promise<{ objects: BucketObject[]; next?: string }>;
  get(key: string): Promise<AsyncIterable<Uint8Array>>;
}

export interface SyncInput extends SyncWindow {
  dest: string;
  /** Transfers at once (default 4). */
  concurrency?: number;
  /** Tries per file before it counts as failed (default 3). */
  attempts?: number;
}

export interface SyncDeps {
  bucket: Bucket;
  progress: ProgressReporter;
  /** When set, files are ingested as they land (a batch at a time, never two at once). */
  ingest?: (paths: string[]) => Promise<IngestReport>;
}

type Outcome = 'downloaded' | 'unchanged' | 'corrupt' | 'failed';

export interface SyncReport {
  bucket_url: string;
  dest: string;
  window: SyncWindow;
  prefixes: number;
  list_requests: number;
  files: { listed: number; ignored: number; downloaded: number; unchanged: number; corrupt: number; failed: number };
  bytes: { listed: number; downloaded: number; unchanged: number; corrupt: number; failed: number; transferred: number };
  reconciled: boolean;
  reconciliation: string;
  failures: { key: string; attempts: number; error: string }[];
  corrupt: string[];
  ingest: null | {
    files: { total: number; ingested: number; skipped_unchanged: number; failed: number };
    lines_read: number;
    stored: number;
    duplicates: number;
    rejected: number;
    filtered: number;
    reconciled: boolean;
    reconciliation: string;
    /** The first REJECTS_SHOWN rejected lines, each with its file, line, byte offset and reason, and the command that lists its file's rejects. */
    rejects: SyncReject[];
    /** Every reject is kept in the store: `splinternet measurements files --rejects` lists them all. */
    rejects_all: string;
  };
  elapsed_s: number;
}

/** A line ingest rejected, as `ingest` names it, and the command that lists every reject of its file. */
export interface SyncReject {
  path: string;
  file_id: string;
  line: number;
  byte_offset: number;
  reason: string;
  detail: string;
  list: string;
}

/** How many rejected lines a sync names one by one (the rest are counted, and listed by the store). */
export const REJECTS_SHOWN = 20;

/** Run `n` workers over `items` in order. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function syncOoni(deps: SyncDeps, input: SyncInput): Promise<SyncReport> {
  const t0 = performance.now();
  // a window with an unknown test, country or hour is a VALIDATION error before any request
  const window: SyncWindow = checkWindow({ since: input.since, until: input.until, cc: input.cc, test_name: input.test_name });
  const prefixes = syncPrefixes(window);
  const r: SyncReport = {
    bucket_url: deps.bucket.url,
    dest: input.dest,
    window,
    prefixes: prefixes.length,
    list_requests: 0,
    files: { listed: 0, ignored: 0, downloaded: 0, unchanged: 0, corrupt: 0, failed: 0 },
    bytes: { listed: 0, downloaded: 0, unchanged: 0, corrupt: 0, failed: 0, transferred: 0 },
    reconciled: false,
    reconciliation: '',
    failures: [],
    corrupt: [],
    ingest: null,
    elapsed_s: 0,
  };

  // 1. list every prefix (a few at once), following continuation tokens
  const wanted: BucketObject[] = [];
  deps.progress.start('ooni sync: listing', prefixes.length, 'prefixes');
  let listed = 0;
  try {
    await pool(prefixes, 8, async (prefix) => {
      let token: string | undefined;
      do {
        const page = await deps.bucket.list(prefix, token);
        r.list_requests++;
        for (const o of page.objects) {
          r.files.listed++;
          r.bytes.listed += o.size;
          if (wantedKey(o.key, window)) wanted.push(o);
          else r.files.ignored++;
        }
        token = page.next;
      } while (token);
      deps.progress.update(++listed, { keys: r.files.listed });
    });
  } finally {
    deps.progress.stop();
  }
  wanted.sort((a, b) => (a.key < b.key ? -1 : 1));

  // 2. fetch what is missing; hand complete files to ingest as they land
  const logPath = join(input.dest, SYNC_LOG);
  // temporary files of killed runs in the folders this window writes to
  for (const dir of new Set(wanted.map((o) => dirname(join(input.dest, ...o.key.split('/')))))) await removeStaleTemps(dir);
  const log = await readSyncLog(logPath);
  let logWrites = Promise.resolve();
  const record = (e: Parameters<typeof appendSyncLog>[1]) => (logWrites = logWrites.then(() => appendSyncLog(logPath, e)));
  const totalBytes = wanted.reduce((s, o) => s + o.size, 0);
  let doneBytes = 0;
  let filesDone = 0;
  const tick = () =>
    deps.progress.update(doneBytes, {
      files_done: filesDone,
      files_total: wanted.length,
      downloaded: r.files.downloaded,
      unchanged: r.files.unchanged,
      corrupt: r.files.corrupt,
      failed: r.files.failed,
      stored: r.ingest?.stored ?? 0,
    });
  deps.progress.start('ooni sync', totalBytes, 'bytes');
  // the bar's `stored` counter moves as each batch of landed files is ingested
  const ing = startIngest(deps.ingest, r, tick);
  const attempts = Math.max(1, input.attempts ?? 3);
  const temps = new Set<string>();
  const settle = (o: BucketObject, outcome: Outcome, path: string | null) => {
    r.files[outcome]++;
    r.bytes[outcome] += o.size;
    if (outcome === 'corrupt') r.corrupt.push(o.key);
    if (path) ing.add(path);
    filesDone++;
    tick();
  };
  await pool(wanted, Math.max(1, input.concurrency ?? 4), async (o) => {
    const path = join(input.dest, ...o.key.split('/'));
    const have = await localState(path, o, log);
    if (have.state === 'complete') {
      if (have.entry) await record(have.entry);
      doneBytes += o.size;
      return settle(o, have.gzip_ok ? 'unchanged' : 'corrupt', have.gzip_ok ? path : null);
    }
    let lastError = '';
    for (let a = 1; a <= attempts; a++) {
      let got = 0;
      try {
        const body = await deps.bucket.get(o.key);
        const entry = await saveObject(
          body,
          path,
          o,
          (n) => {
            got += n;
            r.bytes.transferred += n;
            doneBytes += n;
            tick();
          },
          temps,
        );
        await record(entry);
        return settle(o, entry.gzip_ok ? 'downloaded' : 'corrupt', entry.gzip_ok ? path : null);
      } catch (e) {
        doneBytes -= got;
        lastError = e instanceof Error ? e.message : String(e);
        if (a < attempts) await new Promise((res) => setTimeout(res, 100 * a));
      }
    }
    r.failures.push({ key: o.key, attempts, error: lastError });
    settle(o, 'failed', null);
  });
  await logWrites;
  // every transfer has settled: no temporary file of this run outlives it
  await removeTemps(temps);
  await ing.done();
  tick();
  deps.progress.stop();

  const f = r.files;
  const sum = f.ignored + f.downloaded + f.unchanged + f.corrupt + f.failed;
  r.reconciled = sum === f.listed;
  r.reconciliation = `listed ${f.listed} ${r.reconciled ? '=' : '!='} ignored ${f.ignored} + downloaded ${f.downloaded} + unchanged ${f.unchanged} + corrupt ${f.corrupt} + failed ${f.failed}`;
  r.failures.sort((a, b) => (a.key < b.key ? -1 : 1));
  r.corrupt.sort();
  r.elapsed_s = Math.round(performance.now() - t0) / 1000;
  return r;
}

/** Ingest files as they land: one batch at a time, each batch every file ready so far. */
function startIngest(ingest: SyncDeps['ingest'], r: SyncReport, onBatch: () => void) {
  if (!ingest) return { add: (_: string) => {}, done: () => Promise.resolve() };
  const acc = (r.ingest = {
    files: { total: 0, ingested: 0, skipped_unchanged: 0, failed: 0 },
    lines_read: 0,
    stored: 0,
    duplicates: 0,
    rejected: 0,
    filtered: 0,
    reconciled: true as boolean,
    reconciliation: '',
    rejects: [] as SyncReject[],
    rejects_all: 'splinternet measurements files --rejects',
  });
  const ready: string[] = [];
  let running: Promise<void> | null = null;
  let error: Error | null = null;
  const drain = async () => {
    while (ready.length && !error) {
      const batch = ready.splice(0);
      try {
        const rep = await ingest(batch);
        acc.files.total += rep.files.total;
        acc.files.ingested += rep.files.ingested;
        acc.files.skipped_unchanged += rep.files.skipped_unchanged;
        acc.files.failed += rep.files.failed;
        for (const k of ['lines_read', 'stored', 'duplicates', 'rejected', 'filtered'] as const) acc[k] += rep[k];
        for (const j of rep.rejects.slice(0, REJECTS_SHOWN - acc.rejects.length))
          acc.rejects.push({
            path: j.path,
            file_id: j.file_id,
            line: j.line,
            byte_offset: j.byte_offset,
            reason: j.reason,
            detail: j.detail,
            list: `splinternet measurements files --rejects --file-id ${j.file_id}`,
          });
        onBatch();
      } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
      }
    }
    running = null;
  };
  return {
    add(path: string) {
      ready.push(path);
      running ??= drain();
    },
    async done() {
      while (running) await running;
      if (error) throw error;
      const sum = acc.stored + acc.duplicates + acc.rejected + acc.filtered;
      acc.reconciled = sum === acc.lines_read && acc.files.total === acc.files.ingested + acc.files.skipped_unchanged + acc.files.failed;
      acc.reconciliation = `lines_read ${acc.lines_read} ${sum === acc.lines_read ? '=' : '!='} stored ${acc.stored} + duplicates ${acc.duplicates} + rejected ${acc.rejected} + filtered ${acc.filtered}; files ${acc.files.total} = ingested ${acc.files.ingested} + unchanged ${acc.files.skipped_unchanged} + failed ${acc.files.failed}`;
    },
  };
}
