// What `data import` prints: a file with many rejects lists the first 20 and says how many more
// there are and where all of them are; `--json` keeps them all. Real data: the shipped World Bank
// GDP file's first 200 lines imported under the percentage indicator IT.NET.USER.ZS, so every
// value above 100 is a reject (a mistake a user can make with --indicator).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../../test/helpers/index.js';
import { packagePath } from '../../shared/index.js';

describe('data import: the rejects it prints', () => {
  it('lists the first 20, then the count of the rest and where they all are', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'gdp.csv');
      const gdp = readFileSync(packagePath('data', 'costs', 'worldbank_gdp_current_usd__datasets-gdp.csv'), 'utf8');
      writeFileSync(file, gdp.split('\n').slice(0, 200).join('\n'));
      const args = ['data', 'import', 'worldbank', file, '--indicator', 'IT.NET.USER.ZS'];
      const json = await cli([...args, '--json', '--db', join(t.dir, 'a.duckdb')]);
      expect(json.code, json.err).toBe(3);
      const total = (JSON.parse(json.out) as { rejects: unknown[] }).rejects.length;
      expect(total).toBeGreaterThan(40);
      const text = await cli([...args, '--db', join(t.dir, 'b.duckdb')]);
      expect(text.code).toBe(3);
      const listed = text.out.split('\n').filter((l) => l.startsWith('  rejected line '));
      expect(listed).toHaveLength(20);
      expect(text.out).toContain(`  ... ${total - 20} more rejected lines (--json lists all ${total})`);
      expect(text.out.split('\n').length).toBeLessThan(30);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
