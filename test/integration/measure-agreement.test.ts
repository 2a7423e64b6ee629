/**
 * `measurements agreement FILE...` takes paths as ingest does and reads them as ingest reads
 * them: a missing path is an error naming it (never an internal error), a folder is walked for
 * its measurement files, a truncated .gz keeps the lines before the cut and reports the cut as a
 * reject with file, line and reason (exit 3). Real data: OONI's QA scenarios in
 * test/fixtures/ooni-qa (see its SOURCES.md); the truncated copy is made here (SYNTHETIC cut).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';

const QA = join(import.meta.dirname, '../fixtures/ooni-qa');
const t = tempDir();
const db = join(t.dir, 'a.duckdb');
// scoring reads the stored fingerprints, so the database must exist (a read never creates one)
beforeAll(async () => {
  const m = await cli(['db', 'migrate', '--db', db]);
  expect(m.code, m.err).toBe(0);
});
afterAll(() => t.cleanup());

const lines = (f: string) =>
  gunzipSync(readFileSync(join(QA, f)))
    .toString('utf8')
    .trim()
    .split('\n').length;

describe('measurements agreement on files', () => {
  it('a missing file: exit 1 naming it, no internal error', async () => {
    const r = await cli(['measurements', 'agreement', join(t.dir, 'nope.jsonl'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot read ${join(t.dir, 'nope.jsonl')}: no such file or directory`);
    expect(r.err).not.toMatch(/internal error/);
  });

  it('a folder: every measurement file in it is scored', async () => {
    const dir = join(t.dir, 'qa');
    mkdirSync(dir);
    for (const f of ['measurements.jsonl.gz', 'synthetic.jsonl.gz']) copyFileSync(join(QA, f), join(dir, f));
    const r = await cli(['measurements', 'agreement', dir, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { files: number; measurements: number; rejects: unknown[] };
    expect(j).toMatchObject({ files: 2, measurements: lines('measurements.jsonl.gz') + lines('synthetic.jsonl.gz'), rejects: [] });
  });

  it('a truncated .gz (SYNTHETIC cut of a real file): the lines before the cut are scored, the cut is a reject (exit 3)', async () => {
    const cut = join(t.dir, 'cut.jsonl.gz');
    const whole = readFileSync(join(QA, 'measurements.jsonl.gz'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const r = await cli(['measurements', 'agreement', cut, '--json', '--db', db]);
    expect(r.code, r.err).toBe(3);
    const j = JSON.parse(r.out) as { measurements: number; rejects: { path: string; line: number; reason: string }[] };
    expect(j.measurements).toBeGreaterThan(0);
    expect(j.measurements).toBeLessThan(lines('measurements.jsonl.gz'));
    expect(j.rejects).toEqual([expect.objectContaining({ path: cut, line: j.measurements + 1, reason: 'truncated_gzip' })]);
  });
});
