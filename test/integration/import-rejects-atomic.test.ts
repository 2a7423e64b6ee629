/**
 * An importer that records a file as imported (a checksum or hash on which the next run skips
 * the file) writes that file's rejects list in the same transaction: when the rejects write fails
 * (here the rejects table is out of the way) nothing of the file is stored, and a rerun once the
 * table is back gives exactly what one uninterrupted import gives, rejects included. Real data:
 * the OONI Iran 2019 counts (test/fixtures/outages, its AS0 rows are rejected) and the shipped
 * Rosstat 2021 GRP table with one region name mistyped (a synthetic edit); the register
 * file is the synthetic one of test/fixtures/registry-quirks (the real samples have no bad line).
 * The speed tests are synthetic rows in the dataset's format (test/fixtures/speedtests-bad).
 * See the SOURCES.md of each folder. Last, the register's snapshot analysis (figures, series,
 * evidence links), written after the file: the rerun of an unchanged file completes it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';
import { readFile, tableDigests } from '../helpers/kill.js';

const t = tempDir();
afterAll(() => t.cleanup());
/** Columns that record when a row was written, not what it holds. */
const TIMES = ['imported_at', 'loaded_at', 'rejected_at', 'updated_at'];
const sql = (db: string, text: string) => readFile(db, (_q, rows) => rows(text));

/** Reference import; an import whose rejects write fails; the rerun and a second rerun: each compared table by table. */
async function failThenRerun(name: string, args: string[], tables: string[]) {
  const ref = join(t.dir, `${name}-ref.duckdb`);
  expect((await cli([...args, '--db', ref])).code).toBe(3);
  const want = await tableDigests(ref, [...tables, 'import_rejects'], TIMES);
  expect(want.import_rejects!.rows).toBeGreaterThan(0);

  const db = join(t.dir, `${name}.duckdb`);
  expect((await cli(['db', 'migrate', '--json', '--db', db])).code).toBe(0);
  const empty = await tableDigests(db, [...tables, 'import_rejects'], TIMES);
  await sql(db, 'ALTER TABLE import_rejects RENAME TO import_rejects_away');
  const failed = await cli([...args, '--db', db]);
  expect(failed.out + failed.err).toMatch(/import_rejects/);
  await sql(db, 'ALTER TABLE import_rejects_away RENAME TO import_rejects');
  expect(await tableDigests(db, [...tables, 'import_rejects'], TIMES), `${name}: the failed import stored part of the file`).toEqual(empty);

  expect((await cli([...args, '--db', db])).code).toBe(3);
  expect(await tableDigests(db, [...tables, 'import_rejects'], TIMES), `${name}: after the rerun`).toEqual(want);
  // the file is now unchanged: skipped (exit 0 when the importer lists no rejects for a skipped file)
  expect([0, 3]).toContain((await cli([...args, '--db', db])).code);
  expect(await tableDigests(db, [...tables, 'import_rejects'], TIMES), `${name}: after a second rerun`).toEqual(want);
  return want;
}

describe("a file's record and its rejects list in one transaction", () => {
  it('signals import', async () => {
    const OONI = packagePath('test', 'fixtures', 'outages', 'ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv');
    const want = await failThenRerun(
      'signals',
      ['signals', 'import', '--source', 'ooni_measurements', '--cc', 'IR', '--ooni-counts', 'day', OONI, '--json'],
      ['signal_points', 'signal_files'],
    );
    expect([want.signal_points!.rows, want.import_rejects!.rows]).toEqual([expect.any(Number), 5]);
    expect(want.signal_points!.rows).toBeGreaterThan(50);
  });

  it('speed tests import (a file re-read each run: its rows and rejects replaced together)', async () => {
    // synthetic bad lines in the dataset's format (test/fixtures/speedtests-bad/SOURCES.md): one good row, two rejects, one good
    const FILE = packagePath('test', 'fixtures', 'speedtests-bad', '2021-03', '13.csv');
    const want = await failThenRerun('speedtests', ['speedtests', 'import', FILE, '--json'], ['speedtests']);
    expect([want.speedtests!.rows, want.import_rejects!.rows]).toEqual([2, 2]);
  });

  it('registry import', async () => {
    const FILE = packagePath('test', 'fixtures', 'registry-quirks', 'synthetic-bad-lines.cp1251.csv');
    const want = await failThenRerun(
      'registry',
      ['registry', 'import', FILE, '--json'],
      ['registry_snapshots', 'registry_files', 'registry_entries', 'registry_ranges'],
    );
    expect([want.registry_entries!.rows, want.import_rejects!.rows]).toEqual([2, 5]);
  });

  it('data import (economic data)', async () => {
    // the shipped Rosstat 2021 table with Moscow's names (Russian and English) mistyped (SYNTHETIC edit): 84 regions stored, that line rejected
    const FILE = join(t.dir, 'grp_2021.csv');
    writeFileSync(
      FILE,
      readFileSync(packagePath('data', 'costs', 'rosstat_GRP_by_region_2021__yearbook2023.csv'), 'utf8')
        .replace('г. Москва,', 'г. Моськва,')
        .replace(',Moscow city', ',Moscov city'),
    );
    const want = await failThenRerun('cost', ['data', 'import', 'rosstat-grp', FILE, '--year', '2021', '--json'], ['econ_values', 'fx_rates', 'econ_imports']);
    expect([want.econ_imports!.rows, want.import_rejects!.rows, want.econ_values!.rows]).toEqual([1, 1, 84]);
  });
});

describe('registry import: a snapshot whose analysis did not finish is analysed by the rerun', () => {
  it('a failure while publishing its series leaves it without figures; the rerun of the unchanged file completes it', async () => {
    // Real register lines (test/fixtures/registry-quirks/SOURCES.md).
    const FILE = packagePath('test', 'fixtures', 'registry-quirks', 'dump-2016-06-13-lines.cp1251.csv');
    const args = ['registry', 'import', FILE, '--json'];
    const TABLES = ['registry_snapshots', 'registry_files', 'registry_entries', 'indicator_series', 'indicator_values'];
    const ref = join(t.dir, 'analysis-ref.duckdb');
    expect((await cli([...args, '--db', ref])).code).toBe(0);
    const want = await tableDigests(ref, TABLES, TIMES);
    expect(want.indicator_values!.rows).toBeGreaterThan(0);

    const db = join(t.dir, 'analysis.duckdb');
    expect((await cli(['db', 'migrate', '--json', '--db', db])).code).toBe(0);
    await sql(db, 'ALTER TABLE indicator_values RENAME TO indicator_values_away');
    const failed = await cli([...args, '--db', db]);
    expect(failed.code, failed.out + failed.err).toBe(1);
    await sql(db, 'ALTER TABLE indicator_values_away RENAME TO indicator_values');
    const figures = await sql(db, "SELECT doc->>'entries' AS entries FROM registry_snapshots");
    expect(figures, 'figures stored before the series were').toEqual([{ entries: null }]);

    const rerun = await cli([...args, '--db', db]);
    expect(rerun.code).toBe(0);
    expect((JSON.parse(rerun.out) as { files: { status: string }[] }).files.map((f) => f.status)).toEqual(['unchanged']);
    expect(await tableDigests(db, TABLES, TIMES)).toEqual(want);
  });
});
