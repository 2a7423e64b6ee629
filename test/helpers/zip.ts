/**
 * A one-member zip archive written from already-deflated (or stored) bytes: what the election
 * importer reads (its first member, from the central directory). The CRC is left 0; the
 * importer does not check it. Used to build synthetic archives (bombs, bad members) in tests.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';

export function zipOne(name: string, body: Buffer, opts: { method?: 0 | 8; uncompressed?: number } = {}): Buffer {
  const method = opts.method ?? 8;
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(opts.uncompressed ?? body.length, 22);
  local.writeUInt16LE(n.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4);
  cd.writeUInt16LE(20, 6);
  cd.writeUInt16LE(method, 10);
  cd.writeUInt32LE(body.length, 20);
  cd.writeUInt32LE(opts.uncompressed ?? body.length, 24);
  cd.writeUInt16LE(n.length, 28);
  cd.writeUInt32LE(0, 42);
  const cdAt = 30 + n.length + body.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + n.length, 12);
  eocd.writeUInt32LE(cdAt, 16);
  return Buffer.concat([local, n, body, cd, n, eocd]);
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
