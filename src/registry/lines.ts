/**
 * Streaming line reader with an explicit text encoding. The dumps are windows-1251 (cp1251);
 * Node's TextDecoder supports it when built with full ICU (the default Node 20 binaries are; a
 * test asserts it). The derived CSV files are UTF-8. Memory stays flat: one chunk at a time.
 * A `.gz` file is read through gunzip (the repo ships the dumps gzipped; their bytes, and so
 * their sha256, are those of the original file).
 */
import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { AppError, fileError, cappedChunks, IMPORT_CAPS } from '../shared/index.js';
import { isUtf8Stream } from './encoding.js';

export type TextEncoding = 'windows-1251' | 'utf-8';

/** Fail early and clearly if this Node lacks the cp1251 decoder (small-ICU builds). */
export function cp1251Decoder(): TextDecoder {
  try {
    return new TextDecoder('windows-1251');
  } catch (e) {
    throw new AppError('INTERNAL', 'this Node.js build cannot decode windows-1251 (it needs full ICU; the official Node 20 binaries have it)', { cause: e });
  }
}

/**
 * Call `onLine(text, lineNumber)` for each line (1-based, without the line end; a trailing
 * "\r" is dropped). Returns the number of lines and bytes read. Throws INGEST_IO if unreadable.
 */
export async function eachLine(
  path: string,
  encoding: TextEncoding,
  onLine: (text: string, line: number) => void,
  onBytes?: (bytes: number) => void,
): Promise<{ lines: number; bytes: number }> {
  const decoder = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : cp1251Decoder();
  let rest = '';
  let line = 0;
  let bytes = 0;
  const emit = (text: string) => {
    line++;
    onLine(text.endsWith('\r') ? text.slice(0, -1) : text, line);
  };
  try {
    for await (const chunk of rawChunks(path)) {
      bytes += chunk.length;
      const text = rest + decoder.decode(chunk, { stream: true });
      let start = 0;
      let nl: number;
      while ((nl = text.indexOf('\n', start)) >= 0) {
        emit(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      if (rest.length > IMPORT_CAPS.maxLineBytes) {
        throw new AppError('VALIDATION', `${path}: line ${line + 1}: oversize_line: over ${IMPORT_CAPS.maxLineBytes} characters; nothing was stored`, {
          details: { reason: 'oversize_line', line: line + 1 },
        });
      }
      onBytes?.(bytes);
    }
  } catch (e) {
    throw readError(path, e);
  }
  rest += decoder.decode();
  if (rest.length > 0) emit(rest);
  return { lines: line, bytes };
}

/** File-system and gunzip failures (they carry a `code`) become INGEST_IO; others pass through. */
export function readError(path: string, e: unknown): unknown {
  if (e instanceof AppError || typeof (e as NodeJS.ErrnoException).code !== 'string') return e;
  return fileError(path, e, 'files');
}

/** The file's bytes, gunzipped when the name ends in .gz, within the streaming import cap (shared/caps.ts). */
export function rawChunks(path: string): AsyncIterable<Buffer> {
  return cappedChunks(path, IMPORT_CAPS.maxStreamBytes);
}

/** The first line of a file (bytes as latin1, enough to tell the formats apart). */
export async function firstLine(path: string): Promise<string> {
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of rawChunks(path)) {
      head = Buffer.concat([head, chunk]);
      if (head.includes(10) || head.length >= 64 * 1024) break;
    }
  } catch (e) {
    throw readError(path, e);
  }
  const text = head.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  const nl = text.indexOf('\n');
  return (nl >= 0 ? text.slice(0, nl) : text).replace(/\r$/, '');
}

/** Whether the file holds nothing but blanks (spaces, tabs, line ends) after its first line. */
export async function blankAfterFirstLine(path: string): Promise<boolean> {
  let pastFirst = false;
  try {
    for await (const chunk of rawChunks(path)) {
      let i = 0;
      if (!pastFirst) {
        const nl = chunk.indexOf(10);
        if (nl < 0) continue;
        pastFirst = true;
        i = nl + 1;
      }
      for (; i < chunk.length; i++) if (![9, 10, 13, 32].includes(chunk[i]!)) return false;
    }
  } catch (e) {
    throw readError(path, e);
  }
  return true;
}

/**
 * Whether the whole file is UTF-8 holding letters beyond ASCII (encoding.ts): such a file was
 * written as UTF-8 and would be read as mojibake ("Р РѕСЃ...") if decoded as cp1251. A cp1251
 * dump is told at its first Cyrillic letter, so only UTF-8 and ASCII files are read to the end.
 */
export async function looksUtf8(path: string): Promise<boolean> {
  try {
    return await isUtf8Stream(rawChunks(path));
  } catch (e) {
    throw readError(path, e);
  }
}

/** sha256 of the (decompressed) bytes, to recognise known files and skip unchanged re-imports. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of rawChunks(path)) hash.update(chunk);
  } catch (e) {
    throw readError(path, e);
  }
  return hash.digest('hex');
}
