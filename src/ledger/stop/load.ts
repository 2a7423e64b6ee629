/**
 * File-level entry points: import a STOP CSV from disk (the snapshot date is read from the
 * file name, e.g. ..._snapshot-2026-05-20.csv, or given), and load the derived indicators.
 */
import { basename } from 'node:path';
import { AppError, isValidPartialDate, latestDateBegun, readTextStrict, type Clock, type ProgressReporter } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { saveSeries } from '../indicators.js';
import { accessNowCounts, snapshotCounts, storedStopRows, top10vpnCosts } from './derive.js';
import { importStop, type StopImportReport } from './import.js';
import { parseStopCsv } from './parse.js';

type Deps = { store: Store; clock: Clock; progress: ProgressReporter };

/** The file as UTF-8, within the import caps; bytes that are not UTF-8 are an error naming the line. */
const readText = (path: string): Promise<string> => readTextStrict(path);

export function snapshotOf(path: string, given?: string): string {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(basename(path));
  const snap = given ?? m?.[1];
  if (!snap || !/^\d{4}-\d{2}-\d{2}$/.test(snap)) {
    throw new AppError('VALIDATION', `cannot tell the STOP snapshot date of ${basename(path)}: pass --snapshot YYYY-MM-DD`, {
      issues: [{ path: ['snapshot'], message: 'required' }],
    });
  }
  // a date that is not on the calendar (2021-02-30) would be written into every event's source and indicator
  if (!isValidPartialDate(snap)) {
    const from = given === undefined ? `the date in the file name ${basename(path)}` : '--snapshot';
    throw new AppError('VALIDATION', `${from}: "${snap}" is not a calendar date (YYYY-MM-DD)`, {
      issues: [{ path: ['snapshot'], message: `"${snap}" is not a calendar date` }],
    });
  }
  return snap;
}

/**
 * `full`: the file is the whole snapshot, so a STOP event none of its records describes is
 * retracted (import.ts); without it the file may be a part and nothing is retracted for being absent.
 * `allowShrink`: the caller says a file far smaller than the latest snapshot stored is whole (whole.ts).
 */
export async function importStopFile(
  deps: Deps,
  path: string,
  snapshot?: string,
  opts: { full?: boolean; allowShrink?: boolean } = {},
): Promise<StopImportReport & { indicators: number }> {
  const text = await readText(path); // a missing file is named before a missing snapshot date
  const snap = snapshotOf(path, snapshot);
  // a snapshot published after today cannot be: taken as the latest, it would make every later --full look older
  const latest = latestDateBegun(deps.clock.now().getTime());
  if (snap > latest) {
    const from = snapshot === undefined ? `the date in the file name ${basename(path)}` : '--snapshot';
    throw new AppError('VALIDATION', `${from}: the snapshot date ${snap} is after today (the latest date begun anywhere is ${latest}); nothing was stored`, {
      issues: [{ path: ['snapshot'], message: `${snap} is after today` }],
    });
  }
  const rows = parseStopCsv(text, basename(path));
  const report = await importStop(deps, rows, basename(path), snap, opts);
  const fromFile = accessNowCounts(rows, snap);
  // the records of the events still counted, each once: a retracted event's links (a record now
  // folded elsewhere or absent from the snapshot) keep their history but count nothing
  const retracted = new Set((await deps.store.ledger.listEvents({ statuses: ['retracted'], limit: 1_000_000 })).map((r) => r.id));
  const links = [...new Map((await deps.store.ledger.linksOfKind('stop_row')).filter((l) => !retracted.has(l.eventId)).map((l) => [l.target, l])).values()];
  const fromStore = accessNowCounts(storedStopRows(links, snap), snap);
  const ids = [...new Set([...fromFile, ...fromStore].map((s) => s.id))];
  const series = snapshotCounts(fromFile, fromStore, await deps.store.ledger.listIndicatorValues(ids), snap);
  await saveSeries(deps.store, series, 'stop');
  return { ...report, indicators: series.length };
}

export async function importTop10vpnFile(deps: Deps, path: string) {
  const { series, rejects } = top10vpnCosts(await readText(path));
  await saveSeries(deps.store, series, 'top10vpn');
  return { file: basename(path), series: series.length, values: series.reduce((n, s) => n + s.values.length, 0), rejects };
}
