/**
 * A file's bytes already in memory as text (tests and benchmarks; the importer streams through
 * source.ts): plain, or a zip archive's first member (the form the scrapers publish), inflated
 * within the election size cap. Also a CSV field splitter for one line: RFC 4180
 * quoting, with the quote-free fast path that nearly every station row takes.
 */
import { inflateRawSync } from 'node:zlib';
import { ELECTION_CAPS } from './source.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The first member of a zip archive (stored or deflated); throws on anything else. */
export function unzipFirst(buf: Buffer): { name: string; data: Buffer } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end-of-central-directory record)');
  const cd = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt32LE(cd) !== CENTRAL) throw new Error('corrupt zip: central directory not found');
  const method = buf.readUInt16LE(cd + 10);
  const compressed = buf.readUInt32LE(cd + 20);
  const nameLen = buf.readUInt16LE(cd + 28);
  const local = buf.readUInt32LE(cd + 42);
  const name = buf.toString('utf8', cd + 46, cd + 46 + nameLen);
  if (buf.readUInt32LE(local) !== LOCAL) throw new Error('corrupt zip: local header not found');
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const body = buf.subarray(start, start + compressed);
  if (method === 0) return { name, data: body };
  if (method === 8) return { name, data: inflateRawSync(body, { maxOutputLength: ELECTION_CAPS.maxBytes }) };
  throw new Error(`zip member ${name} uses compression method ${method}; only stored and deflate are read`);
}

export const isZip = (buf: Buffer): boolean => buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;

/** Text of a file's bytes: the zip's first member if zipped; a UTF-8 BOM is dropped. */
export function textOf(buf: Buffer): string {
  const data = isZip(buf) ? unzipFirst(buf).data : buf;
  const s = data.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** A field's UTF-8 size is over `max` (measured only when its length could be). */
export const overField = (v: string, max: number): boolean => v.length * 3 > max && Buffer.byteLength(v) > max;

/** At most `max` characters of `s` (an ellipsis marks the cut): what a reject quotes of a cell. */
export const clip = (s: string, max = 40): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/** Split one CSV line; null when a quoted field is not closed on the line. */
export function splitCsv(line: string, sep = ','): string[] | null {
  if (!line.includes('"')) return line.split(sep);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
      if (i >= line.length) return out;
      if (line[i] !== sep) return null;
      i++;
    } else {
      const c = line.indexOf(sep, i);
      if (c < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, c));
      i = c + 1;
    }
  }
}

/** Lines of a text with their 1-based numbers; a trailing empty line is not a line. */
export function* lines(text: string): Generator<[number, string]> {
  let start = 0;
  let n = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    n++;
    const raw = text.slice(start, end);
    yield [n, raw.endsWith('\r') ? raw.slice(0, -1) : raw];
    start = end + 1;
  }
}
