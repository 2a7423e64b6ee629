/**
 * What a reject keeps of a line it could not store. A line is evidence of what went wrong, but
 * the file may not be what it claims (a server file named by mistake or on purpose), so a reject
 * keeps the line's length and SHA-256 always, and a printable excerpt only when the line looked
 * like the JSON the importer expected.
 */
import { createHash } from 'node:crypto';

/** "<n> bytes, sha256 <hex>" of the whole line. */
export function lineDigest(bytes: Uint8Array | string): string {
  const n = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  return `${n} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Up to `max` characters of `text` with control characters shown as U+FFFD, or null unless it starts like JSON. */
export function jsonExcerpt(text: string | null, max = 200): string | null {
  if (text === null) return null;
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return null;
  // eslint-disable-next-line no-control-regex
  return t.slice(0, max).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}
