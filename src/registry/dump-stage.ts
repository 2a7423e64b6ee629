/**
 * First half of the bulk dump import: one pass over the decoded lines (eachLine, so encodings
 * and line numbers are exactly the reference's) that applies every rule of dump-line.ts except
 * address parsing and writes the candidate entries as a plain CSV for the store to load in bulk
 * (`line;ips;domain;urls;decision_body;decision_number;decision_date`). The store then converts
 * the IP tokens and rejects lines whose tokens are not addresses (file-import.ts).
 *
 * Most lines need no work: with exactly five ';', no '"', no whitespace but spaces, no space next
 * to a ';' or at either end, and no "  |" / "|  ", every field is already trimmed and every
 * " | " list item non-empty, so the line itself, prefixed with its number, is the CSV row. Any
 * other line goes through splitDumpLine (the reference) and is written as quoted fields.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { isIsoDate, splitDumpLine } from './dump-line.js';
import { eachLine } from './lines.js';

export interface StageReport {
  lines: number;
  header: number;
  blank: number;
  /** Rows written to the CSV (stored unless a token turns out not to be an address). */
  candidates: number;
  rejects: { line: number; reason: string; raw: string }[];
  /** Lines (written) whose URL field held stray ';' or was quoted; the fast path has neither. */
  stray: number[];
  quoted: number[];
}

/** Anything that would need trimming, quoting or a closer look (\s is exactly what String.trim removes). */
const NOT_VERBATIM = /[^\S ]|["\0\uFFFD]|^ | $| ;|; | {2}\||\| {2}/;
/** An ips field the store can split on " | " as it is: tokens without spaces or '|'. */
const PLAIN_LIST = /^[^ |]+(?: \| [^ |]+)*$/;
const CHUNK = 1 << 20;

/** Whether the line, prefixed with its number, is already its CSV row (see the header). */
function verbatim(text: string): boolean {
  const i1 = text.indexOf(';');
  if (i1 < 0) return false;
  const i2 = text.indexOf(';', i1 + 1);
  if (i2 < 0) return false;
  const i3 = text.indexOf(';', i2 + 1);
  if (i3 < 0) return false;
  const i4 = text.indexOf(';', i3 + 1);
  if (i4 < 0) return false;
  const i5 = text.indexOf(';', i4 + 1);
  if (i5 < 0 || text.indexOf(';', i5 + 1) >= 0) return false;
  if (NOT_VERBATIM.test(text)) return false;
  const ips = text.slice(0, i1);
  if ((ips.includes(' ') || ips.includes('|')) && !PLAIN_LIST.test(ips)) return false;
  // body and number non-empty, a real date, something listed: otherwise the reference decides.
  return i4 > i3 + 1 && i5 > i4 + 1 && (i1 > 0 || i2 > i1 + 1 || i3 > i2 + 1) && isIsoDate(text.slice(i5 + 1));
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

export async function stageDump(src: string, dest: string, headerLine: boolean, onBytes?: (bytes: number) => void): Promise<StageReport> {
  const r: StageReport = { lines: 0, header: 0, blank: 0, candidates: 0, rejects: [], stray: [], quoted: [] };
  const out: FileHandle = await open(dest, 'w');
  let buf: string[] = [];
  let size = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const push = (row: string) => {
    buf.push(row);
    size += row.length;
    r.candidates++;
    if (size >= CHUNK) {
      const text = buf.join('');
      buf = [];
      size = 0;
      pending = pending.then(() => out.write(text));
    }
  };
  try {
    const { lines } = await eachLine(src, 'windows-1251', (text, line) => {
      if (line === 1 && headerLine) {
        r.header++;
        return;
      }
      if (verbatim(text)) return push(`${line};${text}\n`);
      if (text.trim() === '') {
        r.blank++;
        return;
      }
      const s = splitDumpLine(text);
      if (!s.ok) {
        r.rejects.push({ line, reason: `${s.reason}: ${s.detail}`, raw: text.slice(0, 500) });
        return;
      }
      const e = s.record;
      if (e.straySemicolons > 0) r.stray.push(line);
      if (e.quotedUrls) r.quoted.push(line);
      push(`${line};${[e.ips.join(' | '), e.domain, e.urls.join(' | '), e.decisionBody, e.decisionNumber, e.decisionDate].map(quote).join(';')}\n`);
    }, onBytes);
    await pending;
    if (buf.length) await out.write(buf.join(''));
    r.lines = lines;
  } finally {
    await pending.catch(() => undefined);
    await out.close();
  }
  return r;
}
