/**
 * Import bombs and bad encodings, end to end through the built CLI in a child process (so the
 * peak memory measured is the importer's own): a gzip that inflates to one 256 MB line is
 * rejected with the reason and nothing of it stored, with peak RSS under 512 MB; a STOP CSV in
 * Windows-1252 is refused naming the encoding instead of being stored as mojibake.
 * The bomb and the cp1252 file are synthetic (no real file has these faults).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { BIN, tempDir } from '../helpers/index.js';

let t: { dir: string; cleanup: () => void };
beforeAll(() => {
  t = tempDir('splinternet-caps-');
});
afterAll(() => t.cleanup());

/** Run the built CLI with a preload that prints the process's peak RSS at exit. */
function runMeasured(args: string[]): Promise<{ code: number | null; out: string; err: string; peakMb: number }> {
  const preload = join(t.dir, 'peak.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\npeak_rss_kb=${process.resourceUsage().maxRSS}\\n`));\n");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', preload, BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const kb = Number(/peak_rss_kb=(\d+)/.exec(err)?.[1] ?? NaN);
      resolve({ code, out, err, peakMb: kb / 1024 });
    });
  });
}

async function* bombBytes(header: string, mb: number) {
  yield Buffer.from(header);
  const block = Buffer.alloc(1 << 20, 'a');
  for (let i = 0; i < mb; i++) yield block;
  yield Buffer.from('\n');
}

describe('import caps', () => {
  it('a gzip that inflates to one 256 MB line: rejected (oversize_line), nothing of it stored, peak RSS < 512 MB', async () => {
    const bomb = join(t.dir, 'dump-2020-02-16.csv.gz');
    await pipeline(
      bombBytes('Updated: 2020-02-16 10:00:00 +0000\n1.2.3.4;example.org;;Genprokuratura;27-31-2020/Id2971-20;2020-02-14\n', 256),
      createGzip({ level: 9 }),
      createWriteStream(bomb),
    );
    expect(readFileSync(bomb).length).toBeLessThan(400 * 1024);
    const db = join(t.dir, 'bomb.duckdb');
    const r = await runMeasured(['registry', 'import', bomb, '--db', db, '--json']);
    console.log(`gzip bomb (${readFileSync(bomb).length} bytes -> 256 MB line): peak RSS ${r.peakMb.toFixed(0)} MB, exit ${r.code}`);
    expect(r.peakMb, r.err).toBeLessThan(512);
    expect(r.code, r.err).toBe(3);
    const report = JSON.parse(r.out) as { files: { stored: number; rejected: number }[]; rejects: { line: number; reason: string }[] };
    expect(report.files[0]).toMatchObject({ stored: 1, rejected: 1 });
    expect(report.rejects[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/^oversize_line: 268435456 bytes/) });
  });

  it('a cp1252 STOP CSV is refused naming the encoding and the line (exit 2), nothing stored', async () => {
    const real = readFileSync(packagePath('test', 'fixtures', 'stop', 'real-sample.csv'), 'utf8');
    const lines = real.split('\n');
    // Synthetic: one real row with its text re-encoded as Windows-1252 (an "é" as the single byte 0xE9).
    const bad = Buffer.concat([
      Buffer.from(lines.slice(0, 2).join('\n') + '\n'),
      Buffer.from('Caf\xe9 row,', 'latin1'),
      Buffer.from(lines.slice(2).join('\n')),
    ]);
    const file = join(t.dir, 'stop_snapshot-2026-05-20.csv');
    writeFileSync(file, bad);
    const db = join(t.dir, 'cp1252.duckdb');
    const r = await runMeasured(['events', 'import', file, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/not valid UTF-8 at line 3 \(byte \d+: 0xe9\)/);
  });
});
