import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, etagMatches, pickCoding } from './encoding.js';

describe('pickCoding (Accept-Encoding)', () => {
  it('identity without a header or with nothing we offer', () => {
    expect(pickCoding(undefined)).toBe('identity');
    expect(pickCoding('')).toBe('identity');
    expect(pickCoding('deflate, zstd')).toBe('identity');
    expect(pickCoding('identity')).toBe('identity');
  });
  it('gzip when only gzip is accepted (curl --compressed, the bench)', () => {
    expect(pickCoding('gzip')).toBe('gzip');
    expect(pickCoding('x-gzip')).toBe('gzip');
    expect(pickCoding('deflate, gzip')).toBe('gzip');
  });
  it('br when accepted with a q at least gzip\'s (browsers send "gzip, deflate, br, zstd")', () => {
    expect(pickCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickCoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(pickCoding('BR')).toBe('br');
  });
  it('honours q=0 and the * wildcard', () => {
    expect(pickCoding('gzip;q=0, br;q=0')).toBe('identity');
    expect(pickCoding('br;q=0, gzip')).toBe('gzip');
    expect(pickCoding('*')).toBe('br');
    expect(pickCoding('*;q=0, gzip')).toBe('gzip');
    expect(pickCoding('gzip; q = 0')).toBe('identity');
  });
});

describe('compress', () => {
  it('round-trips with gzip and brotli', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: `e-${i}`, title: 'same words again' })) }));
    const gz = await compress(body, 'gzip');
    const br = await compress(body, 'br');
    expect(gz.byteLength).toBeLessThan(body.byteLength / 4);
    expect(br.byteLength).toBeLessThan(body.byteLength / 4);
    expect(Buffer.from(gunzipSync(gz)).equals(Buffer.from(body))).toBe(true);
    expect(Buffer.from(brotliDecompressSync(br)).equals(Buffer.from(body))).toBe(true);
  });
});

describe('etagMatches (If-None-Match, weak comparison)', () => {
  it('matches weak and strong forms, lists and *', () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('*', 'W/"abc"')).toBe(true);
  });
  it('does not match other tags or no header', () => {
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false);
    expect(etagMatches('', 'W/"abc"')).toBe(false);
  });
});
