/**
 * Polling-station protocol files (the CEC's results, one row per station, Russian header) to
 * station rows. Each line either becomes a row (flagged if its counts do not add up) or a
 * reject with file, line and reason; nothing else happens to it, so lines read = rows + rejects.
 * An unknown header is a usage error naming the missing columns (exit 2 at the CLI).
 */
import { AppError } from '../shared/index.js';
import { COUNT_COLUMNS, flagsOf, type Counts, type ElectionReject, type StationKind, type StationRow } from './model.js';
import { kindOf, mapHeader, missingColumns, type HeaderMap } from './protocol.js';
import { regionCode } from './region.js';
import { lines, splitCsv } from './text.js';

/** The tik name of the six 2021 DEG regions' pseudo-commissions. */
export const DEG_TIK = 'Дистанционное электронное голосование';

export interface ProtocolFile {
  header: HeaderMap;
  kind: ReturnType<typeof kindOf>;
  rows: StationRow[];
  rejects: ElectionReject[];
  linesRead: number;
}

const uikNumber = (uik: string | null): number | null => {
  const m = uik ? /(\d+)\s*$/.exec(uik) : null;
  return m ? Number(m[1]) : null;
};

/** Moscow's 2021 DEG results sit in virtual stations 5001-5015; other DEG regions use DEG_TIK. */
function kindOfRow(region: string, tik: string | null, uik: string | null, regionalAggregate: boolean): StationKind {
  if (regionalAggregate) return 'aggregate';
  if (tik === DEG_TIK) return 'virtual';
  if (!region.includes('Москва')) return 'station';
  const n = uikNumber(uik);
  return n !== null && n >= 5001 && n <= 5015 ? 'virtual' : 'station';
}

export function readProtocol(text: string, file: string): ProtocolFile {
  const it = lines(text);
  const first = it.next();
  const headerCells = first.done ? null : splitCsv(first.value[1]);
  if (!headerCells) throw new AppError('VALIDATION', `${file}: line 1: empty file or unreadable header`, { details: { file, missing: ['header'] } });
  const h = mapHeader(headerCells);
  const missing = missingColumns(h);
  if (missing.length) {
    throw new AppError('VALIDATION', `${file}: not a CEC protocol we know; missing columns: ${missing.join('; ')}`, {
      issues: missing.map((m) => ({ path: ['header', m], message: 'missing column' })),
      details: { file, missing },
    });
  }
  // A file without polling-station columns is a regional aggregate (2024's DEG table).
  const regionalAggregate = h.ids.uik === undefined && h.ids.tik === undefined;
  const countIdx = COUNT_COLUMNS.map((c) => h.counts[c] ?? -1);
  const choiceIdx = h.choices.map((c) => c.index);
  const rows: StationRow[] = [];
  const rejects: ElectionReject[] = [];
  const seen = new Set<string>();
  const codes = new Map<string, string | null>();
  let linesRead = 0;
  // Field i of a quote-free line spans [at[i], at[i + 1] - 1): cells are read in place, and only
  // the identifying columns become strings. Lines with quotes go through splitCsv.
  const at = new Int32Array(h.width + 2);
  let raw = '';
  let cells: string[] | null = null;
  const cell = (i: number): string => (cells ? cells[i]! : raw.slice(at[i], at[i + 1]! - 1));
  const text_ = (i: number | undefined) => (i === undefined ? null : cell(i).trim() || null);
  const countAt = (i: number): number | null => (cells ? parseCount(cells[i]!) : parseCountIn(raw, at[i]!, at[i + 1]! - 1));
  const isEmpty = (i: number): boolean => (cells ? cells[i] === '' : at[i + 1]! - 1 === at[i]!);
  for (const [line, text] of it) {
    if (text === '') continue;
    linesRead++;
    raw = text;
    let width: number;
    if (raw.includes('"')) {
      cells = splitCsv(raw);
      if (!cells) {
        rejects.push({ file, line, reason: 'unterminated_quote', detail: 'a quoted field is not closed on its line' });
        continue;
      }
      width = cells.length;
    } else {
      cells = null;
      width = fieldStarts(raw, at);
    }
    if (width !== h.width) {
      rejects.push({ file, line, reason: 'column_count', detail: `expected ${h.width} columns, got ${width}` });
      continue;
    }
    const counts = emptyCounts();
    let bad: string | null = null;
    let empty = 0;
    for (let k = 0; k < countIdx.length; k++) {
      const i = countIdx[k]!;
      if (i < 0) continue;
      if (isEmpty(i)) empty++;
      const n = countAt(i);
      if (n === null) bad ??= `${COUNT_COLUMNS[k]} (column ${i + 1}) = "${cell(i)}"`;
      counts[COUNT_COLUMNS[k]!] = n;
    }
    const votes = new Array<number>(choiceIdx.length);
    for (let k = 0; k < choiceIdx.length; k++) {
      const i = choiceIdx[k]!;
      if (isEmpty(i)) empty++;
      const n = countAt(i);
      if (n === null) bad ??= `"${h.choices[k]!.choice.label}" (column ${i + 1}) = "${cell(i)}"`;
      votes[k] = n ?? 0;
    }
    const region = text_(h.ids.region) ?? '';
    if (bad) {
      const allEmpty = empty === choiceIdx.length + countIdx.filter((i) => i >= 0).length;
      rejects.push(
        allEmpty
          ? { file, line, reason: 'no_data', detail: `${region}: no results published for this station (all counts empty)` }
          : { file, line, reason: 'not_a_count', detail: `not a non-negative integer: ${bad}` },
      );
      continue;
    }
    const oik = text_(h.ids.oik);
    const tik = text_(h.ids.tik);
    const uik = regionalAggregate ? 'ДЭГ' : text_(h.ids.uik);
    const key = `${region}|${oik ?? ''}|${tik ?? ''}|${uik ?? ''}`;
    if (seen.has(key)) {
      rejects.push({ file, line, reason: 'duplicate_station', detail: `station ${key} appears twice in this file` });
      continue;
    }
    seen.add(key);
    // The 2020 protocol has no valid-ballots line: valid = ballots in boxes - invalid (reported as derived).
    if (counts.valid === null && counts.in_boxes !== null) counts.valid = counts.in_boxes - (counts.invalid ?? 0);
    const kind = kindOfRow(region, tik, uik, regionalAggregate);
    let code = codes.get(region);
    if (code === undefined) codes.set(region, (code = regionCode(region)));
    rows.push({
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
  return { header: h, kind: kindOf(h), rows, rejects, linesRead };
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
