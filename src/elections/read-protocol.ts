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
  const n = uikNumber(uik);
  if (/Москва/.test(region) && n !== null && n >= 5001 && n <= 5015) return 'virtual';
  return 'station';
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
  const text_ = (cells: string[], i: number | undefined) => (i === undefined ? null : (cells[i] ?? '').trim() || null);
  for (const [line, raw] of it) {
    if (raw === '') continue;
    linesRead++;
    const cells = splitCsv(raw);
    if (!cells) {
      rejects.push({ file, line, reason: 'unterminated_quote', detail: 'a quoted field is not closed on its line' });
      continue;
    }
    if (cells.length !== h.width) {
      rejects.push({ file, line, reason: 'column_count', detail: `expected ${h.width} columns, got ${cells.length}` });
      continue;
    }
    const counts = emptyCounts();
    let bad: string | null = null;
    let empty = 0;
    for (let k = 0; k < countIdx.length; k++) {
      const i = countIdx[k]!;
      if (i < 0) continue;
      const v = cells[i]!;
      if (v === '') empty++;
      const n = parseCount(v);
      if (n === null) bad ??= `${COUNT_COLUMNS[k]} (column ${i + 1}) = "${v}"`;
      counts[COUNT_COLUMNS[k]!] = n;
    }
    const votes = new Array<number>(choiceIdx.length);
    for (let k = 0; k < choiceIdx.length; k++) {
      const v = cells[choiceIdx[k]!]!;
      if (v === '') empty++;
      const n = parseCount(v);
      if (n === null) bad ??= `"${h.choices[k]!.choice.label}" (column ${choiceIdx[k]! + 1}) = "${v}"`;
      votes[k] = n ?? 0;
    }
    const region = text_(cells, h.ids.region) ?? '';
    if (bad) {
      const allEmpty = empty === choiceIdx.length + countIdx.filter((i) => i >= 0).length;
      rejects.push(
        allEmpty
          ? { file, line, reason: 'no_data', detail: `${region}: no results published for this station (all counts empty)` }
          : { file, line, reason: 'not_a_count', detail: `not a non-negative integer: ${bad}` },
      );
      continue;
    }
    const oik = text_(cells, h.ids.oik);
    const tik = text_(cells, h.ids.tik);
    const uik = regionalAggregate ? 'ДЭГ' : text_(cells, h.ids.uik);
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
export function parseCount(v: string): number | null {
  if (v.length === 0) return null;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      if (v.charCodeAt(i) === 46 && /^\.0*$/.test(v.slice(i)) && i > 0) return n;
      return null;
    }
    n = n * 10 + c;
  }
  return n <= Number.MAX_SAFE_INTEGER ? n : null;
}
