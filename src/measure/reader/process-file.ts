/**
 * Read one measurement file (plain or gzip) as a stream and turn every line into a scored row
 * or a reject, handing batches to a sink. Memory is one chunk, one line and one batch, whatever
 * the file size. The same function runs inside worker threads (ingest-worker.ts) and in-process;
 * it is also the fallback of the DuckDB fast path (fast-file.ts) for files it cannot read.
 */
import { FileScorer, type BatchSink, type FileResult, type FileTask } from './file-scorer.js';
import type { FingerprintMatcher } from '../fingerprints/matcher.js';
import { LineSource } from './line-source.js';

export type { BatchSink, FileResult, FileTask } from './file-scorer.js';

export async function processFile(task: FileTask, matcher: FingerprintMatcher, sink: BatchSink): Promise<FileResult> {
  const scorer = new FileScorer(task, matcher, sink);
  const source = new LineSource(task);
  for (let ev = await source.next(); ev; ev = await source.next()) {
    if (ev.bytes) scorer.line(ev.bytes, ev.lineNo, ev.offset);
    else scorer.oversize(ev.lineNo, ev.offset, ev.length);
    if (scorer.pending >= task.batch_size) await scorer.flush(source.rawBytes);
  }
  const cut = source.failure();
  if (cut) {
    scorer.counts.lines_read++;
    scorer.reject(cut.lineNo >= 0 ? cut.lineNo : scorer.counts.lines_read, cut.offset, cut.reason, cut.detail, null);
  }
  return scorer.finish(source.rawBytes, source.checksum(), cut?.error ?? null);
}
