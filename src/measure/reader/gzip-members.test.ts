// The gzip framing the ingest reads .gz files through: whatever the chunk boundaries, every member's
// bytes come out whole and in order, what follows the last member is named (zero padding or not),
// and a cut, a bad header or a wrong CRC is an error naming the byte of the file. Real data: the
// shipped measurements file (its header carries a file name) and its first line; cuts, extra
// members, trailing bytes and flipped bytes are SYNTHETIC.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GzipMembers } from './gzip-members.js';

const SHIPPED = readFileSync(join(import.meta.dirname, '../../../data/ooni/measurements/ooni-real-measurements.jsonl.gz'));
const TEXT = gunzipSync(SHIPPED);
const FIRST = TEXT.subarray(0, TEXT.indexOf(10) + 1);

async function inflate(bytes: Buffer, chunk: number) {
  const g = new GzipMembers();
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...(await g.write(bytes.subarray(i, i + chunk))));
  out.push(...(await g.end()));
  return { text: Buffer.concat(out), error: g.error()?.message ?? null, trailing: g.trailing() };
}

/** Byte equality (a deep equality walk of megabytes is slow). */
const same = (a: Buffer, b: Buffer) => expect(a.equals(b), `${a.length} bytes against ${b.length}`).toBe(true);

describe('GzipMembers', () => {
  it('inflates the shipped file (a header with a file name) exactly as gunzip does, in 64 KB chunks', async () => {
    expect(SHIPPED[3]! & 8).toBe(8);
    const r = await inflate(SHIPPED, 1 << 16);
    same(r.text, TEXT);
    expect(r).toMatchObject({ error: null, trailing: null });
  }, 30_000);

  // SYNTHETIC: three members of one real line each, fed in pieces of every size from 1 byte, so
  // that a member's deflate data, trailer and the next header end at every place in a chunk
  it.each([1, 2, 3, 7, 8, 9, 10, 64, 4096])(
    'three members in %i-byte chunks are one stream',
    async (chunk) => {
      const one = gzipSync(FIRST);
      const r = await inflate(Buffer.concat([one, one, one]), chunk);
      expect(r).toEqual({ text: Buffer.concat([FIRST, FIRST, FIRST]), error: null, trailing: null });
    },
    30_000,
  );

  // SYNTHETIC: header fields gzip may write (FEXTRA, FNAME, FCOMMENT, FHCRC)
  it('skips the optional header fields', async () => {
    const one = gzipSync(FIRST);
    const extra = Buffer.from([2, 0, 0xaa, 0xbb]);
    const header = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3]),
      extra,
      Buffer.from('name.jsonl\0comment\0'),
      Buffer.from([0, 0]),
    ]);
    const r = await inflate(Buffer.concat([header, one.subarray(10)]), 5);
    expect(r).toEqual({ text: FIRST, error: null, trailing: null });
  });

  // SYNTHETIC: zero padding and other bytes after a real member
  it.each([
    ['one zero byte', Buffer.alloc(1), true],
    ['a 512-byte zero block', Buffer.alloc(512), true],
    ['text', Buffer.from('JUNK'), false],
    ['zeros then text', Buffer.concat([Buffer.alloc(3), Buffer.from('x')]), false],
    ['a lone first magic byte', Buffer.from([0x1f]), false],
  ])('after the last member, %s is named with its offset, and every byte before it is delivered', async (_what, tail, zeros) => {
    const one = gzipSync(FIRST);
    for (const chunk of [1, 100, 1 << 16]) {
      const r = await inflate(Buffer.concat([one, one, tail]), chunk);
      expect(r).toEqual({ text: Buffer.concat([FIRST, FIRST]), error: null, trailing: { offset: 2 * one.length, bytes: tail.length, zeros } });
    }
  });

  // SYNTHETIC: cuts of the shipped file at the header, in the deflate data and in the trailer
  it.each([
    [0, 'unexpected end of file (in the gzip header) at byte 0 of the file'],
    [5, 'unexpected end of file (in the gzip header) at byte 5 of the file'],
    [SHIPPED.length - 4, `unexpected end of file (in the gzip trailer) at byte ${SHIPPED.length - 4} of the file`],
  ])('a file cut at byte %i is an error naming the byte; what was inflated before it is delivered', async (cut, message) => {
    const r = await inflate(SHIPPED.subarray(0, cut), 1 << 16);
    expect(r.error).toBe(message);
    same(r.text, cut > 100 ? TEXT : Buffer.alloc(0));
  });

  it('a file cut in its deflate data delivers a prefix of the text and names the end of the file', async () => {
    const cut = Math.floor(SHIPPED.length / 2);
    const r = await inflate(SHIPPED.subarray(0, cut), 1 << 16);
    expect(r.error).toBe(`unexpected end of file (in the deflate data) at byte ${cut} of the file`);
    expect(r.text.length).toBeGreaterThan(0);
    same(TEXT.subarray(0, r.text.length), r.text);
  });

  it('a file that is not gzip, and a wrong CRC, are errors naming the byte', async () => {
    expect((await inflate(FIRST, 1 << 16)).error).toBe('incorrect header check (not gzip data) at byte 0 of the file');
    const bad = Buffer.from(gzipSync(FIRST));
    bad[bad.length - 8]! ^= 0xff;
    const r = await inflate(Buffer.concat([gzipSync(FIRST), bad]), 1 << 16);
    expect(r.error).toBe(`incorrect data check (CRC-32 mismatch) at byte ${2 * bad.length - 8} of the file`);
    expect(r.text.subarray(0, FIRST.length)).toEqual(FIRST);
  });
});
