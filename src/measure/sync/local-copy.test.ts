import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTemps, saveObject } from './local-copy.js';

// Bodies here are SYNTHETIC: a gzip of a short text; the transfer faults are the point.
const bytes = gzipSync(Buffer.from('{"probe_cc":"RU"}\n'.repeat(200)));
const obj = { key: 'raw/x.jsonl.gz', size: bytes.length, etag: createHash('md5').update(bytes).digest('hex') };

describe('saveObject', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'local-copy-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('puts a whole, verified transfer in place and leaves no temporary file', async () => {
    const d = dir();
    const path = join(d, 'x.jsonl.gz');
    async function* body() {
      yield bytes.subarray(0, 10);
      yield bytes.subarray(10);
    }
    const e = await saveObject(body(), path, obj, () => {});
    expect(e).toMatchObject({ key: obj.key, size: obj.size, gzip_ok: true });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(d)).toEqual(['x.jsonl.gz']);
  });

  it('a transfer that breaks, at once or mid-body, leaves nothing behind once it has failed', async () => {
    for (const sent of [0, 0, 0, 20, 20]) {
      const d = dir();
      async function* body() {
        if (sent) yield bytes.subarray(0, sent);
        throw new Error('socket hang up');
      }
      await expect(saveObject(body(), join(d, 'x.jsonl.gz'), obj, () => {})).rejects.toThrow(/socket hang up/);
      expect(readdirSync(d)).toEqual([]);
    }
  });

  it('a short or mismatching body is refused and its temporary file removed', async () => {
    const d = dir();
    async function* short() {
      yield bytes.subarray(0, 30);
    }
    await expect(saveObject(short(), join(d, 'x.jsonl.gz'), obj, () => {})).rejects.toThrow(/transfer ended after 30 of \d+ bytes/);
    const other = Buffer.from(bytes);
    other.writeUInt8(other.readUInt8(other.length - 1) ^ 1, other.length - 1);
    async function* wrong() {
      yield other;
    }
    await expect(saveObject(wrong(), join(d, 'x.jsonl.gz'), obj, () => {})).rejects.toThrow(/MD5 [0-9a-f]{32} does not match ETag/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('names every temporary file it made, so a run can remove what a fault left', async () => {
    const d = dir();
    const temps = new Set<string>();
    async function* body() {
      yield bytes;
    }
    await saveObject(body(), join(d, 'x.jsonl.gz'), obj, () => {}, temps);
    expect([...temps]).toEqual([expect.stringMatching(/x\.jsonl\.gz\.[A-Za-z0-9_-]+\.\d+\.[0-9a-f]{8}\.part$/)]);
    writeFileSync([...temps][0]!, 'reappeared'); // SYNTHETIC: as if a late write brought it back
    await removeTemps(temps);
    expect(readdirSync(d)).toEqual(['x.jsonl.gz']);
    expect(temps.size).toBe(0);
  });
});
