/**
 * Read one measurement file (plain or gzip) as a stream and turn every line into a scored row
 * or a reject, handing batches to a sink. Memory is one chunk, one line and one batch, whatever
 * the file size. The same function runs inside worker threads (ingest-worker.ts) and in-process.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FingerprintMatcher } from '../fingerprints/matcher.js';
import { measurementId } from '../key.js';
import { zeroCounts, type IngestCounts, type MeasurementRow, type Reject, type RejectReason } from '../model.js';
import { targetOf } from '../target.js';
import { scoreMeasurement } from '../verdict/index.js';
import { decodeLine, parseMeasurement } from './parse.js';
import { LineSplitter } from './lines.js';
import type { IngestFilters } from './sources.js';

export interface FileTask {
  file_id: string;
  path: string;
  gz: boolean;
  bucket_hour: string | null;
  filters: IngestFilters;
  max_line_bytes: number;
  batch_size: number;
}

export interface BatchSink {
  /** Store a batch; resolves with how many rows were new (the rest were already stored). */
  batch(rows: MeasurementRow[], rejects: Reject[], bytesRead: number): Promise<number>;
}

export interface FileResult extends IngestCounts {
  filtered: number;
  checksum: string;
  /** Set when the file could not be read to the end (truncated gzip, I/O error). */
  error: string | null;
}

const PREFIX = 200;

function passes(row: MeasurementRow, f: IngestFilters): boolean {
  if (f.cc?.length && !f.cc.includes(row.probe_cc)) return false;
  if (f.test_name?.length && !f.test_name.includes(row.test_name)) return false;
  if (f.since && row.measurement_start_time < f.since) return false;
  if (f.until && row.measurement_start_time > f.until) return false;
  return true;
}

export async function processFile(task: FileTask, matcher: FingerprintMatcher, sink: BatchSink): Promise<FileResult> {
  const counts = { ...zeroCounts(), filtered: 0 };
  const hash = createHash('sha256');
  let rows: MeasurementRow[] = [];
  let rejects: Reject[] = [];
  let ids = new Set<string>();
  let rawBytes = 0;
  const reject = (line: number, offset: number, reason: RejectReason, detail: string, raw: string | null) => {
    counts.rejected++;
    rejects.push({ file_id: task.file_id, path: task.path, line, byte_offset: offset, reason, detail, raw_prefix: raw === null ? null : raw.slice(0, PREFIX) });
  };
  const splitter = new LineSplitter(task.max_line_bytes, {
    line(bytes, lineNo, offset) {
      if (bytes.length === 0 || (bytes.length < 8 && bytes.toString('latin1').trim() === '')) return;
      counts.lines_read++;
      const text = decodeLine(bytes);
      const parsed = parseMeasurement(text);
      if (!parsed.ok) return reject(lineNo, offset, parsed.reason, parsed.detail, text);
      const { flags, verdict } = scoreMeasurement(parsed.value, matcher, { bucketHour: task.bucket_hour });
      const env = parsed.value.envelope;
      const row: MeasurementRow = { ...env, id: measurementId(env, bytes), target: targetOf(env), ...flags, ...verdict, file_id: task.file_id, line: lineNo, byte_offset: offset, byte_length: bytes.length };
      if (!passes(row, task.filters)) {
        counts.filtered++;
        return;
      }
      if (ids.has(row.id)) {
        counts.duplicates++;
        return;
      }
      ids.add(row.id);
      rows.push(row);
    },
    oversize(lineNo, offset, length) {
      counts.lines_read++;
      reject(lineNo, offset, 'oversize_line', `line of ${length} bytes is over the ${task.max_line_bytes}-byte limit`, null);
    },
  });
  // Up to two batches in flight: the reader keeps parsing while the store writes the previous one.
  const inflight: Promise<void>[] = [];
  const flush = async () => {
    if (!rows.length && !rejects.length) return;
    const sent = rows.length;
    inflight.push(
      sink.batch(rows, rejects, rawBytes).then((inserted) => {
        counts.stored += inserted;
        counts.duplicates += sent - inserted;
      }),
    );
    rows = [];
    rejects = [];
    ids = new Set();
    if (inflight.length >= 2) await inflight.shift();
  };
  let error: string | null = null;
  const hasher = new Transform({
    transform(c: Buffer, _enc, cb) {
      hash.update(c);
      rawBytes += c.length;
      cb(null, c);
    },
  });
  const noop = () => undefined;
  const input = createReadStream(task.path, { highWaterMark: 1 << 20 });
  const stream = task.gz ? pipeline(input, hasher, createGunzip({ chunkSize: 1 << 18 }), noop) : pipeline(input, hasher, noop);
  try {
    for await (const chunk of stream) {
      splitter.push(chunk as Buffer);
      if (rows.length + rejects.length >= task.batch_size) await flush();
    }
    splitter.end();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const pend = splitter.pending();
    splitter.discardPending();
    const gzip = task.gz && (err.code?.startsWith('Z_') || /unexpected end of file|incorrect header|invalid/i.test(err.message));
    error = `${gzip ? 'truncated or corrupt gzip' : 'read error'}: ${err.message}`;
    counts.lines_read++;
    reject(pend?.lineNo ?? counts.lines_read, pend?.offset ?? splitter.position, gzip ? 'truncated_gzip' : 'io_error', `${error} (after ${splitter.position} decompressed bytes${pend ? `; the partial line had ${pend.length} bytes` : ''})`, null);
  }
  await flush();
  await Promise.all(inflight);
  counts.bytes_read = rawBytes;
  return { ...counts, checksum: hash.digest('hex'), error };
}
