/**
 * The two Moscow 2021 side files: Meduza's single-mandate table (paper and DEG votes per
 * candidate, districts 196-210) and the DEG decryption series in 20-minute bins (JavaScript
 * files declaring `candidates` and `votes`, read as JSON, never evaluated). Rows that do not
 * read become rejects with file, line and reason; rows whose parts do not add up are flagged.
 */
import { AppError } from '../shared/index.js';
import type { ElectionDegBinRecord as DegBinRow, ElectionDistrictResultRecord as DistrictResultRow } from '../store/index.js';
import type { ElectionReject } from './model.js';
import { lines } from './text.js';

const MEDUZA = ['elections_candidate', 'elections_inperson_count', 'elections_electronic_count', 'elections_total_count', 'elections_aik'] as const;

export function readMeduza(text: string, file: string): { rows: DistrictResultRow[]; rejects: ElectionReject[]; linesRead: number } {
  const it = lines(text);
  const head = it.next();
  const header = head.done ? [] : head.value[1].split('\t').map((s) => s.trim());
  const missing = MEDUZA.filter((c) => !header.includes(c));
  if (missing.length)
    throw new AppError('VALIDATION', `${file}: not a single-mandate results table we know; missing columns: ${missing.join(', ')}`, {
      details: { file, missing },
    });
  const at = Object.fromEntries(MEDUZA.map((c) => [c, header.indexOf(c)])) as Record<(typeof MEDUZA)[number], number>;
  const rows: DistrictResultRow[] = [];
  const rejects: ElectionReject[] = [];
  let linesRead = 0;
  for (const [line, raw] of it) {
    if (raw.trim() === '') continue;
    linesRead++;
    const cells = raw.split('\t');
    if (cells.length !== header.length) {
      rejects.push({ file, line, reason: 'column_count', detail: `expected ${header.length} columns, got ${cells.length}` });
      continue;
    }
    // at most 15 digits: every such count is an exact integer (longer ones are rejected, not rounded)
    const num = (c: (typeof MEDUZA)[number]) => (/^\d{1,15}$/.test(cells[at[c]]!.trim()) ? Number(cells[at[c]]!.trim()) : null);
    const [paper, electronic, total, district] = [
      num('elections_inperson_count'),
      num('elections_electronic_count'),
      num('elections_total_count'),
      num('elections_aik'),
    ];
    const candidate = cells[at.elections_candidate]!.trim();
    if (paper === null || electronic === null || total === null || district === null || !candidate) {
      rejects.push({ file, line, reason: 'not_a_count', detail: 'candidate, paper, electronic, total and district must be present and non-negative integers' });
      continue;
    }
    rows.push({ line, district, candidate, paper, electronic, total, flags: paper + electronic === total ? [] : ['parts_ne_total'] });
  }
  return { rows, rejects, linesRead };
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

/** A DEG series file: bins per district; `candidates` is one list (party) or one per district. */
export function readDegSeries(
  text: string,
  file: string,
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
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  };
  const rows: DegBinRow[] = [];
  const rejects: ElectionReject[] = [];
  let linesRead = 0;
  // Line of each district's data inside `votes`, for reject positions.
  const lineOf = (district: string) => {
    const at = text.indexOf(`"${district}"`, votes!.start);
    return at < 0 ? votes!.line : text.slice(0, at).split('\n').length;
  };
  for (const [district, bins] of Object.entries(votes!.value as Record<string, unknown>)) {
    const line = lineOf(district);
    const cn = names(district);
    if (!/^\d+$/.test(district) || !cn || !Array.isArray(bins)) {
      linesRead++;
      rejects.push({ file, line, reason: 'bad_record', detail: `district "${district}": no candidate list or no bins` });
      continue;
    }
    bins.forEach((bin: unknown, i) => {
      linesRead++;
      const ok = Array.isArray(bin) && bin.length === cn.length + 1 && bin.every((x) => Number.isInteger(x) && (x as number) >= 0);
      if (!ok) {
        rejects.push({ file, line, reason: 'bad_record', detail: `district ${district}, bin ${i + 1}: expected [epoch ms, ${cn.length} non-negative counts]` });
        return;
      }
      const b = bin as number[];
      for (let k = 0; k < cn.length; k++) rows.push({ district: Number(district), t: b[0]!, choice: cn[k]!, votes: b[k + 1]! });
    });
  }
  return { kind, rows, rejects, linesRead };
}

/** Is this text a DEG series script (rather than a CSV)? */
export const looksLikeScript = (text: string): boolean => /^\s*(const|let|var)\s+\w+\s*=/.test(text);

/** Is this a TSV whose header names Meduza's columns? */
export const looksLikeMeduza = (text: string): boolean => text.slice(0, 400).includes('elections_candidate');
