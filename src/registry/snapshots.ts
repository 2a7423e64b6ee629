/**
 * Snapshots: one per dump time. Their flags come from their files: a snapshot is complete only
 * if every file is (a truncated copy, a lone part or a derived extract is not) and no line of
 * them was lost to a reject, and every
 * figure of an incomplete snapshot is a lower bound. `--snapshot DATE` picks the day's one
 * (a day of several is refused, listing their ids); a date and time picks the snapshot dumped at
 * that instant and no other (a time that is no snapshot's is refused, listing the ids); without it
 * the analysis commands use the latest complete snapshot, or, when none is complete, the one
 * with the most blocked IPv4 space (the output says which rule chose it).
 */
import { AppError, isValidPartialDate } from '../shared/index.js';
import type { RegistryFileRecord, RegistrySnapshotRecord, Store } from '../store/index.js';
import { partNumber } from './plan.js';

export interface SnapshotView {
  id: string;
  dump_at: string;
  time_basis: string;
  kind: string;
  complete: boolean;
  lower_bound: boolean;
  selected_by?: string;
  files: { file: string; format: string; stored: number; rejected: number; sha256: string; provenance: Record<string, unknown> | null }[];
}

export function snapshotView(s: RegistrySnapshotRecord, files: RegistryFileRecord[], selectedBy?: string): SnapshotView {
  return {
    id: s.id,
    dump_at: s.dumpAt,
    time_basis: s.timeBasis,
    kind: s.kind,
    complete: s.complete,
    lower_bound: s.lowerBound,
    ...(selectedBy ? { selected_by: selectedBy } : {}),
    files: files.map((f) => ({
      file: f.sourceFile,
      format: typeof f.doc.format === 'string' ? f.doc.format : '',
      stored: Number(f.doc.stored ?? 0),
      rejected: Number(f.doc.rejected ?? 0),
      sha256: typeof f.doc.sha256 === 'string' ? f.doc.sha256 : '',
      provenance: (f.doc.provenance as Record<string, unknown> | null) ?? null,
    })),
  };
}

/**
 * The files are a whole register (a complete dump, or all its parts), whether or not a line was
 * lost to a reject: each was whole when imported, or together they are the parts 00..NN of one
 * dump, however many imports brought them in.
 */
export const wholeFiles = (files: RegistryFileRecord[]): boolean => files.length > 0 && (files.every((f) => f.doc.complete === true) || completeParts(files));

/**
 * The stored files are parts dump-00..dump-NN (plan.ts partNumber) without a gap, 00 with its
 * "Updated:" header and at least one headerless part, none of them a shipped file whose
 * provenance says it is a lone part: the rule markCompleteParts applies to one import's files.
 */
export function completeParts(files: RegistryFileRecord[]): boolean {
  if (!files.some((f) => f.doc.format === 'dump_part') || files.some((f) => f.doc.provenance)) return false;
  const nums = files.map((f) => partNumber(f.sourceFile));
  if (nums.some((n) => n === null)) return false;
  const sorted = (nums as number[]).sort((a, b) => a - b);
  const headed = files.some((f) => partNumber(f.sourceFile) === 0 && f.doc.time_basis === 'header');
  return headed && sorted.every((n, i) => n === i);
}

/**
 * Recompute a snapshot's kind and flags from all its files (after a file was added or replaced):
 * complete only when the files are whole and no line of them was lost to a reject.
 */
export function snapshotFlags(files: RegistryFileRecord[]): Pick<RegistrySnapshotRecord, 'kind' | 'complete' | 'lowerBound'> {
  const formats = new Set(files.map((f) => (f.doc.format === 'cidr_derived' ? 'cidr_derived' : 'dump')));
  const complete = wholeFiles(files) && files.every((f) => Number(f.doc.rejected ?? 0) === 0);
  return { kind: formats.size === 1 ? [...formats][0]! : 'mixed', complete, lowerBound: !complete };
}

/**
 * The snapshot that speaks for a UTC day in the day-by-day series: of the snapshots dumped that
 * day, the last complete one, else the last one (`all` sorted by dump time, as listSnapshots gives).
 */
export function daySnapshot(all: RegistrySnapshotRecord[], day: string): RegistrySnapshotRecord | undefined {
  const sameDay = all.filter((s) => s.dumpAt.slice(0, 10) === day);
  return sameDay.filter((s) => s.complete).at(-1) ?? sameDay.at(-1);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch ms of a date and time with its zone (Z or an offset; a space for the T), else null. */
function instantOf(value: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3]}`);
  return Number.isNaN(ms) || !isValidPartialDate(m[1]!) ? null : ms;
}

export interface Selected {
  snapshot: RegistrySnapshotRecord;
  selectedBy: string;
}

/** The snapshot named by `value` (an id or a YYYY-MM-DD date), or the default one. */
export async function selectSnapshot(store: Store, value?: string): Promise<Selected> {
  const all = await store.registry.listSnapshots();
  if (all.length === 0) throw new AppError('NOT_FOUND', 'no registry snapshots yet: run `splinternet registry import FILE...` or `splinternet db seed`');
  const ids = all.map((s) => s.id).join(', ');
  if (value !== undefined) {
    const exact = all.find((s) => s.id === value);
    if (exact) return { snapshot: exact, selectedBy: 'requested' };
    if (!DATE_ONLY.test(value)) {
      // a time picks the snapshot dumped at that instant (in any zone), never another of its day
      const at = instantOf(value);
      const same = at === null ? undefined : all.find((s) => Date.parse(s.dumpAt) === at);
      if (same) return { snapshot: same, selectedBy: 'requested' };
      const what = at === null ? 'is not a date (YYYY-MM-DD) or snapshot id' : 'is the time of no snapshot: give its date (YYYY-MM-DD) or a snapshot id';
      throw new AppError('VALIDATION', `--snapshot "${value}" ${what}; available: ${ids}`, {
        issues: [{ path: ['snapshot'], message: `one of: ${ids}` }],
      });
    }
    if (!isValidPartialDate(value))
      throw new AppError('VALIDATION', `--snapshot "${value}" is not a date on the calendar; available: ${ids}`, {
        issues: [{ path: ['snapshot'], message: `one of: ${ids}` }],
      });
    const sameDay = all.filter((s) => s.dumpAt.slice(0, 10) === value || s.id.startsWith(value));
    if (sameDay.length === 0)
      throw new AppError('VALIDATION', `no snapshot on ${value}; available: ${ids}`, { issues: [{ path: ['snapshot'], message: `one of: ${ids}` }] });
    if (sameDay.length > 1) {
      const those = sameDay.map((s) => s.id).join(', ');
      throw new AppError('VALIDATION', `--snapshot ${value}: ${value} names ${sameDay.length} snapshots: ${those}; give one of these ids`, {
        issues: [{ path: ['snapshot'], message: `one of: ${those}` }],
      });
    }
    return { snapshot: sameDay[0]!, selectedBy: 'requested' };
  }
  const complete = all.filter((s) => s.complete);
  if (complete.length) return { snapshot: complete[complete.length - 1]!, selectedBy: 'default: the latest complete snapshot' };
  const largest = [...all].sort((a, b) => Number(b.doc.ipv4_distinct ?? 0) - Number(a.doc.ipv4_distinct ?? 0) || b.dumpAt.localeCompare(a.dumpAt))[0]!;
  return { snapshot: largest, selectedBy: 'default: no snapshot is complete, so the one with the most blocked IPv4 addresses' };
}
