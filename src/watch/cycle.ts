/**
 * One watch cycle: take in what is new (OONI raw data synced from its bucket, when configured;
 * signal files dropped into the watched folder), run the detectors and emit their drafts, enqueue webhook notices, and record the cycle. Feeds need
 * no step: they are rendered from the store on each request.
 *
 * Every step is idempotent and its progress is in the store, so a cycle killed anywhere is
 * completed by the next one without doubles: an input is recorded as consumed only after its
 * import committed (and re-importing an unchanged file is a no-op), drafts have deterministic
 * ids, and notices have a unique key per (subscription, event, notice).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { detect } from '../detect/index.js';
import { importSignalFile, SIGNAL_FILE_NAME, SIGNAL_FILE_NAMES } from '../signals/index.js';
import { silentProgress, type Clock } from '../shared/index.js';
import type { Store, WatchCycleRecord } from '../store/index.js';
import { enqueueNotices } from './hooks.js';
import { currentLease, type WatchLease } from './lease.js';
import { ooniCountStep, type OoniCountOptions } from './ooni-counts.js';
import { ooniStep, type OoniWatchOptions } from './ooni-step.js';

export interface WatchOptions {
  everyMs: number;
  /** One cycle and no more (`watch --once`): no next cycle is recorded. */
  once?: boolean;
  /** Countries to detect in (none: every entity with signals). */
  cc: string[];
  signalsDir: string | null;
  /** Files changed less than this long ago may still be being written: next cycle. */
  settleMs: number;
  /** This server's origin for links in notices, when it serves HTTP. */
  origin: string | null;
  /** OONI raw data to sync and ingest each cycle (then every detector runs, not only outage). */
  ooni?: OoniWatchOptions | null;
  /** After an OONI sync: measurement counts per network written as the `ooni_measurements` signal (null: not). */
  ooniCounts?: OoniCountOptions | null;
  /** Detector parameter overrides, as `detect --params` (e.g. per-signal outage thresholds). */
  params?: Record<string, Record<string, unknown>>;
}

export interface CycleSummary {
  id: string;
  started_at: string;
  finished_at: string;
  /** When the next cycle starts; null after `watch --once`. */
  next_at: string | null;
  inputs_new: number;
  inputs_failed: number;
  inputs_waiting: number;
  /** Entries of the watched folder the watch does not read (another name, a subfolder): counted and named in `skipped_files`. */
  inputs_skipped: number;
  skipped_files: string[];
  points_stored: number;
  rejected: number;
  detections: number;
  drafts_created: number;
  /** Drafts emitted while their outage was ongoing, given the end the data now shows (a revision by the detector). */
  drafts_ended: number;
  /** Events still ongoing in the ledger, held by a person (confirmed or edited), whose detection now ends: the end to set by hand. */
  ends_not_applied: string[];
  notices_enqueued: number;
  inputs_seen_total: number;
  /** OONI upload hours synced this cycle (null: OONI not watched), files ingested, measurements stored. */
  ooni_window: string | null;
  ooni_files_new: number;
  ooni_stored: number;
  /** Points of the `ooni_measurements` signal written or confirmed this cycle (zeros among them). */
  ooni_count_points: number;
  ooni_count_zeros: number;
  errors: string[];
}

export const SIGNALS_INPUT = 'signals_file';

/**
 * Why the watch does not read an entry of its folder, or null when it does: the watch reads the
 * files directly in the folder named as signal files (SIGNAL_FILE_NAME: each format, plain or
 * .gz), each read by the code `signals import FILE` runs; a subfolder is not walked.
 */
function notRead(dir: string, d: Dirent): string | null {
  let folder = d.isDirectory();
  if (d.isSymbolicLink()) {
    try {
      folder = statSync(join(dir, d.name)).isDirectory();
    } catch {
      return 'a link to nothing';
    }
  }
  if (folder) return `a folder (the watch reads the files directly in ${dir}, not subfolders)`;
  return SIGNAL_FILE_NAME.test(d.name) ? null : `not a signal file name (${SIGNAL_FILE_NAMES})`;
}

export async function runCycle(deps: { store: Store; clock: Clock; actor: string }, o: WatchOptions): Promise<CycleSummary> {
  const started = deps.clock.now();
  const id = `cycle-${started.toISOString()}`;
  const base: WatchCycleRecord = { id, started_at: started.toISOString(), finished_at: null, next_at: null, status: 'running', summary: null };
  await deps.store.watch.upsertCycle(base);
  const s: CycleSummary = {
    id,
    started_at: base.started_at,
    finished_at: '',
    next_at: '',
    inputs_new: 0,
    inputs_failed: 0,
    inputs_waiting: 0,
    inputs_skipped: 0,
    skipped_files: [],
    points_stored: 0,
    rejected: 0,
    detections: 0,
    drafts_created: 0,
    drafts_ended: 0,
    ends_not_applied: [],
    notices_enqueued: 0,
    inputs_seen_total: 0,
    ooni_window: null,
    ooni_files_new: 0,
    ooni_stored: 0,
    ooni_count_points: 0,
    ooni_count_zeros: 0,
    errors: [],
  };

  if (o.ooni) {
    const r = await ooniStep(deps, o.ooni, o.cc, id);
    s.ooni_window = r.window ? `${r.window.since}..${r.window.until}` : null;
    s.ooni_files_new = r.files_new;
    s.ooni_stored = r.stored;
    s.rejected += r.rejected;
    s.inputs_failed += r.files_failed;
    s.errors.push(...r.errors);
    if (r.window && o.ooniCounts) {
      try {
        const c = await ooniCountStep(deps, o.ooniCounts, o.cc, r.window);
        s.ooni_count_points = c.points;
        s.ooni_count_zeros = c.zeros;
      } catch (e) {
        s.errors.push(`ooni counts: ${(e as Error).message}`);
      }
    }
  }

  if (o.signalsDir) {
    const dir = resolve(o.signalsDir);
    const names: string[] = [];
    try {
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const d of entries) {
        const why = notRead(dir, d);
        if (why === null) names.push(d.name);
        else s.skipped_files.push(`${join(dir, d.name)}: ${why}`);
      }
      s.inputs_skipped = s.skipped_files.length;
    } catch (e) {
      s.errors.push(`cannot read ${dir}: ${(e as Error).message}`);
    }
    for (const n of names) {
      const path = join(dir, n);
      try {
        const st = statSync(path);
        if (started.getTime() - st.mtimeMs < o.settleMs) {
          s.inputs_waiting++;
          continue;
        }
        const checksum = createHash('sha256').update(readFileSync(path)).digest('hex');
        if (await deps.store.watch.hasInput(SIGNALS_INPUT, path, checksum)) continue;
        // a file of OONI counts gets its silent bins as zeros, as the watch's own OONI counts do
        const r = await importSignalFile(deps, path, { ooniCounts: 'auto' });
        const ok = r.file.status !== 'failed';
        s.inputs_new++;
        if (!ok) s.inputs_failed++;
        if (r.file.status === 'imported') s.points_stored += r.file.stored;
        s.rejected += r.file.rejected;
        // every input that failed or lost records is named in the cycle's errors, with its first line and reason
        if (!ok) s.errors.push(`${path}: ${r.file.error ?? 'not imported'}`);
        else if (r.file.rejected) {
          const first = r.rejects[0];
          s.errors.push(
            `${path}: ${r.file.rejected} record(s) rejected${first ? ` (first ${first.reason})` : ''}; all: splinternet signals rejects --file ${path}`,
          );
        }
        // a country filter never selects a series without a country: stored, never judged, so said
        if (o.cc.length && r.without_country.length)
          s.errors.push(
            `${path}: ${r.without_country.length} series without a country (${r.without_country.join(', ')}) are outside --cc ${o.cc.join(',')} and never judged: give the file a cc column (or a header naming one)`,
          );
        await deps.store.watch.addInput({
          kind: SIGNALS_INPUT,
          key: path,
          checksum,
          seen_at: deps.clock.now().toISOString(),
          cycle_id: id,
          outcome: !ok ? 'failed' : r.file.rejected ? 'partial' : 'imported',
          detail: r.file.error ?? (r.file.rejected ? `${r.file.rejected} record(s) rejected` : null),
        });
      } catch (e) {
        s.inputs_failed++;
        s.errors.push(`${path}: ${(e as Error).message}`);
      }
    }
  }

  for (const cc of o.cc.length ? o.cc : [undefined]) {
    try {
      const r = await detect({ ...deps, progress: silentProgress }, { kind: o.ooni ? undefined : 'outage', cc }, { emit: true, params: o.params });
      s.detections += r.items.length;
      s.drafts_created += r.emitted?.created ?? 0;
      s.drafts_ended += r.emitted?.ended.length ?? 0;
      for (const k of r.emitted?.end_not_applied ?? []) s.ends_not_applied.push(`${k.event_id} (${k.status}) ends ${k.end} in the data: ${k.reason}`);
      // A detection the ledger cannot hold is an error of the cycle, never a silent zero.
      for (const k of r.emitted?.skipped ?? []) s.errors.push(`draft ${k.id} not created: ${k.reason}`);
    } catch (e) {
      s.errors.push(`detect${cc ? ` ${cc}` : ''}: ${(e as Error).message}`);
    }
  }
  s.notices_enqueued = (await enqueueNotices(deps, o.origin)).enqueued;
  s.inputs_seen_total = await deps.store.watch.countInputs();
  const finished = deps.clock.now();
  s.finished_at = finished.toISOString();
  s.next_at = o.once ? null : new Date(started.getTime() + o.everyMs).toISOString();
  await deps.store.watch.upsertCycle({
    ...base,
    finished_at: s.finished_at,
    next_at: s.next_at,
    status: s.errors.length ? 'failed' : 'done',
    summary: s as unknown as Record<string, unknown>,
  });
  return s;
}

/** One line per cycle for the log. */
export function cycleLine(s: CycleSummary): string {
  return `${s.finished_at} watch ${s.id}: ${s.inputs_new} new input(s) (${s.inputs_failed} failed, ${s.inputs_waiting} settling${s.inputs_skipped ? `, ${s.inputs_skipped} not read: ${s.skipped_files.join(' | ')}` : ''}), ${s.points_stored} points, ${s.rejected} rejected, ${s.ooni_window ? `OONI ${s.ooni_window}: ${s.ooni_files_new} file(s), ${s.ooni_stored} measurement(s), ${s.ooni_count_points} count point(s); ` : ''}${s.detections} detection(s), ${s.drafts_created} new draft(s), ${s.drafts_ended ? `${s.drafts_ended} draft(s) given their end, ` : ''}${s.notices_enqueued} notice(s) queued; ${s.next_at ? `next ${s.next_at}` : 'no next cycle (--once)'}${s.ends_not_applied.length ? `; end not applied: ${s.ends_not_applied.join(' | ')}` : ''}${s.errors.length ? `; errors: ${s.errors.join(' | ')}` : ''}`;
}

/** A cycle's summary as stored: cycles recorded before a field was added (OONI, drafts' ends, files not read) lack it. */
type LaterFields = 'ooni_window' | 'ooni_files_new' | 'ooni_stored' | 'drafts_ended' | 'ends_not_applied' | 'inputs_skipped' | 'skipped_files';
export type StoredCycleSummary = Omit<CycleSummary, LaterFields> & Partial<Pick<CycleSummary, LaterFields>>;

export interface WatchStatus {
  /** A watch process holds the lease (`watch` is not null). */
  running: boolean;
  /** A cycle of that watch is in progress (false between its cycles). */
  cycle_running: boolean;
  /** The running watch (its lease), or null when none runs. */
  watch: WatchLease | null;
  last_cycle: (Omit<WatchCycleRecord, 'summary'> & { summary: StoredCycleSummary | null }) | null;
  /** When the running watch starts its next cycle; null when no watch runs. */
  next_cycle: string | null;
  inputs_seen: number;
  recent_inputs: Awaited<ReturnType<Store['watch']['listInputs']>>;
  deliveries: { pending: number; delivered: number; dead: number };
}

export async function watchStatus(store: Store, nowMs: number): Promise<WatchStatus> {
  const [last] = await store.watch.lastCycles(1);
  const watch = await currentLease(store, nowMs);
  const count = async (status: 'pending' | 'delivered' | 'dead') => (await store.watch.listDeliveries({ status, limit: 100_000 })).length;
  return {
    running: watch !== null,
    cycle_running: watch !== null && last?.status === 'running',
    watch,
    // a cycle left running while no watch holds the lease was cut short (kill -9): shown as the next start will mark it
    last_cycle: last
      ? { ...last, status: last.status === 'running' && watch === null ? 'interrupted' : last.status, summary: last.summary as StoredCycleSummary | null }
      : null,
    next_cycle: watch ? (last?.next_at ?? null) : null,
    inputs_seen: await store.watch.countInputs(),
    recent_inputs: await store.watch.listInputs(20),
    deliveries: { pending: await count('pending'), delivered: await count('delivered'), dead: await count('dead') },
  };
}
