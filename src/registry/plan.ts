/**
 * Before anything is stored, each input file is recognised: its format (dump, dump part
 * without header, the derived CIDR file, the derived daily series), its known provenance (by
 * sha256, data/registry/provenance.json) and the snapshot it belongs to. The snapshot is the
 * dump time; where the file does not carry an `Updated:` header, the time comes from, in order:
 * --dump-time, the provenance, another part of the same batch that has a header, the date in
 * the file name. A dump split into parts therefore lands in one snapshot.
 * A dump time after now (FUTURE_TOLERANCE_MS allowed for clock skew), from whichever of these,
 * is refused naming where it came from: it would become the latest snapshot.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError, futureProblem, isValidPartialDate, packagePath } from '../shared/index.js';
import { parseDumpLine } from './dump-line.js';
import { blankAfterFirstLine, fileSha256, firstLine, looksUtf8 } from './lines.js';

export type FileFormat = 'dump' | 'dump_part' | 'cidr_derived' | 'daily_stats';

export interface Provenance {
  name: string;
  format: string;
  origin: string;
  commit: string | null;
  path: string;
  blob: string | null;
  dump_time: string | null;
  complete: boolean;
  note: string;
}

export interface PlannedFile {
  path: string;
  /** The key of the file inside its snapshot: its name without ".gz". */
  sourceFile: string;
  sha256: string;
  format: FileFormat;
  provenance: Provenance | null;
  snapshotId: string | null;
  dumpAt: string | null;
  timeBasis: string | null;
  complete: boolean;
}

const HEADER_RE = /^Updated:\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*([+-]\d{2}:?\d{2}|Z|UTC)?\s*$/;

let known: Record<string, Provenance> | undefined;
export function knownFiles(): Record<string, Provenance> {
  known ??= (JSON.parse(readFileSync(packagePath('data', 'registry', 'provenance.json'), 'utf8')) as { files: Record<string, Provenance> }).files;
  return known;
}

/** "Updated: 2016-06-13 12:04:00 +0000" -> "2016-06-13T12:04:00Z"; null when not a header. */
export function headerTime(line: string): string | null {
  const m = HEADER_RE.exec(line.trim());
  if (!m || !isValidPartialDate(m[1]!) || !realClock(m[2]!)) return null;
  const zone = !m[3] || m[3] === 'Z' || m[3] === 'UTC' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2]!;
  const d = new Date(`${m[1]}T${time}${zone}`);
  return Number.isNaN(d.getTime()) ? null : isoSeconds(d);
}

/** HH:MM or HH:MM:SS within a day (24:00 and second 60 are not times a dump was made at). */
const realClock = (t: string) => {
  const [h, m, sec] = t.split(':').map(Number);
  return h! < 24 && m! < 60 && (sec ?? 0) < 60;
};

/** The date of an "Updated:" line that names a day the calendar does not have, else null. */
export function impossibleHeaderDate(line: string): string | null {
  const m = HEADER_RE.exec(line.trim());
  return m && (!isValidPartialDate(m[1]!) || !realClock(m[2]!)) ? `${m[1]} ${m[2]}` : null;
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A snapshot id from a time given as "YYYY-MM-DD" (date only) or a full ISO instant. */
export function snapshotFromTime(value: string): { id: string; dumpAt: string } | null {
  // a date that is not on the calendar (2020-02-30) is refused, never rolled over to another day
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !isValidPartialDate(value.slice(0, 10))) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : { id: value, dumpAt: d.toISOString() };
  }
  const clock = /^\d{4}-\d{2}-\d{2}[ T](\d{2}:\d{2}(?::\d{2})?)/.exec(value)?.[1];
  const d = new Date(value.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) || !clock || !realClock(clock) ? null : { id: isoSeconds(d), dumpAt: d.toISOString() };
}

function sniff(first: string): FileFormat | null {
  if (headerTime(first)) return 'dump';
  if (/^cidr,num_addresses,/.test(first)) return 'cidr_derived';
  if (/^day,commit,updated_header,/.test(first)) return 'daily_stats';
  const asCp1251 = new TextDecoder('windows-1251').decode(Buffer.from(first, 'latin1'));
  return parseDumpLine(asCp1251).ok ? 'dump_part' : null;
}

/** Recognise every file (`nowMs`: the caller's clock); throws VALIDATION naming the file when one cannot be placed. */
export async function planFiles(paths: string[], opts: { dumpTime?: string; nowMs: number }): Promise<PlannedFile[]> {
  const option = opts.dumpTime === undefined ? null : snapshotFromTime(opts.dumpTime);
  if (opts.dumpTime !== undefined && !option) {
    throw new AppError('VALIDATION', `--dump-time "${opts.dumpTime}" is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)`, {
      issues: [{ path: ['dump_time'], message: 'not a date' }],
    });
  }
  const optionFuture = option && futureProblem(Date.parse(option.dumpAt), opts.nowMs);
  if (optionFuture)
    throw new AppError('VALIDATION', `--dump-time "${opts.dumpTime}" is ${optionFuture}`, {
      issues: [{ path: ['dump_time'], message: `in the future: ${optionFuture}` }],
    });
  const planned: PlannedFile[] = [];
  for (const path of paths) {
    const first = await firstLine(path);
    const impossible = impossibleHeaderDate(first);
    if (impossible)
      throw new AppError('VALIDATION', `${path}: line 1: the "Updated:" header names ${impossible}, a time the calendar does not have`, {
        issues: [{ path: ['files', basename(path), 'line 1'], message: `not a real date and time: ${impossible}` }],
      });
    const format = sniff(first);
    const sourceFile = basename(path).replace(/\.gz$/, '');
    if (!format) {
      throw new AppError(
        'VALIDATION',
        `${path}: not a registry file (expected a Zapret-Info dump starting "Updated: ...", a headerless dump part, the derived CIDR file or the derived daily series)`,
        {
          issues: [{ path: ['files', sourceFile], message: 'unknown format' }],
        },
      );
    }
    if ((format === 'dump' || format === 'dump_part') && (await looksUtf8(path)))
      throw new AppError(
        'VALIDATION',
        `${path}: the file is UTF-8, but a Zapret-Info dump is windows-1251 (cp1251); read as cp1251 its Russian text would be stored garbled. Convert it first: iconv -f utf-8 -t cp1251`,
        { issues: [{ path: ['files', sourceFile], message: 'UTF-8, not windows-1251' }] },
      );
    const sha256 = await fileSha256(path);
    const provenance = knownFiles()[sha256] ?? null;
    const header = format === 'dump' ? headerTime(first) : null;
    planned.push({
      path,
      sourceFile,
      sha256,
      format,
      provenance,
      snapshotId: null,
      dumpAt: null,
      timeBasis: null,
      complete: provenance?.complete ?? format === 'dump',
    });
    const p = planned[planned.length - 1]!;
    const headerFuture = header && futureProblem(Date.parse(header), opts.nowMs);
    if (headerFuture)
      throw new AppError('VALIDATION', `${path}: line 1: the "Updated:" header names ${header}, ${headerFuture}`, {
        issues: [{ path: ['files', basename(path), 'line 1'], message: `in the future: ${header}` }],
      });
    if (header) Object.assign(p, { snapshotId: header, dumpAt: snapshotFromTime(header)!.dumpAt, timeBasis: 'header' });
  }
  await refuseEmptyDumps(planned);
  const headers = [...new Set(planned.filter((p) => p.timeBasis === 'header').map((p) => p.snapshotId!))];
  for (const p of planned) {
    if (p.format === 'daily_stats' || p.snapshotId) continue;
    const fromProvenance = p.provenance?.dump_time ? snapshotFromTime(p.provenance.dump_time) : null;
    const fromName = /(\d{4}-\d{2}-\d{2})/.exec(p.sourceFile)?.[1];
    const choice: [string, { id: string; dumpAt: string } | null][] = [
      ['option', option],
      ['provenance', fromProvenance],
      ['batch', p.format === 'dump_part' && headers.length === 1 ? snapshotFromTime(headers[0]!) : null],
      ['file_name', fromName ? snapshotFromTime(fromName) : null],
    ];
    const hit = choice.find(([, v]) => v !== null);
    if (!hit) {
      throw new AppError('VALIDATION', `${p.path}: no "Updated:" header and no date in its name; give the dump time with --dump-time`, {
        issues: [{ path: ['dump_time'], message: `required for ${p.sourceFile}` }],
      });
    }
    // the option and a header were checked above; the provenance is shipped; a name can say anything
    const nameFuture = hit[0] === 'file_name' && futureProblem(Date.parse(hit[1]!.dumpAt), opts.nowMs);
    if (nameFuture)
      throw new AppError('VALIDATION', `${p.path}: the date in its name, ${hit[1]!.id}, is ${nameFuture}; give the dump time with --dump-time`, {
        issues: [{ path: ['files', basename(p.path)], message: `the date in the name is in the future: ${hit[1]!.id}` }],
      });
    Object.assign(p, { snapshotId: hit[1]!.id, dumpAt: hit[1]!.dumpAt, timeBasis: hit[0] });
  }
  markCompleteParts(planned);
  return planned;
}

/**
 * A dump holding its "Updated:" header and no record is an empty or truncated download, never a
 * register of 0 entries (its figures would be published as 0): it is refused, unless headerless
 * parts imported with it take its header (a dump-00 holding the header only).
 */
async function refuseEmptyDumps(planned: PlannedFile[]): Promise<void> {
  if (planned.some((p) => p.format === 'dump_part')) return;
  for (const p of planned) {
    if (p.format !== 'dump' || !(await blankAfterFirstLine(p.path))) continue;
    throw new AppError(
      'VALIDATION',
      `${p.path}: holds its "Updated:" header and no record: an empty or truncated download, not a register of 0 entries; nothing was stored`,
      {
        issues: [{ path: ['files', p.sourceFile], message: 'no record after the "Updated:" header' }],
      },
    );
  }
}

/**
 * The part number of a file named as Zapret-Info splits its dump (`dump-00`, `dump-08_2020-02-16`):
 * digits after "dump-" that do not run on into a date (`dump-2021-07-01` is a dump's date, no part).
 */
export const partNumber = (sourceFile: string): number | null => {
  const m = /dump-(\d+)(?![\d-])/.exec(sourceFile);
  return m ? Number(m[1]) : null;
};

/**
 * Parts dump-00..dump-NN imported together, numbered without gaps and with a header on 00:
 * complete. Files are parts only beside a headerless part of the same snapshot: a dump with its
 * own "Updated:" header and no headerless part beside it is whole, whatever its name says.
 */
function markCompleteParts(planned: PlannedFile[]): void {
  const bySnapshot = new Map<string, PlannedFile[]>();
  for (const p of planned) if (partNumber(p.sourceFile) !== null && p.snapshotId) bySnapshot.set(p.snapshotId, [...(bySnapshot.get(p.snapshotId) ?? []), p]);
  for (const parts of bySnapshot.values()) {
    if (!parts.some((p) => p.format === 'dump_part')) continue;
    const nums = parts.map((p) => partNumber(p.sourceFile)!).sort((a, b) => a - b);
    const contiguous = nums.every((n, i) => n === i);
    const headed = parts.some((p) => partNumber(p.sourceFile) === 0 && p.timeBasis === 'header');
    for (const p of parts) p.complete = !p.provenance && contiguous && headed;
  }
}
