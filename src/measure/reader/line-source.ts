/**
 * A file (plain or gzip) as a pull-based sequence of lines with their numbers and byte offsets,
 * checksummed (sha256 of the file's bytes) as it is read. Pull-based so that the fast path can
 * walk the lines in step with DuckDB's rows; it reads (and inflates) only when its lines are
 * used up, so memory is one chunk and one line however slow the consumer. A read that fails
 * (truncated or corrupt gzip, I/O) ends the sequence after every line inflated before the cut;
 * failure() then says where and why. Bytes after the last gzip member (gzip-members.ts) end the
 * sequence after every line of the members: zero padding is named by ignored(), other bytes are
 * a failure() whose read still counts as whole (error null).
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { RejectReason } from '../model.js';
import { GzipError, GzipMembers } from './gzip-members.js';
import { LineSplitter } from './lines.js';

export type LineEvent = { bytes: Buffer; lineNo: number; offset: number; length: number } | { bytes: null; lineNo: number; offset: number; length: number };

export interface ReadFailure {
  lineNo: number;
  offset: number;
  reason: RejectReason;
  detail: string;
  /** Why the file could not be read to its end; null when it was (trailing bytes that are not gzip: one reject, the read is whole). */
  error: string | null;
}

/** Compressed bytes per read: a gzip chunk inflates to at most ~1000x, so keep it small. */
const GZ_CHUNK = 1 << 16;
const PLAIN_CHUNK = 1 << 20;

export class LineSource {
  rawBytes = 0;
  private readonly hash = createHash('sha256');
  private readonly queue: LineEvent[] = [];
  private head = 0;
  private readonly splitter: LineSplitter;
  private fh: FileHandle | null = null;
  private gunzip: GzipMembers | null = null;
  private inflated: Buffer[] = [];
  private passedOver: string | null = null;
  private eof = false;
  private ended = false;
  private cut: ReadFailure | null = null;

  constructor(private readonly task: { path: string; gz: boolean; max_line_bytes: number }) {
    this.splitter = new LineSplitter(task.max_line_bytes, {
      line: (bytes, lineNo, offset) => void this.queue.push({ bytes, lineNo, offset, length: bytes.length }),
      oversize: (lineNo, offset, length) => void this.queue.push({ bytes: null, lineNo, offset, length }),
    });
  }

  /** The next line (bytes) or oversize line (bytes null), or null at the end. */
  async next(): Promise<LineEvent | null> {
    while (this.head >= this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
      if (this.ended) return null;
      await this.read();
    }
    return this.queue[this.head++]!;
  }

  /** Read until at least one chunk of (inflated) bytes went through the splitter, or the file ended. */
  private async read(): Promise<void> {
    try {
      this.fh ??= await open(this.task.path, 'r');
      if (this.task.gz) this.gunzip ??= new GzipMembers();
      for (;;) {
        if (this.inflated.length) {
          for (const c of this.inflated.splice(0)) this.splitter.push(c);
          return;
        }
        const bad = this.gunzip?.error();
        if (bad) throw bad;
        if (this.eof) {
          this.splitter.end();
          this.trailer();
          return this.finish();
        }
        const buf = Buffer.allocUnsafe(this.gunzip ? GZ_CHUNK : PLAIN_CHUNK);
        const { bytesRead } = await this.fh.read(buf, 0, buf.length, null);
        const chunk = buf.subarray(0, bytesRead);
        this.hash.update(chunk);
        this.rawBytes += bytesRead;
        if (bytesRead === 0) {
          this.eof = true;
          if (this.gunzip) this.inflated.push(...(await this.gunzip.end()));
        } else if (this.gunzip) this.inflated.push(...(await this.gunzip.write(chunk)));
        else this.inflated.push(chunk);
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const pend = this.splitter.pending();
      this.splitter.discardPending();
      const gzip = e instanceof GzipError;
      const error = `${gzip ? 'truncated or corrupt gzip' : 'read error'}: ${err.message}`;
      this.cut = {
        lineNo: pend?.lineNo ?? -1,
        offset: pend?.offset ?? this.splitter.position,
        reason: gzip ? 'truncated_gzip' : 'io_error',
        detail: `${error} (after ${this.splitter.position} decompressed bytes${pend ? `; the partial line had ${pend.length} bytes` : ''})`,
        error,
      };
      await this.finish();
    }
  }

  /** Bytes after the last gzip member: zero padding is noted, anything else is the one reject of the read (which still ends well). */
  private trailer(): void {
    const t = this.gunzip?.trailing();
    if (!t) return;
    const where = `${t.bytes} ${t.zeros ? 'zero ' : ''}byte(s) after the last gzip member, from byte ${t.offset} of the file`;
    if (t.zeros) {
      this.passedOver = `${where}: padding, ignored as gzip ignores it`;
      return;
    }
    this.cut = {
      lineNo: -1,
      offset: this.splitter.position,
      reason: 'trailing_garbage',
      detail: `${where}, are not gzip data; every line before them was read`,
      error: null,
    };
  }

  private async finish(): Promise<void> {
    this.ended = true;
    await this.fh?.close().catch(() => undefined);
    this.fh = null;
  }

  /** Why the read stopped early, or what followed the last gzip member, if anything did (it counts as one rejected line). */
  failure(): ReadFailure | null {
    return this.cut;
  }

  /** Bytes the read passed over that hold no measurement (zero padding after the last gzip member), and where; null when none. */
  ignored(): string | null {
    return this.passedOver;
  }

  /** sha256 of the bytes read (the whole file once next() has returned null). */
  checksum(): string {
    return this.hash.digest('hex');
  }
}
