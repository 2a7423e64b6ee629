// A day of the daily series held by two files is one state: the later dump's, with its own file
// and line cited; the same dump in two files is one value; the order of imports never decides.
// The daily series is the shipped file; the second file is a SYNTHETIC edit of its first lines
// (one day's dump later in the day, with another commit and other counts, or the same lines).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listIndicators } from '../ledger/index.js';
import { packagePath } from '../shared/index.js';
import type { RegistryDailyStatRecord } from '../store/index.js';
import { registryBench } from '../../test/helpers/registry.js';
import { dailyDays } from './daily-days.js';

const DAILY = packagePath('data', 'registry', 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv');
const [HEADER, FIRST, SECOND] = readFileSync(DAILY, 'utf8').split(/\r?\n/) as [string, string, string];
/** 2012-11-19 dumped again at 18:00 with 70 records (9 more "other" bodies: organ_other is the last column). */
const LATER = FIRST.replace('8d20a375fa152b882b597dac5c3c623831f89b2b', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
  .replace('09:09:00', '18:00:00')
  .replace(',61,61,61,', ',70,61,61,')
  .replace(/,0$/, ',9');

// the edit's check needs no store: it sits under the same title, outside the bench's hooks
describe('daily series: one state per day across files', () => {
  it('the edit is what it says: the shipped first row, 61 records at 09:09', () => {
    expect(FIRST).toMatch(/^2012-11-19,8d20a375.*,Updated: 2012-11-19 09:09:00 \+0000,5930,61,61,61,/);
    expect(LATER).toMatch(/^2012-11-19,a{40},Updated: 2012-11-19 18:00:00 \+0000,5930,70,61,61,.*,9$/);
  });
});

describe('daily series: one state per day across files', () => {
  const b = registryBench('registry-daily-days-');
  const day = async (period: string) =>
    (await listIndicators({ store: b.store }, { country: 'RU' })).items
      .flatMap((s) => s.values.filter((v) => v.period === period).map((v) => [s.id, v.value, v.source.locator, v.disputed]))
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));

  for (const order of ['shipped first', 'later dump first']) {
    it(`a later dump of a day in another file is the day's one state, citing its own file (${order})`, async () => {
      const later = b.write('later-2012-11.csv', Buffer.from(`${HEADER}\n${LATER}\n`, 'utf8'));
      for (const path of order === 'shipped first' ? [DAILY, later] : [later, DAILY]) await b.run([path]);
      const records = (await day('2012-11-19')).filter((v) => v[0] === 'ru-registry-records' || v[0] === 'ru-registry-records-other');
      expect(records).toEqual([
        ['ru-registry-records', 70, 'later-2012-11.csv, line 2', false],
        ['ru-registry-records-other', 9, 'later-2012-11.csv, line 2', false],
      ]);
      // the days only the shipped file holds keep its values and cite it
      expect((await day('2012-11-21')).find((v) => v[0] === 'ru-registry-records')).toEqual([
        'ru-registry-records',
        62,
        'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv, line 3',
        false,
      ]);
    });
  }

  it('the same lines in two files, imported together or one after the other, give each day one value, never summed', async () => {
    const copy = b.write('copy.csv', Buffer.from(`${HEADER}\n${FIRST}\n${SECOND}\n`, 'utf8'));
    await b.run([DAILY, copy]);
    const together = await day('2012-11-19');
    await b.run([copy]);
    await b.run([DAILY]);
    for (const values of [together, await day('2012-11-19')]) {
      const records = values.filter((v) => v[0] === 'ru-registry-records');
      expect(records).toHaveLength(1);
      expect(records[0]![1]).toBe(61);
    }
  });
});

describe('dailyDays (SYNTHETIC rows)', () => {
  const row = (file: string, header: string, records: number, complete = true): RegistryDailyStatRecord => ({
    sourceFile: file,
    day: '2013-01-02',
    complete,
    records,
    doc: { updated_header: `Updated: 2013-01-02 ${header} +0000`, source_line: 2 },
  });

  it('keeps the later dump, then the file named last; an incomplete row is neither kept nor dropped', () => {
    const rows = [row('a.csv', '10:00:00', 1), row('b.csv', '09:00:00', 2), row('c.csv', '10:00:00', 3), row('z.csv', '23:00:00', 4, false)];
    const { kept, dropped } = dailyDays(rows);
    expect(kept.map((r) => r.records)).toEqual([3]);
    expect(dropped.map((r) => r.records).sort()).toEqual([1, 2]);
    expect(dailyDays([...rows].reverse()).kept.map((r) => r.records)).toEqual([3]);
  });
});
