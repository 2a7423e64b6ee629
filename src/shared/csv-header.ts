/**
 * The header check the CSV importers share: a column name given twice (names compared trimmed)
 * makes the file refused before any record is read, a VALIDATION error (exit 2, HTTP 400) naming
 * each repeated column, since which copy holds the value would be a guess. Nothing is stored.
 */
import { AppError } from './errors.js';

const clip = (s: string, max = 40): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/** The names given more than once, trimmed, in header order; an empty name is "(no name)". */
export function repeatedColumns(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const raw of header) seen.set(raw.trim(), (seen.get(raw.trim()) ?? 0) + 1);
  return [...seen].filter(([, k]) => k > 1).map(([name]) => name || '(no name)');
}

/** Throws the VALIDATION error naming the repeated columns of the header on `line` of `file`; returns when there are none. */
export function refuseRepeatedColumns(file: string, header: readonly string[], line = 1): void {
  const repeated = repeatedColumns(header);
  if (repeated.length === 0) return;
  throw new AppError(
    'VALIDATION',
    `${file}: line ${line}: the header repeats column ${repeated.map((r) => `"${clip(r)}"`).join(', ')}; which one to read is ambiguous; nothing was stored`,
    { issues: repeated.map((r) => ({ path: ['header', r], message: 'repeated column' })), details: { file, repeated } },
  );
}
