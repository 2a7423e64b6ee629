/**
 * The measurements in a file, whatever way it holds them: one per line (JSONL, OONI's format),
 * pretty-printed JSON documents (one measurement over many lines, as saved from the API or
 * Explorer, or `jq .` output), or a JSON array of measurements. The file says which by its first
 * non-blank line; a legacy ooniprobe YAML report (.yamloo, before 2016) is recognised there too
 * and becomes one `unsupported_format` event naming what to do, instead of one reject per text
 * line. Every record carries the line it starts on, its byte offset and its byte length in the
 * (decompressed) file, so `measurements show` reads it back like a JSONL line.
 *
 * Guarantees:
 * - a JSONL file comes out exactly as LineSource gives it (the fast path pairs those lines with
 *   DuckDB's rows);
 * - a JSON file gives one record per top-level object and one per element of a top-level array
 *   (an element that is not an object is still a record, so it is rejected, not dropped); text
 *   outside any value is one record per line it is on, so it is rejected, not skipped;
 * - memory is one record (up to max_line_bytes; a longer one is an oversize event with its full
 *   length) plus what LineSource holds, however large the array;
 * - the whole file is still read, so the checksum and bytes read are those of the file.
 */
import { LineSource, type LineEvent } from './line-source.js';

export type FileFormat = 'jsonl' | 'json' | 'yaml';

/** A record, an oversize record (bytes null), or (format yaml) the one event that stands for the file. */
export type RecordEvent = LineEvent & {
  /** Where in a JSON file the record sits ("array element [3]"), for reject details. */
  where?: string;
  /** Set on the one event of a file this reader does not take (bytes null): why, and what to do. */
  unsupported?: string;
};

const NL = Buffer.from('\n');

/** Is the quote at `q` escaped (an odd run of backslashes before it)? A JSON string never spans lines. */
function escapedAt(b: Buffer, q: number): boolean {
  let n = 0;
  for (let k = q - 1; k >= 0 && b[k] === 92; k--) n++;
  return n % 2 === 1;
}
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;

/** What the first non-blank line says about the file. */
export function formatOf(firstLine: string, path: string): FileFormat {
  const t = firstLine.trim();
  if (t === '---' || t.startsWith('--- ') || t.startsWith('%YAML')) return 'yaml';
  if (t.startsWith('[') || t === '{') return 'json';
  if (/\.(yamloo|yaml|yml)(\.gz)?$/i.test(path) && !t.startsWith('{')) return 'yaml';
  return 'jsonl';
}

/** The message for a legacy YAML report: what it is, that nothing of it is stored, and what to do. */
export function yamlDetail(header: string[]): string {
  const field = (k: string) =>
    header.map((l) => new RegExp(`^${k}:\\s*(.+?)\\s*$`).exec(l)?.[1]).find((v) => v !== undefined && v !== 'null' && v !== '~' && v !== "''");
  const known = [['report_id'], ['test_name'], ['probe_cc']].map(([k]) => [k, field(k!)] as const).filter(([, v]) => v);
  if (!known.length)
    return 'a YAML file, not an ooniprobe report (its first document has no report_id, test_name or probe_cc): not read, nothing in this file was stored';
  const about = ` (${known.map(([k, v]) => `${k} ${v}`).join(', ')})`;
  return (
    `a legacy ooniprobe YAML report${about}: YAML reports (.yamloo, ooniprobe before 2016) are not supported and nothing in this file was stored; ` +
    `OONI publishes these measurements converted to JSON: take them as JSONL from its bucket (s3://ooni-data-eu-fra, jsonl/<test_name>/<CC>/<YYYYMMDD>/) ` +
    `or per report from its API (https://api.ooni.io/api/v1/raw_measurement?report_id=...), and ingest those files`
  );
}

interface Open {
  lineNo: number;
  offset: number;
  parts: Buffer[];
  len: number;
  oversize: boolean;
  where: string;
  /** Nesting inside the record ({ and [ not yet closed). */
  depth: number;
  /** A bare value (number, true, ...): ends at the next separator. */
  bare: boolean;
}

export class RecordSource {
  private readonly lines: LineSource;
  private fmt: FileFormat | null = null;
  /** Lines read to find the format, handed out first. */
  private peeked: LineEvent[] = [];
  private readonly out: RecordEvent[] = [];
  // JSON scanner state
  private inArray = false;
  private arrayLine = 0;
  private index = 0;
  private inString = false;
  private rec: Open | null = null;
  private done = false;
  /** The byte offset just after the last line scanned. */
  private lineEnd = 0;

  constructor(private readonly task: { path: string; gz: boolean; max_line_bytes: number }) {
    this.lines = new LineSource(task);
  }

  get rawBytes(): number {
    return this.lines.rawBytes;
  }

  failure() {
    return this.lines.failure();
  }

  ignored(): string | null {
    return this.lines.ignored();
  }

  checksum(): string {
    return this.lines.checksum();
  }

  /** The file's format, read from its first non-blank line (jsonl for an empty file). */
  async format(): Promise<FileFormat> {
    if (this.fmt) return this.fmt;
    for (;;) {
      const ev = await this.lines.next();
      if (!ev) return (this.fmt = 'jsonl');
      this.peeked.push(ev);
      if (!ev.bytes) return (this.fmt = 'jsonl');
      const text = ev.bytes.toString('utf8');
      if (text.trim() === '') continue;
      return (this.fmt = formatOf(text, this.task.path));
    }
  }

  /** The next record, or null at the end of the file. */
  async next(): Promise<RecordEvent | null> {
    const fmt = this.fmt ?? (await this.format());
    if (fmt === 'jsonl') return this.peeked.length ? this.peeked.shift()! : this.lines.next();
    if (fmt === 'yaml') return this.yaml();
    while (!this.out.length) {
      if (this.done) return null;
      const ev = this.peeked.shift() ?? (await this.lines.next());
      if (!ev) {
        this.done = true;
        this.endOfFile();
      } else this.scan(ev);
    }
    return this.out.shift()!;
  }

  /** One event for the whole YAML file; the rest is read (checksum, bytes) but not handed out. */
  private async yaml(): Promise<RecordEvent | null> {
    if (this.done) return null;
    this.done = true;
    const first = this.peeked.find((e) => e.bytes && e.bytes.toString('utf8').trim() !== '') ?? this.peeked[0];
    const header: string[] = [];
    let total = 0;
    for (let ev = this.peeked.shift() ?? (await this.lines.next()); ev; ev = this.peeked.shift() ?? (await this.lines.next())) {
      total = ev.offset + ev.length + 1;
      // the report header is the first YAML document: up to its end marker
      if (header.length < 200 && ev.bytes && !header.includes('...')) header.push(ev.bytes.toString('utf8'));
    }
    const offset = first?.offset ?? 0;
    return { bytes: null, lineNo: first?.lineNo ?? 1, offset, length: Math.max(0, total - offset), unsupported: yamlDetail(header) };
  }

  private start(lineNo: number, offset: number, where: string, bare: boolean): void {
    this.rec = { lineNo, offset, parts: [], len: 0, oversize: false, where, depth: 0, bare };
  }

  /** Keep bytes of the open record (or only count them once it is over the limit). */
  private keep(bytes: Buffer): void {
    const r = this.rec!;
    if (r.oversize) return;
    if (r.len + bytes.length > this.task.max_line_bytes) {
      r.oversize = true;
      r.parts = [];
      return;
    }
    r.parts.push(bytes);
    r.len += bytes.length;
  }

  /** Close the open record; `end` is the byte offset just after it in the file. */
  private emit(end: number): void {
    const r = this.rec!;
    this.rec = null;
    const length = end - r.offset;
    if (r.oversize) this.out.push({ bytes: null, lineNo: r.lineNo, offset: r.offset, length, where: r.where });
    else this.out.push({ bytes: Buffer.concat(r.parts, r.len), lineNo: r.lineNo, offset: r.offset, length, where: r.where });
  }

  private scan(ev: LineEvent): void {
    this.lineEnd = ev.offset + ev.length;
    if (!ev.bytes) {
      // a line over the limit inside a JSON file: its bytes are gone, so it is taken as balanced
      if (this.rec) {
        this.rec.oversize = true;
        this.rec.parts = [];
      } else this.out.push({ ...ev, where: 'a line between JSON values' });
      return;
    }
    const b = ev.bytes;
    let segStart = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      const r = this.rec;
      if (r) {
        if (this.inString) {
          // jump to the closing quote: most bytes of a measurement are inside strings
          let q = b.indexOf(34, i);
          while (q >= 0 && escapedAt(b, q)) q = b.indexOf(34, q + 1);
          if (q < 0) break; // runs past the line: not valid JSON, kept for the parser to reject
          i = q;
          this.inString = false;
          if (r.bare && r.depth === 0) {
            this.keep(b.subarray(segStart, i + 1));
            this.emit(ev.offset + i + 1);
          }
          continue;
        }
        if (r.bare && r.depth === 0 && (isSpace(c) || c === 44 || c === 93 || c === 125)) {
          this.keep(b.subarray(segStart, i));
          this.emit(ev.offset + i);
          i--; // the separator is read again outside the record
          continue;
        }
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) r.depth++;
        else if (c === 125 || c === 93) {
          r.depth--;
          if (r.depth === 0) {
            this.keep(b.subarray(segStart, i + 1));
            this.emit(ev.offset + i + 1);
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.inArray) {
        if (c === 44) continue;
        if (c === 93) {
          this.inArray = false;
          continue;
        }
        this.start(ev.lineNo, ev.offset + i, `array element [${this.index++}] (the array opens on line ${this.arrayLine})`, c !== 123 && c !== 91);
      } else if (c === 91) {
        this.inArray = true;
        this.arrayLine = ev.lineNo;
        this.index = 0;
        continue;
      } else if (c === 123) this.start(ev.lineNo, ev.offset + i, 'JSON document', false);
      else {
        // text outside any value: the rest of the line is one record, rejected as not JSON
        this.out.push({
          bytes: b.subarray(i),
          lineNo: ev.lineNo,
          offset: ev.offset + i,
          length: b.length - i,
          where: `text outside any JSON value at column ${i + 1}`,
        });
        return;
      }
      segStart = i;
      const rec = this.rec!;
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) rec.depth = 1;
    }
    if (this.rec) {
      this.keep(b.subarray(segStart));
      if (this.rec.bare && !this.inString) this.emit(ev.offset + b.length);
      else this.keep(NL);
    }
  }

  private endOfFile(): void {
    if (!this.rec) return;
    const r = this.rec;
    r.where += ', not closed before the end of the file';
    this.emit(Math.max(this.lineEnd, r.offset));
  }
}
