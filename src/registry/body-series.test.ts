// The per-body series: a body without a series of its own is counted in ru-registry-records-other,
// and that series describes itself as "other" whichever bodies a dump adds to it, never as one of
// them. The daily series is the shipped file; the dumps of 2019 (their bodies Минюст and
// Минздрав, which have no series of their own) are SYNTHETIC.
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { listIndicators } from '../ledger/index.js';
import { registryBench } from '../../test/helpers/registry.js';

const DAILY = packagePath('data', 'registry', 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv');

describe('registry: the "other" bodies series', () => {
  const b = registryBench('registry-other-');
  const dump = (name: string, header: string, lines: string[]) => {
    const text = `Updated: ${header} +0000\n${lines.join('\n')}\n`;
    return b.write(name, Buffer.from([...text].map((ch) => CP1251.get(ch) ?? ch.charCodeAt(0))));
  };
  const run = (...paths: string[]) => b.run(paths);
  const other = async () => (await listIndicators({ store: b.store }, { country: 'RU' })).items.find((s) => s.id === 'ru-registry-records-other')!;

  it('keeps the title and description "other" when a dump adds bodies to it, and sums those bodies per day', async () => {
    await run(DAILY);
    const before = await other();
    expect(before.title).toBe("Russia's blocking register: records by other");
    await run(dump('one-2019-06-11.csv', '2019-06-11 10:00:00', ['7.7.7.1;mj.ru;;Минюст;1/2019;2019-01-01', '7.7.7.3;c.ru;;суд;3/2019;2019-01-01']));
    await run(
      dump('two-2019-06-12.csv', '2019-06-12 10:00:00', [
        '7.7.7.1;mj.ru;;Минюст;1/2019;2019-01-01',
        '7.7.7.2;mz.ru;;Минздрав;2/2019;2019-01-01',
        '7.7.7.3;c.ru;;суд;3/2019;2019-01-01',
      ]),
    );
    const after = await other();
    expect({ title: after.title, description: after.description }).toEqual({ title: before.title, description: before.description });
    expect(after.description).not.toMatch(/Минюст|Минздрав/);
    expect(after.values.filter((v) => v.period >= '2019').map((v) => [v.period, v.value])).toEqual([
      ['2019-06-11', 1],
      ['2019-06-12', 2],
    ]);
    // the daily values before 2019 are still there, under the same series
    expect(after.values.filter((v) => v.period < '2019')).toHaveLength(before.values.length);
  });
});

/** cp1251 bytes of the characters used above (TextDecoder has no cp1251 encoder). */
const CP1251 = new Map([...new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i))].map((ch, b) => [ch, b] as const));
