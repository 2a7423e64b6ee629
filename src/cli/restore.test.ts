// The temporary copy a restore writes beside the database is never readable by other users while
// it is written: it is created owner-only, whatever the umask and the backup's own mode.
// The file copied is SYNTHETIC bytes (the mode, not the content, is under test).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyPrivately } from './restore.js';

describe('restore: the temporary copy', () => {
  let dir = '';
  const umask = process.umask();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'restore-copy-'));
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is created 0600 from a 0644 backup under umask 000, and holds every byte (SYNTHETIC bytes, 2.5 MiB across chunk edges)', () => {
    process.umask(0);
    const source = join(dir, 'backup.duckdb');
    const bytes = Buffer.alloc(2.5 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(source, bytes, { mode: 0o644 });
    const dest = join(dir, 'db.duckdb.restore-1');
    copyPrivately(source, dest);
    expect(statSync(dest).mode & 0o777).toBe(0o600);
    expect(readFileSync(dest).equals(bytes)).toBe(true);
  });

  it('refuses a temporary path that already exists (someone else may have made it), leaving it as it was', () => {
    const source = join(dir, 'b2.duckdb');
    writeFileSync(source, 'x');
    const dest = join(dir, 'taken');
    writeFileSync(dest, 'theirs', { mode: 0o644 });
    expect(() => copyPrivately(source, dest)).toThrow(/EEXIST/);
    expect(readFileSync(dest, 'utf8')).toBe('theirs');
  });
});
