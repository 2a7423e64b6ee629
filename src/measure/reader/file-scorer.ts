/**
 * Per-file bookkeeping shared by both ingest paths (process-file.ts line by line in JavaScript,
 * fast-file.ts with DuckDB's reader): one line -> a scored row or a reject, duplicate ids within
 * a batch, batches handed to the sink with at most two in flight, and the counts that reconcile.
 * Both paths score through here, so a line gets the same row or reject whichever path read it.
 */
import type { FingerprintMatcher } from '../fingerprints/matcher.js';
import { FUTURE_TOLERANCE_MS, jsonExcerpt, lineDigest } from '../../shared/index.js';
import { bytesId, distinctId, measurementId } from '../key.js';
import { zeroCounts, type IngestCounts, type MeasurementRow, type Reject, type RejectReason } from '../model.js';
import { targetOf } from '../target.js';
import { scoreMeasurement } from '../verdict/index.js';
import { decodeLine, decodeStrict, isTooDeep, parseMeasurement, tooDeepDetail, type ParseResult } from './parse.js';
import type { IngestFilters } from './sources.js';
import type { RuleInputsRecord } from '../../store/index.js';
import { RULES_VERSION } from '../verdict/rules.js';
import { ruleInputsOf } from '../verdict/rule-inputs.js';
import type { FileFormat, RecordEvent } from './records.js';

export interface FileTask {
  file_id: string;
  path: string;
  gz: boolean;
  bucket_hour: string | null;
  filters: IngestFilters;
  max_line_bytes: number;
  batch_size: number;
  /** "Now" (ms since the epoch, from the caller's clock): a measurement that starts over FUTURE_TOLERANCE_MS after it is rejected. */
  now_ms: number;
}

export interface BatchSink {
  /** Store a batch and the rows' rule inputs; resolves with how many rows were new (the rest were already stored). */
  batch(rows: MeasurementRow[], rejects: Reject[], bytesRead: number, inputs: RuleInputsRecord[]): Promise<number>;
}

export interface FileResult extends IngestCounts {
  filtered: number;
  checksum: string;
  /** Set when the file could not be read to the end (truncated gzip, I/O error). */
  error: string | null;
  /** How the file held its measurements (records.ts): one per line, JSON documents or an array, or a YAML report (not read). */
  format: FileFormat;
  /** Bytes the read passed over that hold no measurement (zero padding after the last gzip member), and where. */
  ignored: string | null;
}

const PREFIX = 200;

function passes(row: MeasurementRow, f: IngestFilters): boolean {
  if (f.cc?.length && !f.cc.includes(row.probe_cc)) return false;
  if (f.test_name?.length && !f.test_name.includes(row.test_name)) return false;
  if (f.since && row.measurement_start_time < f.since) return false;
  if (f.until && row.measurement_start_time > f.until) return false;
  return true;
}

/** Blank lines (empty, or a few bytes of whitespace) are not measurements and are not counted. */
export const isBlank = (bytes: Buffer): boolean => bytes.length === 0 || (bytes.length < 8 && bytes.toString('latin1').trim() === '');

export class FileScorer {
  readonly counts = { ...zeroCounts(), filtered: 0 };
  private rows: MeasurementRow[] = [];
  private rejects: Reject[] = [];
  private inputs: RuleInputsRecord[] = [];
  /** The ids of this batch, with the measurement_uid each was stored for. */
  private ids = new Map<string, string | null>();
  private readonly inflight: Promise<void>[] = [];
  /** The record being scored, when it came from a JSON file: where it sits and its length in the file. */
  private at: { where: string; length: number } | null = null;

  constructor(
    private readonly task: FileTask,
    private readonly matcher: FingerprintMatcher,
    private readonly sink: BatchSink,
  ) {}

  get pending(): number {
    return this.rows.length + this.rejects.length;
  }

  /** Keep a reject: its reason, the line's length and hash, and an excerpt only of a JSON-looking line (shared/excerpt.ts). */
  reject(line: number, offset: number, reason: RejectReason, detail: string, raw: string | null, bytes?: Uint8Array): void {
    this.counts.rejected++;
    const excerpt = jsonExcerpt(raw, PREFIX);
    // A parser's message quotes the line; a line that is not JSON keeps none of its text.
    const said = raw !== null && excerpt === null ? `the ${this.at ? 'text' : 'line'} is not a JSON object` : detail;
    const full = bytes ? ` (${this.at ? 'record' : 'line'}: ${lineDigest(bytes)})` : '';
    const where = this.at ? `${this.at.where}: ` : '';
    this.rejects.push({
      file_id: this.task.file_id,
      path: this.task.path,
      line,
      byte_offset: offset,
      reason,
      detail: where + said + full,
      raw_prefix: excerpt,
    });
  }

  /**
   * One record of a file (records.ts): a JSONL line, a measurement of a JSON document or array
   * (stored with its first line and its byte span in the file), an oversize one, or the single
   * event of a file in a format that is not read, which counts as one rejected record.
   */
  record(ev: RecordEvent): void {
    if (ev.unsupported !== undefined) {
      this.counts.lines_read++;
      return this.reject(ev.lineNo, ev.offset, 'unsupported_format', ev.unsupported, null);
    }
    this.at = ev.where === undefined ? null : { where: ev.where, length: ev.length };
    try {
      if (ev.bytes) this.line(ev.bytes, ev.lineNo, ev.offset);
      else this.oversize(ev.lineNo, ev.offset, ev.length);
    } finally {
      this.at = null;
    }
  }

  /** A whole line, parsed here (the line-by-line path, and the fast path's exceptions). */
  line(bytes: Buffer, lineNo: number, offset: number): void {
    if (isBlank(bytes)) return;
    this.counts.lines_read++;
    const decoded = decodeStrict(bytes);
    if ('bad' in decoded) return this.reject(lineNo, offset, 'malformed_json', decoded.bad, decodeLine(bytes.subarray(0, PREFIX * 4)), bytes);
    this.parsed(parseMeasurement(decoded.text), bytes, lineNo, offset, decoded.text);
  }

  /** A line already parsed (fully, or as the fast path's projection); `text` only for a reject's prefix. */
  parsed(parsed: ParseResult, bytes: Buffer, lineNo: number, offset: number, text?: string): void {
    const prefix = () => text ?? decodeLine(bytes.subarray(0, PREFIX * 4));
    if (!parsed.ok) return this.reject(lineNo, offset, parsed.reason, parsed.detail, prefix(), bytes);
    const future = this.inTheFuture(parsed.value.envelope.measurement_start_time);
    if (future) return this.reject(lineNo, offset, 'bad_field', future, prefix(), bytes);
    const deep = (e: unknown) => {
      if (!isTooDeep(e)) throw e;
      this.reject(lineNo, offset, 'too_deep', tooDeepDetail(parsed.value.raw), prefix(), bytes);
    };
    let scored: ReturnType<typeof scoreMeasurement>;
    try {
      scored = scoreMeasurement(parsed.value, this.matcher, { bucketHour: this.task.bucket_hour });
    } catch (e) {
      return deep(e);
    }
    const { flags, verdict } = scored;
    const env = parsed.value.envelope;
    const row: MeasurementRow = {
      ...env,
      id: measurementId(env, bytes),
      ...(env.report_id ? {} : { bytes_id: bytesId(env, bytes) }),
      target: targetOf(env),
      ...flags,
      ...verdict,
      file_id: this.task.file_id,
      line: lineNo,
      byte_offset: offset,
      byte_length: this.at?.length ?? bytes.length,
    };
    if (!passes(row, this.task.filters)) {
      this.counts.filtered++;
      return;
    }
    const held = this.ids.get(row.id);
    if (held && row.measurement_uid && held !== row.measurement_uid) row.id = distinctId(row.id, row.measurement_uid);
    if (this.ids.has(row.id)) {
      this.counts.duplicates++;
      return;
    }
    let inputs: string;
    try {
      inputs = ruleInputsOf(parsed.value, this.matcher, this.task.bucket_hour);
    } catch (e) {
      return deep(e);
    }
    this.ids.set(row.id, row.measurement_uid);
    this.rows.push(row);
    this.inputs.push({ id: row.id, rules_version: RULES_VERSION, fingerprints_version: this.matcher.version, inputs });
  }

  /** Why a start time (UTC "YYYY-MM-DD HH:MM:SS") is refused as in the future, or null: the same rule and tolerance as signals. */
  private inTheFuture(start: string): string | null {
    const ms = Date.parse(`${start.replace(' ', 'T')}Z`);
    if (!(ms > this.task.now_ms + FUTURE_TOLERANCE_MS)) return null;
    return `measurement_start_time "${start}" is in the future (now ${new Date(this.task.now_ms).toISOString()}; ${FUTURE_TOLERANCE_MS / 60_000} minutes allowed for clock skew)`;
  }

  oversize(lineNo: number, offset: number, length: number): void {
    this.counts.lines_read++;
    this.reject(lineNo, offset, 'oversize_line', `${this.at ? 'record' : 'line'} of ${length} bytes is over the ${this.task.max_line_bytes}-byte limit`, null);
  }

  /** Hand the batch to the sink; waits only when two batches are already in flight. */
  async flush(bytesRead: number): Promise<void> {
    if (!this.rows.length && !this.rejects.length) return;
    const sent = this.rows.length;
    this.inflight.push(
      this.sink.batch(this.rows, this.rejects, bytesRead, this.inputs).then((inserted) => {
        this.counts.stored += inserted;
        this.counts.duplicates += sent - inserted;
      }),
    );
    this.rows = [];
    this.rejects = [];
    this.inputs = [];
    this.ids = new Map();
    if (this.inflight.length >= 2) await this.inflight.shift();
  }

  async finish(bytesRead: number, checksum: string, error: string | null, format: FileFormat, ignored: string | null = null): Promise<FileResult> {
    await this.flush(bytesRead);
    await Promise.all(this.inflight);
    return { ...this.counts, bytes_read: bytesRead, checksum, error, format, ignored };
  }
}
