/**
 * Gzip decoding that knows where each member ends. Node's gunzip stream starts a new member at
 * any non-zero byte after a member and, when those bytes are not gzip, drops the output of the
 * write that held them; after a member followed by zero bytes it ends its output early, so a
 * reader waiting for its end can wait forever. Here the gzip framing (RFC 1952: header, CRC-32,
 * length) is read in JavaScript and only the deflate data goes through zlib (a raw inflater per
 * member), so:
 * - every byte a member inflates to is delivered before anything after the member is looked at;
 * - several members in a row are one stream (multi-member gzip);
 * - bytes after the last member are reported, not decoded: all zero (padding, which gzip ignores
 *   silently) or not (trailing garbage, which gzip ignores with a warning), with the byte of the
 *   file where they start and how many there are;
 * - a file cut inside a member, a member that is not gzip, a corrupt deflate stream or a wrong
 *   CRC or length is a GzipError naming the byte of the file where it was found (error()),
 *   given after everything inflated before it;
 * - input is taken chunk by chunk and never held whole (one chunk plus a header or trailer).
 */
import { open } from 'node:fs/promises';
import { crc32, createInflateRaw, type InflateRaw } from 'node:zlib';

export class GzipError extends Error {
  constructor(
    message: string,
    /** The byte of the (compressed) file where the problem was found. */
    readonly at: number,
  ) {
    super(`${message} at byte ${at} of the file`);
  }
}

/** Bytes after the last member: where they start in the file, how many, and whether all are zero. */
export interface TrailingBytes {
  offset: number;
  bytes: number;
  zeros: boolean;
}

const ID1 = 0x1f;
const ID2 = 0x8b;
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** The length of the gzip header at the start of `b`, or null when `b` does not hold all of it yet. Throws when it is no gzip header. */
function headerLength(b: Buffer, at: number): number | null {
  if (b.length >= 1 && b[0] !== ID1) throw new GzipError('incorrect header check (not gzip data)', at);
  if (b.length >= 2 && b[1] !== ID2) throw new GzipError('incorrect header check (not gzip data)', at);
  if (b.length >= 3 && b[2] !== 8) throw new GzipError(`unknown compression method ${b[2]}`, at + 2);
  if (b.length < 10) return null;
  const flags = b[3]!;
  let n = 10;
  if (flags & FEXTRA) {
    if (b.length < n + 2) return null;
    n += 2 + b.readUInt16LE(n);
  }
  for (const f of [FNAME, FCOMMENT]) {
    if (!(flags & f)) continue;
    const z = b.indexOf(0, n);
    if (z < 0) return null;
    n = z + 1;
  }
  if (flags & FHCRC) n += 2;
  return b.length >= n ? n : null;
}

type State = 'header' | 'body' | 'trailer' | 'after' | 'tail';

export class GzipMembers {
  private state: State = 'header';
  /** Input not yet consumed (a header, a trailer, or what followed a member's deflate data). */
  private held: Buffer = Buffer.alloc(0);
  /** The byte of the file where `held` starts. */
  private at = 0;
  private members = 0;
  private inflater: InflateRaw | null = null;
  private out: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private tail: TrailingBytes | null = null;
  private failed: GzipError | null = null;

  /**
   * Inflate the next compressed chunk; resolves with the bytes it inflated to, in order. A problem
   * found in it is kept for error(), after what the chunk's earlier members inflated to; input
   * after a problem is not read.
   */
  async write(chunk: Buffer): Promise<Buffer[]> {
    if (this.failed) return [];
    this.held = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    await this.step(false).catch((e: unknown) => this.fail(e));
    return this.out.splice(0);
  }

  /** The end of the input: ending inside a member (or before the first) is a problem for error(). */
  async end(): Promise<Buffer[]> {
    if (this.failed) return [];
    await this.step(true).catch((e: unknown) => this.fail(e));
    this.inflater?.destroy();
    this.inflater = null;
    if (this.state === 'after' && this.held.length) this.startTail();
    const whole = this.state === 'tail' || (this.state === 'after' && this.members > 0);
    if (!whole && !this.failed) {
      const where = this.state === 'body' ? 'in the deflate data' : this.state === 'trailer' ? 'in the gzip trailer' : 'in the gzip header';
      this.failed = new GzipError(`unexpected end of file (${where})`, this.at + this.held.length);
    }
    return this.out.splice(0);
  }

  /** Why the input is not whole gzip, once found (truncated, not gzip, corrupt); null otherwise. */
  error(): GzipError | null {
    return this.failed;
  }

  /** What followed the last member, once end() has returned; null when nothing did. */
  trailing(): TrailingBytes | null {
    return this.tail;
  }

  private async step(ending: boolean): Promise<void> {
    for (;;) {
      if (this.state === 'tail') return this.addTail();
      if (this.state === 'after') {
        if (this.held.length === 0 || (this.held.length < 2 && !ending && this.held[0] === ID1)) return;
        if (this.held[0] === ID1 && this.held[1] === ID2) this.state = 'header';
        else this.startTail();
        continue;
      }
      if (this.state === 'header') {
        if (this.held.length === 0) return;
        const n = headerLength(this.held, this.at);
        if (n === null) return;
        this.consume(n);
        this.startMember();
        continue;
      }
      if (this.state === 'body') {
        if (this.held.length === 0) return;
        const used = await this.inflate(this.held);
        const ended = used < this.held.length;
        this.consume(used);
        if (!ended) return;
        this.inflater?.destroy();
        this.inflater = null;
        this.state = 'trailer';
        continue;
      }
      // trailer: CRC-32 and length (mod 2^32) of the member's output
      if (this.held.length < 8) return;
      if (this.held.readUInt32LE(0) !== this.crc >>> 0) throw new GzipError('incorrect data check (CRC-32 mismatch)', this.at);
      if (this.held.readUInt32LE(4) !== this.size % 2 ** 32) throw new GzipError('incorrect length check', this.at + 4);
      this.consume(8);
      this.members++;
      this.state = 'after';
    }
  }

  private fail(e: unknown): void {
    this.inflater?.destroy();
    this.inflater = null;
    this.failed = e instanceof GzipError ? e : new GzipError(`corrupt gzip (${e instanceof Error ? e.message : String(e)})`, this.at);
  }

  private consume(n: number): void {
    this.held = this.held.subarray(n);
    this.at += n;
  }

  private startMember(): void {
    const z = createInflateRaw({ chunkSize: 1 << 18 });
    z.on('data', (c: Buffer) => {
      this.out.push(c);
      this.crc = crc32(c, this.crc);
      this.size += c.length;
    });
    // errors are read from the write below; this listener only keeps them from being thrown
    z.on('error', () => undefined);
    this.inflater = z;
    this.crc = 0;
    this.size = 0;
    this.state = 'body';
  }

  /** Give the inflater `input`; resolves with how much of it belonged to the deflate stream (less than all: the stream ended). */
  private inflate(input: Buffer): Promise<number> {
    const z = this.inflater!;
    const before = z.bytesWritten;
    return new Promise((resolve, reject) => {
      const fail = (e: Error) => reject(new GzipError(`corrupt deflate data (${e.message})`, this.at));
      z.once('error', fail);
      z.write(input, (e) => {
        z.off('error', fail);
        if (e) return fail(e);
        // output the inflater buffered rather than emitted is emitted on the next tick
        setImmediate(() => resolve(z.bytesWritten - before));
      });
    });
  }

  private startTail(): void {
    this.tail = { offset: this.at, bytes: 0, zeros: true };
    this.state = 'tail';
    this.addTail();
  }

  private addTail(): void {
    const t = this.tail!;
    t.bytes += this.held.length;
    if (t.zeros) t.zeros = this.held.every((b) => b === 0);
    this.consume(this.held.length);
  }
}

/**
 * A .gz file's inflated bytes, chunk by chunk, for reading back what ingest read: the same
 * members, and bytes after the last member passed over (ingest reported them). Throws the
 * GzipError of a file that is not whole gzip, after every byte inflated before the problem.
 */
export async function* gunzipFile(path: string, chunkBytes = 1 << 16): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    const g = new GzipMembers();
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      yield* bytesRead ? await g.write(buf.subarray(0, bytesRead)) : await g.end();
      const bad = g.error();
      if (bad) throw bad;
      if (!bytesRead) return;
    }
  } finally {
    await fh.close();
  }
}
