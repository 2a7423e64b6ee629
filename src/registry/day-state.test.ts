// A day of the daily series (one gsnw/z-i commit, its dump's Updated: time) on which a complete
// snapshot is also imported holds two states of the register: the records series publish the
// later one only, whatever order the files were imported in, never the pair as a dispute. The
// daily series is the shipped file (2015-06-02: "Updated: 2015-06-02 09:28:00", 10,096 records,
// 2,787 by court); the dumps of that day are SYNTHETIC (real lines of the 2016 quirks fixture
// under a 2015 header, their decisions dated no later).
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { listIndicators } from '../ledger/index.js';
import { QUIRKS_2016_LINES, registryBench } from '../../test/helpers/registry.js';

const DAILY = packagePath('data', 'registry', 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv');
/** Real records of the quirks fixture decided before June 2015: lines 2 and 4 (court, court). */
const RECORDS = QUIRKS_2016_LINES.filter((l) => /;201[0-5]-0[1-5]-\d\d$|;201[0-4]-\d\d-\d\d$/.test(l));

// the fixture check needs no store: it sits under the same title, outside the bench's hooks
describe('registry: a snapshot on a day of the daily series', () => {
  it('the real fixture lines chosen are two court records', () => {
    expect(RECORDS).toHaveLength(2);
  });
});

describe('registry: a snapshot on a day of the daily series', () => {
  const b = registryBench('registry-day-state-');
  const dump = (time: string) => b.write(`register-2015-06-02-${time.replaceAll(':', '')}.csv`, `Updated: 2015-06-02 ${time} +0000\n${RECORDS.join('\n')}\n`);
  const run = (path: string) => b.run([path]);
  const day = async (period: string) =>
    (await listIndicators({ store: b.store }, { country: 'RU' })).items
      .filter((s) => s.id === 'ru-registry-records' || s.id.startsWith('ru-registry-records-') || s.id === 'ru-registry-ip-tokens')
      .flatMap((s) => s.values.filter((v) => v.period === period).map((v) => [s.id, v.value, v.disputed]))
      .sort();

  for (const order of ['daily first', 'snapshot first']) {
    it(`a complete snapshot later in the day than the daily row's dump publishes the records, the daily row's are withdrawn (${order})`, async () => {
      if (order === 'daily first') {
        await run(DAILY);
        await run(dump('20:00:00'));
      } else {
        await run(dump('20:00:00'));
        await run(DAILY);
      }
      expect(await day('2015-06-02')).toEqual([
        ['ru-registry-ip-tokens', 20_833, false], // the daily series alone counts tokens: no second state to dispute it
        ['ru-registry-records', 2, false],
        ['ru-registry-records-court', 2, false],
      ]);
      // the days around keep the daily series
      expect((await day('2015-06-03')).find((v) => v[0] === 'ru-registry-records')).toEqual(['ru-registry-records', 9_967, false]);
    });

    it(`a complete snapshot earlier in the day than the daily row's dump leaves the day to the daily series (${order})`, async () => {
      if (order === 'daily first') {
        await run(DAILY);
        await run(dump('05:00:00'));
      } else {
        await run(dump('05:00:00'));
        await run(DAILY);
      }
      const values = await day('2015-06-02');
      expect(values.filter((v) => v[0] === 'ru-registry-records' || v[0] === 'ru-registry-records-court')).toEqual([
        ['ru-registry-records', 10_096, false],
        ['ru-registry-records-court', 2_787, false],
      ]);
      expect(values.every((v) => v[2] === false)).toBe(true);
    });
  }
});
