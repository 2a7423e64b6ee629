// A dump that lost lines to rejects is partial, and one whose every record is rejected is no
// register at all. Lines are the real ones of test/fixtures/registry-quirks (2016-06-13 dump,
// 2020 part); the damaged copies (';' written as ',', a bad CIDR row) are SYNTHETIC edits, said so per test.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { importRegistry } from './import.js';
import { selectSnapshot } from './snapshots.js';

const fixture = (name: string) => readFileSync(packagePath('test', 'fixtures', 'registry-quirks', name));
/** The real 2016 lines, LF-separated: [header, record, record, ...]. */
const LINES_2016 = fixture('dump-2016-06-13-lines.cp1251.csv').toString('latin1').split('\n').filter(Boolean);
const PART_2020 = fixture('dump-08-2020-02-16-lines.cp1251.csv').toString('latin1').split('\n').filter(Boolean);
const commas = (line: string) => line.replaceAll(';', ',');

describe('registry import: lines lost to rejects', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = tempDir('registry-partial-');
  });
  afterEach(async () => {
    await cleanup();
    dir.cleanup();
  });
  const write = (name: string, lines: string[]) => {
    const path = join(dir.dir, name);
    writeFileSync(path, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    return path;
  };
  const run = (...paths: string[]) => importRegistry({ store, clock: fixedClock('2026-12-06T12:00:00Z'), progress: silentProgress }, paths);
  const registryValues = async () => {
    const series = await store.ledger.listIndicatorSeries({ country: 'RU' });
    return store.ledger.listIndicatorValues(series.map((s) => s.id));
  };

  it('a dump with one line rejected is partial: lower_bound, never the default "complete" snapshot, no size published (SYNTHETIC: one real line written with commas)', async () => {
    const [header, ...records] = LINES_2016;
    const r = await run(write('register-2016-06-13.csv', [header!, ...records.slice(0, -1), commas(records.at(-1)!)]));
    expect(r.files[0]).toMatchObject({ stored: records.length - 1, rejected: 1 });
    expect(r.snapshots).toEqual([expect.objectContaining({ id: '2016-06-13T12:04:00Z', complete: false, lower_bound: true })]);
    expect((await selectSnapshot(store)).selectedBy).toMatch(/no snapshot is complete/);
    const values = await registryValues();
    expect(values.map((v) => v.seriesId)).toEqual(['ru-registry-blocked-ipv4']);
    expect(values[0]!.doc.note).toMatch(/lower bound/);
  });

  it('the same dump whole stays complete (the rule above comes from the reject, not the file)', async () => {
    const r = await run(write('register-2016-06-13.csv', LINES_2016));
    expect(r.snapshots).toEqual([expect.objectContaining({ complete: true, lower_bound: false, entries: LINES_2016.length - 1 })]);
  });

  it('a dump whose every record is rejected is refused (VALIDATION, exit 2) and stores nothing: no snapshot, no default, no 0-valued indicator (SYNTHETIC: every real line written with commas)', async () => {
    const good = await run(write('register-2016-06-13.csv', LINES_2016));
    expect(good.rejected).toBe(0);
    const before = await registryValues();
    const [header, ...records] = LINES_2016;
    const bad = write('commas-2020-03-01.csv', ['Updated: 2020-03-01 10:00:00 +0000', ...records.map(commas)]);
    await expect(run(bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(new RegExp(`commas-2020-03-01\\.csv: every record is rejected \\(${records.length} lines; line 2: too_few_fields`)),
    });
    expect((await store.registry.listSnapshots()).map((s) => s.id)).toEqual(['2016-06-13T12:04:00Z']);
    expect((await selectSnapshot(store)).snapshot.id).toBe('2016-06-13T12:04:00Z');
    expect(await registryValues()).toEqual(before);
    expect(header).toMatch(/^Updated:/);
  });

  it('a headerless part and a derived CIDR file whose every row is rejected are refused too (SYNTHETIC edits of real lines)', async () => {
    // a part whose first line is no record is not recognised as a part at all
    const part = write('dump-08_2020-02-16_part.csv', PART_2020.map(commas));
    await expect(run(part)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/not a registry file/) });
    const cidr = readFileSync(packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'), 'utf8').split('\n');
    const broken = [cidr[0]!, ...cidr.slice(1, 4).map((l) => l.replace(/^[^,]+/, '999.1.2.0/24'))];
    const path = join(dir.dir, 'cidr_entries_DERIVED_2018-05-05.csv');
    writeFileSync(path, `${broken.join('\n')}\n`);
    await expect(run(path)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/every record is rejected \(3 lines; line 2: bad_ip/) });
    // one line: said in the singular
    const one = join(dir.dir, 'one_cidr_entries_DERIVED_2018-05-05.csv');
    writeFileSync(one, `${broken.slice(0, 2).join('\n')}\n`);
    await expect(run(one)).rejects.toMatchObject({ message: expect.stringMatching(/every record is rejected \(1 line; line 2: bad_ip/) });
    expect(await store.registry.listSnapshots()).toEqual([]);
    expect(await registryValues()).toEqual([]);
  });

  const cidrLines = () =>
    readFileSync(packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'), 'utf8').split(/\r?\n/);
  const dailyLines = () => readFileSync(packagePath('data', 'registry', 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv'), 'utf8').split(/\r?\n/);

  it('a derived CIDR file holding its header and no record (or blank lines only) is refused and stores nothing (the real header, cut)', async () => {
    for (const [name, body] of [
      ['h1_cidr_entries_DERIVED_2018-05-05.csv', [cidrLines()[0]!]],
      ['blank_cidr_entries_DERIVED_2018-05-05.csv', [cidrLines()[0]!, '', '']],
    ] as const) {
      await expect(run(write(name, [...body]))).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(
          new RegExp(`${name.replaceAll('.', '\\.')}: holds its header and no record: .*not a register of 0 entries; nothing was stored`),
        ),
      });
    }
    expect(await store.registry.listSnapshots()).toEqual([]);
    expect(await registryValues()).toEqual([]);
  });

  it('a daily series holding its header and no day, or whose every day is rejected, is refused and leaves the stored series as it was (the real file, cut; SYNTHETIC: days off the calendar)', async () => {
    const [header, ...rows] = dailyLines().filter(Boolean);
    const name = 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv';
    const good = await run(write(name, [header!, ...rows.slice(0, 5)]));
    expect(good.files[0]).toMatchObject({ stored: 5 });
    const before = await store.registry.listDailyStats();
    await expect(run(write(name, [header!]))).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/holds its header and no record/) });
    const offCalendar = rows.slice(0, 2).map((r) => r.replace(/^[^,]+/, '2012-13-01'));
    await expect(run(write(name, [header!, ...offCalendar]))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/every record is rejected \(2 lines; line 2: bad_date/),
    });
    expect(await store.registry.listDailyStats()).toEqual(before);
  });

  it('a derived CIDR row with fewer or more fields than the header is a bad_fields reject naming both counts, never read in part (SYNTHETIC: real rows cut and lengthened)', async () => {
    const [header, ...rows] = cidrLines().filter(Boolean);
    const cols = header!.split(',').length;
    const short = rows[6]!.split(',').slice(0, 2).join(',');
    const long = `${rows[7]!},extra`;
    const r = await run(write('r_cidr_entries_DERIVED_2018-05-05.csv', [header!, ...rows.slice(0, 6), short, long]));
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [8, `bad_fields: the row has 2 fields, the header ${cols}`],
      [9, `bad_fields: the row has ${cols + 1} fields, the header ${cols}`],
    ]);
    expect(r.files[0]).toMatchObject({ stored: 6, rejected: 2, reconciled: true });
  });
});
