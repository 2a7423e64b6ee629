/**
 * Polling-station protocol files (the CEC's results, one row per station, Russian header) to
 * station rows. Each line either becomes a row (flagged if its counts do not add up) or a
 * reject with file, line and reason; nothing else happens to it, so lines read = rows + rejects.
 * A header that repeats a column name, names one choice in two columns, or that no known
 * protocol's columns are all in, is a validation error naming the repeated or missing columns
 * (exit 2 at the CLI); nothing is read.
 */
import { AppError, IMPORT_CAPS, refuseRepeatedColumns } from '../shared/index.js';
import {
  COUNT_COLUMNS,
  flagsOf,
  stationIdentity,
  TITLES,
  type Counts,
  type ElectionKind,
  type ElectionReject,
  type StationKind,
  type StationRow,
} from './model.js';
import { choiceKey } from './choices.js';
import { kindOf, mapHeader, missingColumns, type HeaderMap } from './protocol.js';
import { regionCode } from './region.js';
import type { SourceLine } from './source.js';
import { clip, lines, overField, splitCsv } from './text.js';

/** The tik name of the six 2021 DEG regions' pseudo-commissions. */
export const DEG_TIK = 'Дистанционное электронное голосование';

/**
 * A column no rule reads whose cells are counts (digits, or empty) on every line that has it, on
 * at least one line: figures (a choice in a spelling matched to nothing) that no total holds.
 */
export interface UnreadColumn {
  /** 1-based. */
  column: number;
  name: string;
  /** Lines giving a count in it. */
  lines: number;
}

export interface ProtocolFile {
  header: HeaderMap;
  kind: ReturnType<typeof kindOf>;
  rows: StationRow[];
  rejects: ElectionReject[];
  linesRead: number;
  unread: UnreadColumn[];
}

const uikNumber = (uik: string | null): number | null => {
  const m = uik ? /(\d+)\s*$/.exec(uik) : null;
  return m ? Number(m[1]) : null;
};

/**
 * Elections in which Moscow published its DEG results as virtual stations, and their numbers.
 * Only there are those numbers electronic: in 2020 Moscow's УИК №5011-5015 are paper stations of
 * 520-1,265 voters in ordinary district commissions.
 */
export const MOSCOW_DEG_STATIONS: Readonly<Record<string, readonly [number, number]>> = { 'duma-2021': [5001, 5015] };

/** DEG rows: a regional aggregate, a DEG_TIK commission, or Moscow's virtual stations where that election had them. */
function kindOfRow(
  region: string,
  tik: string | null,
  uik: string | null,
  regionalAggregate: boolean,
  moscowDeg: readonly [number, number] | undefined,
): StationKind {
  if (regionalAggregate) return 'aggregate';
  if (tik === DEG_TIK) return 'virtual';
  if (!moscowDeg || !region.includes('Москва')) return 'station';
  const n = uikNumber(uik);
  return n !== null && n >= moscowDeg[0] && n <= moscowDeg[1] ? 'virtual' : 'station';
}

/**
 * Two columns that name one choice (the same name in another case, quotes, spacing or Unicode
 * form, or under another ballot number): which holds its count is a guess, as with a repeated
 * column name, so the file is refused naming both.
 */
function refuseOneChoiceTwice(file: string, h: HeaderMap): void {
  const first = new Map<string, string>();
  const pairs: [string, string][] = [];
  for (const { choice } of h.choices) {
    const key = choiceKey(choice.name);
    const was = first.get(key);
    if (was === undefined) first.set(key, choice.name);
    else pairs.push([was, choice.name]);
  }
  if (pairs.length === 0) return;
  throw new AppError(
    'VALIDATION',
    `${file}: line 1: ${pairs.map(([a, b]) => `columns "${clip(a, 200)}" and "${clip(b, 200)}" name one choice`).join('; ')}; which one holds its count would be a guess; nothing was stored`,
    {
      issues: pairs.map(([a, b]) => ({ path: ['header', b], message: `names the same choice as "${clip(a, 200)}"` })),
      details: { file, repeated: pairs.flat() },
    },
  );
}

/** The reader of one protocol file, fed line by line (`push`), so a file is never held whole. */
export class ProtocolReader {
  private headerMap: HeaderMap;
  private readonly headerCells: string[];
  /** Per unread column: lines giving a count in it, or -1 once a cell is no count (a note). */
  private unreadLines: number[] = [];
  private readonly rows: StationRow[] = [];
  private readonly rejects: ElectionReject[] = [];
  /** Each station's identity (`stationIdentity`) to the line that first named it. */
  private readonly seen = new Map<string, number>();
  private readonly codes = new Map<string, string | null>();
  private linesRead = 0;
  /** The file's running totals: the named counts, then the votes of each choice. */
  private totals: number[] = [];
  private readonly regionalAggregate: boolean;
  private readonly countIdx: number[];
  private choiceIdx: number[];
  private readonly idIdx: (number | undefined)[];
  // Field i of a quote-free line spans [at[i], at[i + 1] - 1): cells are read in place, and only
  // the identifying columns become strings. Lines with quotes go through splitCsv.
  private readonly at: Int32Array;
  /** The election the rows belong to (decides which stations are DEG), null when not told. */
  readonly election: string | null;
  private readonly moscowDeg: readonly [number, number] | undefined;
  private raw = '';
  private cells: string[] | null = null;

  /**
   * Reads the header line; an unknown or oversize header is a VALIDATION error naming the file.
   * `election` is the election id, or a function of the header's kind that gives it.
   */
  constructor(
    headerLine: string | null,
    private readonly file: string,
    private readonly maxFieldBytes: number = IMPORT_CAPS.maxFieldBytes,
    election: string | ((kind: ElectionKind) => string) | null = null,
  ) {
    const headerCells = headerLine === null ? null : splitCsv(headerLine);
    if (!headerCells) throw new AppError('VALIDATION', `${file}: line 1: empty file or unreadable header`, { details: { file, missing: ['header'] } });
    const long = headerCells.findIndex((c) => overField(c, maxFieldBytes));
    if (long >= 0) {
      throw new AppError(
        'VALIDATION',
        `${file}: line 1: column ${long + 1} of the header is over ${maxFieldBytes} bytes (oversize_field); nothing was stored`,
        {
          issues: [{ path: ['header', long + 1], message: 'oversize_field' }],
          details: { file, reason: 'oversize_field' },
        },
      );
    }
    // Two columns of one name: which one holds the count is a guess, so none is read.
    refuseRepeatedColumns(file, headerCells);
    const h = mapHeader(headerCells);
    const missing = missingColumns(h);
    if (missing.length) {
      throw new AppError(
        'VALIDATION',
        `${file}: not a CEC protocol we know; closest is the ${h.kind} protocol (${TITLES[h.kind]}), missing columns: ${missing.join('; ')}`,
        {
          issues: missing.map((m) => ({ path: ['header', m], message: 'missing column' })),
          details: { file, closest: h.kind, missing },
        },
      );
    }
    refuseOneChoiceTwice(file, h);
    this.headerCells = headerCells;
    this.headerMap = h;
    this.unreadLines = h.unread.map(() => 0);
    this.totals = new Array<number>(COUNT_COLUMNS.length + h.choices.length).fill(0);
    // A file without polling-station columns is a regional aggregate (2024's DEG table).
    this.regionalAggregate = h.ids.uik === undefined && h.ids.tik === undefined;
    this.countIdx = COUNT_COLUMNS.map((c) => h.counts[c] ?? -1);
    this.choiceIdx = h.choices.map((c) => c.index);
    this.idIdx = [h.ids.region, h.ids.oik, h.ids.tik, h.ids.uik];
    this.at = new Int32Array(h.width + 2);
    this.election = typeof election === 'function' ? election(kindOf(h)) : election;
    this.moscowDeg = this.election === null ? undefined : MOSCOW_DEG_STATIONS[this.election];
  }

  /**
   * The column whose file total this row would take over 2^53−1 (named as a reject names it),
   * or null; when none, the row's counts are added to the totals. Every total a store sums from
   * the file's rows then stays exact as a JavaScript number.
   */
  private overTotal(counts: Counts, votes: readonly number[]): string | null {
    const t = this.totals;
    for (let k = 0; k < COUNT_COLUMNS.length; k++) {
      const v = counts[COUNT_COLUMNS[k]!];
      if (v !== null && t[k]! + v > Number.MAX_SAFE_INTEGER) return `${COUNT_COLUMNS[k]} (column ${this.countIdx[k]! + 1})`;
    }
    for (let k = 0; k < votes.length; k++) {
      if (t[COUNT_COLUMNS.length + k]! + votes[k]! > Number.MAX_SAFE_INTEGER) {
        return `"${clip(this.header.choices[k]!.choice.label)}" (column ${this.choiceIdx[k]! + 1})`;
      }
    }
    for (let k = 0; k < COUNT_COLUMNS.length; k++) t[k]! += counts[COUNT_COLUMNS[k]!] ?? 0;
    for (let k = 0; k < votes.length; k++) t[COUNT_COLUMNS.length + k]! += votes[k]!;
    return null;
  }

  get header(): HeaderMap {
    return this.headerMap;
  }

  /**
   * Before the first line: the choices the election already stores (names as stored). A column
   * no protocol rule reads whose name is one of them in another spelling (`choiceKey`) is read as
   * that choice; a file then naming one choice in two columns is refused as for its own columns.
   */
  readStoredChoices(names: readonly string[]): void {
    if (this.linesRead > 0) throw new Error('readStoredChoices after the first line');
    const keys = new Set(names.map(choiceKey));
    if (!this.headerMap.unread.some((c) => keys.has(choiceKey(c.name)))) return;
    const h = mapHeader(this.headerCells, (name) => keys.has(choiceKey(name)));
    refuseOneChoiceTwice(this.file, h);
    this.headerMap = h;
    this.choiceIdx = h.choices.map((c) => c.index);
    this.unreadLines = h.unread.map(() => 0);
    this.totals = new Array<number>(COUNT_COLUMNS.length + h.choices.length).fill(0);
  }

  private cell(i: number): string {
    return this.cells ? this.cells[i]! : this.raw.slice(this.at[i], this.at[i + 1]! - 1);
  }
  private text(i: number | undefined): string | null {
    return i === undefined ? null : this.cell(i).trim() || null;
  }
  private countAt(i: number): number | null {
    return this.cells ? parseCount(this.cells[i]!) : parseCountIn(this.raw, this.at[i]!, this.at[i + 1]! - 1);
  }
  private isEmpty(i: number): boolean {
    return this.cells ? this.cells[i] === '' : this.at[i + 1]! - 1 === this.at[i]!;
  }
  private reject(line: number, reason: ElectionReject['reason'], detail: string): void {
    this.rejects.push({ file: this.file, line, reason, detail });
  }

  /** One line after the header: a row, a reject, or nothing (an empty line is not a line). */
  push(l: SourceLine): void {
    const { header: h, countIdx, choiceIdx, regionalAggregate } = this;
    const line = l.line;
    if (l.text === '') return;
    this.linesRead++;
    if (l.oversize !== undefined) return this.reject(line, 'oversize_line', `${l.oversize} characters, over the line limit; not read`);
    this.raw = l.text;
    let width: number;
    if (this.raw.includes('"')) {
      this.cells = splitCsv(this.raw);
      if (!this.cells) return this.reject(line, 'unterminated_quote', 'a quoted field is not closed on its line');
      width = this.cells.length;
    } else {
      this.cells = null;
      width = fieldStarts(this.raw, this.at);
    }
    if (width !== h.width) return this.reject(line, 'column_count', `expected ${h.width} columns, got ${width}`);
    for (let k = 0; k < this.unreadLines.length; k++) {
      if (this.unreadLines[k]! < 0) continue;
      const i = h.unread[k]!.index;
      if (this.isEmpty(i)) continue;
      this.unreadLines[k] = isDigits(this.cell(i)) ? this.unreadLines[k]! + 1 : -1;
    }
    const counts = emptyCounts();
    let bad: string | null = null;
    let big: string | null = null;
    let empty = 0;
    for (let k = 0; k < countIdx.length; k++) {
      const i = countIdx[k]!;
      if (i < 0) continue;
      if (this.isEmpty(i)) empty++;
      const n = this.countAt(i);
      if (n === null && isDigits(this.cell(i))) big ??= `${COUNT_COLUMNS[k]} (column ${i + 1})`;
      else if (n === null) bad ??= `${COUNT_COLUMNS[k]} (column ${i + 1})`;
      counts[COUNT_COLUMNS[k]!] = n;
    }
    const votes = new Array<number>(choiceIdx.length);
    for (let k = 0; k < choiceIdx.length; k++) {
      const i = choiceIdx[k]!;
      if (this.isEmpty(i)) empty++;
      const n = this.countAt(i);
      if (n === null && isDigits(this.cell(i))) big ??= `"${clip(h.choices[k]!.choice.label)}" (column ${i + 1})`;
      else if (n === null) bad ??= `"${clip(h.choices[k]!.choice.label)}" (column ${i + 1})`;
      votes[k] = n ?? 0;
    }
    const long = this.idIdx.find((i) => i !== undefined && overField(this.cell(i), this.maxFieldBytes));
    if (long !== undefined) return this.reject(line, 'oversize_field', `column ${long + 1} is over ${this.maxFieldBytes} bytes; not stored`);
    const region = this.text(h.ids.region) ?? '';
    if (bad) {
      const allEmpty = empty === choiceIdx.length + countIdx.filter((i) => i >= 0).length;
      return allEmpty
        ? this.reject(line, 'no_data', `${clip(region)}: no results published for this station (all counts empty)`)
        : this.reject(line, 'not_a_count', `not a non-negative integer: ${bad}`);
    }
    if (big) return this.reject(line, 'count_too_large', `too large: ${big} is over ${MAX_COUNT_TEXT}, beyond which counts do not sum exactly`);
    const oik = this.text(h.ids.oik);
    const tik = this.text(h.ids.tik);
    const uik = regionalAggregate ? 'ДЭГ' : this.text(h.ids.uik);
    // A station is named by its region, commissions and number: a row lacking one is nobody's result
    // (an empty uik only on a DEG commission's row, which has no polling station).
    const unnamed =
      region === ''
        ? ['region', h.ids.region]
        : h.ids.oik !== undefined && oik === null
          ? ['oik', h.ids.oik]
          : h.ids.tik !== undefined && tik === null
            ? ['tik', h.ids.tik]
            : h.ids.uik !== undefined && uik === null && tik !== DEG_TIK
              ? ['uik', h.ids.uik]
              : null;
    if (unnamed) return this.reject(line, 'missing_station_id', `${unnamed[0]} (column ${Number(unnamed[1]) + 1}) is empty: the row names no station`);
    const key = `${region}|${oik ?? ''}|${tik ?? ''}|${uik ?? ''}`;
    const id = stationIdentity(key);
    const first = this.seen.get(id);
    if (first !== undefined) return this.reject(line, 'duplicate_station', `station ${clip(key, 200)} appears twice in this file (first at line ${first})`);
    this.seen.set(id, line);
    // The 2020 protocol has no valid-ballots line: valid = ballots in boxes - invalid (reported as derived).
    if (counts.valid === null && counts.in_boxes !== null) counts.valid = counts.in_boxes - (counts.invalid ?? 0);
    const kind = kindOfRow(region, tik, uik, regionalAggregate, this.moscowDeg);
    const over = this.overTotal(counts, votes);
    if (over) {
      return this.reject(
        line,
        'count_too_large',
        `too large: ${over} would take the file's total of that column over ${MAX_COUNT_TEXT}, beyond which sums are not exact`,
      );
    }
    let code = this.codes.get(region);
    if (code === undefined) this.codes.set(region, (code = regionCode(region)));
    this.rows.push({
      line,
      region,
      region_code: code,
      oik,
      tik: regionalAggregate ? DEG_TIK : tik,
      uik,
      kind,
      electronic: kind !== 'station',
      counts,
      votes,
      flags: flagsOf(counts, votes),
    });
  }

  result(): ProtocolFile {
    const unread = this.header.unread
      .map((c, k) => ({ column: c.index + 1, name: c.name || `(column ${c.index + 1}, no name)`, lines: this.unreadLines[k]! }))
      .filter((c) => c.lines > 0);
    return { header: this.header, kind: kindOf(this.header), rows: this.rows, rejects: this.rejects, linesRead: this.linesRead, unread };
  }
}

/** A whole protocol file's text (tests, benchmarks): the same reader, fed from memory. */
export function readProtocol(text: string, file: string, maxFieldBytes?: number, election: string | null = null): ProtocolFile {
  const it = lines(text);
  const first = it.next();
  const r = new ProtocolReader(first.done ? null : first.value[1], file, maxFieldBytes, election);
  for (const [line, t] of it) r.push(t.length > IMPORT_CAPS.maxLineBytes ? { line, oversize: t.length } : { line, text: t });
  return r.result();
}

/** All named counts null, in one fixed object shape (the per-row hot path stays monomorphic). */
const emptyCounts = (): Counts => ({
  registered: null,
  received: null,
  issued_early: null,
  issued_station: null,
  issued_outside: null,
  issued: null,
  cancelled: null,
  in_mobile: null,
  in_stationary: null,
  in_boxes: null,
  invalid: null,
  valid: null,
  lost: null,
  unaccounted: null,
});

/** The largest count every sum of which is exact as a JavaScript number, as the rejects write it. */
const MAX_COUNT_TEXT = `${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (2^53 - 1)`;

/** A cell of digits only, after trimming spaces (any length). */
const isDigits = (v: string): boolean => /^\s*\d+(?:\.0*)?\s*$/.test(v);

/** A non-negative integer count ("123", "123.0" from float exports); null otherwise. */
export const parseCount = (v: string): number | null => parseCountIn(v, 0, v.length);

/** parseCount of s[from, to), read in place. */
export function parseCountIn(s: string, from: number, to: number): number | null {
  if (to <= from) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      if (c === -2 && i > from) {
        for (let j = i + 1; j < to; j++) if (s.charCodeAt(j) !== 48) return null;
        return n;
      }
      return null;
    }
    n = n * 10 + c;
  }
  return n <= Number.MAX_SAFE_INTEGER ? n : null;
}

/**
 * Start offsets of the comma-separated fields of a quote-free line into `at` (as many as fit,
 * then `at[k]` = one past the end for the last field stored), returning the number of fields.
 */
export function fieldStarts(line: string, at: Int32Array): number {
  const cap = at.length - 1;
  let k = 0;
  at[0] = 0;
  let from = 0;
  for (;;) {
    const c = line.indexOf(',', from);
    if (c < 0) break;
    k++;
    if (k < cap) at[k] = c + 1;
    from = c + 1;
  }
  const n = k + 1;
  if (n < cap) at[n] = line.length + 1;
  return n;
}
