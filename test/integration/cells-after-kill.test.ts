/**
 * The measurement summary agrees with the stored measurements after an ingest killed between
 * storing a batch and recomputing its cells: the next open recomputes the cells left marked, and
 * `doctor` compares the day cells with the rows and names the files that recount any that differ.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';
import { killInside, readFile } from '../helpers/kill.js';

const BUCKET = packagePath('test', 'fixtures', 'ooni', 'bucket-sample');
const t = tempDir();
afterAll(() => t.cleanup());

interface Derived {
  dataset: string;
  status: string;
  detail: string;
  commands?: string[];
}
const dayCells = async (db: string) =>
  (JSON.parse((await cli(['doctor', '--json', '--db', db])).out) as { derived: Derived[] }).derived.find((d) => d.dataset === 'measurement day cells');
const summaryN = async (db: string) => (JSON.parse((await cli(['measurements', 'summary', '--json', '--db', db])).out) as { totals: { n: number } }).totals.n;

describe('measurement cells after a kill -9 inside an ingest', () => {
  it('the next open counts every stored measurement in the summary; doctor says the day cells are current', async () => {
    const db = join(t.dir, 'killed.duckdb');
    const k = await killInside('measure.batch#3', ['ingest', BUCKET, '--workers', '0', '--db', db]);
    expect(k.marker, k.err).not.toBeNull();
    const left = await readFile(db, async (q) => ({
      stored: await q('SELECT count(*) AS n FROM measurements'),
      marked: await q('SELECT count(*) AS n FROM measurement_cells_dirty'),
      counted: await q(`SELECT coalesce(sum(n), 0) AS n FROM measurement_cells WHERE grain = 'day'`),
    }));
    // what the kill leaves: two batches stored, their cells marked and not yet recomputed
    expect(left.stored).toBeGreaterThan(0);
    expect(left.marked).toBeGreaterThan(0);
    expect(left.counted).toBeLessThan(left.stored);
    expect(await summaryN(db)).toBe(left.stored);
    expect(await dayCells(db)).toMatchObject({ status: 'current', detail: `the day cells count all ${left.stored} measurements stored` });
  });

  it('SYNTHETIC: day cells removed from the file are named by doctor with the ingest that recounts them, which does', async () => {
    const db = join(t.dir, 'cut.duckdb');
    expect((await cli(['ingest', BUCKET, '--workers', '0', '--db', db])).code).toBe(0);
    const stored = await readFile(db, async (q) => {
      const n = await q('SELECT count(*) AS n FROM measurements');
      await q(`DELETE FROM measurement_cells WHERE probe_cc = 'RU'`);
      return n;
    });
    const stale = await dayCells(db);
    expect(stale).toMatchObject({ status: 'stale' });
    expect(stale!.detail).toMatch(new RegExp(`^the day cells count \\d+ of ${stored} measurements stored`));
    expect(stale!.commands).toHaveLength(1);
    expect(stale!.commands![0]).toMatch(/^splinternet ingest --force .*bucket-sample/);
    const args = stale!.commands![0]!.split(' ').slice(1);
    expect((await cli([...args, '--workers', '0', '--db', db])).code).toBe(0);
    expect(await dayCells(db)).toMatchObject({ status: 'current' });
    expect(await summaryN(db)).toBe(stored);
  });
});
