// `cost regions` for a country without regional output ranks its regions by population share,
// held fixed; `cost --region` draws the share ×/÷ 2. The table says so, and that its interval
// is the narrower one (seeded ledger and shipped data).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-cost-regions-proxy-');
const db = join(t.dir, 'c.duckdb');
beforeAll(() => copySeeded(db), SEED_WAIT_MS);
afterAll(() => t.cleanup());

type Money = { median: number; low: number; high: number; point: number };
const args = ['--type', 'full', '--hours', '24', '--year', '2021', '--method', 'deloitte-2016', '--json', '--db', db];

describe('cost regions by population share', () => {
  it("India: the table's interval holds each share fixed and says so; cost --region gives the same point and a wider interval", async () => {
    const table = JSON.parse((await cli(['cost', 'regions', '--country', 'IN', ...args])).out) as { items: ({ code: string } & Money)[]; notes: string[] };
    const ka = table.items.find((i) => i.code === 'IN-KA')!;
    const one = (JSON.parse((await cli(['cost', '--country', 'IN', '--region', 'IN-KA', ...args])).out) as { estimates: Money[] }).estimates[0]!;
    expect(one.point).toBe(ka.point);
    expect(one.high - one.low).toBeGreaterThan(ka.high - ka.low);
    expect(table.notes.join(' ')).toMatch(/each region's median and 90 % interval hold its population share fixed.*cost --region .* draws the share/);
  });

  it('Russia (regional output, no proxy): no such note', async () => {
    const table = JSON.parse((await cli(['cost', 'regions', '--country', 'RU', ...args])).out) as { notes: string[] };
    expect(table.notes.join(' ')).not.toMatch(/population share fixed/);
  });
});
