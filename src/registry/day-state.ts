/**
 * One state of the register per day in the records series. The daily series (one gsnw/z-i
 * commit a day) and a complete snapshot can both speak for a day: they are two dumps, made at
 * two times (the daily row's `Updated:` header, the snapshot's dump time). The records series
 * (`ru-registry-records`, `ru-registry-records-<body>`) publish the later one only, and the
 * values of the other are withdrawn, whichever file was imported first; the series only the
 * daily file counts (IP tokens, domains) and the blocked space only snapshots count are left as
 * they are, as nothing disputes them. A snapshot known only by its date counts as made at the
 * day's start. Pure: the caller reads the store and saves what this returns.
 */
import type { IndicatorSeries } from '../ledger/index.js';
import type { RegistryDailyStatRecord, RegistrySnapshotRecord, RetiredValues } from '../store/index.js';
import { headerTime } from './plan.js';
import { daySnapshot } from './snapshots.js';
import { snapshotLocator } from './timeline.js';

/** The series a daily row and a complete snapshot both publish. */
export const isRecordsSeries = (id: string): boolean => id === 'ru-registry-records' || id.startsWith('ru-registry-records-');

export interface DayStateInput {
  /** Series about to be published (daily and per-snapshot values). */
  series: IndicatorSeries[];
  snapshots: RegistrySnapshotRecord[];
  daily: RegistryDailyStatRecord[];
  /** Stored values of the records series: their series, period and source locator. */
  stored: { seriesId: string; period: string; locator: string }[];
}

/** `series` without the values of the earlier state of each such day, and the stored values to withdraw. */
export function oneStatePerDay(input: DayStateInput): { series: IndicatorSeries[]; retire: RetiredValues[] } {
  const dailyAt = new Map<string, number>();
  for (const r of input.daily) {
    const header = r.doc.updated_header;
    const at = r.complete && typeof header === 'string' ? headerTime(header) : null;
    if (at) dailyAt.set(r.day, Math.max(dailyAt.get(r.day) ?? -Infinity, Date.parse(at)));
  }
  const seriesIds = [...new Set([...input.series.map((s) => s.id), ...input.stored.map((v) => v.seriesId)])].filter(isRecordsSeries);
  const drop = new Map<string, (locator: string) => boolean>();
  const retire: RetiredValues[] = [];
  for (const day of new Set(input.snapshots.map((s) => s.dumpAt.slice(0, 10)))) {
    const snap = daySnapshot(input.snapshots, day);
    const daily = dailyAt.get(day);
    if (!snap?.complete || daily === undefined) continue;
    const ofSnapshots = new Set(input.snapshots.filter((s) => s.dumpAt.slice(0, 10) === day).map((s) => snapshotLocator(s.id)));
    const snapshotLater = Date.parse(snap.dumpAt) > daily;
    const loses = (locator: string) => ofSnapshots.has(locator) !== snapshotLater;
    drop.set(day, loses);
    const locators = snapshotLater ? [...new Set(input.stored.filter((v) => v.period === day && loses(v.locator)).map((v) => v.locator))] : [...ofSnapshots];
    if (locators.length) retire.push({ seriesIds, period: day, locators });
  }
  const series = input.series.map((s) => (isRecordsSeries(s.id) ? { ...s, values: s.values.filter((v) => !drop.get(v.period)?.(v.source.locator ?? '')) } : s));
  return { series: series.filter((s) => s.values.length > 0 || !isRecordsSeries(s.id)), retire };
}
