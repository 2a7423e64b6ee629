/**
 * Times between JavaScript and ClickHouse 18.16: DateTime columns are declared in UTC, and
 * 18.16 parses only 'YYYY-MM-DD hh:mm:ss' (no ISO 'T'/'Z', no bare date), so every instant is
 * normalised here before it enters a query or an insert.
 */
import { AppError } from '../../shared/index.js';

/** '2024-01-02', '2024-01-02T03:04:05Z', '2024-01-02 03:04:05.123' -> '2024-01-02 03:04:05' (UTC). */
export function chTime(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) throw new AppError('VALIDATION', `not a date or time: "${s}"`);
  if (m[3] && m[3] !== 'Z' && !/^[+-]00:?00$/.test(m[3])) {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION', `not a date or time: "${s}"`);
    return d.toISOString().slice(0, 19).replace('T', ' ');
  }
  const hms = m[2] ? (m[2].length === 5 ? `${m[2]}:00` : m[2]) : '00:00:00';
  return `${m[1]} ${hms}`;
}

/**
 * Row versions: later writes win (ascending), or the first write wins (descending). Milliseconds
 * times 1000 plus a counter that starts at a random point, so two processes writing in the same
 * millisecond almost never draw the same version (generations of two imports stay apart).
 */
let seq = Math.floor(Math.random() * 1000);
export function laterWins(): number {
  seq = (seq + 1) % 1000;
  return Date.now() * 1000 + seq;
}
export const FIRST_WINS_BASE = 9_000_000_000_000_000;
export function firstWins(): number {
  return FIRST_WINS_BASE - laterWins();
}
