import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutFile } from './out-file.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'out-file-'));

describe('writeOutFile', () => {
  it('writes a new file and leaves nothing else in its folder', async () => {
    const dir = fresh();
    await writeOutFile(join(dir, 'a.csv'), 'id,name\r\n1,Тегеран\r\n');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('id,name\r\n1,Тегеран\r\n');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('keeps an existing file unless forced, naming it and the flag', async () => {
    const dir = fresh();
    const out = join(dir, 'a.csv');
    writeFileSync(out, 'old');
    await expect(writeOutFile(out, 'new')).rejects.toMatchObject({
      code: 'INGEST_IO',
      message: `cannot write ${out}: it exists already; --force replaces it`,
      issues: [{ path: ['out'], message: 'it exists already; --force replaces it' }],
    });
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.csv']);
    await writeOutFile(out, Buffer.from('new'), { force: true });
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('refuses a directory, even with force, and a missing folder, naming the path', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'sub'));
    await expect(writeOutFile(join(dir, 'sub'), 'x', { force: true })).rejects.toThrow(`cannot write ${join(dir, 'sub')}: it is a directory; name a file`);
    const missing = join(dir, 'nope', 'x.csv');
    await expect(writeOutFile(missing, 'x')).rejects.toThrow(`cannot write ${missing}: the folder ${join(dir, 'nope')} does not exist`);
    expect(readdirSync(dir)).toEqual(['sub']);
  });

  it.skipIf(process.getuid?.() === 0)('a folder it may not write to: permission denied, no temporary file', async () => {
    const dir = fresh();
    chmodSync(dir, 0o500);
    try {
      await expect(writeOutFile(join(dir, 'a.csv'), 'x')).rejects.toThrow(`cannot write ${join(dir, 'a.csv')}: permission denied`);
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
