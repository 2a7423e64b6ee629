/**
 * The fast ingest path for one file (docs/design/020 §1). DuckDB's JSON reader parses the file
 * on its own threads and hands back, per line, a slim projection of the fields the rules read
 * (verdict/projection.ts); JavaScript walks the file's lines in step (LineSource: line numbers,
 * byte offsets, checksum, oversize lines, truncated gzip) and scores each line from its
 * projection with the same rules, through the same FileScorer as the line-by-line path.
 *
 * Nothing is lost and nothing is counted twice: rows and lines pair up in order (DuckDB skips
 * blank lines as we do; each pair is checked against the line's bytes), and at the first thing
 * the projection cannot carry — a line DuckDB rejects (malformed, wrong shape, too long), an
 * oversize line, a line that does not start with `{`, a pair that does not check out — the
 * DuckDB read is stopped and the rest of the file is read line by line in JavaScript, which
 * gives every reject its line, offset and reason. Single lines the projection cannot score
 * (projection.ts: fullLineNeeded) are parsed whole on the spot. A file that is not JSONL
 * (records.ts: pretty-printed documents, an array, a YAML report) is read in JavaScript whole.
 */
import type { ProjectedChunk, ProjectionSpec } from '../../store/index.js';
import type { FingerprintMatcher } from '../fingerprints/matcher.js';
import type { Json } from './parse.js';
import { parseObject } from './parse.js';
import { FileScorer, isBlank, type BatchSink, type FileResult, type FileTask } from './file-scorer.js';
import type { LineEvent } from './line-source.js';
import { scoreRecords } from './process-file.js';
import { RecordSource } from './records.js';
import { fullLineNeeded, MEASUREMENT_PROJECTION } from '../verdict/projection.js';

export type ProjectedReader = (path: string, spec: ProjectionSpec, opts: { maxObjectBytes: number }) => AsyncIterable<ProjectedChunk>;

export interface FastFileStats {
  /** Lines scored from DuckDB's projection. */
  projected: number;
  /** Lines parsed whole in JavaScript (exceptions and the rest of a file after a fallback). */
  full: number;
  /** Why the DuckDB read stopped early, if it did. */
  fallback: string | null;
}

/** Does the row belong to this line? Its report_id and start time must appear in the line's bytes. */
function pairs(m: Json, line: Buffer): boolean {
  const start = m.measurement_start_time;
  if (typeof start !== 'string' || line.indexOf(start) < 0) return false;
  return typeof m.report_id !== 'string' || m.report_id === '' || line.indexOf(m.report_id) >= 0;
}

/** Put the bodies back where the rules look for them (test_keys.requests[i].response.body). */
function withBodies(m: Json, bodies: readonly (string | null)[] | null): void {
  if (!bodies) return;
  const reqs = (m.test_keys as Json | null)?.requests;
  if (!Array.isArray(reqs)) return;
  bodies.forEach((b, i) => {
    const resp = (reqs[i] as Json | null)?.response as Json | null | undefined;
    if (resp && b !== null) resp.body = b;
  });
}

export async function processFileFast(
  task: FileTask,
  matcher: FingerprintMatcher,
  sink: BatchSink,
  read: ProjectedReader,
): Promise<FileResult & { fast: FastFileStats }> {
  const scorer = new FileScorer(task, matcher, sink);
  const source = new RecordSource(task);
  const stats: FastFileStats = { projected: 0, full: 0, fallback: null };
  const format = await source.format();
  if (format !== 'jsonl') {
    // DuckDB reads newline-delimited JSON only here: a JSON document or array, or a YAML report, is read in JavaScript
    const r = await scoreRecords(scorer, source, task);
    return { ...r, fast: { ...stats, full: r.lines_read, fallback: `the file is ${format === 'json' ? 'JSON documents, not JSONL' : 'a YAML report'}` } };
  }
  const full = (ev: LineEvent) => {
    stats.full++;
    if (ev.bytes) scorer.line(ev.bytes, ev.lineNo, ev.offset);
    else scorer.oversize(ev.lineNo, ev.offset, ev.length);
  };
  /** The next line DuckDB also returns a row for; lines it skips are handled here. Null: stop pairing. */
  const nextDataLine = async (): Promise<{ ev: LineEvent & { bytes: Buffer } } | { stop: string; ev: LineEvent | null }> => {
    for (;;) {
      const ev = await source.next();
      if (!ev) return { stop: 'DuckDB returned more rows than the file has lines', ev: null };
      if (!ev.bytes) return { stop: `line ${ev.lineNo} is over the size limit`, ev };
      if (isBlank(ev.bytes)) continue;
      let i = 0;
      while (ev.bytes[i] === 32 || ev.bytes[i] === 9) i++;
      if (i === ev.bytes.length) {
        full(ev); // whitespace only: DuckDB skips it, we reject it
        continue;
      }
      if (ev.bytes[i] !== 123) return { stop: `line ${ev.lineNo} does not start with {`, ev };
      return { ev: ev };
    }
  };

  const rows = read(task.path, MEASUREMENT_PROJECTION, { maxObjectBytes: task.max_line_bytes })[Symbol.asyncIterator]();
  try {
    outer: for (;;) {
      const chunk = await rows.next();
      if (chunk.done) break;
      for (let r = 0; r < chunk.value.rowCount; r++) {
        const row = chunk.value.row(r);
        const next = await nextDataLine();
        if ('stop' in next) {
          stats.fallback = next.stop;
          if (next.ev) full(next.ev);
          break outer;
        }
        const { ev } = next;
        const m = JSON.parse(row.slim) as Json;
        if (!pairs(m, ev.bytes)) {
          stats.fallback = `line ${ev.lineNo} does not match DuckDB's row`;
          full(ev);
          break outer;
        }
        if (m.test_keys === null || fullLineNeeded(m.test_name, ev.bytes)) full(ev);
        else {
          withBodies(m, row.bodies);
          stats.projected++;
          scorer.counts.lines_read++;
          scorer.parsed(parseObject(m), ev.bytes, ev.lineNo, ev.offset);
        }
        if (scorer.pending >= task.batch_size) await scorer.flush(source.rawBytes);
      }
    }
  } catch (e) {
    stats.fallback = `DuckDB stopped: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200)}`;
  } finally {
    await rows.return?.();
  }
  // whatever DuckDB did not pair (a fallback, or lines after its last row) is read line by line
  for (let ev = await source.next(); ev; ev = await source.next()) {
    full(ev);
    if (scorer.pending >= task.batch_size) await scorer.flush(source.rawBytes);
  }
  const cut = source.failure();
  if (cut) {
    scorer.counts.lines_read++;
    scorer.reject(cut.lineNo >= 0 ? cut.lineNo : scorer.counts.lines_read, cut.offset, cut.reason, cut.detail, null);
  }
  return { ...(await scorer.finish(source.rawBytes, source.checksum(), cut?.error ?? null, format, source.ignored())), fast: stats };
}
