/**
 * The query parameters a dashboard page takes, and the refusal of any other: a shared link
 * whose parameter the page cannot apply (`/events?contry=RU`, `/measurements?country=IR`) would
 * otherwise show another answer than the one it asks for, with no word. A refused name is
 * worded as the API words it ("did you mean country?", by the same rule) with the names the page
 * takes, and nothing is shown in its place.
 */
import { nearestNames } from '../../src/shared/near-names.js';

export interface UnknownParam {
  name: string;
  /** the accepted names it was probably meant as (empty when none is close) */
  near: string[];
}

/** The names of `query` that `accepted` does not hold, each once, in the order given. */
export function unknownParams(query: URLSearchParams, accepted: readonly string[]): UnknownParam[] {
  const names = [...new Set(query.keys())].filter((k) => !accepted.includes(k));
  return names.map((name) => ({ name, near: nearestNames(name, accepted) }));
}

/** The refusal's sentence: every unknown name with its hint, and every name the page takes. */
export function refusalText(unknown: readonly UnknownParam[], accepted: readonly string[], page: string): string {
  const named = unknown.map((u) => `"${u.name}"${u.near.length ? ` (did you mean ${u.near.join(' or ')}?)` : ''}`).join(', ');
  const takes = accepted.length ? `it takes ${accepted.join(', ')}` : 'it takes no query parameters';
  return `unknown query parameter${unknown.length > 1 ? 's' : ''} ${named} for the page ${page}; ${takes}.`;
}

/** The same address without the refused names (the accepted ones kept as given). */
export function withoutUnknown(path: string, query: URLSearchParams, accepted: readonly string[]): string {
  const p = new URLSearchParams([...query].filter(([k]) => accepted.includes(k)));
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A country code that is not two letters (`/country/%3Cimg%3E`, `?cc=123`) is refused on the
 * page, in the API's words, without a request that fails; a two-letter code is left to the API,
 * which names the code it may have meant (UK: "did you mean GB").
 */
export function notTwoLetters(name: string, value: string): string | null {
  return value === '' || /^[A-Za-z]{2}$/.test(value) ? null : `${name}: ${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code (two letters)`;
}

/**
 * `/compare/CN-RU`'s pair: two country codes joined by a hyphen, in either case. Anything else
 * (one code, three, an empty part, a part that is not two letters such as `USA`) is refused,
 * naming the bad part, never read as another pair; a two-letter code is left to the API.
 */
export function comparePair(pair: string): { codes: [string, string] } | { error: string } {
  const parts = pair.split('-');
  if (parts.length !== 2)
    return {
      error: `pair: ${JSON.stringify(pair)} is not two country codes joined by a hyphen (CN-RU); it has ${parts.length === 1 ? 'one part' : `${parts.length} parts`}`,
    };
  const bad = parts
    .map((c, i) => (c === '' ? `pair: the ${i ? 'second' : 'first'} country code is empty` : notTwoLetters('pair', c)))
    .filter((m) => m !== null);
  if (bad.length) return { error: bad.join('; ') };
  return { codes: [parts[0]!.toUpperCase(), parts[1]!.toUpperCase()] };
}
