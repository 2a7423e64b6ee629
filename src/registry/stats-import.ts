/**
 * The derived day-by-day size series of the register (2012-11 .. 2016-06): one row per day from
 * the last complete dump.csv of that day. Rows from truncated blobs (complete=0) are stored and
 * flagged, but never used as totals. A row is stored only when it can be true of the register on
 * its day: a day already begun (the latest date begun anywhere at the import's clock), not
 * before the date of its own `Updated:` header nor more than STALE_DAYS after it (the day's last
 * dump may be an earlier day's: 2 days at most in the shipped series), counts of records
 * with an address, a URL or a distinct domain no more than its records, the bodies' counts
 * summing to no more than its records, at least one IP token per record with an address (and
 * none without one), no more CIDR tokens than tokens, an `Updated:` header that reads as one,
 * every count cell of the header filled (an empty or missing cell is never read as 0), as many
 * fields as the header (a short or long row is never read in part), a commit that is a git hash
 * (every value cites its gsnw/z-i commit), and a day not given on an earlier line. Any other row is a reject naming its line and why.
 */
import { latestDateBegun } from '../shared/index.js';
import type { RegistryDailyStatRecord, Store } from '../store/index.js';
import { dateProblem } from './dump-line.js';
import { emptyReport, readDerivedCsv, refuseNothingStored, type FileReport, type LineReject } from './file-import.js';
import { headerTime, type PlannedFile } from './plan.js';

const COUNT_COLUMNS = ['bytes', 'records', 'records_with_ip', 'ip_tokens', 'cidr_tokens', 'distinct_domains', 'records_with_url'] as const;
const PARTS_OF_RECORDS = ['records_with_ip', 'records_with_url', 'distinct_domains'] as const;

/** How many days a day's last dump may be older than the day. */
export const STALE_DAYS = 7;

const daysAfter = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Why a row whose fields each read cannot be true of the register, or null. */
function impossible(day: string, header: string | undefined, counts: Record<string, number>, latest: string): string | null {
  if (day > latest) return `future_date: day "${day}" is after today (the latest date begun anywhere is ${latest})`;
  const at = headerTime(header ?? '');
  if (!at) return `bad_header: updated_header "${header ?? ''}" is not an "Updated: YYYY-MM-DD HH:MM:SS +0000" header`;
  if (day < at.slice(0, 10) || day > daysAfter(at.slice(0, 10), STALE_DAYS))
    return `bad_date: day "${day}" is before the date of its header "${header}" or more than ${STALE_DAYS} days after it`;
  const records = counts.records ?? 0;
  for (const k of PARTS_OF_RECORDS) if ((counts[k] ?? 0) > records) return `bad_count: ${k} = ${counts[k]} is more than records = ${records}`;
  const [withIp, tokens, cidr] = [counts.records_with_ip ?? 0, counts.ip_tokens ?? 0, counts.cidr_tokens ?? 0];
  if (tokens < withIp) return `bad_count: ip_tokens = ${tokens} is less than records_with_ip = ${withIp} (each such record lists an address)`;
  if (tokens > 0 && withIp === 0) return `bad_count: ip_tokens = ${tokens} is more than 0, but records_with_ip = 0`;
  if (cidr > tokens) return `bad_count: cidr_tokens = ${cidr} is more than ip_tokens = ${tokens}`;
  const bodies = Object.entries(counts).reduce((n, [k, v]) => (k.startsWith('organ_') ? n + v : n), 0);
  if (bodies > records) return `bad_count: the organ_* counts sum to ${bodies}, more than records = ${records}`;
  return null;
}

/** `at`: the import's clock (ISO); a day after the latest date begun anywhere then is a reject. */
export async function importDailyStats(store: Store, plan: PlannedFile, at: string, rejects: LineReject[]): Promise<FileReport> {
  const report = emptyReport(plan);
  const { columns, rows, lines, blank } = await readDerivedCsv(plan.path);
  const countColumns = [...COUNT_COLUMNS, ...columns.filter((c) => c.startsWith('organ_'))];
  const latest = latestDateBegun(Date.parse(at));
  report.lines = lines;
  report.header_lines = 1;
  report.blank_lines = blank;
  const out: RegistryDailyStatRecord[] = [];
  const lineOfDay = new Map<string, number>();
  for (const { line, row, fields } of rows) {
    const day = (row.day ?? '').trim();
    const counts: Record<string, number> = {};
    let bad: string | null = fields === columns.length ? null : `bad_fields: the row has ${fields} fields, the header ${columns.length}`;
    if (!bad && dateProblem(day) !== null) bad = `bad_date: day "${day}" ${dateProblem(day)}`;
    for (const k of countColumns) {
      const v = row[k];
      if (v === undefined || v.trim() === '') {
        bad ??= `bad_count: column "${k}" is empty (a missing count is not 0)`;
        continue;
      }
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) bad ??= `bad_count: ${k} = "${v}" is not a count`;
      counts[k] = n;
    }
    if (row.complete !== '0' && row.complete !== '1') bad ??= `bad_flag: complete = "${row.complete}" (expected 0 or 1)`;
    // every value is sourced to a gsnw/z-i commit: a cell that is no commit hash would cite a link that goes nowhere
    if (row.commit !== undefined && !/^[0-9a-f]{7,40}$/.test(row.commit.trim()))
      bad ??= `bad_commit: commit = "${row.commit.slice(0, 60)}" is not a git commit hash (7 to 40 hex digits)`;
    bad ??= impossible(day, row.updated_header, counts, latest);
    const first = lineOfDay.get(day);
    if (first !== undefined) bad ??= `duplicate_day: day "${day}" is given on line ${first} already`;
    if (bad) {
      report.rejected++;
      rejects.push({ line, reason: bad, raw: Object.values(row).join(',').slice(0, 500) });
      continue;
    }
    lineOfDay.set(day, line);
    out.push({
      day,
      complete: row.complete === '1',
      records: counts.records ?? 0,
      doc: { ...counts, day, commit: row.commit ?? null, updated_header: row.updated_header ?? null, complete: row.complete === '1', source_line: line },
    });
    report.stored++;
  }
  // a file that stores no day would replace the series it names with nothing
  refuseNothingStored(plan, report, rejects, true);
  await store.registry.replaceDailyStats(plan.sourceFile, out);
  report.reconciled = report.lines === report.header_lines + report.blank_lines + report.stored + report.rejected;
  return report;
}
