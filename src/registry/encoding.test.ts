import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { cp1251LineProblem, isUtf8Stream, UNDEFINED_BYTE_DETAIL, UTF8_LINE_DETAIL } from './encoding.js';
import { verbatimLine } from './dump-bytes.js';

const shipped = (f: string) => gunzipSync(readFileSync(packagePath('data', 'registry', f)));
const DUMPS = ['zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz', 'zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'].map(shipped);
const cp1251 = new TextDecoder('windows-1251');
async function* chunks(b: Buffer, size: number) {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('encoding of a dump line', () => {
  it('every line of the shipped dumps is windows-1251 text (no reject for encoding on real data)', () => {
    for (const dump of DUMPS) {
      const lines = cp1251.decode(dump).split('\n');
      expect(lines.length).toBeGreaterThan(5000);
      expect(lines.filter((l) => cp1251LineProblem(l) !== null)).toEqual([]);
    }
  });

  it('a real line re-encoded as UTF-8 is a UTF-8 line, on the text and on the bytes (SYNTHETIC encoding)', () => {
    const line = cp1251
      .decode(DUMPS[0])
      .split('\n')
      .find((l) => l.includes('Мосгорсуд'))!;
    expect(line).toMatch(/Мосгорсуд/);
    const utf8 = Buffer.from(line, 'utf8');
    expect(cp1251LineProblem(cp1251.decode(utf8))).toBe(UTF8_LINE_DETAIL);
    expect(verbatimLine(utf8, 0, utf8.length, 20991231)).toBe(false);
  });

  it('byte 0x98 is undefined in windows-1251 (SYNTHETIC line)', () => {
    const b = Buffer.from('1.1.1.1;a\x98b.ru;;court;1/2019;2019-01-01', 'latin1');
    expect(cp1251LineProblem(cp1251.decode(b))).toBe(UNDEFINED_BYTE_DETAIL);
    expect(verbatimLine(b, 0, b.length, 20991231)).toBe(false);
  });
});

describe('whole-file UTF-8', () => {
  const utf8 = Buffer.from(cp1251.decode(DUMPS[1]), 'utf8');
  it('is read across chunk boundaries that cut a character (SYNTHETIC: the 2020 part re-encoded)', async () => {
    for (const size of [1, 2, 3, 7, 4096]) expect(await isUtf8Stream(chunks(utf8.subarray(0, 20_000), size))).toBe(true);
  });
  it('a windows-1251 dump, an ASCII-only file and a cut-off last character are not UTF-8 text', async () => {
    expect(await isUtf8Stream(chunks(DUMPS[1]!, 4096))).toBe(false);
    expect(await isUtf8Stream(chunks(Buffer.from('Updated: 2019-01-01 00:00:00 +0000\n1.1.1.1;a.ru;;court;1;2019-01-01\n'), 5))).toBe(false);
    const cyr = Buffer.from('суд', 'utf8');
    expect(await isUtf8Stream(chunks(cyr.subarray(0, cyr.length - 1), 2))).toBe(false);
  });
});
