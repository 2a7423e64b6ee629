/**
 * Which encoding a dump is in, decided over the whole file, and which of its lines that encoding
 * does not hold. A Zapret-Info dump is windows-1251; a file that is valid UTF-8 from its first
 * byte to its last and holds bytes beyond ASCII was written as UTF-8 (cp1251 Russian text is
 * almost never valid UTF-8: a Cyrillic byte 0xC0-0xFF is followed by another letter, not by a
 * continuation byte 0x80-0xBF). In a windows-1251 dump, a line that is valid UTF-8 with bytes
 * beyond ASCII (part of a file converted, two files joined) and a byte the code page does not
 * define (0x98) are not windows-1251 text: such a line is a reject, never a record stored garbled.
 */
import { isAscii, isUtf8 } from 'node:buffer';

/** windows-1251 as the WHATWG decoder reads it: one UTF-16 unit per byte. */
const TABLE = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
/** The byte a character of TABLE came from (characters beyond U+007F only). */
const BYTE_OF = new Map([...TABLE].map((ch, b) => [ch.charCodeAt(0), b] as const).filter(([code]) => code >= 0x80));

/** The one byte windows-1251 leaves undefined; the WHATWG decoder passes it through as U+0098. */
export const UNDEFINED_BYTE = 0x98;

export const UTF8_LINE_DETAIL = 'the line is UTF-8, not windows-1251 as the rest of the dump (convert it: iconv -f utf-8 -t cp1251)';
export const UNDEFINED_BYTE_DETAIL = 'byte 0x98, which windows-1251 does not define';

/** Whether b[start..end) holds a UTF-8 lead byte (0xC2-0xF4) followed by a continuation byte: every UTF-8 text beyond ASCII does. */
export function hasUtf8Pair(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) {
    const c = b[i]!;
    if (c >= 0xc2 && c <= 0xf4 && (b[i + 1]! & 0xc0) === 0x80) return true;
  }
  return false;
}

/**
 * Why a line decoded as windows-1251 is not windows-1251 text, or null when it is: a byte the code
 * page does not define, or bytes that are UTF-8 text beyond ASCII.
 */
export function cp1251LineProblem(text: string): string | null {
  let high = false;
  let undefinedByte = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === UNDEFINED_BYTE || code === 0xfffd) undefinedByte = true;
    if (code >= 0x80) high = true;
  }
  if (!high) return null;
  // UTF-8 first: its Cyrillic letters hold the byte 0x98 ("И" is D0 98).
  if (utf8Text(text)) return UTF8_LINE_DETAIL;
  return undefinedByte ? UNDEFINED_BYTE_DETAIL : null;
}

/** Whether the bytes a cp1251 decoding came from are UTF-8 text beyond ASCII. */
function utf8Text(text: string): boolean {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A character no cp1251 byte gives (the text did not come from the decoder) cannot be UTF-8 bytes either.
    const b = code < 0x80 ? code : BYTE_OF.get(code);
    if (b === undefined) return false;
    bytes[i] = b;
  }
  return hasUtf8Pair(bytes, 0, bytes.length) && isUtf8(bytes);
}

/**
 * Whether a stream of bytes is UTF-8 text beyond ASCII, read to its end (it stops at the first
 * byte that is not UTF-8, which a windows-1251 dump has in its first Cyrillic letter).
 */
export async function isUtf8Stream(chunks: AsyncIterable<Buffer>): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  let beyondAscii = false;
  for await (const chunk of chunks) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeLength(buf);
    const whole = buf.subarray(0, cut);
    if (!isUtf8(whole)) return false;
    if (!beyondAscii && !isAscii(whole)) beyondAscii = true;
    carry = Buffer.from(buf.subarray(cut));
  }
  return carry.length === 0 && beyondAscii;
}

/** The length of b without a UTF-8 sequence cut off at its end (at most 3 bytes are held back). */
function completeLength(b: Buffer): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? b.length - k : b.length;
  }
  return b.length;
}
