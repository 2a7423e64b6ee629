// Two snapshots of one day (Zapret-Info publishes several dumps a day): `--snapshot DATE` never
// picks one of them silently, and the per-snapshot indicators hold one value per day, from the
// day's last complete snapshot, whatever order the dumps were imported in. Records are the real
// lines of test/fixtures/registry-quirks/dump-2016-06-13-lines.cp1251.csv; the two dump times
// of that day and the shorter second dump are SYNTHETIC.
import { describe, expect, it } from 'vitest';
import { listIndicators } from '../ledger/index.js';
import { QUIRKS_2016_LINES, registryBench } from '../../test/helpers/registry.js';
import { selectSnapshot } from './snapshots.js';

const RECORDS = QUIRKS_2016_LINES.slice(1);

describe('registry: two snapshots on one day', () => {
  const b = registryBench('registry-same-day-');
  const dump = (name: string, time: string, records: readonly string[]) => b.write(name, `Updated: 2016-06-13 ${time} +0000\n${records.join('\n')}\n`);
  const run = (path: string) => b.run([path]);
  const morning = () => dump('morning-2016-06-13.csv', '09:00:00', RECORDS);
  const evening = () => dump('evening-2016-06-13.csv', '18:00:00', RECORDS.slice(0, 3));
  const dayValues = async () =>
    (await listIndicators({ store: b.store }, { country: 'RU' })).items
      .flatMap((s) => s.values.filter((v) => v.period === '2016-06-13').map((v) => [s.id, v.value, v.source.locator, v.disputed]))
      .sort();

  it('a date that names two snapshots is refused (VALIDATION) listing them; an id picks one', async () => {
    await run(morning());
    await run(evening());
    await expect(selectSnapshot(b.store, '2016-06-13')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/2016-06-13 names 2 snapshots: 2016-06-13T09:00:00Z, 2016-06-13T18:00:00Z; give one of these ids/),
    });
    expect((await selectSnapshot(b.store, '2016-06-13T09:00:00Z')).snapshot.id).toBe('2016-06-13T09:00:00Z');
  });

  it('a time that is no snapshot is refused naming snapshot and listing the ids, whatever its day holds; the same instant written otherwise is that snapshot', async () => {
    await run(morning());
    for (const value of [
      '2016-06-13T09:04:00Z',
      '2016-06-13T23:59',
      '2016-06-13T15:04:00+03:00',
      '2016-06-13T23:59:00-05:00',
      '2016-06-13 10:00',
      '2016-02-30T09:00:00Z',
    ]) {
      await expect(selectSnapshot(b.store, value), value).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('available: 2016-06-13T09:00:00Z'),
        issues: [{ path: ['snapshot'] }],
      });
    }
    for (const value of ['2016-06-13T09:00:00Z', '2016-06-13T12:00:00+03:00', '2016-06-13 09:00:00Z', '2016-06-13'])
      expect((await selectSnapshot(b.store, value)).snapshot.id, value).toBe('2016-06-13T09:00:00Z');
  });

  it('a YYYY-MM-DD value the calendar does not have is refused as no date, not as a day without snapshots (SYNTHETIC values)', async () => {
    await run(morning());
    for (const value of ['2016-13-01', '2016-02-30'])
      await expect(selectSnapshot(b.store, value), value).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(new RegExp(`^--snapshot "${value}" is not a date on the calendar; available: 2016-06-13T09:00:00Z`)),
        issues: [{ path: ['snapshot'] }],
      });
  });

  for (const order of ['morning first', 'evening first'])
    it(`the indicators keep one value per day, the day's last complete snapshot's, never a disputed pair (${order})`, async () => {
      if (order === 'morning first') {
        await run(morning());
        await run(evening());
      } else {
        await run(evening());
        await run(morning());
      }
      const locator = 'splinternet registry summary --snapshot 2016-06-13T18:00:00Z';
      expect(await dayValues()).toEqual([
        ['ru-registry-blocked-ipv4', 6, locator, false],
        ['ru-registry-records', 3, locator, false],
        ['ru-registry-records-court', 2, locator, false], // lines 2 and 4 of the fixture
        ['ru-registry-records-fns', 1, locator, false],
      ]);
    });
});
