/**
 * The bulk import's fast test, on the raw cp1251 bytes of one line: is the line already its own
 * entry, field for field, under the rules of dump-line.ts? True only when nothing needs trimming,
 * unquoting or a closer look: exactly five ';', no '"', NUL or whitespace other than spaces, no
 * space next to a ';' or at either end, no "  |" or "|  " (so " | " lists split into trimmed,
 * non-empty items), an ips field of tokens joined by exactly " | ", non-empty decision body and
 * number, a real YYYY-MM-DD date no later than the one given, and something listed; no byte
 * windows-1251 leaves undefined and no UTF-8 lead byte followed by a continuation byte (every
 * UTF-8 line beyond ASCII has one; encoding.ts). Anything else goes to splitDumpLine.
 * cp1251 is one byte per character, so byte offsets are offsets in the decoded text.
 */
import { isIsoDate } from './dump-line.js';
import { UNDEFINED_BYTE } from './encoding.js';

const TABLE = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
if (TABLE.length !== 256) throw new Error('windows-1251 must decode one byte to one UTF-16 unit');

/**
 * Bytes that rule a line out wherever they are: what String.trim would remove but the space, '"',
 * NUL, U+FFFD, and the byte windows-1251 does not define (encoding.ts).
 */
const SPECIAL = Uint8Array.from([...TABLE], (ch, b) =>
  (/\s/.test(ch) && ch !== ' ') || ch === '"' || ch === '\0' || ch === '\uFFFD' || b === UNDEFINED_BYTE ? 1 : 0,
);
const SEMI = 59;
const SPACE = 32;
const BAR = 124;

const dates = new Map<number, boolean>();
/** YYYY-MM-DD at b[at..at+10) no later than `latest` (dateKey), checked by the reference isIsoDate once per distinct date. */
function isoDate(b: Uint8Array, at: number, latest: number): boolean {
  let key = 0;
  for (let k = 0; k < 10; k++) {
    const c = b[at + k]!;
    if (k === 4 || k === 7) {
      if (c !== 45) return false;
    } else if (c < 48 || c > 57) return false;
    else key = key * 10 + (c - 48);
  }
  if (key > latest) return false;
  let ok = dates.get(key);
  if (ok === undefined) {
    ok = isIsoDate(String.fromCharCode(...b.subarray(at, at + 10)));
    if (dates.size < 100_000) dates.set(key, ok);
  }
  return ok;
}

/** Tokens of anything but ' ' and '|', joined by exactly " | ". */
function plainList(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  for (;;) {
    if (i >= end || b[i] === SPACE || b[i] === BAR) return false;
    while (i < end && b[i] !== SPACE && b[i] !== BAR) i++;
    if (i === end) return true;
    if (i + 3 > end || b[i] !== SPACE || b[i + 1] !== BAR || b[i + 2] !== SPACE) return false;
    i += 3;
  }
}

/** YYYYMMDD as a number, as isoDate keys a date: the form `latest` takes below. */
export const dateKey = (isoDay: string): number => Number(isoDay.replaceAll('-', ''));

/** Whether b[start..end) (one line, no '\n') is verbatim an entry (see the header); its date is at most `latest` (dateKey). */
export function verbatimLine(b: Uint8Array, start: number, end: number, latest: number): boolean {
  if (end - start < 16 || b[start] === SPACE || b[end - 1] === SPACE) return false;
  let semis = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let listSep = false;
  let prev = -1;
  let prev2 = -1;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (SPECIAL[c]) return false;
    // A UTF-8 lead byte and a continuation byte: the line may be UTF-8 text, which splitDumpLine rejects.
    if ((c & 0xc0) === 0x80 && prev >= 0xc2 && prev <= 0xf4) return false;
    if (c === SEMI) {
      if (prev === SPACE) return false;
      if (semis === 0) s0 = i;
      else if (semis === 1) s1 = i;
      else if (semis === 2) s2 = i;
      else if (semis === 3) s3 = i;
      else if (semis === 4) s4 = i;
      else return false;
      semis++;
    } else if (c === SPACE) {
      if (prev === SEMI) return false;
      if (semis === 0) listSep = true;
    } else if (c === BAR) {
      if (prev === SPACE && prev2 === SPACE) return false;
      if (i + 2 < end && b[i + 1] === SPACE && b[i + 2] === SPACE) return false;
      if (semis === 0) listSep = true;
    }
    prev2 = prev;
    prev = c;
  }
  if (semis !== 5 || end - s4 - 1 !== 10) return false;
  if (s3 === s2 + 1 || s4 === s3 + 1) return false; // empty decision body or number
  if (s0 === start && s1 === s0 + 1 && s2 === s1 + 1) return false; // nothing listed
  if (listSep && !plainList(b, start, s0)) return false;
  return isoDate(b, s4 + 1, latest);
}
