/**
 * A CSV file written straight into one growing byte buffer, for DuckDB's read_csv to load:
 * integers as ASCII digits, text always quoted (a quote doubled), NULL as an empty unquoted
 * field. Writing bytes instead of building one string per row keeps a 100,000-row stage free of
 * per-row garbage.
 */
const COMMA = 44;
const NL = 10;
const QUOTE = 34;
const MINUS = 45;

export class CsvStage {
  private buf = Buffer.allocUnsafe(1 << 20);
  private pos = 0;
  private fresh = true;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  private sep(): void {
    if (this.fresh) this.fresh = false;
    else this.buf[this.pos++] = COMMA;
  }

  /** An integer field (null: empty). Safe integers only. */
  int(v: number | null): this {
    this.room(24);
    this.sep();
    if (v === null) return this;
    this.digits(v);
    return this;
  }

  /** Integers joined by `sep` into one unquoted field (sep must not be a comma or quote). */
  ints(vs: readonly number[], sep: string): this {
    this.room(vs.length * 18 + 2);
    this.sep();
    const s = sep.charCodeAt(0);
    for (let i = 0; i < vs.length; i++) {
      if (i > 0) this.buf[this.pos++] = s;
      this.digits(vs[i]!);
    }
    return this;
  }

  /** A quoted text field, quotes doubled (null: empty, unquoted). */
  text(s: string | null): this {
    this.room(1);
    this.sep();
    if (s === null) return this;
    this.room(s.length * 3 + 2);
    this.buf[this.pos++] = QUOTE;
    this.utf8(s, true);
    this.buf[this.pos++] = QUOTE;
    return this;
  }

  /** A field written as is (no commas, quotes or newlines: true, station, ...). */
  raw(s: string): this {
    this.room(s.length * 3 + 1);
    this.sep();
    this.utf8(s, false);
    return this;
  }

  /** Ends the row. */
  end(): void {
    this.room(1);
    this.buf[this.pos++] = NL;
    this.fresh = true;
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  private digits(v: number): void {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a safe integer: ${v}`);
    if (v < 0) {
      this.buf[this.pos++] = MINUS;
      v = -v;
    }
    let len = 1;
    for (let n = v; n >= 10; n = Math.floor(n / 10)) len++;
    let p = (this.pos += len);
    do {
      this.buf[--p] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  /**
   * UTF-8 of `s` at the write position (the room is the caller's: 3 bytes per UTF-16 unit);
   * a lone surrogate becomes U+FFFD as in Buffer.from. Encoded here rather than by
   * Buffer#write: one native call per field costs more than the loop for short fields.
   */
  private utf8(s: string, doubleQuotes: boolean): void {
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
        if (c === QUOTE && doubleQuotes) b[p++] = QUOTE;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        b[p++] = 0xf0 | (cp >> 18);
        b[p++] = 0x80 | ((cp >> 12) & 0x3f);
        b[p++] = 0x80 | ((cp >> 6) & 0x3f);
        b[p++] = 0x80 | (cp & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
  }
}
