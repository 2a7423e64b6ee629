/**
 * What each STOP record of an event says. STOP repeats an ongoing shutdown once per count_year
 * and rewrites its text each year; the event keeps the latest record's text as its summary, so
 * an earlier record's statement ("Some platforms were restored by Feb 10. Facebook remained
 * blocked.", Uganda 2021) would be lost to anything that reads the summary only. The import
 * keeps each record's text on its `stop_row` link (import.ts); this module reads them back, in
 * the order the cost readers consult them (docs/design/002-stop-import.md).
 */
import type { EventLinkRecord } from '../../store/index.js';

/**
 * Event id → the texts of its STOP records (near-duplicate records folded into it included),
 * earliest count_year first, then by record number; each distinct text once, at its first
 * place. Links an import made before texts were kept carry none and add nothing.
 */
export function stopRecordTexts(links: readonly EventLinkRecord[]): Map<string, string[]> {
  const byEvent = new Map<string, { year: number; record: number; text: string }[]>();
  for (const l of links) {
    if (l.kind !== 'stop_row' || !l.doc) continue;
    const { count_year, record, text } = l.doc as { count_year?: unknown; record?: unknown; text?: unknown };
    if (typeof text !== 'string' || !text.trim()) continue;
    const list = byEvent.get(l.eventId) ?? [];
    list.push({ year: Number(count_year) || 0, record: Number(record) || 0, text: text.trim() });
    byEvent.set(l.eventId, list);
  }
  const out = new Map<string, string[]>();
  for (const [id, list] of byEvent) {
    list.sort((a, b) => a.year - b.year || a.record - b.record);
    out.set(id, [...new Set(list.map((x) => x.text))]);
  }
  return out;
}

/**
 * Event id → count_year → what that year's STOP record says: STOP rewrites an ongoing event's
 * text each year to say how it stands that year ("the internet services remain largely
 * inaccessible in Tigray", 2022). Where one year has several records (near-duplicates folded
 * in), the last by record number is that year's.
 */
export function stopRecordTextsByYear(links: readonly EventLinkRecord[]): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  const last = new Map<string, number>();
  for (const l of links) {
    if (l.kind !== 'stop_row' || !l.doc) continue;
    const { count_year, record, text } = l.doc as { count_year?: unknown; record?: unknown; text?: unknown };
    const year = Number(count_year);
    if (typeof text !== 'string' || !text.trim() || !Number.isInteger(year)) continue;
    const key = `${l.eventId} ${year}`;
    const n = Number(record) || 0;
    if ((last.get(key) ?? -1) > n) continue;
    last.set(key, n);
    const years = out.get(l.eventId) ?? new Map<number, string>();
    years.set(year, text.trim());
    out.set(l.eventId, years);
  }
  return out;
}
