/**
 * Import one dump file (or dump part, or the derived CIDR file) into its snapshot: decode,
 * check every line, store entries and parsed ranges, keep rejects with their line numbers,
 * and reconcile: lines = header + blank + stored + rejected.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AppError, readTextStrict, refuseRepeatedColumns, type ProgressReporter } from '../shared/index.js';
import type { RegistrySink, RegistrySnapshotRecord, RejectList, Store } from '../store/index.js';
import { parseIp } from './addresses.js';
import { badIpDetail, decisionLimit, futureDateDetail, dateProblem } from './dump-line.js';
import { stageDump, type StagedPart } from './dump-stage.js';
import { eachLine } from './lines.js';
import type { PlannedFile, Provenance } from './plan.js';

/** Bumped when parsing changes, so an unchanged file is re-imported after an upgrade. */
export const PARSER_VERSION = 3;

export interface LineReject {
  line: number;
  reason: string;
  raw: string;
}

export const REJECT_KIND = 'registry';

/** Where a file's rejects are listed (import_rejects): `snapshot/file`, or the file alone for one outside any snapshot. */
export const rejectKey = (plan: PlannedFile): string => (plan.snapshotId ? `${plan.snapshotId}/${plan.sourceFile}` : plan.sourceFile);

/** A file's rejects as the list the store writes with the file. */
export function rejectList(plan: PlannedFile, rejects: LineReject[]): RejectList {
  const key = rejectKey(plan);
  return {
    importKind: REJECT_KIND,
    sourceFile: key,
    records: rejects.map((r) => ({ importKind: REJECT_KIND, sourceFile: key, line: r.line, reason: r.reason, raw: r.raw })),
  };
}

export interface FileReport {
  file: string;
  path: string;
  format: string;
  snapshot: string | null;
  status: 'imported' | 'unchanged';
  complete: boolean;
  time_basis: string | null;
  lines: number;
  header_lines: number;
  blank_lines: number;
  stored: number;
  rejected: number;
  reconciled: boolean;
  ipv4_tokens: number;
  ipv6_tokens: number;
  cidr_tokens: number;
  host_bits_set: number;
  stray_semicolon_rows: number;
  quoted_url_rows: number;
  sha256: string;
  parser_version: number;
  provenance: Provenance | null;
}

export function emptyReport(plan: PlannedFile): FileReport {
  return {
    file: plan.sourceFile,
    path: plan.path,
    format: plan.format,
    snapshot: plan.snapshotId,
    status: 'imported',
    complete: plan.complete,
    time_basis: plan.timeBasis,
    lines: 0,
    header_lines: 0,
    blank_lines: 0,
    stored: 0,
    rejected: 0,
    reconciled: false,
    ipv4_tokens: 0,
    ipv6_tokens: 0,
    cidr_tokens: 0,
    host_bits_set: 0,
    stray_semicolon_rows: 0,
    quoted_url_rows: 0,
    sha256: plan.sha256,
    parser_version: PARSER_VERSION,
    provenance: plan.provenance,
  };
}

function addRanges(sink: RegistrySink, report: FileReport, line: number, parsed: NonNullable<ReturnType<typeof parseIp>>[]): void {
  parsed.forEach((p) => {
    if (p.family === 4) report.ipv4_tokens++;
    else report.ipv6_tokens++;
    if (p.prefix < (p.family === 4 ? 32 : 128)) report.cidr_tokens++;
    if (p.hostBits) report.host_bits_set++;
    sink.range({ line, family: p.family, first: p.first, last: p.last, prefix: p.prefix });
  });
}

const reconcile = (r: FileReport) => {
  r.reconciled = r.lines === r.header_lines + r.blank_lines + r.stored + r.rejected;
};

/**
 * A file with records of which none could be stored is no register of 0 entries (its figures
 * would be published as 0s and it could become the default snapshot): VALIDATION naming the
 * first rejects, thrown inside the file's write so nothing of it is stored. A derived file
 * (`derived`) holding its header and no record is refused the same way: it has no part beside it
 * that could hold its records, as a dump-00 holding its header only has.
 */
export function refuseNothingStored(plan: PlannedFile, report: FileReport, rejects: LineReject[], derived = false): void {
  if (report.stored > 0) return;
  if (report.rejected === 0) {
    if (!derived) return;
    throw new AppError(
      'VALIDATION',
      `${plan.path}: holds its header and no record: an empty or truncated file, not a register of 0 entries; nothing was stored`,
      {
        issues: [{ path: ['files', plan.sourceFile], message: 'no record after the header' }],
      },
    );
  }
  const first = rejects
    .slice(0, 3)
    .map((r) => `line ${r.line}: ${r.reason}`)
    .join('; ');
  const lines = `${report.rejected} line${report.rejected === 1 ? '' : 's'}`;
  throw new AppError('VALIDATION', `${plan.path}: every record is rejected (${lines}; ${first}); nothing was stored`, {
    issues: [{ path: ['files', plan.sourceFile], message: `every record is rejected (${report.rejected})` }],
  });
}

/** Rejects for lines the store found a non-address token in: the reference's detail, the raw line re-read from the file. */
async function badIpRejects(path: string, bad: { line: number; ips: string }[]): Promise<LineReject[]> {
  if (bad.length === 0) return [];
  const raw = new Map(bad.map((b) => [b.line, '']));
  await eachLine(path, 'windows-1251', (text, line) => {
    if (raw.has(line)) raw.set(line, text.slice(0, 500));
  });
  return bad.map((b) => ({ line: b.line, reason: `bad_ip: ${badIpDetail(b.ips.split(' | '), parseIp) ?? 'not an address'}`, raw: raw.get(b.line) ?? '' }));
}

/** Parts handed from the stager to the store as they are finished (an async queue). */
function channel<T>(): { push: (x: T) => void; end: (e?: unknown) => void; items: AsyncIterable<T> } {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  let error: Error | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  return {
    push: (x) => void (queue.push(x), poke()),
    end: (e) => void ((done = true), (error = e === undefined ? null : e instanceof Error ? e : new Error('staging failed', { cause: e })), poke()),
    items: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          if (queue.length) yield queue.shift()!;
          else if (error) throw error;
          else if (done) return;
          else await new Promise<void>((r) => (wake = r));
        }
      },
    },
  };
}

/** A cp1251 dump or dump part: checked and staged here (dump-stage.ts), loaded in bulk by the store while staging goes on. */
export async function importDumpFile(
  store: Store,
  plan: PlannedFile,
  snapshot: RegistrySnapshotRecord,
  at: string,
  progress: ProgressReporter,
  rejects: LineReject[],
): Promise<FileReport> {
  const report = emptyReport(plan);
  const dir = await mkdtemp(join(tmpdir(), 'splinternet-registry-'));
  const parts = channel<StagedPart>();
  // `at` is the import's "now": a decision dated after the latest day begun anywhere then, or at the dump's time, is a reject
  const staging = stageDump(plan.path, dir, plan.format === 'dump', decisionLimit(plan.dumpAt, Date.parse(at)), parts.push, (bytes) => progress.update(bytes));
  staging.then(
    () => parts.end(),
    (e: unknown) => parts.end(e),
  );
  try {
    return await store.registry.writeFile(snapshot, plan.sourceFile, at, async (sink) => {
      const r = await sink.loadDumpRows({ parts: parts.items, parseToken: parseIp });
      const st = await staging;
      const bad = await badIpRejects(plan.path, r.badIps);
      const dropped = new Set(bad.map((b) => b.line));
      const kept = (lines: number[]) => lines.filter((l) => !dropped.has(l)).length;
      const all = [...st.rejects, ...bad].sort((a, b) => a.line - b.line);
      Object.assign(report, {
        lines: st.lines,
        header_lines: st.header,
        blank_lines: st.blank,
        stored: r.stored,
        rejected: all.length,
        ipv4_tokens: r.ipv4,
        ipv6_tokens: r.ipv6,
        cidr_tokens: r.cidr,
        host_bits_set: r.hostBits,
        stray_semicolon_rows: kept(st.stray),
        quoted_url_rows: kept(st.quoted),
      });
      refuseNothingStored(plan, report, all);
      rejects.push(...all);
      reconcile(report);
      return { doc: { ...report }, result: report, rejects: rejectList(plan, all) };
    });
  } finally {
    await staging.catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Read a small derived CSV (UTF-8, optionally gzipped) into rows keyed by header, with line
 * numbers; CRLF and LF both end a line, in any mix. A header that repeats a column name is
 * refused, naming it (shared/csv-header.ts).
 */
export async function readDerivedCsv(
  path: string,
): Promise<{ columns: string[]; rows: { line: number; row: Record<string, string>; fields: number }[]; lines: number; blank: number }> {
  const text = await readTextStrict(path);
  let columns: string[] = [];
  const records: { record: Record<string, string>; info: { lines: number; index: number } }[] = parse(text, {
    columns: (header: string[]) => {
      refuseRepeatedColumns(basename(path), header);
      columns = header;
      return header;
    },
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    bom: true,
    // CRLF and LF both end a record, in any mix (rows appended on another system)
    record_delimiter: ['\r\n', '\n'],
  });
  const all = text.split('\n');
  if (text.endsWith('\n')) all.pop();
  return {
    columns,
    rows: records.map((r) => ({ line: r.info.lines, row: r.record, fields: r.info.index })),
    lines: all.length,
    blank: all.filter((l) => l.trim() === '').length,
  };
}

/** The derived file of CIDR records (cidr, num_addresses, decision_body, decision_number, decision_date, domain, record_line). */
export async function importCidrFile(
  store: Store,
  plan: PlannedFile,
  snapshot: RegistrySnapshotRecord,
  at: string,
  rejects: LineReject[],
): Promise<FileReport> {
  const report = emptyReport(plan);
  const { columns, rows, lines, blank } = await readDerivedCsv(plan.path);
  const { latest, dumpAt } = decisionLimit(plan.dumpAt, Date.parse(at));
  return store.registry.writeFile(snapshot, plan.sourceFile, at, async (sink) => {
    report.lines = lines;
    report.header_lines = 1;
    const recordLines: Record<number, number> = {};
    for (const { line, row, fields } of rows) {
      const cidr = (row.cidr ?? '').trim();
      const p = parseIp(cidr);
      // a row is read whole or not at all: a short one has no decision to check, a long one fields no column names
      const reason =
        fields !== columns.length
          ? `bad_fields: the row has ${fields} field${fields === 1 ? '' : 's'}, the header ${columns.length}`
          : !p
            ? `bad_ip: "${cidr}" is not a CIDR`
            : String(p.last - p.first + 1n) !== (row.num_addresses ?? '').trim()
              ? `num_addresses_mismatch: ${cidr} has ${p.last - p.first + 1n} addresses, the row says ${row.num_addresses}`
              : dateProblem((row.decision_date ?? '').trim())
                ? `bad_date: "${row.decision_date}" ${dateProblem((row.decision_date ?? '').trim())}`
                : row.decision_date!.trim() > latest
                  ? `future_date: ${futureDateDetail(row.decision_date!.trim(), latest, dumpAt)}`
                  : !row.decision_body?.trim() || !row.decision_number?.trim()
                    ? 'missing_decision: empty decision body or number'
                    : null;
      if (reason || !p) {
        report.rejected++;
        rejects.push({ line, reason: reason ?? 'bad_ip', raw: Object.values(row).join(',').slice(0, 500) });
        continue;
      }
      sink.entry({
        line,
        ips: cidr,
        domain: (row.domain ?? '').trim(),
        urls: '',
        decisionBody: row.decision_body!.trim(),
        decisionNumber: row.decision_number!.trim(),
        decisionDate: row.decision_date!.trim(),
      });
      addRanges(sink, report, line, [p]);
      if (row.record_line) recordLines[line] = Number(row.record_line);
      report.stored++;
    }
    report.blank_lines = blank;
    refuseNothingStored(plan, report, rejects, true);
    reconcile(report);
    return { doc: { ...report, dump_record_line_by_line: recordLines }, result: report, rejects: rejectList(plan, rejects) };
  });
}
