/**
 * The one rule every fingerprint pattern passes, whichever file shape it came in (OONI CSV or
 * JSON, Censored Planet JSONL): a pattern is never empty (an empty pattern is found in every
 * page, so every page differing from its control would be called a block page), and a regexp
 * pattern compiles as the matcher compiles it (DOTALL, ./matcher.ts), so no stored fingerprint is
 * one the matcher would skip without a word.
 */

/** Why the pattern cannot be stored, or null when it can. */
export function patternProblem(pattern: string, type: string): string | null {
  if (pattern.trim() === '') return 'pattern is empty: it would match every page';
  if (type !== 'regexp') return null;
  try {
    new RegExp(pattern, 's');
    return null;
  } catch (e) {
    return `pattern ${JSON.stringify(pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern)} is no regular expression that compiles: ${(e as Error).message}`;
  }
}
