/**
 * The watch's OONI step: each cycle syncs OONI's raw bucket for the upload hours since where
 * the last clean sync got to (a cursor in the store, per bucket, countries and tests) up to the
 * current hour, and ingests what lands. Nothing is taken in twice across cycles or restarts:
 * the window re-lists `overlapHours` before the cursor (late uploads), files already complete
 * locally are not fetched again, and ingest skips files it already ingested (by checksum). The
 * cursor moves only when every file of the window was fetched and ingested; a failed window is
 * retried whole by the next cycle. Each file ingested (or failed) is recorded as a watch input;
 * one that failed, or lost lines, is named in the cycle's errors with its first reject (line,
 * byte offset, reason) and the command that lists them all, as the signal files are.
 */
import { syncOoni, type Bucket, type FileReport, type IngestReport, type Reject } from '../measure/index.js';
import { silentProgress, type Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';

export const OONI_INPUT = 'ooni_file';

export interface OoniWatchOptions {
  /** OONI's raw bucket (or any S3-compatible copy of its layout). */
  bucket: Bucket;
  /** Ingest landed files (the measurements.ingest operation on the watch's store). */
  ingest: (paths: string[]) => Promise<IngestReport>;
  /** Local folder for the raw/ tree, as `ooni sync --dest`. */
  dest: string;
  tests: string[];
  /** First upload hour (YYYY-MM-DDTHH) when the cursor is empty; default 24 h before now. */
  firstSince: string | null;
  /** Hours before the cursor listed again each cycle, for files uploaded late. */
  overlapHours: number;
  /** At most this many upload hours per cycle: a watch that was down catches up window by window. */
  maxHours: number;
}

export interface OoniStepReport {
  window: { since: string; until: string } | null;
  files_new: number;
  files_failed: number;
  stored: number;
  rejected: number;
  errors: string[];
}

const HOUR = 3_600_000;
/** Date -> upload hour "YYYY-MM-DDTHH" (UTC). */
export const hourOfDate = (d: Date): string => d.toISOString().slice(0, 13);
const dateOfHour = (h: string): Date => new Date(`${h}:00:00Z`);

export const ooniCursorName = (o: Pick<OoniWatchOptions, 'bucket' | 'tests'>, cc: string[]): string =>
  `ooni ${o.bucket.url} cc=${[...cc].sort().join(',') || '*'} test=${[...o.tests].sort().join(',') || '*'}`;

/**
 * The next window: from the cursor less the overlap (or the first hour) to the current hour, at
 * most `maxHours` long. It always reaches past the cursor when the cursor is behind the current
 * hour (maxHours > overlapHours + 1 is checked by the caller), so the cursor keeps moving.
 */
export function ooniWindow(
  cursor: string | null,
  o: Pick<OoniWatchOptions, 'firstSince' | 'overlapHours' | 'maxHours'>,
  now: Date,
): { since: string; until: string } {
  const current = hourOfDate(now);
  let since = cursor
    ? hourOfDate(new Date(dateOfHour(cursor).getTime() - o.overlapHours * HOUR))
    : (o.firstSince ?? hourOfDate(new Date(now.getTime() - 24 * HOUR)));
  if (since > current) since = current;
  const end = hourOfDate(new Date(dateOfHour(since).getTime() + (o.maxHours - 1) * HOUR));
  return { since, until: end < current ? end : current };
}

export async function ooniStep(deps: { store: Store; clock: Clock }, o: OoniWatchOptions, cc: string[], cycleId: string): Promise<OoniStepReport> {
  const name = ooniCursorName(o, cc);
  const window = ooniWindow(await deps.store.watch.getCursor(name), o, deps.clock.now());
  const r: OoniStepReport = { window, files_new: 0, files_failed: 0, stored: 0, rejected: 0, errors: [] };
  const files: FileReport[] = [];
  const rejects: Reject[] = [];
  let sync: Awaited<ReturnType<typeof syncOoni>>;
  try {
    const ingest = async (paths: string[]) => {
      const rep = await o.ingest(paths);
      files.push(...rep.per_file);
      rejects.push(...rep.rejects);
      return rep;
    };
    sync = await syncOoni(
      { bucket: o.bucket, progress: silentProgress, ingest },
      { ...window, cc: cc.length ? cc : undefined, test_name: o.tests, dest: o.dest },
    );
  } catch (e) {
    r.errors.push(`ooni sync ${window.since}..${window.until}: ${(e as Error).message}`);
    return r;
  }
  for (const f of files) {
    if (f.status === 'skipped_unchanged') continue;
    r.files_new++;
    if (f.status === 'failed') r.files_failed++;
    r.stored += f.stored;
    r.rejected += f.rejected;
    await deps.store.watch.addInput({
      kind: OONI_INPUT,
      key: f.path,
      checksum: f.checksum ?? '',
      seen_at: deps.clock.now().toISOString(),
      cycle_id: cycleId,
      outcome: f.status === 'failed' ? 'failed' : f.rejected ? 'partial' : 'imported',
      detail: f.status === 'failed' ? (f.error ?? 'ingest failed') : f.rejected ? `${f.rejected} line(s) rejected` : null,
    });
    // a file that lost lines is named with its first reject (line and reason) and the command that lists them all
    if (f.status !== 'failed' && f.rejected) {
      const first = rejects.find((j) => j.file_id === f.file_id) ?? rejects.find((j) => j.path === f.path);
      r.errors.push(
        `${f.path}: ${f.rejected} line(s) rejected${first ? ` (first line ${first.line} @${first.byte_offset} ${first.reason}: ${first.detail})` : ''}; all: splinternet measurements files --rejects --file-id ${f.file_id}`,
      );
    }
  }
  for (const x of sync.failures) r.errors.push(`ooni sync: ${x.key} failed after ${x.attempts} attempt(s): ${x.error}`);
  for (const f of files.filter((x) => x.status === 'failed')) r.errors.push(`ooni ingest: ${f.path} failed: ${f.error ?? 'ingest failed'}`);
  // A corrupt object is as the bucket has it (a retry fetches the same bytes): reported, not blocking.
  for (const k of sync.corrupt) r.errors.push(`ooni sync: ${k} is not a whole gzip stream (kept, not ingested)`);
  if (!sync.failures.length && !r.files_failed) await deps.store.watch.setCursor(name, window.until, deps.clock.now().toISOString());
  return r;
}
