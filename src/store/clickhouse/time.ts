/**
 * Times between JavaScript and ClickHouse 18.16: DateTime columns are declared in UTC, and
 * 18.16 parses only 'YYYY-MM-DD hh:mm:ss' (no ISO 'T'/'Z', no bare date), so every instant is
 * normalised here before it enters a query or an insert.
 */
import { AppError } from '../../shared/index.js';
import { Sql, sql } from './sql.js';

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

/** The last second a ClickHouse DateTime holds (UInt32 seconds: 2106-02-07 06:28:15 UTC); the first is 1970-01-01 00:00:00. */
export const DATETIME_MAX_SECONDS = 2 ** 32 - 1;

/** Seconds since 1970 (UTC) of a time in any form chTime takes or toISOString writes (+010000-...), fractions dropped; may fall outside DateTime's range. */
export function chSeconds(s: string): number {
  const m = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))?$/.exec(s.trim());
  if (!m) throw new AppError('VALIDATION', `not a date or time: "${s}"`);
  const n = (i: number) => Number(m[i] ?? 0);
  const offsetMin = m[8] ? (m[8] === '-' ? -1 : 1) * (n(9) * 60 + n(10)) : 0;
  const d = new Date(0);
  d.setUTCFullYear(n(1), n(2) - 1, n(3)); // not Date.UTC, which reads years 0-99 as 1900-1999
  d.setUTCHours(n(4), n(5), n(6), 0);
  return d.getTime() / 1000 - offsetMin * 60;
}

/**
 * `col OP bound` for a DateTime (or Date) column. Every stored value lies in DateTime's range, so
 * a bound outside it decides the comparison alone: after the range, `>=` matches nothing and
 * `<`/`<=` everything; before 1970 the reverse. Inside it the bound goes as a number of seconds,
 * which 18.16 compares exactly up to the last second (its text parser wraps after 2105).
 */
export function timeCmp(col: Sql, op: '>=' | '<=' | '<', bound: string): Sql {
  const secs = chSeconds(bound);
  if (secs > DATETIME_MAX_SECONDS) return new Sql(op === '>=' ? '0' : '1');
  if (secs < 0) return new Sql(op === '>=' ? '1' : '0');
  return sql`${col} ${new Sql(op)} toDateTime(${secs}, 'UTC')`;
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
