// Economic data: the seed loads data/costs (real data) into the store; `data import` loads a
// newer file of the same format and replaces values key by key.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-cost-data-');
const db = join(t.dir, 'c.duckdb');
let seed: {
  costs: {
    files: { file: string; values: number; checks: Record<string, { regions: number; gap_pct?: number; missing_regions: string[] }> }[];
    rejects: unknown[];
  };
};

beforeAll(async () => {
  seed = JSON.parse(await copySeeded(db)) as typeof seed;
}, SEED_WAIT_MS);
afterAll(() => t.cleanup());

describe('seeded economic data', () => {
  it('stores all 85 Russian regions once, summing exactly to the Russian Federation row for 2020', () => {
    const grp2020 = seed.costs.files.find((f) => f.file.endsWith('rosstat_GRP_by_region_2020__yearbook2022_tbl12.19.csv'))!;
    expect(grp2020.values).toBe(85);
    expect(grp2020.checks.GRP).toMatchObject({ regions: 85, missing_regions: [], gap_pct: 0 });
    const grp2021 = seed.costs.files.find((f) => f.file.endsWith('rosstat_GRP_by_region_2021__yearbook2023.csv'))!;
    expect(Math.abs(grp2021.checks.GRP!.gap_pct!)).toBeLessThan(0.05);
    expect(seed.costs.rejects).toEqual([]);
  });

  it('keeps source, unit and vintage on every value, and both kinds of USD/RUB rate', async () => {
    const store = await openStore(db);
    try {
      const ru = await store.cost.values({ country: 'RU', indicators: ['GRP'] });
      const moscow = ru.find((v) => v.geo === 'RU-MOW' && v.year === 2020)!;
      expect(moscow).toMatchObject({ value: 19856674.5e6, unit: 'RUB', vintage: 'Russian Statistical Yearbook 2022' });
      expect(moscow.source).toMatch(/Rosstat/);
      expect(ru.filter((v) => v.year === 2020)).toHaveLength(85);
      const rates = await store.cost.rates('RU');
      expect(rates.find((r) => r.kind === 'daily' && r.period === '2020-12-22')?.rate).toBeGreaterThan(70);
      expect(rates.find((r) => r.kind === 'annual' && r.period === '2024')?.rate).toBe(92.5524);
      const cn = await store.cost.values({ country: 'CN', indicators: ['GRP'] });
      expect(cn.find((v) => v.geo === 'CN-XJ' && v.year === 2009)?.value).toBe(4237.0e8);
    } finally {
      await store.close();
    }
  });

  it('re-seeding skips unchanged files', async () => {
    const r = await cli(['db', 'seed', '--db', db, '--json']);
    expect([0, 3], r.err).toContain(r.code);
    const files = (JSON.parse(r.out) as { costs: { files: { unchanged: boolean }[] } }).costs.files;
    expect(files.every((f) => f.unchanged)).toBe(true);
  });

  it('`data import` replaces values from a newer file of the same format, with its own vintage', async () => {
    const src = readFileSync('data/costs/rosstat_GRP_by_region_2021__yearbook2023.csv', 'utf8');
    const newer = join(t.dir, 'grp_2021_revised.csv');
    writeFileSync(newer, src.replace('г. Москва,24', 'г. Москва,25'));
    const r = await cli(['data', 'import', 'rosstat-grp', newer, '--year', '2021', '--vintage', 'revised test copy', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ values: 85, vintage: 'revised test copy', unchanged: false });
    const store = await openStore(db);
    try {
      const m = (await store.cost.values({ country: 'RU', indicators: ['GRP'] })).find((v) => v.geo === 'RU-MOW' && v.year === 2021)!;
      expect(m.vintage).toBe('revised test copy');
      expect(String(m.value)).toMatch(/^25/);
    } finally {
      await store.close();
    }
  });

  it('the same bytes imported as another indicator are a new import that supersedes the first', async () => {
    // Rows copied from the shipped World Bank GDP file (real data), under a name of their own.
    const rows = readFileSync('data/costs/worldbank_gdp_current_usd__datasets-gdp.csv', 'utf8').split('\n').slice(0, 30).join('\n');
    const f = join(t.dir, 'wb_long_copy.csv');
    writeFileSync(f, rows);
    const imp = (...extra: string[]) => cli(['data', 'import', 'worldbank', f, ...extra, '--db', db, '--json']);
    const none = await imp();
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--indicator/);
    const first = await imp('--indicator', 'TEST.A');
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ unchanged: false });
    const n = (JSON.parse(first.out) as { values: number }).values;
    expect(n).toBeGreaterThan(0);
    expect(JSON.parse((await imp('--indicator', 'TEST.A')).out)).toMatchObject({ unchanged: true });
    const again = await imp('--indicator', 'TEST.B');
    expect(JSON.parse(again.out)).toMatchObject({ unchanged: false, values: n });
    const store = await openStore(db);
    try {
      const af = await store.cost.values({ country: 'AF', indicators: ['TEST.A', 'TEST.B'] });
      expect(new Set(af.map((v) => v.indicator))).toEqual(new Set(['TEST.B']));
    } finally {
      await store.close();
    }
  });

  it("a file whose header is not the format's own is refused with exit 2 naming it, and nothing is stored (SYNTHETIC EUR/RUB file; the shipped GDP file)", async () => {
    const ratesOn = async (day: string) => {
      const store = await openStore(db);
      try {
        return (await store.cost.rates('RU')).filter((r) => r.period === day).map((r) => [r.rate, r.source]);
      } finally {
        await store.close();
      }
    };
    const before = await ratesOn('2023-11-15');
    expect(before).toHaveLength(1);
    const eur = join(t.dir, 'eur_rub.csv');
    writeFileSync(eur, 'Date,EUR_RUB\n2023-11-15,97.5\n');
    const r = await cli(['data', 'import', 'cbr-usd-rub', eur, '--db', db, '--json']);
    expect(r.code, r.err).toBe(2);
    expect(JSON.parse(r.out).error.message).toMatch(
      new RegExp(`^${eur}: line 1: expected the columns date,rate .*no column "rate"; "EUR_RUB" is not one of them`),
    );
    const gdp = await cli(['data', 'import', 'cbr-usd-rub', 'data/costs/worldbank_gdp_current_usd__datasets-gdp.csv', '--db', db]);
    expect(gdp.code).toBe(2);
    expect(gdp.err).toMatch(/no column "date".*Country Name,Country Code,Year,Value/);
    expect(await ratesOn('2023-11-15')).toEqual(before);
  });

  it('data import worldbank: an empty file, a header it does not know, or one without Value exits 2 naming the file; a DataBank export is stored (rows of the shipped files)', async () => {
    const write = (name: string, text: string) => {
      const f = join(t.dir, name);
      writeFileSync(f, text);
      return f;
    };
    const gdp = readFileSync('data/costs/worldbank_gdp_current_usd__datasets-gdp.csv', 'utf8').split(/\r?\n/);
    const kaz = [gdp[0]!, ...gdp.filter((l) => l.startsWith('Kazakhstan,KAZ,202'))];
    const imp = (f: string, ...extra: string[]) => cli(['data', 'import', 'worldbank', f, '--indicator', 'NY.GDP.MKTP.CD', ...extra, '--db', db, '--json']);
    for (const [f, words] of [
      [write('empty.csv', ''), 'an empty file'],
      [write('semi.csv', kaz.map((l) => l.replace(/,/g, ';')).join('\n')), 'no header naming "Country Name"'],
      [write('novalue.csv', kaz.map((l) => l.split(',').slice(0, 3).join(',')).join('\n')), 'no column "Value"'],
    ] as const) {
      const r = await imp(f);
      expect(r.code, r.err).toBe(2);
      expect(JSON.parse(r.out).error.message).toContain(`${f}: `);
      expect(JSON.parse(r.out).error.message).toContain(words);
    }
    const net = readFileSync('data/costs/worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv', 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const rows = [net[0]!.replace(/,(\d{4})(?=,|$)/g, ',$1 [YR$1]'), ...net.filter((l) => l.startsWith('Kazakhstan,KAZ,'))];
    const databank = await cli(['data', 'import', 'worldbank', write('databank.csv', rows.join('\n')), '--db', db, '--json']);
    expect(databank.code, databank.err).toBe(0);
    expect(JSON.parse(databank.out).values).toBeGreaterThan(20);
  });

  it('rejects unknown rows with exit 3 and an unknown kind with exit 2', async () => {
    const bad = join(t.dir, 'bad_2021.csv');
    writeFileSync(bad, 'region_ru,grp_mln_rub,grp_per_capita_rub,region_en\nАтлантида,5,1,Atlantis\n');
    const r = await cli(['data', 'import', 'rosstat-grp', bad, '--db', db, '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).rejects[0]).toMatchObject({ line: 2, reason: 'unknown region name "Атлантида"' });
    // a rerun of the unchanged file stores nothing and names the rejects its import kept (before: exit 0, none listed)
    const again = await cli(['data', 'import', 'rosstat-grp', bad, '--db', db, '--json']);
    expect(again.code).toBe(3);
    expect(JSON.parse(again.out)).toMatchObject({ unchanged: true, rejects: [{ line: 2, reason: 'unknown region name "Атлантида"' }] });
    const k = await cli(['data', 'import', 'imf', bad, '--db', db]);
    expect(k.code).toBe(2);
    expect(k.err).toMatch(/kind/);
  });
});
