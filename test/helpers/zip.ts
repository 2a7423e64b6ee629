/**
 * Zip archives written from already-deflated (or stored) bytes: what the election importer
 * reads (the one file of an archive, found from its central directory). The CRC is left 0; the
 * importer does not check it. Used to build synthetic archives (bombs, bad members, archives of
 * several members or with a folder entry) in tests.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  body: Buffer;
  method?: 0 | 8;
  uncompressed?: number;
}

/** An archive of `entries` in order (a name ending in "/" with an empty body is a folder entry). */
export function zipMany(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const n = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(e.uncompressed ?? e.body.length, 22);
    local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(e.body.length, 20);
    cd.writeUInt32LE(e.uncompressed ?? e.body.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(at, 42);
    locals.push(local, n, e.body);
    centrals.push(cd, n);
    at += 30 + n.length + e.body.length;
  }
  const cdSize = centrals.reduce((a, b) => a + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(at, 16);
  return Buffer.concat([...locals, ...centrals, eocd]);
}

export function zipOne(name: string, body: Buffer, opts: { method?: 0 | 8; uncompressed?: number } = {}): Buffer {
  return zipMany([{ name, body, ...opts }]);
}

/** Deflate a stream of chunks (never held whole) into a zip member's bytes. */
export async function deflated(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  const deflate = Readable.from(chunks).pipe(createDeflateRaw({ level: 9 }));
  for await (const d of deflate) parts.push(d as Buffer);
  return Buffer.concat(parts);
}

/** Write a one-member deflated zip of `chunks` to `path`. */
export async function writeZip(path: string, name: string, chunks: AsyncIterable<Buffer> | Iterable<Buffer>, uncompressed?: number): Promise<void> {
  const z = zipOne(name, await deflated(chunks), { uncompressed });
  const out = createWriteStream(path);
  await pipeline(Readable.from([z]), out);
}
