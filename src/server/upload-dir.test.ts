import { lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultUploadDir, uploadDirFor } from './upload-dir.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('upload folder', () => {
  it('is <db>.uploads beside a database file, absolute', () => {
    expect(defaultUploadDir('data/observatory.duckdb')).toBe(join(process.cwd(), 'data', 'observatory.duckdb.uploads'));
  });

  it('an in-memory store gets one fresh folder of its own under the OS temp folder, mode 0700, the same on every upload', async () => {
    const get = uploadDirFor(':memory:');
    const a = await get();
    made.push(a);
    expect(dirname(a)).toBe(tmpdir());
    expect(lstatSync(a).mode & 0o777).toBe(0o700);
    expect(await get()).toBe(a);
    const b = await uploadDirFor(':memory:')();
    made.push(b);
    expect(b).not.toBe(a);
  });

  it('a folder not there yet is created (with its parents) mode 0700 (SYNTHETIC temp folder)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'upload-dir-test-'));
    made.push(root);
    const dir = join(root, 'a', 'b.uploads');
    expect(await uploadDirFor('unused', dir)()).toBe(dir);
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
  });
});
