// `cost compare top10vpn --seed N` (and ?seed=N) draws with that seed, as every pricing command
// does: seed 1 is the default, another seed moves the medians, and the answer echoes it (seeded ledger).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-cost-compare-seed-');
const db = join(t.dir, 'c.duckdb');
beforeAll(() => copySeeded(db), SEED_WAIT_MS);
afterAll(() => t.cleanup());

type Compare = { overrides: { seed?: number }; rows: { year: number; ours: Record<string, { usd: number } | undefined> }[] };
const compare = async (...extra: string[]) => {
  const r = await cli(['cost', 'compare', 'top10vpn', '--country', 'BY', '--json', '--db', db, ...extra]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Compare;
};

describe('cost compare --seed', () => {
  it('seed 1 is the default; seed 5 is taken, echoed and moves the medians', async () => {
    const dflt = await compare();
    const one = await compare('--seed', '1');
    const five = await compare('--seed', '5');
    expect(one.rows).toEqual(dflt.rows);
    expect(five.overrides.seed).toBe(5);
    expect(five.rows.map((r) => r.year)).toEqual(dflt.rows.map((r) => r.year));
    expect(five.rows).not.toEqual(dflt.rows);
  });

  it('a seed out of range is refused naming seed (exit 2)', async () => {
    const r = await cli(['cost', 'compare', 'top10vpn', '--country', 'BY', '--seed', '-1', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/seed: must be a whole number from 0 to 4294967295/);
  });
});
