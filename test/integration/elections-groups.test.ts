// Regions and districts are grouped as stations are keyed: a name in two spellings (Unicode
// form, spacing) is one region or one district in `--by region`, `--by district` and the
// integer test's `by_region`; and `--district N` selects the ОИК of number N however the file
// writes it ("ОИК №39" in 2021, "39 Алтайский край - Барнаульский" in 2016).
// Data: the real 2016 national cut (every 25th station, test/fixtures); the SYNTHETIC respelling
// imports every other station as a second file with the region names decomposed (NFD) and the
// spaces of the ОИК names doubled, as one region's files can differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCsv, textOf } from '../../src/elections/text.js';
import { electionFixture as fx } from '../helpers/elections.js';
import { cli, tempDir } from '../helpers/index.js';

type Group = { region: string; region_code: string | null; district: string | null; all: { stations: number; registered: number } };

describe('election groups and the district filter (duma-2016)', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const whole = join(t.dir, 'whole.duckdb');
  const split = join(t.dir, 'split.duckdb');
  const json = async (args: string[], db: string) => {
    const r = await cli([...args, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out);
  };
  const groups = async (db: string, by: string): Promise<Group[]> => (await json(['elections', 'summary', 'duma-2016', '--by', by], db)).groups;

  beforeAll(async () => {
    const [head, ...rows] = textOf(readFileSync(fx('kobak-2016-every25th.csv.zip')))
      .trimEnd()
      .split('\n');
    const odd = rows.filter((_, k) => k % 2 === 1);
    const respelled = odd.map((line) => {
      const [region, oik] = splitCsv(line)!;
      return line.replace(region!, region!.normalize('NFD')).replace(oik!, oik!.replace(/ /g, '  '));
    });
    expect(respelled.filter((l, k) => l !== odd[k]).length).toBeGreaterThan(odd.length / 2);
    const a = join(t.dir, 'a-2016.csv');
    const b = join(t.dir, 'b-2016.csv');
    writeFileSync(a, [head, ...rows.filter((_, k) => k % 2 === 0)].join('\n') + '\n');
    writeFileSync(b, [head, ...respelled].join('\n') + '\n');
    expect((await cli(['elections', 'import', fx('kobak-2016-every25th.csv.zip'), '--db', whole])).code).toBe(0);
    const r = await cli(['elections', 'import', a, b, '--db', split]);
    expect(r.code, r.err).toBe(0);
  });

  it('--district N selects the 2016 district written "N Region - Name", as --by district counts it', async () => {
    const byDistrict = await groups(whole, 'district');
    expect(byDistrict).toHaveLength(225);
    for (const n of [1, 39, 196, 225]) {
      const g = byDistrict.filter((x) => x.district!.startsWith(`${n} `));
      expect(g).toHaveLength(1);
      const s = await json(['elections', 'summary', 'duma-2016', '--district', String(n)], whole);
      expect(s.totals.all.stations).toBe(g[0]!.all.stations);
      expect(s.totals.all.registered).toBe(g[0]!.all.registered);
    }
  });

  it('a region spelled two ways is one group in --by region, with the stations of both files', async () => {
    const one = await groups(whole, 'region');
    const two = await groups(split, 'region');
    expect(two.map((g) => [g.region_code, g.all.stations, g.all.registered])).toEqual(one.map((g) => [g.region_code, g.all.stations, g.all.registered]));
  });

  it('a district spelled two ways is one group in --by district, and --district still selects it whole', async () => {
    const one = await groups(whole, 'district');
    const two = await groups(split, 'district');
    expect(two).toHaveLength(225);
    expect(two.map((g) => g.all.stations)).toEqual(one.map((g) => g.all.stations));
    const s = await json(['elections', 'summary', 'duma-2016', '--district', '39'], split);
    expect(s.totals.all.stations).toBe(one.find((g) => g.district!.startsWith('39 '))!.all.stations);
  });

  it("the integer test's by_region has one row per region, as for the file imported whole", async () => {
    // Rows come by excess, whose draws follow the files' station order: compared by region.
    const rows = (doc: { result: { by_region: { region: string; stations: number }[] } }) =>
      doc.result.by_region.map((x) => `${x.region.normalize('NFC')}: ${x.stations}`).sort();
    const one = rows(await json(['elections', 'integers', 'duma-2016', '--reps', '10'], whole));
    const two = rows(await json(['elections', 'integers', 'duma-2016', '--reps', '10'], split));
    expect(two).toHaveLength(85);
    expect(two).toEqual(one);
  });
});
