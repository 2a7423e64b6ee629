/**
 * How text becomes a number, the same everywhere (CLI options, query strings, op inputs, data
 * files): plain decimal notation, an optional sign, digits with at most one decimal point and
 * an optional exponent (-1.5, .5, 2e3). Empty or blank text, hex, binary and octal literals
 * (0x10), "Infinity", "NaN" and a value beyond the range of a double are not numbers.
 * A whole number (a count, a page size, a seed) is digits, a leading minus at most, and nothing
 * else: 1e2, 2.0, " 5" and "+5" are not written as whole numbers, so they are refused there (a
 * minus is read, so that -1 is refused by the field's range, in its words); nor are digits
 * beyond the safe integers, which a double does not hold as written.
 */

/** Plain decimal notation, without surrounding blanks. */
export const DECIMAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number the text writes in plain decimals (blanks around it allowed), or null. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL_RE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Digits with an optional leading minus, nothing around them. */
export const WHOLE_RE = /^-?\d+$/;

/**
 * The whole number the text writes in digits (a leading minus at most; no plus, blanks, point or
 * exponent), or null. Beyond the safe integers a double may hold another number than the text
 * writes (99999999999999999999 reads as 100000000000000000000), so such text is null too: a
 * caller keeps the text, and a refusal names the value as it was sent.
 */
export function parseWhole(text: string): number | null {
  if (!WHOLE_RE.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
