/**
 * One row per day of the daily series, whichever files hold the day. Two files giving one day
 * are two dumps of it: the later `Updated:` header is the day's state; with the same header they
 * are one dump read twice, and the file whose name sorts last speaks for it, so the order of
 * imports never decides. The other rows' values are withdrawn, so a series never holds two
 * values of a day (nor a value citing a file that does not hold it). Pure.
 */
import type { RegistryDailyStatRecord, RetiredValues } from '../store/index.js';
import { headerTime } from './plan.js';

const at = (r: RegistryDailyStatRecord): number => {
  const h = r.doc.updated_header;
  const t = typeof h === 'string' ? headerTime(h) : null;
  return t ? Date.parse(t) : -Infinity;
};

/** Whether `a` speaks for its day rather than `b`. */
const before = (a: RegistryDailyStatRecord, b: RegistryDailyStatRecord): boolean =>
  at(a) !== at(b) ? at(a) > at(b) : (a.sourceFile ?? '') > (b.sourceFile ?? '');

/** The complete rows, one per day (`kept`), and the complete rows of a day another row speaks for (`dropped`). */
export function dailyDays(rows: readonly RegistryDailyStatRecord[]): { kept: RegistryDailyStatRecord[]; dropped: RegistryDailyStatRecord[] } {
  const best = new Map<string, RegistryDailyStatRecord>();
  for (const r of rows) {
    if (!r.complete) continue;
    const cur = best.get(r.day);
    if (!cur || before(r, cur)) best.set(r.day, r);
  }
  const kept = [...best.values()].sort((a, b) => a.day.localeCompare(b.day));
  const dropped = rows.filter((r) => r.complete && best.get(r.day) !== r);
  return { kept, dropped };
}

/** The locator a daily row's values cite: its own file and line. */
export function dailyLocator(r: RegistryDailyStatRecord, fallbackFile: string): string {
  const line = r.doc.source_line;
  return `${r.sourceFile ?? fallbackFile}, line ${typeof line === 'number' || typeof line === 'string' ? String(line) : '?'}`;
}

/** The stored values of the dropped rows to withdraw, from any of `seriesIds`. */
export function droppedValues(dropped: readonly RegistryDailyStatRecord[], seriesIds: readonly string[]): RetiredValues[] {
  const byDay = new Map<string, Set<string>>();
  for (const r of dropped) byDay.set(r.day, (byDay.get(r.day) ?? new Set()).add(dailyLocator(r, '')));
  return [...byDay].map(([period, locators]) => ({ seriesIds: [...seriesIds], period, locators: [...locators] }));
}
