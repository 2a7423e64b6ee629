// SYNTHETIC files and locks: this process plays the server, holding a file open under one name.
import { closeSync, linkSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../shared/index.js';
import { heldByServer, serverHolding } from './holder.js';
import { newSecret, writeLock } from './lockfile.js';

const dir = mkdtempSync(join(tmpdir(), 'splinternet-holder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')('the server holding a file under another name', () => {
  it('is found from its pid through the name it has the file open under, and only with its own live lock', () => {
    const served = join(dir, 'served.duckdb');
    const other = join(dir, 'other-name.duckdb');
    const unrelated = join(dir, 'unrelated.duckdb');
    writeFileSync(served, 'x');
    writeFileSync(unrelated, 'y');
    linkSync(served, other);
    const fd = openSync(served, 'r');
    try {
      expect(serverHolding(other, process.pid)).toBeNull(); // no lock: not a server
      const lock = { pid: process.pid, url: 'http://127.0.0.1:1', secret: newSecret(), started_at: new Date().toISOString() };
      writeLock(served, lock);
      expect(serverHolding(other, process.pid)).toEqual({ lock, path: served });
      expect(serverHolding(unrelated, process.pid)).toBeNull(); // another file
      const refused = new AppError('STORE_LOCKED', 'held', { details: { path: other, holder_pid: process.pid } });
      expect(heldByServer(refused, other)?.path).toBe(served);
      expect(heldByServer(new AppError('STORE', 'other'), other)).toBeNull();
    } finally {
      closeSync(fd);
    }
  });
});
