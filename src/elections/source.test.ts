/**
 * The election file stream: a real zipped protocol streams to the same lines as the
 * in-memory reader; the caps hold on synthetic faults (an archive that inflates past the size
 * cap, a line past the line cap, bytes that are not UTF-8, a broken archive), each refused or
 * reported with its reason, file and line. An archive is read only when it holds one file (folder
 * entries aside): one of several files is never read as if it were the whole archive.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { deflated, zipMany, zipOne } from '../../test/helpers/zip.js';
import { tempDir } from '../../test/helpers/index.js';
import { isAppError, packagePath } from '../shared/index.js';
import { sourceLines, type ElectionCaps, type SourceLine } from './source.js';
import { lines, textOf } from './text.js';

const fixture = (f: string) => packagePath('test', 'fixtures', 'elections', f);
const t = tempDir('splinternet-election-src-');
afterAll(() => t.cleanup());

async function all(path: string, caps?: ElectionCaps): Promise<SourceLine[]> {
  const out: SourceLine[] = [];
  for await (const l of sourceLines(path, caps)) out.push(l);
  return out;
}

async function refused(path: string, caps?: ElectionCaps): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await all(path, caps);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { code: e.code, message: e.message, details: e.details };
  }
  throw new Error('not refused');
}

const small: ElectionCaps = { maxBytes: 64 * 1024, maxLineBytes: 100, maxFieldBytes: 20 };

describe('election file stream', () => {
  it('a real zipped protocol streams to the lines the in-memory reader sees', async () => {
    const path = fixture('kobak-2021-moscow.csv.zip');
    const streamed = await all(path);
    const whole = [...lines(textOf(readFileSync(path)))];
    expect(streamed.length).toBe(whole.length);
    expect(streamed.map((l) => [l.line, l.text])).toEqual(whole);
  });

  it('reads a gzipped and a stored (method 0) copy of the same text alike', async () => {
    const text = readFileSync(fixture('meduza-moscow-2021-single-mandate.tsv'));
    const gz = join(t.dir, 'meduza.tsv.gz');
    writeFileSync(gz, gzipSync(text));
    const stored = join(t.dir, 'meduza-stored.zip');
    writeFileSync(stored, zipOne('meduza.tsv', text, { method: 0 }));
    const plain = await all(fixture('meduza-moscow-2021-single-mandate.tsv'));
    expect(await all(gz)).toEqual(plain);
    expect(await all(stored)).toEqual(plain);
  });

  it('an archive that inflates past the size cap is refused (oversize_input) without inflating it all', async () => {
    // Synthetic: 8 MB of one byte, ~8 KB deflated; the cap is 64 KB.
    const bomb = join(t.dir, 'bomb-2021.csv.zip');
    writeFileSync(bomb, zipOne('bomb.csv', await deflated([Buffer.alloc(8 << 20, 'a')])));
    const r = await refused(bomb, small);
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toMatch(/oversize_input: over 65536 bytes once decompressed; nothing was stored/);
  });

  it('a line past the line cap is reported by number and length, the lines around it intact', async () => {
    const path = join(t.dir, 'long.csv');
    writeFileSync(path, `a,b\n${'x'.repeat(250)}\nc,d\r\n${'y'.repeat(100_000)}`);
    const got = await all(path, { ...small, maxBytes: 1 << 20 });
    expect(got).toEqual([
      { line: 1, text: 'a,b' },
      { line: 2, oversize: 250 },
      { line: 3, text: 'c,d' },
      { line: 4, oversize: 100_000 },
    ]);
  });

  it('bytes that are not UTF-8 are refused naming the encoding and the line', async () => {
    const path = join(t.dir, 'cp1251.csv');
    // Synthetic: "Москва" in Windows-1251 on line 3.
    writeFileSync(path, Buffer.concat([Buffer.from('region,uik\nx,1\n'), Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]), Buffer.from(',2\n')]));
    const r = await refused(path);
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toMatch(/cp1251.csv is not valid UTF-8 at line 3; it looks like Windows-1251 .*iconv -f cp1251 -t utf-8/);
  });

  it('a broken archive is refused naming the fault', async () => {
    const path = join(t.dir, 'broken.zip');
    const z = zipOne('a.csv', Buffer.from('abc'), { method: 0 });
    writeFileSync(path, z.subarray(0, z.length - 22));
    expect((await refused(path)).message).toMatch(/broken.zip: not a zip archive/);
    writeFileSync(path, zipOne('a.csv', Buffer.from('abc'), { method: 12 as 8 }));
    expect((await refused(path)).message).toMatch(/compression method 12/);
  });

  describe('an archive holding several files', () => {
    // SYNTHETIC archives built from the real Moscow 2021 protocols (the fixture's CSV, split in two).
    const csv = async () => {
      const zipped = fixture('kobak-2021-moscow.csv.zip');
      return (await all(zipped)).map((l) => l.text).join('\n') + '\n';
    };
    const halves = async () => {
      const [head, ...rows] = (await csv()).trimEnd().split('\n');
      const mid = Math.floor(rows.length / 2);
      return [
        [head, ...rows.slice(0, mid)],
        [head, ...rows.slice(mid)],
      ].map((ls) => Buffer.from(ls.join('\n') + '\n'));
    };

    it('two CSVs are refused naming both, before a line is read', async () => {
      const [a, b] = await halves();
      const path = join(t.dir, 'two-2021.csv.zip');
      writeFileSync(
        path,
        zipMany([
          { name: 'a.csv', body: await deflated([a!]) },
          { name: 'b.csv', body: b!, method: 0 },
        ]),
      );
      const r = await refused(path);
      expect(r.code).toBe('VALIDATION');
      expect(r.message).toMatch(/two-2021.csv.zip holds 2 files \(a.csv, b.csv\)/);
      expect(r.details).toMatchObject({ file: 'two-2021.csv.zip', reason: 'several_files', entries: ['a.csv', 'b.csv'] });
    });

    it('a README beside the CSV is refused naming both, not read as the protocol', async () => {
      const path = join(t.dir, 'readme-2021.csv.zip');
      const text = Buffer.from(await csv());
      writeFileSync(
        path,
        zipMany([
          { name: 'README.txt', body: Buffer.from('about this data\n') },
          { name: 'data.csv', body: await deflated([text]) },
        ]),
      );
      const r = await refused(path);
      expect(r.message).toMatch(/readme-2021.csv.zip holds 2 files \(README.txt, data.csv\)/);
    });

    it('a folder entry before the one CSV is no file: the CSV is read whole', async () => {
      const path = join(t.dir, 'dir-2021.csv.zip');
      const text = Buffer.from(await csv());
      writeFileSync(
        path,
        zipMany([
          { name: 'data/', body: Buffer.alloc(0), method: 0 },
          { name: 'data/2021.csv', body: await deflated([text]) },
        ]),
      );
      expect(await all(path)).toEqual(await all(fixture('kobak-2021-moscow.csv.zip')));
    });

    it('an archive with no file is refused', async () => {
      const path = join(t.dir, 'empty-2021.csv.zip');
      writeFileSync(path, zipMany([{ name: 'data/', body: Buffer.alloc(0), method: 0 }]));
      expect((await refused(path)).message).toMatch(/empty-2021.csv.zip holds no file/);
    });
  });
});
