/** Number, money, date and interval formatting shared by every page (never prints NaN). */
import { percentText } from '../../src/shared/percent.js';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const num = (v: unknown): string => (isNum(v) ? plain.format(v) : '—');

export const short = (v: unknown): string => (isNum(v) ? compact.format(v) : '—');

/** 4.8e9 RUB -> "4.8B RUB". */
export const money = (v: unknown, currency = ''): string => (isNum(v) ? `${compact.format(v)}${currency ? ' ' + currency : ''}` : '—');

/** "4.8B RUB (90%: 3.9B–5.9B)". */
export const interval = (median: unknown, low: unknown, high: unknown, currency = ''): string =>
  `${money(median, currency)}${isNum(low) && isNum(high) ? ` (90%: ${short(low)}–${short(high)})` : ''}`;

/** A share as a percentage: one strictly between 0 and 1 never reads as 0 % or 100 % (percentText). */
export const pct = (v: unknown, digits = 0): string => (isNum(v) ? `${percentText(v, digits)}%` : '—');

/** A date or partial date as given ("2018", "2018-04", "2018-04-16T..."). */
export const day = (v: unknown): string => (typeof v === 'string' ? v.replace(/T(\d\d:\d\d).*$/, ' $1') : '—');

export const titleCase = (s: string): string => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Any value as display text: objects as JSON (never "[object Object]"), nullish as "—". */
export function text(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '—';
}

/** A form field's value as a trimmed string (a FormData entry may be a File). */
export const formValue = (f: FormData, name: string): string => {
  const v = f.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/** A ratio as a multiplier in grouped digits: 2897.2 -> "×2,897", 2.9 -> "×2.90", 0.453 -> "×1/2.21"; null -> "—". */
export function times(r: number | null | undefined): string {
  if (!isNum(r) || r <= 0) return '—';
  const f = (x: number) => (x >= 100 ? plain.format(x) : x.toPrecision(3));
  return r >= 1 ? `×${f(r)}` : `×1/${f(1 / r)}`;
}

/**
 * A source's note as a reader reads it: its numbers written as the tables write them ("4196.0 h"
 * -> "4,196 h", "8400000.0 users affected" -> "8.4M users affected"; a year or date untouched)
 * and a figure the source does not give ("? users affected") said in words.
 */
export function noteText(note: string | null | undefined): string {
  if (!note) return '';
  return note.replace(/(^|[\s,;(])\? ([a-z][a-z -]*?)(?=[,;)]|$)/g, '$1$2 not given').replace(/(?<![\d.\-/:])\d+(?:\.\d+)?(?![\d\-/:]|\.\d)/g, (t) => {
    const v = Number(t);
    if (v >= 1e6) return short(v);
    if (/\.0+$/.test(t) || v >= 1e4) return plain.format(v);
    return t;
  });
}

/** A noun for a count: "1 event", "2 events" (the count itself is written by the caller). */
export const plural = (n: number, word: string, many = `${word}s`): string => (n === 1 ? word : many);

/** A count with its noun, in grouped digits: 1 -> "1 event", 22017 -> "22,017 tests". */
export const count = (n: number, word: string, many?: string): string => `${num(n)} ${plural(n, word, many)}`;

/** A named measure as the tables write it: a share in per cent ("share_throttled 0.49" -> "49%"), a count in grouped digits, nullish as "—". */
export function measure(key: string, v: unknown): string {
  if (!isNum(v)) return v === null || v === undefined ? '—' : text(v);
  if (/^share|_share$|^pct_of|ratio_share/.test(key) && v >= 0 && v <= 1) return pct(v);
  return Number.isInteger(v) ? num(v) : String(v);
}
