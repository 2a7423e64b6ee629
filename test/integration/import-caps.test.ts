/**
 * Import bombs and bad encodings, end to end through the built CLI in a child process (so the
 * peak memory measured is the importer's own): a gzip that inflates to one 256 MB line is
 * rejected with the reason and nothing of it stored, with peak RSS under 512 MB; a STOP CSV in
 * Windows-1252 is refused naming the encoding instead of being stored as mojibake. The election
 * importer streams its zip archives: one that inflates past 256 MB is refused, one holding a
 * 200 MB line stores the real rows around it and rejects the line, both under 512 MB peak RSS.
 * The bombs and the cp1252 file are synthetic (no real file has these faults).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../src/elections/text.js';
import { packagePath } from '../../src/shared/index.js';
import { BIN, tempDir } from '../helpers/index.js';
import { writeZip } from '../helpers/zip.js';

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

  const protocolHead = (): string => {
    // The real Moscow 2021 header and its first two stations, then the bomb.
    const real = textOf(readFileSync(packagePath('test', 'fixtures', 'elections', 'kobak-2021-moscow.csv.zip')));
    return real.split('\n').slice(0, 3).join('\n') + '\n';
  };

  it('an election zip that inflates past 256 MB is refused (oversize_input), nothing stored, peak RSS < 512 MB', async () => {
    const bomb = join(t.dir, 'bomb-2021.csv.zip');
    const row = Buffer.from(`${'1,'.repeat(500)}\n`);
    await writeZip(
      bomb,
      'bomb.csv',
      (function* () {
        yield Buffer.from(protocolHead());
        const block = Buffer.concat(Array.from({ length: 1024 }, () => row));
        for (let i = 0; i < 300 * 1024 * 1024; i += block.length) yield block;
      })(),
    );
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
    const db = join(t.dir, 'el-bomb.duckdb');
    const r = await runMeasured(['elections', 'import', bomb, '--db', db, '--json']);
    console.log(`election zip bomb (${readFileSync(bomb).length} bytes -> 300 MB): peak RSS ${r.peakMb.toFixed(0)} MB, exit ${r.code}`);
    expect(r.peakMb, r.err).toBeLessThan(512);
    expect(r.code, r.err).toBe(2);
    expect(r.out).toMatch(/oversize_input: over 268435456 bytes once decompressed; nothing was stored/);
    const list = await runMeasured(['elections', 'list', '--db', db, '--json']);
    expect(JSON.parse(list.out).items).toEqual([]);
  });

  it('an election zip holding one 200 MB line: the line is a reject (oversize_line), the real rows stored, peak RSS < 512 MB', async () => {
    const bomb = join(t.dir, 'line-2021.csv.zip');
    const head = protocolHead();
    const tail = head.split('\n')[1]!.replace('УИК №', 'УИК №9');
    await writeZip(
      bomb,
      'line.csv',
      (function* () {
        yield Buffer.from(head);
        const block = Buffer.alloc(1 << 20, 'a');
        for (let i = 0; i < 200; i++) yield block;
        yield Buffer.from(`\n${tail}\n`);
      })(),
    );
    const db = join(t.dir, 'el-line.duckdb');
    const r = await runMeasured(['elections', 'import', bomb, '--db', db, '--json']);
    console.log(`election zip with a 200 MB line: peak RSS ${r.peakMb.toFixed(0)} MB, exit ${r.code}`);
    expect(r.peakMb, r.err).toBeLessThan(512);
    expect(r.code, r.err).toBe(3);
    const report = JSON.parse(r.out) as { files: { lines_read: number; stored: number; rejected: number; rejects: { line: number; reason: string }[] }[] };
    expect(report.files[0]).toMatchObject({ lines_read: 4, stored: 3, rejected: 1 });
    expect(report.files[0]!.rejects[0]).toMatchObject({ line: 4, reason: 'oversize_line' });
  });

  it('a signal file in Windows-1252 fails naming the encoding and the line; nothing stored', async () => {
    // Synthetic: the real IODA file's first lines with an entity name re-encoded as Windows-1252 ("Irancell é").
    const real = readFileSync(
      packagePath('test', 'fixtures', 'outages', 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv'),
      'utf8',
    ).split('\n');
    const file = join(t.dir, 'ioda-cp1252.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(real.slice(0, 3).join('\n') + '\n'), Buffer.from(real[3]!.replace('IranCell', 'IranCell \xe9'), 'latin1'), Buffer.from('\n')]),
    );
    const db = join(t.dir, 'signals.duckdb');
    const r = await runMeasured(['signals', 'import', file, '--cc', 'IR', '--db', db, '--json']);
    expect(r.code, r.err).not.toBe(0);
    const report = JSON.parse(r.out) as { stored: number; files: { status: string; error: string }[] };
    expect(report.files[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/is not valid UTF-8 at line 4/) });
    expect(report.stored).toBe(0);
  });
});
