/**
 * `splinternet throughput extract`: read the raw lines of ingested files once more and store,
 * per measurement that carries test_keys.network_events, its throughput and TLS handshake time
 * (throughput.ts). A separate pass rather than part of ingest: the verdict path stays as fast as
 * it is, and files already ingested get their figures without a re-ingest. Incremental (files
 * already extracted at the same checksum are skipped; --force re-reads), one transaction per
 * file. Counts reconcile: lines_read = unparsed + without_events + with_events; every bad event
 * is counted by reason and listed (the first 20 per measurement).
 */
import { createReadStream } from 'node:fs';
import type { Clock, ProgressReporter } from '../../shared/index.js';
import type { Store, ThroughputRecord, ThroughputRejectRecord } from '../../store/index.js';
import { gunzipFile } from '../reader/gzip-members.js';
import { LineSplitter } from '../reader/lines.js';
import { decodeLine, parseMeasurement } from '../reader/parse.js';
import { DEFAULT_MAX_LINE_BYTES } from '../ingest.js';
import { BAD_EVENT_REASONS, badTotal, throughputOf, type BadEventReason } from './throughput.js';

export interface ThroughputFileReport {
  path: string;
  file_id: string;
  status: 'done' | 'failed';
  lines_read: number;
  unparsed: number;
  with_events: number;
  with_throughput: number;
  bad_events: number;
  error: string | null;
}

export interface ThroughputExtractReport {
  files: { total: number; extracted: number; failed: number; skipped_unchanged: number };
  lines_read: number;
  /** Lines that are not a measurement (ingest rejected them too). */
  unparsed: number;
  without_events: number;
  with_events: number;
  with_throughput: number;
  /** Bad events this run found in the files it read. */
  bad_events: number;
  bad_by_reason: Record<BadEventReason, number>;
  /** Bad events stored by earlier extractions of the files this run did not read again (`throughput rejects` lists them). */
  bad_events_kept: number;
  reconciled: boolean;
  reconciliation: string;
  per_file: ThroughputFileReport[];
  /** The first 200 bad events: file, line, index in network_events, reason. */
  rejects: (ThroughputRejectRecord & { path: string })[];
  method: string;
}

export const THROUGHPUT_EXTRACT_METHOD =
  'Per measurement, OONI test_keys.network_events grouped into connections (transaction_id, else connect order); the connection that received most bytes is timed: ' +
  'bytes after the first read over the time from first to last read (or bytes_received_cumulative samples); TLS handshake time from tls_handshakes t - t0 or tls_handshake_start/done (docs/design/030-detection.md §2b).';

type Deps = { store: Store; clock: Clock; progress: ProgressReporter };

async function extractFile(path: string, fileId: string, onLine: (text: string, line: number) => void): Promise<string | null> {
  const splitter = new LineSplitter(DEFAULT_MAX_LINE_BYTES, {
    line: (bytes, lineNo) => {
      if (bytes.length) onLine(decodeLine(bytes), lineNo);
    },
    oversize: () => undefined,
  });
  const stream: AsyncIterable<Buffer> = path.endsWith('.gz') ? gunzipFile(path) : createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) splitter.push(chunk);
    splitter.end();
    return null;
  } catch (e) {
    return `cannot read ${path} (file id ${fileId}): ${(e as Error).message}`;
  }
}

export async function extractThroughput(deps: Deps, opts: { force?: boolean } = {}): Promise<ThroughputExtractReport> {
  const pending = await deps.store.throughput.pendingFiles(Boolean(opts.force));
  const all = (await deps.store.throughput.counts()).files;
  const report: ThroughputExtractReport = {
    files: { total: pending.length, extracted: 0, failed: 0, skipped_unchanged: opts.force ? 0 : all - pending.filter((p) => p.extracted).length },
    lines_read: 0,
    unparsed: 0,
    without_events: 0,
    with_events: 0,
    with_throughput: 0,
    bad_events: 0,
    bad_by_reason: Object.fromEntries(BAD_EVENT_REASONS.map((r) => [r, 0])) as Record<BadEventReason, number>,
    bad_events_kept: 0,
    reconciled: true,
    reconciliation: '',
    per_file: [],
    rejects: [],
    method: THROUGHPUT_EXTRACT_METHOD,
  };
  deps.progress.start('throughput', pending.length, 'files');
  for (const [k, f] of pending.entries()) {
    const fr: ThroughputFileReport = {
      path: f.path,
      file_id: f.file_id,
      status: 'done',
      lines_read: 0,
      unparsed: 0,
      with_events: 0,
      with_throughput: 0,
      bad_events: 0,
      error: null,
    };
    const rows: ThroughputRecord[] = [];
    const rejects: ThroughputRejectRecord[] = [];
    fr.error = await extractFile(f.path, f.file_id, (text, line) => {
      fr.lines_read++;
      const parsed = parseMeasurement(text);
      if (!parsed.ok) return void fr.unparsed++;
      const t = throughputOf(parsed.value.testKeys);
      if (!t) return;
      fr.with_events++;
      if (t.throughput_kbps !== null) fr.with_throughput++;
      const nBad = badTotal(t);
      fr.bad_events += nBad;
      for (const r of BAD_EVENT_REASONS) report.bad_by_reason[r] += t.bad[r];
      for (const b of t.bad_events)
        rejects.push({ file_id: f.file_id, line, event_index: b.index, operation: b.operation, reason: b.reason, detail: b.detail });
      const { bad: _b, bad_events: _e, ...figures } = t;
      rows.push({ file_id: f.file_id, line, ...figures, bad_events: nBad });
    });
    if (fr.error) {
      fr.status = 'failed';
      report.files.failed++;
    } else {
      await deps.store.throughput.replaceFile(
        {
          file_id: f.file_id,
          checksum: f.checksum,
          lines_read: fr.lines_read,
          unparsed: fr.unparsed,
          with_events: fr.with_events,
          with_throughput: fr.with_throughput,
          bad_events: fr.bad_events,
          extracted_at: deps.clock.now().toISOString(),
        },
        rows,
        rejects,
      );
      report.files.extracted++;
    }
    for (const j of rejects) if (report.rejects.length < 200) report.rejects.push({ ...j, path: f.path });
    report.lines_read += fr.lines_read;
    report.unparsed += fr.unparsed;
    report.with_events += fr.with_events;
    report.with_throughput += fr.with_throughput;
    report.bad_events += fr.bad_events;
    report.per_file.push(fr);
    deps.progress.update(k + 1, { measurements: report.with_events, bad_events: report.bad_events });
  }
  deps.progress.stop();
  // the store holds this run's files as just read, and every other file as extracted before
  report.bad_events_kept = Math.max(0, (await deps.store.throughput.counts()).bad_events - report.bad_events);
  report.without_events = report.lines_read - report.unparsed - report.with_events;
  report.reconciled = report.without_events >= 0;
  report.reconciliation = `lines_read ${report.lines_read} = unparsed ${report.unparsed} + without network_events ${report.without_events} + with network_events ${report.with_events} (${report.with_throughput} timed); ${report.bad_events} bad events`;
  return report;
}
