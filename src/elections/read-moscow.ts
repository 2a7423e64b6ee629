/**
 * The two Moscow 2021 side files: Meduza's single-mandate table (paper and DEG votes per
 * candidate, districts 196-210, and the percentages it prints, kept as printed) and the DEG decryption series in 20-minute bins (JavaScript
 * files declaring `candidates` and `votes`, read as JSON, never evaluated). Rows that do not
 * read become rejects with file, line and reason; rows whose parts do not add up are flagged.
 */
import { AppError, IMPORT_CAPS } from '../shared/index.js';
import type { ElectionDegBinRecord as DegBinRow, ElectionDistrictResultRecord as DistrictResultRow } from '../store/index.js';
import type { ElectionReject } from './model.js';
import { percentagesAgree } from './single-mandate.js';
import type { SourceLine } from './source.js';
import { lines, overField } from './text.js';

/** Single-mandate districts (ОИК) are numbered 1-225 in every Duma election. */
const MAX_DISTRICT = 225;

const MEDUZA = ['elections_candidate', 'elections_inperson_count', 'elections_electronic_count', 'elections_total_count', 'elections_aik'] as const;

/** Read when the header has them: the table's own percentages (of ballots cast, two decimals at most). */
const MEDUZA_PCT = ['elections_inperson_percent', 'elections_electronic_percent', 'elections_total_percent'] as const;

type MeduzaColumn = (typeof MEDUZA)[number];
type MeduzaPctColumn = (typeof MEDUZA_PCT)[number];

/** Meduza's table fed line by line (`push`): rows, rejects with file and line, lines read. */
export class MeduzaReader {
  private readonly header: string[];
  private readonly at: Record<MeduzaColumn, number>;
  /** Column of each percentage; -1 when the header has none (the row's percentage is then null). */
  private readonly pctAt: Record<MeduzaPctColumn, number>;
  private readonly rows: DistrictResultRow[] = [];
  private readonly rejects: ElectionReject[] = [];
  /** Each line's content (trimmed cells), to the first line that had it. */
  private readonly seen = new Map<string, number>();
  private linesRead = 0;

  /** Reads the header line; one without Meduza's columns is a VALIDATION error naming the file. */
  constructor(
    headerLine: string | null,
    private readonly file: string,
    private readonly maxFieldBytes: number = IMPORT_CAPS.maxFieldBytes,
  ) {
    this.header = headerLine === null ? [] : headerLine.split('\t').map((s) => s.trim());
    const missing = MEDUZA.filter((c) => !this.header.includes(c));
    if (missing.length)
      throw new AppError('VALIDATION', `${file}: not a single-mandate results table we know; missing columns: ${missing.join(', ')}`, {
        details: { file, missing },
      });
    this.at = Object.fromEntries(MEDUZA.map((c) => [c, this.header.indexOf(c)])) as Record<MeduzaColumn, number>;
    this.pctAt = Object.fromEntries(MEDUZA_PCT.map((c) => [c, this.header.indexOf(c)])) as Record<MeduzaPctColumn, number>;
  }

  push(l: SourceLine): void {
    const { file, at, header } = this;
    const line = l.line;
    if (l.text !== undefined && l.text.trim() === '') return;
    this.linesRead++;
    if (l.oversize !== undefined) {
      this.rejects.push({ file, line, reason: 'oversize_line', detail: `${l.oversize} characters, over the line limit; not read` });
      return;
    }
    const cells = l.text.split('\t');
    if (cells.length !== header.length) {
      this.rejects.push({ file, line, reason: 'column_count', detail: `expected ${header.length} columns, got ${cells.length}` });
      return;
    }
    // at most 15 digits: every such count is an exact integer (longer ones are rejected, not rounded)
    const num = (c: MeduzaColumn) => (/^\d{1,15}$/.test(cells[at[c]]!.trim()) ? Number(cells[at[c]]!.trim()) : null);
    const [paper, electronic, total, district] = [
      num('elections_inperson_count'),
      num('elections_electronic_count'),
      num('elections_total_count'),
      num('elections_aik'),
    ];
    const candidate = cells[at.elections_candidate]!.trim();
    if (paper === null || electronic === null || total === null || district === null || !candidate) {
      const counts = ['elections_inperson_count', 'elections_electronic_count', 'elections_total_count', 'elections_aik'] as const;
      const bad = counts.find((c) => num(c) === null);
      this.rejects.push({
        file,
        line,
        reason: 'not_a_count',
        detail:
          bad === undefined
            ? `elections_candidate (column ${at.elections_candidate + 1}) is empty`
            : `not a non-negative integer: ${bad} (column ${at[bad] + 1})`,
      });
      return;
    }
    if (district < 1 || district > MAX_DISTRICT) {
      this.rejects.push({
        file,
        line,
        reason: 'bad_record',
        detail: `elections_aik (column ${at.elections_aik + 1}): not a single-mandate district number (1-${MAX_DISTRICT}); not stored`,
      });
      return;
    }
    if (overField(candidate, this.maxFieldBytes)) {
      this.rejects.push({ file, line, reason: 'oversize_field', detail: `elections_candidate is over ${this.maxFieldBytes} bytes; not stored` });
      return;
    }
    // a percentage is 0-100 with at most two decimals, or an empty cell (null); anything else is a reject
    const pctOf = (c: MeduzaPctColumn): number | null | undefined => {
      if (this.pctAt[c] < 0) return null;
      const v = cells[this.pctAt[c]]!.trim();
      if (v === '') return null;
      return /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100 ? Number(v) : undefined;
    };
    const badPct = MEDUZA_PCT.find((c) => pctOf(c) === undefined);
    if (badPct !== undefined) {
      this.rejects.push({
        file,
        line,
        reason: 'bad_record',
        detail: `not a percentage: ${badPct} (column ${this.pctAt[badPct] + 1})`,
      });
      return;
    }
    // The same line twice is one result counted twice (namesakes differ in their counts: two results).
    const same = [district, candidate, ...cells.map((c) => c.trim())].join('\t');
    const first = this.seen.get(same);
    if (first !== undefined) {
      this.rejects.push({
        file,
        line,
        reason: 'duplicate_result',
        detail: `the line repeats line ${first} exactly; not stored`,
      });
      return;
    }
    this.seen.set(same, line);
    this.rows.push({
      line,
      district,
      candidate,
      paper,
      electronic,
      total,
      paper_pct: pctOf('elections_inperson_percent')!,
      electronic_pct: pctOf('elections_electronic_percent')!,
      total_pct: pctOf('elections_total_percent')!,
      flags: paper + electronic === total ? [] : ['parts_ne_total'],
    });
  }

  /**
   * The rows, each district's flagged `pct_no_base` when its printed percentages agree with no
   * ballots-cast base: the row whose percentage alone disagrees when there is one such row,
   * else every row of the district that prints one.
   */
  result(): { rows: DistrictResultRow[]; rejects: ElectionReject[]; linesRead: number } {
    const byDistrict = new Map<number, DistrictResultRow[]>();
    for (const r of this.rows) byDistrict.set(r.district, [...(byDistrict.get(r.district) ?? []), r]);
    for (const rows of byDistrict.values()) {
      if (percentagesAgree(rows) !== false) continue;
      const culprits = rows.filter((r) => percentagesAgree(rows.filter((x) => x !== r)) !== false);
      const flagged = culprits.length === 1 ? culprits : rows.filter((r) => r.paper_pct !== null || r.electronic_pct !== null || r.total_pct !== null);
      for (const r of flagged) r.flags = [...r.flags, 'pct_no_base'];
    }
    return { rows: this.rows, rejects: this.rejects, linesRead: this.linesRead };
  }
}

/** A whole table's text (tests): the same reader, fed from memory. */
export function readMeduza(text: string, file: string, maxFieldBytes?: number): { rows: DistrictResultRow[]; rejects: ElectionReject[]; linesRead: number } {
  const it = lines(text);
  const head = it.next();
  const r = new MeduzaReader(head.done ? null : head.value[1], file, maxFieldBytes);
  for (const [line, t] of it) r.push(t.length > IMPORT_CAPS.maxLineBytes ? { line, oversize: t.length } : { line, text: t });
  return r.result();
}

/** `const name = <JSON>;` declarations of a script, with the line each starts on. */
function declarations(text: string, file: string): Map<string, { value: unknown; line: number; start: number }> {
  const out = new Map<string, { value: unknown; line: number; start: number }>();
  const re = /(?:^|\n)\s*(?:const|let|var)\s+(\w+)\s*=\s*/g;
  const found: { name: string; start: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ name: m[1]!, start: m.index + m[0].length });
  found.forEach((d, i) => {
    const end = i + 1 < found.length ? text.lastIndexOf(';', found[i + 1]!.start) : text.lastIndexOf(';');
    const body = text.slice(d.start, end > d.start ? end : undefined);
    const line = text.slice(0, d.start).split('\n').length;
    try {
      out.set(d.name, { value: JSON.parse(body), line, start: d.start });
    } catch (e) {
      throw new AppError('VALIDATION', `${file}: line ${line}: "${d.name}" is not JSON data (${(e as Error).message})`, { details: { file, line } });
    }
  });
  return out;
}

/** The series' bin width: every bin starts on a multiple of 20 minutes (epoch ms). */
export const DEG_BIN_MS = 20 * 60 * 1000;

/**
 * The days of an election's remote electronic voting, Moscow time (UTC+3), where known: a bin
 * must start within them. 2021: voting 17-19 September (SOURCES.md: 08:00 on the 17th to 20:00
 * on the 19th; the series' last bin starts at 20:20).
 */
export const DEG_DAYS: Readonly<Record<string, readonly [string, string]>> = { 'duma-2021': ['2021-09-17', '2021-09-19'] };

const MSK_MS = 3 * 3600 * 1000;

/** [first, last] allowed bin start (epoch ms) of an election's DEG days; null where not known. */
function degWindow(election: string | null): [number, number] | null {
  const days = election === null ? undefined : DEG_DAYS[election];
  if (!days) return null;
  return [Date.parse(`${days[0]}T00:00:00Z`) - MSK_MS, Date.parse(`${days[1]}T00:00:00Z`) + 86_400_000 - MSK_MS - 1];
}

/** The line each bin of a district's list opens on, scanning the text from its key (bins are `[...]` inside one `[...]`). */
function binLines(text: string, from: number, line: number): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = text.indexOf('[', from); i >= 0 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 91) {
      depth++;
      if (depth === 2) out.push(line);
    } else if (c === 93 && --depth === 0) break;
  }
  return out;
}

/**
 * A DEG series file: bins per district; `candidates` is one list (party) or one per district.
 * A line is a bin: lines read = bins stored + bins rejected. A district rejected whole (no ОИК
 * number, no usable list, a list naming one candidate twice, whose two series could not be told
 * apart) is every one of its bins rejected at its own line (a district without bins is one line,
 * its key's). Rejects also, never stored: a bin of the wrong shape, a time off the 20-minute
 * grid or (where `election` has known DEG days) outside them, and a time the district already had.
 */
export function readDegSeries(
  text: string,
  file: string,
  maxFieldBytes: number = IMPORT_CAPS.maxFieldBytes,
  election: string | null = null,
): { kind: 'party' | 'single_mandate'; rows: DegBinRow[]; rejects: ElectionReject[]; linesRead: number } {
  const decl = declarations(text, file);
  const cands = decl.get('candidates');
  const votes = decl.get('votes');
  const missing = [cands ? null : 'candidates', votes ? null : 'votes'].filter((x): x is string => x !== null);
  if (missing.length || typeof votes!.value !== 'object' || votes!.value === null) {
    throw new AppError('VALIDATION', `${file}: not a DEG series we know; missing declarations: ${missing.join(', ') || 'votes (object)'}`, {
      details: { file, missing },
    });
  }
  const kind = Array.isArray(cands!.value) ? 'party' : 'single_mandate';
  const names = (district: string): string[] | null => {
    const v = kind === 'party' ? cands!.value : (cands!.value as Record<string, unknown>)[district];
    return Array.isArray(v) && v.every((x) => typeof x === 'string' && !overField(x, maxFieldBytes)) ? v : null;
  };
  const window = degWindow(election);
  const rows: DegBinRow[] = [];
  const rejects: ElectionReject[] = [];
  let linesRead = 0;
  // Where each district's data starts inside `votes`, for reject positions.
  const keyAt = (district: string) => text.indexOf(`"${district}"`, votes!.start);
  const lineAt = (at: number) => (at < 0 ? votes!.line : text.slice(0, at).split('\n').length);
  for (const [district, bins] of Object.entries(votes!.value as Record<string, unknown>)) {
    const at = keyAt(district);
    const line = lineAt(at);
    const cn = names(district);
    const lines = at < 0 || !Array.isArray(bins) ? [] : binLines(text, at, line);
    // A district rejected whole: each of its bins is a line read and rejected, at its own line
    // (a district with no bins is one line, its key's).
    const reject = (reason: ElectionReject['reason'], what: string, detail: string) => {
      const n = Array.isArray(bins) ? bins.length : 0;
      if (n === 0) {
        linesRead++;
        rejects.push({ file, line, reason, detail: `${what}: ${detail}` });
        return;
      }
      for (let i = 0; i < n; i++) {
        linesRead++;
        rejects.push({ file, line: lines[i] ?? line, reason, detail: `${what}, bin ${i + 1} of ${n}: ${detail}` });
      }
    };
    if (!/^\d+$/.test(district) || Number(district) < 1 || Number(district) > MAX_DISTRICT) {
      reject('bad_record', `a district key that is no single-mandate district number (1-${MAX_DISTRICT})`, 'not stored');
      continue;
    }
    if (!cn || !Array.isArray(bins)) {
      reject('bad_record', `district ${district}`, `no candidate list (or a name over ${maxFieldBytes} bytes) or no bins; not stored`);
      continue;
    }
    const twice = cn.findIndex((c, k) => cn.indexOf(c) !== k);
    if (twice >= 0) {
      const c = cn[twice]!;
      reject(
        'duplicate_candidate',
        `district ${district}`,
        `candidates ${cn.indexOf(c) + 1} and ${twice + 1} have one name; their series cannot be told apart; none of the district's ${bins.length} bins is stored`,
      );
      continue;
    }
    const seen = new Map<number, number>();
    bins.forEach((bin: unknown, i) => {
      linesRead++;
      const binLine = lines[i] ?? line;
      const bad = (reason: ElectionReject['reason'], detail: string) =>
        rejects.push({ file, line: binLine, reason, detail: `district ${district}, bin ${i + 1}: ${detail}` });
      const ok = Array.isArray(bin) && bin.length === cn.length + 1 && bin.every((x) => Number.isSafeInteger(x) && (x as number) >= 0);
      if (!ok) return bad('bad_record', `expected [epoch ms, ${cn.length} non-negative counts]`);
      const b = bin as number[];
      const t = b[0]!;
      if (window && (t < window[0] || t > window[1]))
        return bad('bad_record', `its time is outside the voting days of ${election} (${DEG_DAYS[election!]!.join(' to ')}, Moscow time)`);
      if (t % DEG_BIN_MS !== 0) return bad('bad_record', 'its time is not on the 20-minute grid of the series');
      const first = seen.get(t);
      if (first !== undefined) return bad('duplicate_bin', `its time is already bin ${first + 1} of the district; not stored`);
      seen.set(t, i);
      for (let k = 0; k < cn.length; k++) rows.push({ district: Number(district), t, choice: cn[k]!, votes: b[k + 1]! });
    });
  }
  return { kind, rows, rejects, linesRead };
}

/** Is this text a DEG series script (rather than a CSV)? */
export const looksLikeScript = (text: string): boolean => /^\s*(const|let|var)\s+\w+\s*=/.test(text);

/** Is this a TSV whose header names Meduza's columns? */
export const looksLikeMeduza = (text: string): boolean => text.slice(0, 400).includes('elections_candidate');
