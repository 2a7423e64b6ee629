/**
 * Split a byte stream into lines without ever holding more than one line (plus one chunk) in
 * memory. Each line carries its 1-based number and the byte offset where it starts in the
 * (decompressed) stream, so a reject can say exactly where it was and `measurements show` can
 * seek back to the raw line. A UTF-8 byte order mark before the first line is not part of it. A line longer than `maxLineBytes` is not buffered: it is skipped to
 * its newline and reported once as oversize.
 */

export interface LineSink {
  line(bytes: Buffer, lineNo: number, offset: number): void;
  oversize(lineNo: number, offset: number, length: number): void;
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private partLen = 0;
  private skipping = false;
  private lineNo = 0;
  private lineStart = 0;
  /** Bytes consumed so far (the offset of the next byte). */
  position = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly sink: LineSink,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    const base = this.position;
    this.position += chunk.length;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      this.finishLine(chunk, start, nl, base + nl + 1);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
  }

  /** End of stream: a last line without a newline still counts. Returns the partial tail, if any. */
  end(): void {
    if (this.partLen > 0 || this.skipping) this.finishLine(Buffer.alloc(0), 0, 0, this.position);
  }

  /** The line being assembled (for truncated input: where it started, how long it got). */
  pending(): { lineNo: number; offset: number; length: number } | null {
    if (this.partLen === 0 && !this.skipping) return null;
    return { lineNo: this.lineNo + 1, offset: this.lineStart, length: this.position - this.lineStart };
  }

  /** Drop the partial line (used when the stream is known to be cut short). */
  discardPending(): void {
    this.parts = [];
    this.partLen = 0;
    this.skipping = false;
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (this.skipping) return;
    if (this.partLen + (to - from) > this.maxLineBytes) {
      this.skipping = true;
      this.parts = [];
      this.partLen = 0;
      return;
    }
    // copy: the chunk's memory is reused by the stream
    this.parts.push(Buffer.from(chunk.subarray(from, to)));
    this.partLen += to - from;
  }

  private finishLine(chunk: Buffer, from: number, to: number, nextStart: number): void {
    this.lineNo++;
    const offset = this.lineStart;
    this.lineStart = nextStart;
    if (this.skipping || this.partLen + (to - from) > this.maxLineBytes) {
      this.skipping = false;
      this.parts = [];
      this.partLen = 0;
      this.sink.oversize(this.lineNo, offset, nextStart - offset);
      return;
    }
    let bytes: Buffer;
    if (this.partLen === 0) bytes = chunk.subarray(from, to);
    else {
      this.parts.push(chunk.subarray(from, to));
      bytes = Buffer.concat(this.parts, this.partLen + (to - from));
      this.parts = [];
      this.partLen = 0;
    }
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 13) end--;
    // a UTF-8 byte order mark (some editors save one) opens the first line: it is no part of the
    // line's text, and the offset given is where the text starts, so the line can be read back
    const bom = this.lineNo === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    this.sink.line(bom === 0 && end === bytes.length ? bytes : bytes.subarray(bom, end), this.lineNo, offset + bom);
  }
}
