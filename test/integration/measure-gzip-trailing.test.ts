// `ingest` of a .jsonl.gz with bytes after its last gzip member, as a user runs it (the built CLI
// in a child process, killed if it outlives its bound): every engine ends with a report and exit
// 0 (zero padding, named as ignored) or 3 (other bytes: one trailing_garbage reject), never a hang
// and never Node's exit 13 for a promise left unsettled. Real data: the 89 shipped measurements;
// the trailing bytes are SYNTHETIC.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/index.js';

const SHIPPED = readFileSync(join(import.meta.dirname, '../../data/ooni/measurements/ooni-real-measurements.jsonl.gz'));
const BOUND_MS = 90_000;

const t = tempDir();
afterAll(() => t.cleanup());

/** The built CLI, killed after BOUND_MS (code null then). */
function bounded(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { timeout: BOUND_MS, killSignal: 'SIGKILL' });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe.each([['--workers', '0'], ['--workers', '1'], ['--engine', 'duckdb'], []])(
  'ingest %s %s of a .jsonl.gz with trailing bytes',
  (...engine: string[]) => {
    const tag = engine.join('') || 'default';
    it(
      'zero padding: exit 0, all 89 stored, the padding named',
      async () => {
        const p = join(t.dir, `pad-${tag}.jsonl.gz`);
        writeFileSync(p, Buffer.concat([SHIPPED, Buffer.alloc(512)]));
        const r = await bounded(['ingest', p, ...engine, '--db', join(t.dir, `pad-${tag}.duckdb`)]);
        expect(r.code, r.err).toBe(0);
        expect(r.out).toContain('lines_read 89 = stored 89 + duplicates 0 + rejected 0 + filtered 0');
        expect(r.out).toContain(
          `ignored ${p}: 512 zero byte(s) after the last gzip member, from byte ${SHIPPED.length} of the file: padding, ignored as gzip ignores it`,
        );
      },
      BOUND_MS + 10_000,
    );

    it(
      'other bytes: exit 3, all 89 stored, one reject naming the file and the byte',
      async () => {
        const p = join(t.dir, `junk-${tag}.jsonl.gz`);
        writeFileSync(p, Buffer.concat([SHIPPED, Buffer.from('JUNK')]));
        const r = await bounded(['ingest', p, ...engine, '--db', join(t.dir, `junk-${tag}.duckdb`), '--json']);
        expect(r.code, r.err).toBe(3);
        const rep = JSON.parse(r.out) as { stored: number; lines_read: number; rejects: { path: string; reason: string; detail: string }[] };
        expect(rep).toMatchObject({ lines_read: 90, stored: 89 });
        expect(rep.rejects).toEqual([
          expect.objectContaining({ path: p, reason: 'trailing_garbage', detail: expect.stringContaining(`from byte ${SHIPPED.length} of the file`) }),
        ]);
      },
      BOUND_MS + 10_000,
    );
  },
);
