/**
 * An election file as a stream of lines, within caps: a zip's one file is inflated as a
 * stream (never a whole-archive inflate; an archive of several files is refused naming them), a `.gz` file through gunzip, anything else as read.
 * The decompressed size is capped (a small archive cannot expand past it), a line longer than
 * the line cap is skipped without being held and reported as an oversize line (its number
 * kept, so counts still reconcile), and the bytes are decoded as strict UTF-8: a byte that is
 * not UTF-8 stops the import with the encoding, file and line named. Nothing is stored here.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { createInflateRaw } from 'node:zlib';
import { AppError, fileError, cappedChunks, firstInvalidUtf8, IMPORT_CAPS, likelyLegacyEncoding, oversizeInput, reencodeAdvice } from '../shared/index.js';

export interface ElectionCaps {
  /** Decompressed bytes of one file. */
  maxBytes: number;
  /** One line, in characters. */
  maxLineBytes: number;
  /** One stored text field (a station's names, a header's party name), in UTF-8 bytes. */
  maxFieldBytes: number;
}

/**
 * The largest real protocol file (the 2020 vote, 47 MB unzipped) times five; one station row
 * is ~3 KB, a DEG series line 132 KB; the field cap is the one every importer shares.
 */
export const ELECTION_CAPS: ElectionCaps = {
  maxBytes: 256 * 1024 * 1024,
  maxLineBytes: IMPORT_CAPS.maxLineBytes,
  maxFieldBytes: IMPORT_CAPS.maxFieldBytes,
};

/** One line of the file: its text, or only its length when it was over the line cap. */
export type SourceLine = { line: number; text: string; oversize?: undefined } | { line: number; text?: undefined; oversize: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (path: string, what: string) =>
  new AppError('VALIDATION', `${basename(path)}: ${what}`, {
    issues: [{ path: ['file'], message: what }],
    details: { file: basename(path), reason: 'bad_archive' },
  });

/** The central directory may list this many bytes of entries; the shipped archives list one of ~60. */
const MAX_CENTRAL_DIRECTORY = 1 << 20;

/** A central-directory entry that is no file: a folder, or the resource forks macOS Finder adds. */
const notAFile = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/');

/**
 * Where the one file of a zip archive sits, read from its central directory (no inflate). An
 * archive is read only when it holds exactly one file (folder entries aside): an archive of
 * several files, or of none, is refused naming its entries, so no file in it is left unread.
 */
async function zipMember(path: string): Promise<{ name: string; method: number; start: number; size: number }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt(path, 'not a zip archive (no end-of-central-directory record)');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdAt = tail.readUInt32LE(eocd + 16);
    if (cdSize > MAX_CENTRAL_DIRECTORY)
      throw corrupt(path, `zip central directory of ${cdSize} bytes, over ${MAX_CENTRAL_DIRECTORY}; an election archive holds one file`);
    const cd = Buffer.alloc(cdSize);
    const got = (await fh.read(cd, 0, cdSize, cdAt)).bytesRead;
    const entries: { name: string; method: number; compressed: number; local: number }[] = [];
    for (let at = 0, k = 0; k < count; k++) {
      if (at + 46 > got || cd.readUInt32LE(at) !== CENTRAL) throw corrupt(path, 'corrupt zip: central directory not found');
      const nameLen = cd.readUInt16LE(at + 28);
      if (at + 46 + nameLen > got) throw corrupt(path, 'corrupt zip: central directory entry runs past its end');
      entries.push({
        name: cd.toString('utf8', at + 46, at + 46 + nameLen),
        method: cd.readUInt16LE(at + 10),
        compressed: cd.readUInt32LE(at + 20),
        local: cd.readUInt32LE(at + 42),
      });
      at += 46 + nameLen + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    const files = entries.filter((e) => !notAFile(e.name));
    if (files.length !== 1)
      throw severalFiles(
        path,
        files.map((e) => e.name),
        entries.length,
      );
    const { name, method, compressed, local } = files[0]!;
    const lh = Buffer.alloc(30);
    if ((await fh.read(lh, 0, 30, local)).bytesRead < 30 || lh.readUInt32LE(0) !== LOCAL) throw corrupt(path, 'corrupt zip: local header not found');
    const start = local + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    if (start + compressed > size) throw corrupt(path, `corrupt zip: member ${name} runs past the end of the file`);
    if (method !== 0 && method !== 8) throw corrupt(path, `zip member ${name} uses compression method ${method}; only stored and deflate are read`);
    return { name, method, start, size: compressed };
  } finally {
    await fh.close();
  }
}

/** An archive that does not hold exactly one file: refused (exit 2) naming the files it holds. */
function severalFiles(path: string, files: string[], entries: number): AppError {
  const MAX_NAMED = 10;
  const named = files.slice(0, MAX_NAMED).join(', ') + (files.length > MAX_NAMED ? `, ... ${files.length - MAX_NAMED} more` : '');
  const what = files.length
    ? `${basename(path)} holds ${files.length} files (${named}); an archive is imported only when it holds one file: unzip it and import each file; nothing was stored`
    : `${basename(path)} holds no file${entries ? ` (only ${entries} folder entr${entries === 1 ? 'y' : 'ies'})` : ''}; nothing was stored`;
  return new AppError('VALIDATION', what, {
    issues: [{ path: ['file'], message: files.length ? 'several_files' : 'no_file' }],
    details: { file: basename(path), reason: files.length ? 'several_files' : 'no_file', entries: files },
  });
}

async function isZipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(4);
    if ((await fh.read(b, 0, 4, 0)).bytesRead < 4) return false;
    // An archive of no entry at all is its end record alone.
    return b.readUInt32LE(0) === LOCAL || b.readUInt32LE(0) === EOCD;
  } finally {
    await fh.close();
  }
}

/** The decompressed bytes of the file, stopped with VALIDATION (oversize_input) past `maxBytes`. */
async function* fileBytes(path: string, maxBytes: number): AsyncGenerator<Buffer> {
  if (!(await isZipFile(path))) {
    yield* cappedChunks(path, maxBytes);
    return;
  }
  const m = await zipMember(path);
  if (m.size === 0) return;
  const raw = createReadStream(path, { start: m.start, end: m.start + m.size - 1, highWaterMark: 1 << 20 });
  const source: AsyncIterable<Buffer> = m.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 20 })) : raw;
  if (m.method === 8) raw.on('error', (e) => (source as unknown as { destroy(e: Error): void }).destroy(e));
  let total = 0;
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw oversizeInput(path, maxBytes, true);
      yield chunk;
    }
  } finally {
    raw.destroy();
    (source as unknown as { destroy(): void }).destroy?.();
  }
}

/** `chunk`: the bytes that failed to decode, read for the encoding they most likely are. */
function notUtf8(path: string, line: number, chunk: Uint8Array, cause: unknown): AppError {
  return new AppError('VALIDATION', `${basename(path)} is not valid UTF-8 at line ${line}; ${reencodeAdvice(chunk)}`, {
    issues: [{ path: ['file', line], message: 'not utf-8' }],
    details: { file: basename(path), reason: 'bad_encoding', encoding: 'utf-8', line, likely_encoding: likelyLegacyEncoding(chunk) },
    cause,
  });
}

/** File-system and zlib failures become INGEST_IO naming the file; AppErrors pass through. */
function ioError(path: string, e: unknown): unknown {
  return fileError(path, e, 'files');
}

/**
 * The file's lines, 1-based, without line ends (a trailing "\r" dropped, a UTF-8 BOM dropped,
 * a trailing empty line not a line). A line over `caps.maxLineBytes` is yielded as its length
 * only, and its text is never held whole.
 */
export async function* sourceLines(path: string, caps: ElectionCaps = ELECTION_CAPS): AsyncGenerator<SourceLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let line = 0;
  /** Characters of the current line dropped so far because it is over the cap (0 = not skipping). */
  let skipped = 0;
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (e) {
      // Lines already yielded, plus the line of the first bad byte within this chunk.
      throw notUtf8(path, line + (chunk ? (firstInvalidUtf8(chunk)?.line ?? 1) : 1), chunk ?? new Uint8Array(), e);
    }
  };
  const out = (text: string): SourceLine => {
    line++;
    if (skipped) {
      const n = skipped + text.length;
      skipped = 0;
      return { line, oversize: n };
    }
    if (text.length > caps.maxLineBytes) return { line, oversize: text.length };
    return { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  const chunks = fileBytes(path, caps.maxBytes);
  try {
    yield* linesOf();
  } finally {
    await chunks.return(undefined);
  }
  async function* linesOf(): AsyncGenerator<SourceLine> {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (e) {
        throw ioError(path, e);
      }
      const text = rest + decode(next.done ? undefined : next.value);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        yield out(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      if (next.done) break;
      if (rest.length > caps.maxLineBytes) {
        skipped += rest.length;
        rest = '';
      }
    }
    if (rest.length > 0 || skipped) yield out(rest);
  }
}

/** sha256 of the file's bytes as stored on disk (the archive, when zipped), read as a stream. */
export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (e) {
    throw ioError(path, e);
  }
  return hash.digest('hex');
}
