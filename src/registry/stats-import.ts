/**
 * The derived day-by-day size series of the register (2012-11 .. 2016-06): one row per day from
 * the last complete dump.csv of that day. Rows from truncated blobs (complete=0) are stored and
 * flagged, but never used as totals.
 */
import type { RegistryDailyStatRecord, Store } from '../store/index.js';
import { isIsoDate } from './dump-line.js';
import { emptyReport, readDerivedCsv, type FileReport, type LineReject } from './file-import.js';
import type { PlannedFile } from './plan.js';

const COUNT_COLUMNS = ['bytes', 'records', 'records_with_ip', 'ip_tokens', 'cidr_tokens', 'distinct_domains', 'records_with_url'] as const;

export async function importDailyStats(store: Store, plan: PlannedFile, rejects: LineReject[]): Promise<FileReport> {
  const report = emptyReport(plan);
  const { rows, lines, blank } = await readDerivedCsv(plan.path);
  report.lines = lines;
  report.header_lines = 1;
  report.blank_lines = blank;
  const out: RegistryDailyStatRecord[] = [];
  for (const { line, row } of rows) {
    const day = (row.day ?? '').trim();
    const counts: Record<string, number> = {};
    let bad: string | null = isIsoDate(day) ? null : `bad_date: day "${day}" is not YYYY-MM-DD`;
    for (const [k, v] of Object.entries(row)) {
      if (!(COUNT_COLUMNS as readonly string[]).includes(k) && !k.startsWith('organ_')) continue;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) bad ??= `bad_count: ${k} = "${v}" is not a count`;
      counts[k] = n;
    }
    if (row.complete !== '0' && row.complete !== '1') bad ??= `bad_flag: complete = "${row.complete}" (expected 0 or 1)`;
    if (bad) {
      report.rejected++;
      rejects.push({ line, reason: bad, raw: Object.values(row).join(',').slice(0, 500) });
      continue;
    }
    out.push({
      day,
      complete: row.complete === '1',
      records: counts.records ?? 0,
      doc: { ...counts, day, commit: row.commit ?? null, updated_header: row.updated_header ?? null, complete: row.complete === '1', source_line: line },
    });
    report.stored++;
  }
  await store.registry.replaceDailyStats(plan.sourceFile, out);
  report.reconciled = report.lines === report.header_lines + report.blank_lines + report.stored + report.rejected;
  return report;
}
