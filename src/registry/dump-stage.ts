/**
 * First half of the bulk dump import: one pass over the file's bytes that applies every rule of
 * dump-line.ts except address parsing and stages the candidate entries for the store, which
 * loads them with DuckDB's CSV reader (file-import.ts; docs/design/041-registry-bulk-import.md).
 *
 * Lines are cut and numbered exactly as eachLine does ('\n', a trailing CR dropped, a last line
 * without '\n' kept) and decoded with the same cp1251 TextDecoder. Two kinds of file come out:
 * - `verbatim` parts (200k lines each): every line of the dump in order, one row each, so the
 *   row number plus the part's first line is the line number. A line that is already its own entry (dump-bytes.ts; ~95 % of real lines) is
 *   written as it is; every other line as the placeholder ";;;;;", which the store skips.
 * - `general`: `line;ips;domain;...` with quoted fields, for the other lines that
 *   splitDumpLine (the reference rules) accepts. Header, blank and rejected lines are counted.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { splitDumpLine } from './dump-line.js';
import { dateKey, verbatimLine } from './dump-bytes.js';
import { IMPORT_CAPS } from '../shared/index.js';
import { cp1251Decoder, rawChunks, readError } from './lines.js';

export interface StageReport {
  lines: number;
  header: number;
  blank: number;
  /** Rows staged in each file (stored unless a token turns out not to be an address). */
  verbatim: number;
  general: number;
  rejects: { line: number; reason: string; raw: string }[];
  /** Staged lines whose URL field held stray ';' or was quoted (never verbatim ones). */
  stray: number[];
  quoted: number[];
}

const PLACEHOLDER = ';;;;;';
const MAX_LINE = IMPORT_CAPS.maxLineBytes;
const quote = (s: string) => (s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`);

class Writer {
  private pending: Promise<unknown> = Promise.resolve();
  private closed = false;
  constructor(private readonly fh: FileHandle) {}
  write(text: string): void {
    if (text.length) this.pending = this.pending.then(() => this.fh.write(text));
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.pending;
    } finally {
      await this.fh.close();
    }
  }
}

/** A staged file ready for the store: verbatim rows of lines firstLine.., or the general rows. */
export interface StagedPart {
  kind: 'verbatim' | 'general';
  path: string;
  firstLine: number;
}

/** Lines per verbatim part: the store loads one part while the next is being staged. */
const PART_LINES = 200_000;

/**
 * Stage `src` into files under `dir`; `onPart` receives each verbatim part as soon as it is
 * complete (so loading overlaps staging), then the general file if it has rows. A decision
 * dated after `limit.latest` (YYYY-MM-DD, dump-line.ts decisionLimit) is a future_date reject.
 */
export async function stageDump(
  src: string,
  dir: string,
  headerLine: boolean,
  limit: { latest: string; dumpAt?: string },
  onPart: (p: StagedPart) => void,
  onBytes?: (bytes: number) => void,
): Promise<StageReport> {
  const r: StageReport = { lines: 0, header: 0, blank: 0, verbatim: 0, general: 0, rejects: [], stray: [], quoted: [] };
  const decoder = cp1251Decoder();
  const { latest, dumpAt } = limit;
  const latestKey = dateKey(latest);
  let part = { kind: 'verbatim' as const, path: join(dir, 'verbatim-0.csv'), firstLine: 1 };
  let verbatim = new Writer(await open(part.path, 'w'));
  const generalPath = join(dir, 'general.csv');
  const general = new Writer(await open(generalPath, 'w'));
  /** Close the current part at a chunk boundary and hand it over. */
  const rotate = async (last: boolean) => {
    await verbatim.close();
    if (r.lines >= part.firstLine) onPart(part);
    if (last) return;
    part = { kind: 'verbatim', path: join(dir, `verbatim-${r.lines}.csv`), firstLine: r.lines + 1 };
    verbatim = new Writer(await open(part.path, 'w'));
  };
  let rest: Buffer = Buffer.alloc(0);
  let bytes = 0;
  /** Bytes of an over-long line being skipped (its '\n' not seen yet); 0 when none. */
  let skipping = 0;
  /** A line over the cap: a reject with its length, a placeholder row in the verbatim file (line numbers stay aligned). */
  const oversize = (line: number, length: number) => {
    r.rejects.push({ line, reason: `oversize_line: ${length} bytes, over the ${MAX_LINE}-byte limit`, raw: '' });
  };
  const generalRows: string[] = [];

  /** One line that is not verbatim: header, blank, reject, or a general row. */
  const other = (text: string, line: number) => {
    if (line === 1 && headerLine) return void r.header++;
    if (text.trim() === '') return void r.blank++;
    const s = splitDumpLine(text, latest, dumpAt);
    if (!s.ok) return void r.rejects.push({ line, reason: `${s.reason}: ${s.detail}`, raw: text.slice(0, 500) });
    const e = s.record;
    if (e.straySemicolons > 0) r.stray.push(line);
    if (e.quotedUrls) r.quoted.push(line);
    r.general++;
    generalRows.push(`${line};${[e.ips.join(' | '), e.domain, e.urls.join(' | '), e.decisionBody, e.decisionNumber, e.decisionDate].map(quote).join(';')}\n`);
  };

  /** Complete lines in b (it ends with '\n', or is the file's unterminated last line). */
  const lines = (b: Buffer, final: boolean) => {
    const text = decoder.decode(b);
    const parts: string[] = [];
    let seg = 0;
    let start = 0;
    while (start < b.length) {
      let nl = b.indexOf(10, start);
      if (nl < 0) nl = b.length; // only when final
      const line = ++r.lines;
      if (nl - start > MAX_LINE) {
        oversize(line, nl - start);
        parts.push(text.slice(seg, start), PLACEHOLDER);
        seg = nl;
      }
      // A CR before '\n' rules the line out of the verbatim file (the CSV reader would see it), so CRLF dumps take the general path.
      else if (!(line === 1 && headerLine) && verbatimLine(b, start, nl, latestKey)) r.verbatim++;
      else {
        other(text.slice(start, nl > start && b[nl - 1] === 13 ? nl - 1 : nl), line);
        parts.push(text.slice(seg, start), PLACEHOLDER);
        seg = nl;
      }
      start = nl + 1;
    }
    parts.push(text.slice(seg), final && !text.endsWith('\n') ? '\n' : '');
    verbatim.write(parts.join(''));
    if (generalRows.length) general.write(generalRows.splice(0).join(''));
  };

  try {
    try {
      for await (const whole of rawChunks(src)) {
        bytes += whole.length;
        let chunk = whole;
        if (skipping) {
          const nl = chunk.indexOf(10);
          if (nl < 0) {
            skipping += chunk.length;
            onBytes?.(bytes);
            continue;
          }
          oversize(++r.lines, skipping + nl);
          verbatim.write(`${PLACEHOLDER}\n`);
          skipping = 0;
          chunk = chunk.subarray(nl + 1);
        }
        const last = chunk.lastIndexOf(10);
        if (last < 0) {
          // Never hold more than the cap of one line: past it, skip to the next '\n'.
          if (rest.length + chunk.length > MAX_LINE) {
            skipping = rest.length + chunk.length;
            rest = Buffer.alloc(0);
          } else rest = Buffer.concat([rest, chunk]);
        } else {
          lines(rest.length ? Buffer.concat([rest, chunk.subarray(0, last + 1)]) : chunk.subarray(0, last + 1), false);
          rest = Buffer.from(chunk.subarray(last + 1));
          if (r.lines - part.firstLine + 1 >= PART_LINES) await rotate(false);
        }
        onBytes?.(bytes);
      }
    } catch (e) {
      throw readError(src, e);
    }
    if (skipping) {
      oversize(++r.lines, skipping);
      verbatim.write(`${PLACEHOLDER}\n`);
    } else if (rest.length) lines(rest, true);
    await rotate(true);
    await general.close();
    if (r.general) onPart({ kind: 'general', path: generalPath, firstLine: 0 });
  } finally {
    await verbatim.close().catch(() => undefined);
    await general.close().catch(() => undefined);
  }
  return r;
}
