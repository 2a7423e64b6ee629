/**
 * Import caps: what one import may make this process hold. Every importer reads through these
 * (gunzip included, never a whole-file inflate), so a small compressed file cannot expand into
 * gigabytes, a single line cannot grow without bound, and a field cannot be stored at any size.
 * Text is decoded strictly: bytes that are not valid in the declared encoding are an error that
 * names the encoding, the file and where the first bad byte is (never mojibake stored silently).
 * The figures and why: docs/design/080-security.md.
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { createGunzip } from 'node:zlib';
import { AppError, fileError } from './errors.js';
import { likelyLegacyEncoding, reencodeAdvice } from './legacy-encoding.js';

export const IMPORT_CAPS = {
  /** Whole files read into memory (ledger CSVs, economic data, fingerprints, derived CSVs), decompressed: 30x the largest real one (STOP, 2 MB). */
  maxFileBytes: 64 * 1024 * 1024,
  /** Files read as a stream (registry dumps), decompressed. */
  maxStreamBytes: 8 * 1024 * 1024 * 1024,
  /** One line (the longest real Zapret-Info dump line is ~20 KB; a STOP row ~4 KB). */
  maxLineBytes: 1024 * 1024,
  /** One stored field. */
  maxFieldBytes: 256 * 1024,
} as const;

/** The file's bytes as a stream, gunzipped when the name ends in .gz, stopped with VALIDATION past `maxBytes`. */
export function cappedChunks(path: string, maxBytes: number = IMPORT_CAPS.maxStreamBytes): AsyncIterable<Buffer> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const source: AsyncIterable<Buffer> = path.endsWith('.gz') ? file.pipe(createGunzip({ chunkSize: 1 << 20 })) : file;
  if (path.endsWith('.gz')) file.on('error', (e) => (source as unknown as { destroy(e: Error): void }).destroy(e));
  return {
    async *[Symbol.asyncIterator]() {
      let total = 0;
      for await (const chunk of source) {
        total += chunk.length;
        if (total > maxBytes) {
          file.destroy();
          throw oversizeInput(path, maxBytes);
        }
        yield chunk;
      }
    },
  };
}

export const oversizeInput = (path: string, maxBytes: number, compressed = path.endsWith('.gz')) =>
  new AppError('VALIDATION', `${path}: oversize_input: over ${maxBytes} bytes${compressed ? ' once decompressed' : ''}; nothing was stored`, {
    issues: [{ path: ['file'], message: `over ${maxBytes} bytes` }],
    details: { reason: 'oversize_input', limit_bytes: maxBytes },
  });

/** Read a whole (possibly gzipped) file within `maxBytes`; INGEST_IO when unreadable. */
export async function readCapped(path: string, maxBytes: number = IMPORT_CAPS.maxFileBytes): Promise<Buffer> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of cappedChunks(path, maxBytes)) parts.push(chunk);
  } catch (e) {
    throw fileError(path, e);
  }
  return Buffer.concat(parts);
}

/** Where the first byte that is not valid UTF-8 sits (byte offset and 1-based line), or null. */
export function firstInvalidUtf8(b: Uint8Array): { offset: number; line: number } | null {
  let line = 1;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c === 10) line++;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return { offset: i, line };
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return { offset: i, line };
    }
    // Overlongs and surrogates: E0 needs A0.., ED needs ..9F, F0 needs 90.., F4 needs ..8F.
    const x1 = b[i + 1] ?? 0;
    if ((c === 0xe0 && x1 < 0xa0) || (c === 0xed && x1 > 0x9f) || (c === 0xf0 && x1 < 0x90) || (c === 0xf4 && x1 > 0x8f)) return { offset: i, line };
    i += n + 1;
  }
  return null;
}

/**
 * Decode strictly (TextDecoder fatal). A byte sequence the encoding does not allow is a
 * VALIDATION error naming the file, the encoding, and the first bad byte's line and offset;
 * for UTF-8, with the encoding the bytes most likely are and how to convert from it
 * (legacy-encoding.ts).
 */
export function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1251', path: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (e) {
    const at = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : null;
    const where = at ? ` at line ${at.line} (byte ${at.offset}: 0x${bytes[at.offset]!.toString(16).padStart(2, '0')})` : '';
    throw new AppError(
      'VALIDATION',
      `${path} is not valid ${encoding.toUpperCase()}${where}; ${encoding === 'utf-8' ? reencodeAdvice(bytes) : `it holds a byte ${encoding} leaves undefined`}`,
      {
        issues: [{ path: ['file'], message: `not ${encoding}` }],
        details: { reason: 'bad_encoding', encoding, ...(at ?? {}), ...(encoding === 'utf-8' ? { likely_encoding: likelyLegacyEncoding(bytes) } : {}) },
        cause: e,
      },
    );
  }
}

/** The 1-based number and length of the first line over `maxLineBytes` (counted in UTF-16 units ~ bytes for ASCII), or null. */
export function firstLongLine(text: string, maxLineBytes: number = IMPORT_CAPS.maxLineBytes): { line: number; length: number } | null {
  let start = 0;
  let line = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > maxLineBytes) return { line, length: end - start };
    if (nl < 0) return null;
    start = nl + 1;
    line++;
  }
}

/** Read, cap, decode strictly and check line lengths: the text of a whole-file import. */
export async function readTextStrict(
  path: string,
  opts: { encoding?: 'utf-8' | 'windows-1251'; maxBytes?: number; maxLineBytes?: number } = {},
): Promise<string> {
  const text = decodeStrict(await readCapped(path, opts.maxBytes), opts.encoding ?? 'utf-8', path);
  const long = firstLongLine(text, opts.maxLineBytes);
  if (long) {
    throw new AppError(
      'VALIDATION',
      `${path}: line ${long.line}: oversize_line: ${long.length} characters, over the ${opts.maxLineBytes ?? IMPORT_CAPS.maxLineBytes} limit; nothing was stored`,
      {
        issues: [{ path: ['file', long.line], message: 'line too long' }],
        details: { reason: 'oversize_line', line: long.line },
      },
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
