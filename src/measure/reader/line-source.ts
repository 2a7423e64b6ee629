/**
 * A file (plain or gzip) as a pull-based sequence of lines with their numbers and byte offsets,
 * checksummed (sha256 of the file's bytes) as it is read. Pull-based so that the fast path can
 * walk the lines in step with DuckDB's rows; it reads (and inflates) only when its lines are
 * used up, so memory is one chunk and one line however slow the consumer. A read that fails
 * (truncated or corrupt gzip, I/O) ends the sequence after every line inflated before the cut;
 * failure() then says where and why.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { createGunzip, type Gunzip } from 'node:zlib';
import type { RejectReason } from '../model.js';
import { LineSplitter } from './lines.js';

export type LineEvent = { bytes: Buffer; lineNo: number; offset: number; length: number } | { bytes: null; lineNo: number; offset: number; length: number };

export interface ReadFailure {
  lineNo: number;
  offset: number;
  reason: RejectReason;
  detail: string;
  error: string;
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
  private gunzip: Gunzip | null = null;
  private inflated: Buffer[] = [];
  private zError: Error | null = null;
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

  private startGunzip(): Gunzip {
    const z = createGunzip({ chunkSize: 1 << 18 });
    z.on('data', (c: Buffer) => void this.inflated.push(c));
    z.on('error', (e: Error) => void (this.zError ??= e));
    return z;
  }

  /** Feed the gunzip and wait until it has taken the chunk (or failed). */
  private feed(z: Gunzip, chunk: Buffer | null): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        z.off('error', done);
        z.off('end', done);
        resolve();
      };
      z.once('error', done);
      if (chunk) z.write(chunk, done);
      else {
        z.once('end', done);
        z.end();
      }
    });
  }

  /** Read until at least one chunk of (inflated) bytes went through the splitter, or the file ended. */
  private async read(): Promise<void> {
    try {
      this.fh ??= await open(this.task.path, 'r');
      if (this.task.gz) this.gunzip ??= this.startGunzip();
      for (;;) {
        if (this.inflated.length) {
          for (const c of this.inflated.splice(0)) this.splitter.push(c);
          return;
        }
        if (this.zError) throw this.zError;
        if (this.eof) {
          this.splitter.end();
          return this.finish();
        }
        const buf = Buffer.allocUnsafe(this.gunzip ? GZ_CHUNK : PLAIN_CHUNK);
        const { bytesRead } = await this.fh.read(buf, 0, buf.length, null);
        const chunk = buf.subarray(0, bytesRead);
        this.hash.update(chunk);
        this.rawBytes += bytesRead;
        if (bytesRead === 0) {
          this.eof = true;
          if (this.gunzip) await this.feed(this.gunzip, null);
        } else if (this.gunzip) await this.feed(this.gunzip, chunk);
        else this.inflated.push(chunk);
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const pend = this.splitter.pending();
      this.splitter.discardPending();
      const gzip = this.task.gz && (err.code?.startsWith('Z_') || /unexpected end of file|incorrect header|invalid/i.test(err.message));
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

  private async finish(): Promise<void> {
    this.ended = true;
    this.gunzip?.destroy();
    await this.fh?.close().catch(() => undefined);
    this.fh = null;
  }

  /** Why the read stopped early, if it did (the cut counts as one rejected line). */
  failure(): ReadFailure | null {
    return this.cut;
  }

  /** sha256 of the bytes read (the whole file once next() has returned null). */
  checksum(): string {
    return this.hash.digest('hex');
  }
}
