/**
 * The watch's OONI counts step: after a cycle has ingested OONI measurements, the measurement
 * counts per network and bin (signals/ooni-counts.ts: zeros where a network measured in the
 * lookback went silent) are written as the outage signal `ooni_measurements`, so the outage
 * detector judges OONI's volume beside IODA-style signals. Each (bin size, country, UTC day)
 * is one pseudo-file `ooni-counts/<bin>/<CC>/<day>` that a later cycle replaces when late
 * uploads change its counts (and leaves alone when they do not), so nothing is counted twice.
 * Only whole bins that ended before the window's last upload hour are written: the hour being
 * uploaded is not complete.
 */
import { createHash } from 'node:crypto';
import { BIN_MS, ooniCountPoints, type CountBin } from '../signals/index.js';
import type { Clock } from '../shared/index.js';
import type { SignalPointRecord, Store } from '../store/index.js';

const DAY = 86_400_000;

export interface OoniCountOptions {
  bin: CountBin;
  /** A network measured within this many days before a bin, and not in it, counts 0 there. */
  lookbackDays: number;
}

export const DEFAULT_OONI_COUNTS: OoniCountOptions = { bin: 'day', lookbackDays: 7 };

export interface OoniCountReport {
  /** Bins written: [since, until) ISO instants, or null when no whole bin was in the window. */
  bins: { since: string; until: string } | null;
  files_written: number;
  files_unchanged: number;
  points: number;
  zeros: number;
}

/** Pseudo-file of one bin size, country and UTC day. */
export const ooniCountFile = (bin: CountBin, cc: string, day: string): string => `ooni-counts/${bin}/${cc}/${day}`;

/**
 * Write the count signal for the measurements an OONI window (upload hours since..until,
 * "YYYY-MM-DDTHH") may have added: measurements start up to a day before their upload hour.
 */
export async function ooniCountStep(
  deps: { store: Store; clock: Clock },
  o: OoniCountOptions,
  cc: string[],
  window: { since: string; until: string },
): Promise<OoniCountReport> {
  const step = BIN_MS[o.bin];
  const since = Math.floor((Date.parse(`${window.since}:00:00Z`) - DAY) / step) * step;
  const until = Math.floor(Date.parse(`${window.until}:00:00Z`) / step) * step;
  const r: OoniCountReport = { bins: null, files_written: 0, files_unchanged: 0, points: 0, zeros: 0 };
  if (until <= since) return r;
  r.bins = { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
  const from = new Date(since - o.lookbackDays * DAY).toISOString();
  // One country at a time: no reads left running if one fails.
  const rows = [];
  for (const c of cc.length ? cc : [undefined]) rows.push(...(await deps.store.detect.volumeHours({ cc: c, since: from, until: r.bins.until })));
  const points = ooniCountPoints(
    rows.map((x) => ({ ...x, t: Number(x.t), n: Number(x.n) })),
    { bin: o.bin, since, until, lookbackDays: o.lookbackDays, file: '' },
  );
  const files = new Map<string, SignalPointRecord[]>();
  for (const p of points) {
    const path = ooniCountFile(o.bin, p.cc!, p.t.slice(0, 10));
    const list = files.get(path) ?? [];
    list.push({ ...p, source_file: path, line: list.length + 1 });
    files.set(path, list);
  }
  const now = deps.clock.now().toISOString();
  for (const [path, list] of files) {
    const checksum = createHash('sha256')
      .update(JSON.stringify(list.map((p) => [p.entity_code, p.t, p.value])))
      .digest('hex');
    r.points += list.length;
    r.zeros += list.filter((p) => p.value === 0).length;
    if ((await deps.store.signals.getFile(path))?.checksum === checksum) {
      r.files_unchanged++;
      continue;
    }
    await deps.store.signals.replaceFile({ path, checksum, records_read: list.length, stored: list.length, rejected: 0, imported_at: now }, list);
    r.files_written++;
  }
  return r;
}
