/**
 * Read one measurement file (plain or gzip) as a stream and turn every record (a JSONL line, or a
 * measurement of a JSON document or array: records.ts) into a scored row or a reject, handing
 * batches to a sink. Memory is one chunk, one line and one batch, whatever
 * the file size. The same function runs inside worker threads (ingest-worker.ts) and in-process;
 * it is also the fallback of the DuckDB fast path (fast-file.ts) for files it cannot read.
 */
import { FileScorer, type BatchSink, type FileResult, type FileTask } from './file-scorer.js';
import type { FingerprintMatcher } from '../fingerprints/matcher.js';
import { RecordSource } from './records.js';

export type { BatchSink, FileResult, FileTask } from './file-scorer.js';

export async function processFile(task: FileTask, matcher: FingerprintMatcher, sink: BatchSink): Promise<FileResult> {
  return scoreRecords(new FileScorer(task, matcher, sink), new RecordSource(task), task);
}

/** Score every record the source has left, then account for a read cut short. */
export async function scoreRecords(scorer: FileScorer, source: RecordSource, task: FileTask): Promise<FileResult> {
  for (let ev = await source.next(); ev; ev = await source.next()) {
    scorer.record(ev);
    if (scorer.pending >= task.batch_size) await scorer.flush(source.rawBytes);
  }
  const cut = source.failure();
  if (cut) {
    scorer.counts.lines_read++;
    scorer.reject(cut.lineNo >= 0 ? cut.lineNo : scorer.counts.lines_read, cut.offset, cut.reason, cut.detail, null);
  }
  return scorer.finish(source.rawBytes, source.checksum(), cut?.error ?? null, await source.format(), source.ignored());
}
