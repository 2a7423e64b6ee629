/**
 * Just enough RFC 4180 to read speed-test CSVs line by line, so every row keeps its line number
 * (rejects must name it) and one bad line never hides the others. Quoted fields may hold commas
 * and doubled quotes; a quoted field spanning lines is reported as malformed (the datasets we
 * read have none, and a stray quote must not swallow the rest of the file).
 */

/** Split one CSV line into fields, or null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(value);
      if (i >= line.length) return out;
      if (line[i] !== ',') return null; // text after a closing quote
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** What the first bytes say about the encoding (BOMs only; UTF-8 is checked per line). */
export function sniffEncoding(buf: Uint8Array): Encoding {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8-bom';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The lines of a UTF-8 buffer with their 1-based numbers. A line that is not valid UTF-8 (or
 * holds a NUL byte, the mark of UTF-16 without BOM or of a binary file) comes back with
 * `text: null` so the caller can reject it by number and go on.
 */
export function* utf8Lines(buf: Uint8Array): Generator<{ line: number; text: string | null }> {
  let start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let line = 0;
  while (start < buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    line++;
    const bytes = buf.subarray(start, end > start && buf[end - 1] === 0x0d ? end - 1 : end);
    let text: string | null;
    try {
      text = bytes.includes(0) ? null : strictUtf8.decode(bytes);
    } catch {
      text = null;
    }
    yield { line, text };
    start = end + 1;
  }
}
